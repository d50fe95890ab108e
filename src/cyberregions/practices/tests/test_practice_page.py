"""A practice's page: who sees which practice, its history, contact and interests, and the
query count."""

from django.utils import timezone

from cyberregions.practices import services
from cyberregions.practices.models import Interest

from .helpers import PracticeTestCase, make_practice


def url(practice):
    return f"/practices/{practice.slug}/"


# practice page for a visitor: the practice and its prefetches (barriers, domains, other
# organisations, figures, attachments) and comments; a visitor sees no investigation.
DETAIL_QUERIES = 8  # with the action-plan citations of the practice


class PracticePageTests(PracticeTestCase):
    def test_who_sees_which_practice(self):
        visible = {
            "visitor": {"published"},
            "registered": {"published"},
            "member": {"published"},
            "tuscan coordinator": {"published"},
            "staff": {"published", "submitted"},
            "coordinator": {"published", "submitted", "draft"},
            "admin": {"published", "submitted", "draft"},
        }
        practices = {"published": self.published, "submitted": self.submitted, "draft": self.draft}
        for name, user in self.personas():
            self.as_persona(user)
            for state, practice in practices.items():
                status = self.client.get(url(practice)).status_code
                self.assertEqual(status, 200 if state in visible[name] else 404, (name, state))

    def test_it_shows_the_practice(self):
        response = self.client.get(url(self.published))
        self.assertContains(response, '<h1 class="h2 mb-1">Cyber voucher for SMEs</h1>', html=False)
        self.assertContains(response, "Market fragmentation")
        self.assertContains(response, "Armor Cyber Defence")
        self.assertContains(response, "Security Management and Governance")
        self.assertNotContains(response, "History")

    def test_the_history_is_for_those_who_may_edit_and_staff(self):
        services.submit_practice(self.coordinator, self.draft)
        services.request_changes(self.staff, self.draft, "Say more about the budget.")
        for name, user in self.personas():
            self.as_persona(user)
            response = self.client.get(url(self.draft))
            if name in ("coordinator", "admin", "staff"):
                self.assertContains(response, "Say more about the budget.", msg_prefix=name)
                self.assertContains(response, "History", msg_prefix=name)
            else:
                self.assertEqual(response.status_code, 404, name)

    def test_the_contact_is_public_only_with_consent(self):
        self.published.contact_name = "Marie Contact"
        self.published.contact_email = "marie@example.org"
        self.published.save()
        for name, user in self.personas():
            self.as_persona(user)
            response = self.client.get(url(self.published))
            if name in ("coordinator", "admin", "staff"):
                self.assertContains(response, "marie@example.org", msg_prefix=name)
                self.assertContains(response, "no consent recorded", msg_prefix=name)
            else:
                self.assertNotContains(response, "marie@example.org", msg_prefix=name)
        self.published.contact_public_consent = True
        self.published.contact_consent_recorded_at = timezone.now()
        self.published.save()
        self.client.logout()
        self.assertContains(self.client.get(url(self.published)), "marie@example.org")

    def test_interested_regions_are_shown_to_the_owners_only(self):
        Interest.objects.create(
            practice=self.published,
            region=self.tuscany,
            user=self.tuscan_coordinator,
            message="We want to copy it.",
            contact_consent_at=timezone.now(),
        )
        for name, user in self.personas():
            self.as_persona(user)
            response = self.client.get(url(self.published))
            if name in ("coordinator", "admin", "staff"):
                self.assertContains(response, "giulia@example.org", msg_prefix=name)
                self.assertContains(response, "We want to copy it.", msg_prefix=name)
            else:
                self.assertNotContains(response, "giulia@example.org", msg_prefix=name)

    def test_buttons_follow_the_permissions(self):
        self.login(self.coordinator)
        body = self.client.get(url(self.draft)).content.decode()
        self.assertIn(f"/practices/{self.draft.slug}/edit/", body)
        self.assertIn(f"/practices/{self.draft.slug}/step/submit/", body)
        self.assertNotIn("/step/validate/", body)
        self.login(self.staff)
        body = self.client.get(url(self.submitted)).content.decode()
        self.assertNotIn(f"/practices/{self.submitted.slug}/edit/", body)
        for action in ("validate", "request_changes", "reject"):
            self.assertIn(f"/step/{action}/", body)
        self.login(self.tuscan_coordinator)
        body = self.client.get(url(self.published)).content.decode()
        self.assertIn(f"/practices/{self.published.slug}/interest/", body)
        self.assertNotIn("/step/", body)

    def test_it_refuses_writes(self):
        self.login(self.admin)
        for method in ("post", "put", "patch", "delete"):
            self.assertEqual(getattr(self.client, method)(url(self.published)).status_code, 405)

    def test_an_unknown_practice_is_404(self):
        self.assertEqual(self.client.get("/practices/no-such-practice/").status_code, 404)

    def test_the_page_pins_its_queries(self):
        for number in range(5):
            make_practice(f"Other {number}", self.brittany)
        with self.assertNumQueries(DETAIL_QUERIES):
            self.client.get(url(self.published))

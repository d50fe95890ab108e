"""Study visits and peer reviews: peers from other countries, who sees and edits them, the
follow-up list with owners, due dates and notifications."""

import datetime

from django.core import mail
from django.core.exceptions import PermissionDenied

from cyberregions.geo.models import Region
from cyberregions.practices import services
from cyberregions.practices.models import FollowUp, Investigation

from .helpers import PracticeTestCase


class InvestigationTests(PracticeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.wallonia = Region.objects.get(code="BE3")
        cls.castilla = Region.objects.get(code="ES41")
        cls.review = services.create_investigation(
            cls.coordinator,
            {
                "kind": "peer_review",
                "title": "Peer review of the cyber voucher",
                "host_region": cls.brittany,
                "peer_regions": [cls.tuscany, cls.estonia],
                "practices": [cls.published],
                "start_date": datetime.date(2021, 5, 10),
                "end_date": datetime.date(2021, 5, 11),
                "findings": "Uptake is high.",
            },
        )

    def data(self, **changes):
        data = {
            "kind": "peer_review",
            "title": "Another review",
            "host_region": self.brittany,
            "peer_regions": [self.tuscany, self.castilla],
            "practices": [],
            "start_date": datetime.date(2022, 1, 1),
        }
        data.update(changes)
        return data

    def test_a_peer_review_needs_peers_from_two_other_countries(self):
        for peers in ([self.tuscany], [Region.objects.get(code="FRH0")], []):
            with self.subTest(peers=peers), self.assertRaises(services.InvestigationError):
                services.create_investigation(self.coordinator, self.data(peer_regions=peers))
        # a study visit may have peers from one country.
        visit = services.create_investigation(
            self.coordinator, self.data(kind="study_visit", peer_regions=[self.tuscany])
        )
        self.assertEqual(list(visit.peer_regions.all()), [self.tuscany])

    def test_it_is_linked_to_practices_and_shown_on_their_page(self):
        self.assertEqual(list(self.published.investigations.all()), [self.review])
        self.login(self.tuscan_coordinator)
        page = self.client.get(f"/practices/{self.published.slug}/")
        self.assertContains(page, "Peer review of the cyber voucher")

    def test_who_sees_the_investigation(self):
        url = f"/practices/investigations/{self.review.pk}/"
        expected = {
            "visitor": 302,
            "registered": 404,
            "member": 404,
            "tuscan coordinator": 200,  # a peer region
            "coordinator": 200,  # the host
            "staff": 200,
            "admin": 200,
        }
        for name, user in self.personas():
            self.as_persona(user)
            self.assertEqual(self.client.get(url).status_code, expected[name], name)
        # the list shows the same.
        self.login(self.member)
        self.assertEqual(self.client.get("/practices/investigations/").status_code, 403)
        self.login(self.tuscan_coordinator)
        self.assertContains(
            self.client.get("/practices/investigations/"), "Peer review of the cyber voucher"
        )

    def test_who_edits_it(self):
        url = f"/practices/investigations/{self.review.pk}/edit/"
        for name, user in self.personas():
            self.as_persona(user)
            status = self.client.get(url).status_code
            if name in ("coordinator", "staff", "admin"):
                self.assertEqual(status, 200, name)
            else:
                self.assertIn(status, (302, 403, 404), name)
        with self.assertRaises(PermissionDenied):
            services.update_investigation(self.tuscan_coordinator, self.review, {"title": "Mine"})

    def test_the_host_records_one_through_the_page(self):
        self.login(self.coordinator)
        response = self.client.post(
            "/practices/investigations/new/",
            {
                "kind": "peer_review",
                "title": "Review through the page",
                "host_region": self.brittany.pk,
                "peer_regions": [self.tuscany.pk],
                "start_date": "2022-03-01",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "at least 2 other countries")
        response = self.client.post(
            "/practices/investigations/new/",
            {
                "kind": "peer_review",
                "title": "Review through the page",
                "host_region": self.brittany.pk,
                "peer_regions": [self.tuscany.pk, self.estonia.pk],
                "practices": [self.published.pk],
                "start_date": "2022-03-01",
            },
        )
        investigation = Investigation.objects.get(title="Review through the page")
        self.assertRedirects(response, f"/practices/investigations/{investigation.pk}/")
        # a coordinator hosts only in their own region.
        response = self.client.post(
            "/practices/investigations/new/",
            {**self.data(), "host_region": self.tuscany.pk, "peer_regions": [self.estonia.pk]},
        )
        self.assertIn("host_region", response.context["form"].errors)

    def test_follow_up_items_have_owners_due_dates_and_are_notified(self):
        with self.captureOnCommitCallbacks(execute=True):
            item = services.add_follow_up(
                self.coordinator,
                self.review,
                "Share the voucher rules with Tuscany",
                owner=self.tuscan_coordinator,
                due_date=datetime.date(2021, 7, 1),
            )
        self.assertEqual([m.to for m in mail.outbox], [["giulia@example.org"]])
        self.assertIn("Share the voucher rules", mail.outbox[0].body)
        self.assertTrue(item.is_overdue)
        # only people taking part can own an item.
        with self.assertRaises(services.InvestigationError):
            services.add_follow_up(self.coordinator, self.review, "Task", owner=self.member)
        # the owner ticks it done; someone else cannot.
        url = f"/practices/follow-ups/{item.pk}/done/"
        self.login(self.member)
        self.assertEqual(self.client.post(url).status_code, 404)
        self.login(self.tuscan_coordinator)
        self.assertEqual(self.client.get(url).status_code, 405)
        self.client.post(url, {"done": "1"})
        item.refresh_from_db()
        self.assertTrue(item.is_done)
        self.client.post(url, {"done": "0"})
        item.refresh_from_db()
        self.assertFalse(item.is_done)

    def test_a_peer_cannot_add_follow_up_items(self):
        self.login(self.tuscan_coordinator)
        response = self.client.post(
            f"/practices/investigations/{self.review.pk}/follow-ups/", {"task": "Mine"}
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(FollowUp.objects.exists())

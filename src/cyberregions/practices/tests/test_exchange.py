"""Exchange: questions and comments, and "interested in learning from this" from another
region, which the owners see with the contacts and are told about by e-mail."""

from django.core import mail
from django.core.exceptions import PermissionDenied

from cyberregions.core.models import AuditEntry
from cyberregions.practices import services
from cyberregions.practices.models import Comment, Interest

from .helpers import PracticeTestCase


def comment_url(practice):
    return f"/practices/{practice.slug}/comments/"


def interest_url(practice):
    return f"/practices/{practice.slug}/interest/"


class ExchangeTests(PracticeTestCase):
    # Questions and comments -------------------------------------------------------------------

    def test_a_logged_in_user_asks_a_question_and_the_owners_are_told(self):
        self.login(self.member)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                comment_url(self.published), {"kind": "question", "body": "Who paid for it?"}
            )
        self.assertRedirects(response, f"/practices/{self.published.slug}/#exchange")
        comment = Comment.objects.get()
        self.assertEqual((comment.author, comment.kind), (self.member, "question"))
        self.assertEqual([m.to for m in mail.outbox], [["yann@example.org"]])
        self.assertIn("Who paid for it?", mail.outbox[0].body)
        self.assertContains(
            self.client.get(f"/practices/{self.published.slug}/"), "Who paid for it?"
        )
        self.assertTrue(AuditEntry.objects.filter(action="practice.comment").exists())

    def test_visitors_and_those_who_cannot_see_the_practice_do_not_comment(self):
        response = self.client.post(comment_url(self.published), {"kind": "comment", "body": "x"})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/accounts/login/"))
        self.login(self.member)
        response = self.client.post(comment_url(self.draft), {"kind": "comment", "body": "x"})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.client.get(comment_url(self.published)).status_code, 405)
        self.assertFalse(Comment.objects.exists())

    def test_only_owners_answer(self):
        with self.assertRaises(PermissionDenied):
            services.add_comment(self.member, self.published, "Here is the answer.", "answer")
        services.add_comment(self.coordinator, self.published, "Here is the answer.", "answer")
        self.assertEqual(Comment.objects.get().kind, "answer")

    # Interested in learning from this ---------------------------------------------------------
    def test_another_region_says_it_is_interested(self):
        self.login(self.tuscan_coordinator)
        form = self.client.get(interest_url(self.published)).context["form"]
        self.assertEqual(list(form.fields["region"].queryset), [self.tuscany])
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                interest_url(self.published),
                {"region": self.tuscany.pk, "message": "For our action plan.", "consent": "on"},
            )
        self.assertRedirects(response, f"/practices/{self.published.slug}/")
        interest = Interest.objects.get()
        self.assertEqual((interest.region, interest.user), (self.tuscany, self.tuscan_coordinator))
        self.assertIsNotNone(interest.contact_consent_at)
        self.assertEqual([m.to for m in mail.outbox], [["yann@example.org"]])
        self.assertIn("giulia@example.org", mail.outbox[0].body)
        # the owners see the list of interested regions and contacts.
        self.login(self.coordinator)
        page = self.client.get(f"/practices/{self.published.slug}/")
        self.assertContains(page, "Interested regions")
        self.assertContains(page, "giulia@example.org")

    def test_a_member_speaks_for_its_organisation_region(self):
        services.express_interest(self.member, self.published, self.tuscany, consent=True)
        self.assertEqual(Interest.objects.get().region, self.tuscany)

    def test_consent_to_share_the_contact_is_required(self):
        self.login(self.tuscan_coordinator)
        response = self.client.post(interest_url(self.published), {"region": self.tuscany.pk})
        self.assertEqual(response.status_code, 200)
        self.assertIn("consent", response.context["form"].errors)
        with self.assertRaises(services.WorkflowError):
            services.express_interest(self.tuscan_coordinator, self.published, self.tuscany)
        self.assertFalse(Interest.objects.exists())

    def test_who_may_say_they_are_interested(self):
        expected = {
            "visitor": 302,
            "registered": 403,  # speaks for no region
            "member": 200,
            "tuscan coordinator": 200,
            "coordinator": 403,  # its own region's practice
            "staff": 403,
            "admin": 403,
        }
        for name, user in self.personas():
            self.as_persona(user)
            self.assertEqual(
                self.client.get(interest_url(self.published)).status_code, expected[name], name
            )
        # never on a practice that is not published.
        self.login(self.tuscan_coordinator)
        self.assertEqual(self.client.get(interest_url(self.draft)).status_code, 404)
        with self.assertRaises(PermissionDenied):
            services.express_interest(
                self.tuscan_coordinator, self.submitted, self.tuscany, consent=True
            )
        # and not for a region one does not speak for.
        with self.assertRaises(PermissionDenied):
            services.express_interest(
                self.tuscan_coordinator, self.published, self.estonia, consent=True
            )

    def test_once_per_person_and_region(self):
        services.express_interest(
            self.tuscan_coordinator, self.published, self.tuscany, consent=True
        )
        with self.assertRaises(services.WorkflowError):
            services.express_interest(
                self.tuscan_coordinator, self.published, self.tuscany, consent=True
            )
        self.assertEqual(Interest.objects.count(), 1)

    def test_only_the_person_withdraws_their_interest(self):
        interest = services.express_interest(
            self.tuscan_coordinator, self.published, self.tuscany, consent=True
        )
        url = f"/practices/{self.published.slug}/interest/{interest.pk}/withdraw/"
        self.login(self.coordinator)
        self.assertEqual(self.client.post(url).status_code, 403)
        self.login(self.tuscan_coordinator)
        self.assertContains(self.client.get(f"/practices/{self.published.slug}/"), url)
        self.assertEqual(self.client.get(url).status_code, 405)
        self.client.post(url)
        self.assertFalse(Interest.objects.exists())

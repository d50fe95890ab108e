"""Claims tell people: those who decide learn of a request (the region's coordinators, or the
administrators for an organisation without a region); the requester learns the decision and
its reason, in their language, by their preference, and only once it is committed."""

from django.core import mail
from django.db import transaction

from cyberregions.core.models import Notification
from cyberregions.organisations import services
from cyberregions.organisations.models import ClaimRequest
from cyberregions.testing import PersonaTestCase, make_organisation


class ClaimNotificationTests(PersonaTestCase):
    def committed(self, function, *args, **kwargs):
        with self.captureOnCommitCallbacks(execute=True):
            return function(*args, **kwargs)

    def notices(self, user):
        return list(
            Notification.objects.filter(recipient=user)
            .order_by("pk")
            .values_list("kind", "url", "actor")
        )

    def request(self, organisation=None):
        return services.request_claim(
            self.registered, organisation or self.breton_sme, "I am the CEO."
        )

    def test_it_tells_the_regions_coordinators_of_a_request(self):
        claim = self.committed(self.request)
        self.assertEqual(
            self.notices(self.coordinator),
            [
                (
                    "organisations.claim.requested",
                    f"/organisations/claims/{claim.pk}/",
                    self.registered.pk,
                )
            ],
        )
        # Nobody else decides claims of Brittany.
        self.assertEqual(Notification.objects.count(), 1)
        self.assertEqual([message.to for message in mail.outbox], [["yann@example.org"]])
        self.assertIn("I am the CEO.", mail.outbox[0].body)
        self.assertIn("Armor Cyber Defence", mail.outbox[0].subject)

    def test_it_tells_the_administrators_when_the_organisation_has_no_region(self):
        stateless = make_organisation("Nowhere Security", "FR")
        self.committed(self.request, stateless)
        self.assertEqual(
            list(Notification.objects.values_list("recipient", flat=True)), [self.admin.pk]
        )

    def test_it_tells_the_requester_of_an_acceptance(self):
        claim = self.request()
        mail.outbox.clear()
        self.committed(services.accept_claim, self.coordinator, claim, "Checked by phone.")
        self.assertEqual(
            self.notices(self.registered),
            [
                (
                    "organisations.claim.accepted",
                    "/organisations/armor-cyber-defence/",
                    self.coordinator.pk,
                )
            ],
        )
        self.assertEqual([message.to for message in mail.outbox], [["nobody@example.org"]])
        self.assertIn("has been accepted", mail.outbox[0].body)
        self.assertIn("Checked by phone.", mail.outbox[0].body)

    def test_it_tells_the_requester_of_a_refusal_with_the_reason(self):
        claim = self.request()
        mail.outbox.clear()
        self.committed(services.refuse_claim, self.coordinator, claim, "Not on the staff list.")
        self.assertEqual(self.notices(self.registered)[0][0], "organisations.claim.refused")
        self.assertIn("Refused", mail.outbox[0].subject)
        self.assertIn("Why:\nNot on the staff list.", mail.outbox[0].body)

    def test_it_follows_the_preference_and_the_address(self):
        self.coordinator.email_notifications = "never"
        self.coordinator.save()
        claim = self.committed(self.request)
        self.assertEqual(mail.outbox, [])
        self.registered.email = ""
        self.registered.save()
        self.committed(services.refuse_claim, self.coordinator, claim, "Unknown person.")
        self.assertEqual(mail.outbox, [])
        self.assertEqual(Notification.objects.count(), 2)

    def test_it_writes_in_the_requesters_language(self):
        self.registered.language = "fr"
        self.registered.save()
        claim = self.request()
        mail.outbox.clear()
        self.committed(services.refuse_claim, self.coordinator, claim, "Inconnu.")
        self.assertIn("Refusée", mail.outbox[0].subject)
        # French puts a (no-break) space before the colon.
        self.assertRegex(mail.outbox[0].body, r"Pourquoi\s:\nInconnu\.")

    def test_it_tells_nothing_when_the_decision_is_rolled_back(self):
        claim = self.request()
        Notification.objects.all().delete()
        with (
            self.captureOnCommitCallbacks(execute=True) as callbacks,
            self.assertRaises(RuntimeError),
            transaction.atomic(),
        ):
            services.accept_claim(self.coordinator, claim)
            raise RuntimeError("the request failed after the service")
        self.assertEqual(callbacks, [])
        self.assertEqual(ClaimRequest.objects.get().status, "pending")
        self.assertFalse(Notification.objects.exists())
        self.assertEqual(mail.outbox, [])

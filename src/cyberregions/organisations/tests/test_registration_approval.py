"""A verified user registers an organisation; the region's coordinator approves it: the
organisation enters the atlas with the requested data, the applicant becomes its member,
and each side is told."""

from django.core import mail
from django.utils import translation

from cyberregions.core.models import AuditEntry, Notification
from cyberregions.core.workflow import Step
from cyberregions.organisations import services_registration as registrations
from cyberregions.organisations.models import (
    AtlasRow,
    Organisation,
    OrganisationMembership,
    RegistrationHistory,
    RegistrationRequest,
)

from .registration_helpers import RegistrationTestCase


class RegistrationApprovalTests(RegistrationTestCase):
    def test_it_registers_then_approves_an_organisation(self):
        self.login(self.registered)
        self.assertEqual(self.client.get("/organisations/register/").status_code, 200)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post("/organisations/register/", self.post_data())
        registration = RegistrationRequest.objects.get()
        self.assertRedirects(response, f"/organisations/registrations/{registration.pk}/")
        self.assertEqual(
            (registration.status, registration.applicant, registration.region, registration.name),
            ("submitted", self.registered, self.brittany, "Brest Quantum Shield"),
        )
        self.assertEqual(registration.website_domain, "bqshield.example")
        # Not in the atlas before the decision.
        self.assertFalse(Organisation.objects.filter(name="Brest Quantum Shield").exists())
        # The coordinator of Brittany is told, and nobody else.
        self.assertEqual(
            list(Notification.objects.values_list("recipient", "kind", "url")),
            [(self.coordinator.pk, "organisations.registration", registration.get_absolute_url())],
        )
        self.assertEqual([message.to for message in mail.outbox], [["yann@example.org"]])
        self.assertIn("Brest Quantum Shield", mail.outbox[0].subject)

        self.login(self.coordinator)
        page = self.client.get(registration.get_absolute_url())
        self.assertContains(page, f"/organisations/registrations/{registration.pk}/approve/")
        self.assertContains(page, "Post-quantum cryptography audits.")
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                f"/organisations/registrations/{registration.pk}/approve/", {"reason": ""}
            )
        self.assertRedirects(response, registration.get_absolute_url())

        registration.refresh_from_db()
        organisation = registration.organisation
        self.assertEqual(registration.status, "approved")
        self.assertEqual(
            (
                organisation.name,
                organisation.legal_name,
                organisation.slug,
                organisation.region,
                organisation.city,
                organisation.website,
                organisation.employees,
                organisation.core_business,
                organisation.size_class,
                organisation.helix_group,
            ),
            (
                "Brest Quantum Shield",
                "Brest Quantum Shield SAS",
                "brest-quantum-shield",
                self.brittany,
                "Brest",
                "https://www.bqshield.example/",
                14,
                True,
                "small",
                "business",
            ),
        )
        self.assertEqual(list(organisation.domains.values_list("code", flat=True)), ["CRY"])
        # Created by the atlas service: search text, atlas row and audit as for any other.
        self.assertIn("quantum", organisation.search_document.lower())
        self.assertTrue(AtlasRow.objects.filter(pk=organisation.pk).exists())
        created = AuditEntry.objects.get(action="organisation.create")
        self.assertEqual(
            (created.actor, created.after["registration"]), (self.coordinator, registration.pk)
        )
        self.assertTrue(
            OrganisationMembership.objects.filter(
                user=self.registered, organisation=organisation
            ).exists()
        )
        self.assertEqual(
            list(
                RegistrationHistory.objects.filter(registration=registration).values_list(
                    "step", "from_state", "to_state", "actor"
                )
            ),
            [
                ("submit", "draft", "submitted", self.registered.pk),
                ("approve", "submitted", "approved", self.coordinator.pk),
            ],
        )
        self.assertEqual(
            list(
                AuditEntry.objects.filter(action__startswith="registration.").values_list(
                    "action", flat=True
                )
            ),
            ["registration.approve", "registration.submit"],
        )
        # The applicant is told, in the bell and by e-mail.
        self.assertEqual(
            Notification.objects.filter(recipient=self.registered).get().actor, self.coordinator
        )
        self.assertEqual([message.to for message in mail.outbox], [["nobody@example.org"]])
        self.assertIn("Approved", mail.outbox[0].subject)
        # The applicant now keeps the organisation.
        self.login(self.registered)
        self.assertEqual(
            self.client.get(f"/organisations/{organisation.slug}/edit/").status_code, 200
        )

    def test_the_applicant_is_told_in_their_language(self):
        self.registered.language = "fr"
        self.registered.save()
        registration = self.submit()
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            registrations.refuse_registration(self.coordinator, registration, "Inconnue.")
        registration.refresh_from_db()

        def subject_in(language):
            # As notify writes titles: on one line, spaces (the French no-break) collapsed.
            step = Step(self.coordinator, registration, "refuse", "", {})
            with translation.override(language):
                return " ".join(registrations._subject(step).split())

        self.assertEqual(mail.outbox[0].subject, subject_in("fr"))
        # The body too: "Why:" is already in the French catalogue.
        self.assertIn("Pourquoi", mail.outbox[0].body)
        self.assertIn("Brest Quantum Shield", mail.outbox[0].subject)
        self.assertIn("Inconnue.", mail.outbox[0].body)

"""Deciding a registration request: refusing needs a reason; asking for changes sends the
request back to the applicant, who edits it and resubmits it."""

from django.core import mail

from cyberregions.core.models import AuditEntry, Notification
from cyberregions.organisations import services_registration as registrations
from cyberregions.organisations.models import Organisation, RegistrationHistory

from .registration_helpers import RegistrationTestCase


def step_url(registration, step):
    return f"/organisations/registrations/{registration.pk}/{step}/"


class RegistrationChangesTests(RegistrationTestCase):
    def test_refusing_needs_a_reason(self):
        registration = self.submit()
        self.login(self.coordinator)
        response = self.client.post(step_url(registration, "refuse"), {"reason": "   "})
        self.assertEqual(response.status_code, 200)
        self.assertIn("reason", response.context["form"].errors)
        with self.assertRaisesMessage(registrations.RegistrationError, "Say why"):
            registrations.refuse_registration(self.coordinator, registration, "")
        registration.refresh_from_db()
        self.assertEqual(registration.status, "submitted")

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                step_url(registration, "refuse"), {"reason": "Not a cybersecurity actor."}
            )
        self.assertRedirects(response, registration.get_absolute_url())
        registration.refresh_from_db()
        self.assertEqual(
            (registration.status, registration.decision_reason, registration.organisation),
            ("refused", "Not a cybersecurity actor.", None),
        )
        self.assertFalse(Organisation.objects.filter(name="Brest Quantum Shield").exists())
        self.assertEqual(
            AuditEntry.objects.get(action="registration.refuse").reason,
            "Not a cybersecurity actor.",
        )
        self.assertIn("Not a cybersecurity actor.", mail.outbox[-1].body)
        self.assertEqual(mail.outbox[-1].to, ["nobody@example.org"])
        # Decided: no step is offered any more, and none is taken.
        self.assertNotContains(self.client.get(registration.get_absolute_url()), "/approve/")
        with self.assertRaises(registrations.RegistrationError):
            registrations.approve_registration(self.coordinator, registration)

    def test_asking_for_changes_needs_a_reason(self):
        registration = self.submit()
        with self.assertRaises(registrations.RegistrationError):
            registrations.ask_for_changes(self.coordinator, registration, "")
        registration.refresh_from_db()
        self.assertEqual(registration.status, "submitted")

    def test_the_applicant_edits_and_resubmits_when_changes_are_asked(self):
        registration = self.submit(website="")
        self.login(self.registered)
        edit_url = f"/organisations/registrations/{registration.pk}/edit/"
        # Not while the request waits for a decision.
        response = self.client.get(edit_url)
        self.assertRedirects(response, registration.get_absolute_url())

        self.login(self.coordinator)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                step_url(registration, "ask_changes"), {"reason": "Give the website, please."}
            )
        registration.refresh_from_db()
        self.assertEqual(registration.status, "changes_requested")
        told = Notification.objects.filter(recipient=self.registered).get()
        self.assertEqual(told.url, registration.get_absolute_url())
        self.assertIn("Give the website, please.", told.body)
        # The coordinator cannot edit the applicant's request.
        self.assertEqual(self.client.get(edit_url).status_code, 403)

        self.login(self.registered)
        page = self.client.get(registration.get_absolute_url())
        self.assertContains(page, edit_url)
        form_page = self.client.get(edit_url)
        self.assertEqual(form_page.status_code, 200)
        self.assertEqual(form_page.context["form"]["name"].value(), "Brest Quantum Shield")
        self.assertContains(form_page, "Give the website, please.")
        # Bad input stays on the form with the field's error.
        response = self.client.post(edit_url, self.post_data(website="not a url at all"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("website", response.context["form"].errors)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                edit_url, self.post_data(website="https://bqs.example", city="Quimper")
            )
        self.assertRedirects(response, registration.get_absolute_url())
        registration.refresh_from_db()
        self.assertEqual(registration.status, "resubmitted")
        self.assertEqual(
            (registration.website_domain, registration.data["city"], registration.decision_reason),
            ("bqs.example", "Quimper", ""),
        )
        self.assertEqual(
            Notification.objects.filter(recipient=self.coordinator).count(), 2
        )  # the submission and the resubmission
        resubmitted = AuditEntry.objects.get(action="registration.resubmit")
        self.assertEqual(resubmitted.after["data"]["city"], "Quimper")
        self.assertEqual(
            list(
                RegistrationHistory.objects.filter(registration=registration).values_list(
                    "to_state", flat=True
                )
            ),
            ["submitted", "changes_requested", "resubmitted"],
        )
        # Approved, the organisation has the edited data.
        registrations.approve_registration(self.coordinator, registration)
        registration.refresh_from_db()
        self.assertEqual(
            (registration.organisation.city, registration.organisation.website),
            ("Quimper", "https://bqs.example"),
        )

    def test_a_step_page_refuses_wrong_methods_and_unknown_steps(self):
        registration = self.submit()
        self.login(self.coordinator)
        for method in ("put", "patch", "delete"):
            response = getattr(self.client, method)(step_url(registration, "approve"))
            self.assertEqual(response.status_code, 405, method)
        for step in ("explode", "submit", "resubmit"):
            self.assertEqual(self.client.get(step_url(registration, step)).status_code, 404)
        self.assertEqual(
            self.client.get("/organisations/registrations/999999/approve/").status_code, 404
        )
        with self.assertRaises(registrations.RegistrationError):
            registrations.transition(self.coordinator, registration, "submit")

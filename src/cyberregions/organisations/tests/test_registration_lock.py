"""Approving twice creates one organisation: the second approval finds the request already
approved on its locked row, whether it comes from the same page opened twice or from two
deciders."""

from cyberregions.core.models import AuditEntry
from cyberregions.organisations import services_registration as registrations
from cyberregions.organisations.models import Organisation, OrganisationMembership

from .registration_helpers import RegistrationTestCase


class DoubleApprovalTests(RegistrationTestCase):
    def test_a_second_approval_creates_nothing(self):
        registration = self.submit()
        stale_copy = type(registration).objects.get(pk=registration.pk)
        registrations.approve_registration(self.coordinator, registration)
        with self.assertRaisesMessage(registrations.RegistrationError, "Approved"):
            registrations.approve_registration(self.admin, stale_copy)
        self.assertEqual(Organisation.objects.filter(name="Brest Quantum Shield").count(), 1)
        self.assertEqual(OrganisationMembership.objects.filter(user=self.registered).count(), 1)
        self.assertEqual(AuditEntry.objects.filter(action="organisation.create").count(), 1)

    def test_the_page_posted_twice_creates_one_organisation(self):
        registration = self.submit()
        self.login(self.coordinator)
        url = f"/organisations/registrations/{registration.pk}/approve/"
        self.client.post(url)
        response = self.client.post(url, follow=True)
        self.assertContains(response, "not possible while the registration request")
        self.assertEqual(Organisation.objects.filter(name="Brest Quantum Shield").count(), 1)

"""One account cannot flood the deciders: a few requests wait for a decision at a time
(ORGANISATION_REGISTRATIONS_OPEN_PER_USER); a decided one frees a place."""

from django.test import override_settings

from cyberregions.organisations import services_registration as registrations
from cyberregions.organisations.models import RegistrationRequest

from .registration_helpers import RegistrationTestCase


@override_settings(ORGANISATION_REGISTRATIONS_OPEN_PER_USER=2)
class OpenRequestLimitTests(RegistrationTestCase):
    def test_it_refuses_a_request_beyond_the_limit_until_one_is_decided(self):
        first = self.submit(name="First Shield", website="")
        self.submit(name="Second Shield", city="Vannes", website="")
        self.login(self.registered)
        response = self.client.post(
            "/organisations/register/", self.post_data(name="Third Shield", city="Lorient")
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("already have 2 registration requests waiting", str(response.content))
        self.assertEqual(RegistrationRequest.objects.count(), 2)
        with self.assertRaises(registrations.RegistrationError):
            self.submit(name="Third Shield", city="Lorient", website="")

        registrations.refuse_registration(self.coordinator, first, "Duplicate of another.")
        self.submit(name="Third Shield", city="Lorient", website="")
        self.assertEqual(RegistrationRequest.objects.count(), 3)

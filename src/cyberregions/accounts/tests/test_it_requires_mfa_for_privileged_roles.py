"""With MFA_REQUIRED_FOR_ROLES (on in production, off in the demo), administrators,
programme staff and coordinators without a second factor are sent to set one up before
anything else; other people are not."""

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import override_settings

from .base import LoginTestCase

ACTIVATE = "/accounts/2fa/totp/activate/"


@override_settings(MFA_REQUIRED_FOR_ROLES=True)
class RequiredMfaTests(LoginTestCase):
    def test_privileged_roles_without_mfa_are_sent_to_set_it_up(self):
        for persona in (self.admin, self.staff, self.coordinator):
            self.client.force_login(persona)
            for url in ("/", "/accounts/profile/", "/organisations/"):
                response = self.client.get(url)
                self.assertRedirects(response, ACTIVATE, fetch_redirect_response=False)
            response = self.client.get("/api/organisations/")
            self.assertEqual(response.status_code, 403)
            self.assertEqual(response.json()["code"], "mfa_required")

    def test_the_setup_pages_and_logout_stay_open(self):
        self.client.force_login(self.staff)
        self.assertNotEqual(self.client.get("/accounts/2fa/").status_code, 302)
        response = self.client.post("/accounts/logout/")
        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_other_people_are_not_asked(self):
        for persona in (self.member, self.registered):
            self.client.force_login(persona)
            self.assertEqual(self.client.get("/accounts/profile/").status_code, 200)

    def test_a_privileged_person_with_mfa_goes_on(self):
        TOTP.activate(self.staff, generate_totp_secret())
        self.client.force_login(self.staff)
        self.assertEqual(self.client.get("/accounts/profile/").status_code, 200)


class NotRequiredByDefaultTests(LoginTestCase):
    def test_the_demo_does_not_require_it(self):
        self.client.force_login(self.staff)
        self.assertEqual(self.client.get("/accounts/profile/").status_code, 200)

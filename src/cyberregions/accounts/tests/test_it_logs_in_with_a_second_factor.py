"""MFA through django-allauth: a TOTP authenticator makes login ask for a code after the
password; a wrong code is refused and logged; the right one (computed here from the secret,
as an authenticator app would) logs in. Setting it up from the profile works end to end."""

import re

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)

from cyberregions.accounts.models import SecurityEvent

from .base import LOGIN, PASSWORD, LoginTestCase

# Where login lands (settings.LOGIN_REDIRECT_URL): the start page.
START_PAGE = "/me/"

AUTHENTICATE = "/accounts/2fa/authenticate/"


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


class TotpLoginTests(LoginTestCase):
    def setUp(self):
        super().setUp()
        self.secret = generate_totp_secret()
        TOTP.activate(self.admin, self.secret)

    def test_the_password_alone_does_not_log_in(self):
        response = self.attempt()
        self.assertRedirects(response, AUTHENTICATE, fetch_redirect_response=False)
        self.assertIsNone(self.logged_in_user_id())
        page = self.client.get(AUTHENTICATE)
        self.assertContains(page, 'name="code"')
        self.assertContains(page, '<label class="form-label" for="id_code">')

    def test_a_wrong_code_is_refused_and_logged_then_the_right_one_logs_in(self):
        self.attempt()
        wrong = "000000" if current_code(self.secret) != "000000" else "111111"
        response = self.client.post(AUTHENTICATE, {"code": wrong})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'role="alert"')
        self.assertIsNone(self.logged_in_user_id())
        self.assertTrue(SecurityEvent.objects.filter(kind="mfa_failed", user=self.admin))
        response = self.client.post(AUTHENTICATE, {"code": current_code(self.secret)})
        self.assertRedirects(response, START_PAGE, fetch_redirect_response=False)
        self.assertEqual(self.logged_in_user_id(), str(self.admin.pk))


class SettingUpTotpTests(LoginTestCase):
    def test_a_person_sets_up_totp_and_recovery_codes_from_the_profile(self):
        self.attempt()
        self.assertContains(self.client.get("/accounts/profile/"), "/accounts/2fa/")
        # Setting up a factor asks for the password again first.
        response = self.client.get("/accounts/2fa/totp/activate/")
        self.assertTrue(response["Location"].startswith("/accounts/reauthenticate/"))
        self.client.post("/accounts/reauthenticate/", {"password": PASSWORD})
        response = self.client.get("/accounts/2fa/totp/activate/")
        self.assertEqual(response.status_code, 200)
        secret = response.context["form"].secret
        self.assertTrue(re.match(r"^[A-Z2-7]+$", secret))
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                "/accounts/2fa/totp/activate/", {"code": current_code(secret)}
            )
        self.assertEqual(response.status_code, 302)
        types = set(Authenticator.objects.filter(user=self.admin).values_list("type", flat=True))
        self.assertEqual(types, {"totp", "recovery_codes"})
        self.assertTrue(SecurityEvent.objects.filter(kind="mfa_added", user=self.admin))
        # The next login asks for the code.
        self.client.post("/accounts/logout/")
        self.assertRedirects(self.attempt(), AUTHENTICATE, fetch_redirect_response=False)

    def test_setting_up_needs_login(self):
        response = self.client.get("/accounts/2fa/totp/activate/")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(LOGIN))
        self.assertNotIn(PASSWORD, response.content.decode())


class SecretsAtRestTests(LoginTestCase):
    def test_the_totp_secret_is_not_stored_in_clear(self):
        secret = generate_totp_secret()
        TOTP.activate(self.member, secret)
        stored = Authenticator.objects.get(user=self.member, type="totp").data["secret"]
        self.assertNotIn(secret, stored)
        self.assertTrue(
            TOTP(Authenticator.objects.get(user=self.member)).validate_code(current_code(secret))
        )

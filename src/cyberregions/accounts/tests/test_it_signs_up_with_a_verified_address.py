"""Sign-up: three screens (form, "check your mail", confirm), then the account logs in.
Mandatory e-mail verification; sign-up and verification mail are rate-limited."""

import re

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

from cyberregions.accounts.models import SecurityEvent

from .base import LOGIN, LoginTestCase

# Where login lands (settings.LOGIN_REDIRECT_URL): the start page.
START_PAGE = "/me/"

SIGNUP = "/accounts/signup/"


def form(username="marie", email="marie@example.org", password="a-good-pass-2026"):  # noqa: S107
    return {"username": username, "email": email, "password1": password, "password2": password}


class SignUpTests(LoginTestCase):
    def test_the_sign_up_form_is_labelled(self):
        response = self.client.get(SIGNUP)
        self.assertEqual(response.status_code, 200)
        for name in ("username", "email", "password1", "password2"):
            self.assertContains(response, f'<label class="form-label" for="id_{name}">')

    def test_sign_up_then_verify_then_log_in_in_three_screens(self):
        response = self.client.post(SIGNUP, form())
        self.assertRedirects(response, "/accounts/confirm-email/", fetch_redirect_response=False)
        user = get_user_model().objects.get(username="marie")
        self.assertFalse(EmailAddress.objects.get(user=user).verified)
        self.assertIsNone(self.logged_in_user_id())
        link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mail.outbox[0].body)
        self.assertEqual(self.client.get(link.group(1)).status_code, 200)  # a confirm button
        response = self.client.post(link.group(1))
        self.assertTrue(EmailAddress.objects.get(user=user).verified)
        # Confirming in the browser that signed up logs in: form, "check your mail", confirm.
        self.assertRedirects(response, START_PAGE, fetch_redirect_response=False)
        self.assertEqual(self.logged_in_user_id(), str(user.pk))
        self.client.post("/accounts/logout/")
        response = self.client.post(LOGIN, {"login": "marie", "password": "a-good-pass-2026"})
        self.assertRedirects(response, START_PAGE, fetch_redirect_response=False)
        self.assertEqual(
            set(SecurityEvent.objects.filter(user=user).values_list("kind", flat=True)),
            {"signed_up", "email_confirmed", "login", "logout"},
        )

    def test_an_unverified_account_cannot_log_in(self):
        self.client.post(SIGNUP, form())
        response = self.client.post(LOGIN, {"login": "marie", "password": "a-good-pass-2026"})
        self.assertIsNone(self.logged_in_user_id())
        self.assertRedirects(response, "/accounts/confirm-email/", fetch_redirect_response=False)

    def test_bad_input_is_refused_with_announced_errors(self):
        response = self.client.post(SIGNUP, form(email="admin@example.org", password="123"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'role="alert"')
        self.assertContains(response, 'aria-invalid="true"')
        self.assertFalse(get_user_model().objects.filter(username="marie").exists())

    def test_sign_up_is_rate_limited_per_address(self):
        cache.clear()
        statuses = [
            self.client.post(SIGNUP, form(username=f"u{n}", email=f"u{n}@example.org")).status_code
            for n in range(11)
        ]
        self.assertEqual(statuses[-1], 429)


class AccountsMadeByAdministratorsTests(LoginTestCase):
    def test_an_account_made_outside_sign_up_has_its_address_verified(self):
        user = get_user_model().objects.create_user("made", "made@example.org", "made-pass-9876")
        self.assertTrue(EmailAddress.objects.get(user=user).verified)
        response = self.client.post(LOGIN, {"login": "made", "password": "made-pass-9876"})
        self.assertRedirects(response, START_PAGE, fetch_redirect_response=False)

    def test_a_signed_up_address_is_not_taken_as_verified(self):
        self.client.post(SIGNUP, form())
        self.assertFalse(EmailAddress.objects.get(email="marie@example.org").verified)


class VerificationMailLimitTests(LoginTestCase):
    def test_logging_in_unverified_again_and_again_sends_one_verification_mail(self):
        self.client.post(SIGNUP, form())
        self.assertEqual(len(mail.outbox), 1)
        for _ in range(5):
            self.client.post(LOGIN, {"login": "marie", "password": "a-good-pass-2026"})
        self.assertEqual(len(mail.outbox), 1)

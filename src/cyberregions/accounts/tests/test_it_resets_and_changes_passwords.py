"""Password reset by e-mailed link and password change, through django-allauth; the old URL
names still lead there; reset mail is rate-limited (finding: it was not)."""

import re

from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from cyberregions.accounts.models import SecurityEvent

from .base import LOGIN, PASSWORD, LoginTestCase

# Where login lands (settings.LOGIN_REDIRECT_URL): the start page.
START_PAGE = "/me/"

RESET = "/accounts/password/reset/"
CHANGE = "/accounts/password/change/"


def reset_link(message) -> str:
    return re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", message.body).group(1)


class PasswordResetTests(LoginTestCase):
    def test_the_old_url_names_still_resolve(self):
        self.assertEqual(reverse("accounts:password_reset"), RESET)
        self.assertEqual(reverse("accounts:password_change"), CHANGE)
        self.assertEqual(reverse("accounts:login"), LOGIN)

    def test_password_reset_sends_a_working_link_that_works_once(self):
        response = self.client.post(RESET, {"email": "admin@example.org"})
        self.assertRedirects(response, "/accounts/password/reset/done/")
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["admin@example.org"])
        link = reset_link(mail.outbox[0])
        response = self.client.get(link, follow=True)
        form_url = response.redirect_chain[-1][0]
        response = self.client.post(
            form_url, {"password1": "brand-new-pass-77", "password2": "brand-new-pass-77"}
        )
        self.assertRedirects(response, "/accounts/password/reset/key/done/")
        self.assertRedirects(
            self.attempt(password="brand-new-pass-77"), START_PAGE, fetch_redirect_response=False
        )
        self.client.logout()
        response = self.client.get(link, follow=True)
        self.assertNotContains(response, 'name="password1"')

    def test_an_unknown_address_says_the_same_and_sends_no_reset_link(self):
        response = self.client.post(RESET, {"email": "nobody@nowhere.example"})
        self.assertRedirects(response, "/accounts/password/reset/done/")
        self.assertFalse(any("password/reset/key" in message.body for message in mail.outbox))

    def test_a_forged_reset_link_is_refused(self):
        response = self.client.get("/accounts/password/reset/key/1-forged-token/", follow=True)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="password1"')

    def test_reset_mail_is_rate_limited_per_address_asked_for(self):
        for _ in range(3):
            self.client.post(RESET, {"email": "admin@example.org"})
        response = self.client.post(RESET, {"email": "admin@example.org"})
        self.assertEqual(response.status_code, 429)
        self.assertEqual(len(mail.outbox), 3)
        self.assertContains(response, "Too many attempts", status_code=429)
        event = SecurityEvent.objects.get(kind="rate_limited")
        self.assertEqual(event.detail, RESET)

    def test_reset_mail_is_rate_limited_per_client_address(self):
        cache.clear()
        statuses = [
            self.client.post(RESET, {"email": f"n{number}@example.org"}).status_code
            for number in range(11)
        ]
        self.assertEqual(statuses[-1], 429)
        self.assertEqual(statuses.count(302), 10)


class PasswordChangeTests(LoginTestCase):
    def test_password_change_requires_login(self):
        self.assertRedirects(self.client.get(CHANGE), f"{LOGIN}?next={CHANGE}")
        self.client.post(CHANGE, {"oldpassword": PASSWORD, "password1": "x", "password2": "x"})
        self.admin.refresh_from_db()
        self.assertTrue(self.admin.check_password(PASSWORD))

    def test_it_checks_the_old_password_then_changes_it(self):
        self.client.force_login(self.admin)
        new = {"password1": "changed-pass-123", "password2": "changed-pass-123"}
        response = self.client.post(CHANGE, {"oldpassword": "wrong", **new})
        self.assertEqual(response.status_code, 200)
        self.assertIn("oldpassword", response.context["form"].errors)
        response = self.client.post(CHANGE, {"oldpassword": PASSWORD, **new})
        self.assertEqual(response.status_code, 302)
        self.admin.refresh_from_db()
        self.assertTrue(self.admin.check_password("changed-pass-123"))
        # still logged in here
        self.assertEqual(self.logged_in_user_id(), str(self.admin.pk))

    def test_a_weak_new_password_is_refused(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            CHANGE, {"oldpassword": PASSWORD, "password1": "123", "password2": "123"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("password1", response.context["form"].errors)

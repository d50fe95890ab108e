"""Logging in and out, throttling, password reset and change, password hashing."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings

from cyberregions.testing import PersonaTestCase

LOGIN = "/accounts/login/"
PASSWORD = "x-admin-pass-1"  # the administrator's, set by AdminPasswordTestCase
THROTTLED = "Too many failed attempts"
# Argon2 is deliberately slow; the flows below do not depend on the hasher, HashingTests do.
FAST_HASHER = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


class AdminPasswordTestCase(PersonaTestCase):
    """The personas, with a password for the administrator (hashed by the class's hasher)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin.set_password(PASSWORD)
        cls.admin.save()


@FAST_HASHER
class LoginTestCase(AdminPasswordTestCase):
    def setUp(self):
        cache.clear()  # failure counters live in the cache

    def attempt(self, username="admin", password=PASSWORD, address="10.0.0.1"):
        return self.client.post(
            LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address
        )

    def logged_in_user_id(self):
        return self.client.session.get("_auth_user_id")


class LoginTests(LoginTestCase):
    def test_it_shows_the_login_form(self):
        response = self.client.get(LOGIN)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="username"')
        self.assertContains(response, 'name="password"')

    def test_the_right_password_logs_in_and_goes_home(self):
        response = self.attempt()
        self.assertRedirects(response, "/")
        self.assertEqual(self.logged_in_user_id(), str(self.admin.pk))

    def test_it_follows_next_on_this_site_only(self):
        response = self.client.post(
            f"{LOGIN}?next=/organisations/new/", {"username": "admin", "password": PASSWORD}
        )
        self.assertRedirects(response, "/organisations/new/")
        self.client.logout()
        response = self.client.post(
            LOGIN, {"username": "admin", "password": PASSWORD, "next": "https://evil.example/"}
        )
        self.assertRedirects(response, "/")

    def test_a_wrong_password_is_refused(self):
        response = self.attempt(password="wrong")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Please enter a correct username and password")
        self.assertIsNone(self.logged_in_user_id())

    def test_an_inactive_user_cannot_log_in(self):
        self.admin.is_active = False
        self.admin.save()
        self.assertEqual(self.attempt().status_code, 200)
        self.assertIsNone(self.logged_in_user_id())

    def test_login_needs_the_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        response = client.post(LOGIN, {"username": "admin", "password": PASSWORD})
        self.assertEqual(response.status_code, 403)

    def test_logout_is_a_post(self):
        self.client.force_login(self.admin)
        self.assertEqual(self.client.get("/accounts/logout/").status_code, 405)
        self.assertEqual(self.logged_in_user_id(), str(self.admin.pk))
        response = self.client.post("/accounts/logout/")
        self.assertRedirects(response, "/")
        self.assertIsNone(self.logged_in_user_id())

    def test_the_profile_needs_login_and_shows_the_roles(self):
        response = self.client.get("/accounts/profile/")
        self.assertRedirects(response, f"{LOGIN}?next=/accounts/profile/")
        self.client.force_login(self.coordinator)
        response = self.client.get("/accounts/profile/")
        self.assertEqual(response.context["roles"], ["coordinator"])
        self.assertContains(response, "Bretagne (Brittany)")


class ThrottleTests(LoginTestCase):
    limit = settings.LOGIN_THROTTLE_ATTEMPTS

    def fail(self, times, **kwargs):
        for _ in range(times):
            response = self.attempt(password="wrong", **kwargs)
            self.assertEqual(response.status_code, 200)
            self.assertNotContains(response, THROTTLED)

    def test_it_locks_a_username_after_the_allowed_failures_even_with_the_right_password(self):
        self.fail(self.limit)
        response = self.attempt()
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, THROTTLED)
        self.assertIsNone(self.logged_in_user_id())

    def test_the_lock_follows_the_username_across_addresses_and_case(self):
        for number in range(self.limit):
            self.fail(1, username="Admin", address=f"10.0.1.{number}")
        response = self.attempt(address="10.9.9.9")
        self.assertContains(response, THROTTLED)
        self.assertIsNone(self.logged_in_user_id())

    def test_the_lock_follows_the_address(self):
        for number in range(self.limit):
            self.fail(1, username=f"guess{number}", address="10.6.6.6")
        self.assertContains(self.attempt(address="10.6.6.6"), THROTTLED)
        # the account itself is not locked for someone elsewhere
        self.assertRedirects(self.attempt(address="10.0.0.2"), "/")

    def test_fewer_failures_do_not_lock(self):
        self.fail(self.limit - 1)
        self.assertRedirects(self.attempt(), "/")

    def test_a_success_resets_the_count(self):
        self.fail(self.limit - 1)
        self.assertRedirects(self.attempt(), "/")
        self.client.logout()
        self.fail(self.limit - 1)
        self.assertRedirects(self.attempt(), "/")

    def test_another_username_is_not_locked(self):
        self.fail(self.limit, username="admin", address="10.0.0.1")
        self.registered.set_password("registered-pass-9")
        self.registered.save()
        response = self.attempt(username="nobody", password="registered-pass-9", address="10.0.0.3")
        self.assertRedirects(response, "/")

    def test_no_personal_data_goes_into_the_cache_keys(self):
        from cyberregions.accounts import throttle

        keys = throttle._keys("Yann.LeGoff@example.org", "192.0.2.7")
        self.assertEqual(len(keys), 2)
        for key in keys:
            self.assertNotIn("yann", key.lower())
            self.assertNotIn("192.0.2.7", key)


class PasswordTests(LoginTestCase):
    def test_password_reset_sends_a_working_link(self):
        response = self.client.post("/accounts/password/reset/", {"email": "admin@example.org"})
        self.assertRedirects(response, "/accounts/password/reset/sent/")
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["admin@example.org"])
        link = re.search(r"https?://testserver(/accounts/password/reset/\S+/\S+/)", message.body)
        self.assertIsNotNone(link, message.body)
        response = self.client.get(link.group(1), follow=True)
        self.assertEqual(response.status_code, 200)
        form_url = response.redirect_chain[-1][0]
        response = self.client.post(
            form_url,
            {"new_password1": "brand-new-pass-77", "new_password2": "brand-new-pass-77"},
        )
        self.assertRedirects(response, "/accounts/password/reset/complete/")
        self.assertRedirects(self.attempt(password="brand-new-pass-77"), "/")
        # the link works once only
        self.client.logout()
        response = self.client.get(link.group(1), follow=True)
        self.assertNotIn("new_password1", response.content.decode())

    def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(self):
        response = self.client.post(
            "/accounts/password/reset/", {"email": "nobody@nowhere.example"}
        )
        self.assertRedirects(response, "/accounts/password/reset/sent/")
        self.assertEqual(mail.outbox, [])

    def test_a_forged_reset_link_is_refused(self):
        response = self.client.get("/accounts/password/reset/MQ/forged-token/", follow=True)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "new_password1")

    def test_password_change_requires_login(self):
        url = "/accounts/password/change/"
        self.assertRedirects(self.client.get(url), f"{LOGIN}?next={url}")
        response = self.client.post(url, {"old_password": PASSWORD})
        self.assertEqual(response.status_code, 302)
        self.admin.refresh_from_db()
        self.assertTrue(self.admin.check_password(PASSWORD))

    def test_password_change_checks_the_old_password_then_changes_it(self):
        self.client.force_login(self.admin)
        url = "/accounts/password/change/"
        response = self.client.post(
            url,
            {
                "old_password": "wrong",
                "new_password1": "changed-pass-123",
                "new_password2": "changed-pass-123",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("old_password", response.context["form"].errors)
        response = self.client.post(
            url,
            {
                "old_password": PASSWORD,
                "new_password1": "changed-pass-123",
                "new_password2": "changed-pass-123",
            },
        )
        self.assertRedirects(response, "/accounts/password/change/done/")
        self.admin.refresh_from_db()
        self.assertTrue(self.admin.check_password("changed-pass-123"))

    def test_a_weak_new_password_is_refused(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            "/accounts/password/change/",
            {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("new_password2", response.context["form"].errors)


class HashingTests(AdminPasswordTestCase):
    """With the project's own hasher settings."""

    def test_passwords_are_hashed_with_argon2(self):
        self.admin.refresh_from_db()
        self.assertTrue(self.admin.password.startswith("argon2$"), self.admin.password[:10])
        self.assertNotIn(PASSWORD, self.admin.password)
        user = get_user_model().objects.create_user("new", "new@example.org", "another-pass-42")
        self.assertTrue(user.password.startswith("argon2$"))

    def test_a_changed_password_is_hashed_with_argon2(self):
        self.client.force_login(self.admin)
        self.client.post(
            "/accounts/password/change/",
            {
                "old_password": PASSWORD,
                "new_password1": "changed-pass-123",
                "new_password2": "changed-pass-123",
            },
        )
        self.admin.refresh_from_db()
        self.assertTrue(self.admin.password.startswith("argon2$"))
        self.assertTrue(self.admin.check_password("changed-pass-123"))

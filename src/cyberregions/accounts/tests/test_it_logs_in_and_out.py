"""Logging in (user name or e-mail address) and out through django-allauth."""

from allauth.account.models import EmailAddress
from django.test import Client

from .base import LOGIN, PASSWORD, LoginTestCase

# Where login lands (settings.LOGIN_REDIRECT_URL): the start page.
START_PAGE = "/me/"


class LoginTests(LoginTestCase):
    def test_it_shows_the_login_form_with_labels_and_remember_me(self):
        response = self.client.get(LOGIN)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="login"')
        self.assertContains(response, 'name="password"')
        self.assertContains(response, 'name="remember"')
        self.assertContains(response, '<label class="form-label" for="id_login">')
        self.assertContains(response, '<label class="form-label" for="id_password">')

    def test_the_right_password_logs_in_and_lands_on_the_start_page(self):
        response = self.attempt()
        self.assertRedirects(response, START_PAGE, fetch_redirect_response=False)
        self.assertEqual(self.logged_in_user_id(), str(self.admin.pk))

    def test_the_email_address_logs_in_too(self):
        response = self.attempt(login="ADMIN@example.org")
        self.assertRedirects(response, START_PAGE, fetch_redirect_response=False)
        self.assertEqual(self.logged_in_user_id(), str(self.admin.pk))

    def test_it_follows_next_on_this_site_only(self):
        response = self.client.post(
            f"{LOGIN}?next=/organisations/new/", {"login": "admin", "password": PASSWORD}
        )
        self.assertRedirects(response, "/organisations/new/", fetch_redirect_response=False)
        self.client.logout()
        response = self.client.post(
            LOGIN, {"login": "admin", "password": PASSWORD, "next": "https://evil.example/"}
        )
        self.assertRedirects(response, START_PAGE, fetch_redirect_response=False)

    def test_a_wrong_password_is_refused_with_an_announced_error(self):
        response = self.attempt(password="wrong")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'role="alert"')
        self.assertContains(response, "not correct")
        self.assertIsNone(self.logged_in_user_id())

    def test_an_inactive_user_cannot_log_in(self):
        self.admin.is_active = False
        self.admin.save()
        self.attempt()
        self.assertIsNone(self.logged_in_user_id())

    def test_an_unverified_address_cannot_log_in_and_gets_a_verification_mail(self):
        EmailAddress.objects.filter(user=self.admin).update(verified=False)
        response = self.attempt()
        self.assertIsNone(self.logged_in_user_id())
        self.assertRedirects(response, "/accounts/confirm-email/", fetch_redirect_response=False)

    def test_login_needs_the_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        response = client.post(LOGIN, {"login": "admin", "password": PASSWORD})
        self.assertEqual(response.status_code, 403)

    def test_logout_only_by_post(self):
        self.client.force_login(self.admin)
        response = self.client.get("/accounts/logout/")
        self.assertEqual(self.logged_in_user_id(), str(self.admin.pk))
        self.assertContains(response, 'method="post"')
        response = self.client.post("/accounts/logout/")
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertIsNone(self.logged_in_user_id())

    def test_the_profile_needs_login_and_shows_the_roles(self):
        response = self.client.get("/accounts/profile/")
        self.assertRedirects(response, f"{LOGIN}?next=/accounts/profile/")
        self.client.force_login(self.coordinator)
        response = self.client.get("/accounts/profile/")
        self.assertEqual(response.context["roles"], ["coordinator"])
        self.assertContains(response, "Bretagne (Brittany)")

    def test_remember_me_keeps_the_session_past_the_browser(self):
        self.client.post(LOGIN, {"login": "admin", "password": PASSWORD})
        self.assertTrue(self.client.session.get_expire_at_browser_close())
        self.client.logout()
        self.client.post(LOGIN, {"login": "admin", "password": PASSWORD, "remember": "on"})
        self.assertFalse(self.client.session.get_expire_at_browser_close())

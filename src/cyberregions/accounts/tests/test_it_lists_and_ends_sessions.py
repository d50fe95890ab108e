"""The list of one's sessions (django-allauth's usersessions, recorded at login) with the
address and browser, ending one of them or all the others."""

from django.test import Client

from cyberregions.accounts.models import SecurityEvent

from .base import PASSWORD, LoginTestCase

SESSIONS = "/accounts/sessions/"


class SessionListTests(LoginTestCase):
    def log_in(self, address, browser):
        client = Client(HTTP_USER_AGENT=browser)
        self.attempt(client=client, address=address)
        return client

    def test_it_lists_ones_sessions_and_ends_another(self):
        laptop = self.log_in("10.0.0.1", "Laptop Firefox")
        phone = self.log_in("10.0.0.2", "Phone Safari")
        response = laptop.get(SESSIONS, REMOTE_ADDR="10.0.0.1")
        self.assertContains(response, "Laptop Firefox")
        self.assertContains(response, "Phone Safari")
        self.assertContains(response, "This browser")
        sessions = response.context["sessions"]
        other = [s for s in sessions if s.session_key != laptop.session.session_key][0]
        response = laptop.post(f"/accounts/sessions/{other.pk}/end/", REMOTE_ADDR="10.0.0.1")
        self.assertRedirects(response, SESSIONS, fetch_redirect_response=False)
        self.assertIsNone(phone.session.get("_auth_user_id"))
        self.assertEqual(phone.get("/accounts/profile/").status_code, 302)
        self.assertIsNotNone(laptop.session.get("_auth_user_id"))
        self.assertTrue(SecurityEvent.objects.filter(kind="session_revoked", user=self.admin))

    def test_no_one_ends_another_persons_session(self):
        self.log_in("10.0.0.2", "Phone Safari")
        from allauth.usersessions.models import UserSession

        session = UserSession.objects.get(user=self.admin)
        self.client.force_login(self.registered)
        response = self.client.post(f"/accounts/sessions/{session.pk}/end/")
        self.assertEqual(response.status_code, 404)
        self.assertTrue(UserSession.objects.filter(pk=session.pk).exists())
        self.assertEqual(self.client.get(f"/accounts/sessions/{session.pk}/end/").status_code, 405)

    def test_ending_every_other_session(self):
        laptop = self.log_in("10.0.0.1", "Laptop")
        phone = self.log_in("10.0.0.2", "Phone")
        laptop.post(SESSIONS, REMOTE_ADDR="10.0.0.1")
        self.assertEqual(phone.get("/accounts/profile/").status_code, 302)
        self.assertEqual(laptop.get("/accounts/profile/").status_code, 200)

    def test_the_list_needs_login(self):
        response = self.client.get(SESSIONS)
        self.assertEqual(response.status_code, 302)
        self.assertNotIn(PASSWORD, response.content.decode())

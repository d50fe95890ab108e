"""Finding: sessions lasted 14 days with no idle timeout. A session now ends after a time
without requests, sooner for administrators, programme staff and coordinators."""

import time

from django.conf import settings

from cyberregions.accounts.middleware import LAST_ACTIVITY

from .base import LOGIN, LoginTestCase

NORMAL = settings.SESSION_IDLE_TIMEOUT_SECONDS
PRIVILEGED = settings.SESSION_IDLE_TIMEOUT_PRIVILEGED_SECONDS


class IdleTimeoutTests(LoginTestCase):
    def idle_for(self, seconds):
        session = self.client.session
        session[LAST_ACTIVITY] = int(time.time()) - seconds
        session.save()

    def test_a_session_idle_too_long_is_ended_and_the_person_sent_to_log_in(self):
        self.client.force_login(self.registered)
        self.idle_for(NORMAL + 5)
        response = self.client.get("/accounts/profile/")
        self.assertRedirects(
            response, f"{LOGIN}?next=%2Faccounts%2Fprofile%2F", fetch_redirect_response=False
        )
        self.assertIsNone(self.logged_in_user_id())

    def test_an_active_session_goes_on_and_its_activity_is_noted(self):
        self.client.force_login(self.registered)
        self.idle_for(NORMAL - 60)
        self.assertEqual(self.client.get("/accounts/profile/").status_code, 200)
        self.assertGreater(self.client.session[LAST_ACTIVITY], time.time() - 5)

    def test_privileged_roles_time_out_sooner(self):
        for persona in (self.admin, self.staff, self.coordinator):
            self.client.force_login(persona)
            self.idle_for(PRIVILEGED + 5)
            self.client.get("/accounts/profile/")
            self.assertIsNone(self.logged_in_user_id(), persona)
        self.client.force_login(self.member)
        self.idle_for(PRIVILEGED + 5)
        self.assertEqual(self.client.get("/accounts/profile/").status_code, 200)

    def test_a_quick_second_request_does_not_write_the_session(self):
        self.client.force_login(self.registered)
        self.client.get("/accounts/profile/")
        before = self.client.session[LAST_ACTIVITY]
        self.client.get("/accounts/profile/")
        self.assertEqual(self.client.session[LAST_ACTIVITY], before)

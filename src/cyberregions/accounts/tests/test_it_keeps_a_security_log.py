"""Finding: no authentication event was logged. Logins, failures, refusals, logouts, password
changes and MFA changes go to the security log, without passwords; administrators read it."""

from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.test import RequestFactory

from cyberregions.accounts.models import SecurityEvent

from .base import PASSWORD, LoginTestCase

LOG = "/accounts/security-log/"


class SecurityEventTests(LoginTestCase):
    def kinds(self, user=None):
        events = SecurityEvent.objects.all()
        if user is not None:
            events = events.filter(user=user)
        return list(events.order_by("id").values_list("kind", flat=True))

    def test_login_failure_and_logout_are_logged_with_address_and_browser(self):
        self.attempt(password="wrong-secret-guess", HTTP_USER_AGENT="Firefox/140")
        self.attempt(HTTP_USER_AGENT="Firefox/140")
        self.client.post("/accounts/logout/")
        self.assertEqual(self.kinds(self.admin), ["login_failed", "login", "logout"])
        event = SecurityEvent.objects.get(kind="login_failed")
        self.assertEqual(event.address, "10.0.0.1")
        self.assertEqual(event.user_agent, "Firefox/140")
        stored = str(list(SecurityEvent.objects.values()))
        self.assertNotIn("wrong-secret-guess", stored)
        self.assertNotIn(PASSWORD, stored)

    def test_a_failure_for_an_unknown_account_is_logged_without_an_account(self):
        self.attempt(login="nobody-here", password="x")
        self.assertEqual(SecurityEvent.objects.get().user, None)

    def test_a_password_change_is_logged(self):
        self.client.force_login(self.admin)
        self.client.post(
            "/accounts/password/change/",
            {
                "oldpassword": PASSWORD,
                "password1": "changed-pass-123",
                "password2": "changed-pass-123",
            },
        )
        self.assertIn("password_changed", self.kinds(self.admin))

    def test_mfa_changes_are_logged(self):
        request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.3")
        authenticator = Authenticator(user=self.staff, type=Authenticator.Type.TOTP, data={})
        authenticator_added.send(
            sender=Authenticator, request=request, user=self.staff, authenticator=authenticator
        )
        authenticator_removed.send(
            sender=Authenticator, request=request, user=self.staff, authenticator=authenticator
        )
        self.assertEqual(self.kinds(self.staff), ["mfa_added", "mfa_removed"])
        self.assertEqual(SecurityEvent.objects.first().detail, "totp")


class SecurityLogPageTests(LoginTestCase):
    def test_only_administrators_read_it(self):
        self.assertEqual(self.client.get(LOG).status_code, 302)
        for persona in (self.staff, self.coordinator, self.member, self.registered):
            self.client.force_login(persona)
            self.assertEqual(self.client.get(LOG).status_code, 403, persona)
        self.client.force_login(self.admin)
        self.assertEqual(self.client.get(LOG).status_code, 200)
        self.assertEqual(self.client.post(LOG).status_code, 405)

    def test_it_is_paginated_filtered_and_its_queries_pinned(self):
        SecurityEvent.objects.bulk_create(
            SecurityEvent(kind="login_failed", user=self.member, address="10.0.0.9")
            for _ in range(60)
        )
        SecurityEvent.objects.create(kind="token_created", user=self.member)
        self.client.force_login(self.admin)
        self.client.get(LOG)  # warm the session
        # session, user, count, the navigation's two role look-ups, page of events with their
        # accounts: the same for 1 or 50 events
        with self.assertNumQueries(6):
            response = self.client.get(LOG)
        self.assertEqual(len(response.context["page"].object_list), 50)
        self.assertContains(response, "Page 1 of 2")
        with self.assertNumQueries(6):
            response = self.client.get(LOG, {"kind": "token_created"})
        self.assertEqual(len(response.context["page"].object_list), 1)
        response = self.client.get(LOG, {"page": "999"})
        self.assertEqual(response.status_code, 200)

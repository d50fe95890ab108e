"""After logging in, people land on their start page, unless ?next= names another page."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from cyberregions.testing import PersonaTestCase


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
class LoginLandingTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.person = get_user_model().objects.create_user(
            "claire", "claire@example.org", "a long enough password"
        )

    def log_in(self, query: str = ""):
        return self.client.post(
            reverse("accounts:login") + query,
            {"login": "claire", "password": "a long enough password"},
        )

    def test_it_lands_on_the_start_page(self):
        response = self.log_in()
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], reverse("home:me"))

    def test_it_keeps_next(self):
        response = self.log_in("?next=/events/")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], "/events/")

    def test_it_refuses_a_next_to_another_host(self):
        response = self.log_in("?next=https://elsewhere.example/")
        self.assertEqual(response["Location"], reverse("home:me"))

    def test_a_wrong_password_stays_on_the_login_page(self):
        response = self.client.post(
            reverse("accounts:login"), {"login": "claire", "password": "wrong"}
        )
        self.assertEqual(response.status_code, 200)

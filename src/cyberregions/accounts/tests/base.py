"""Shared set-up for the account tests: personas with a password, and a login helper."""

from django.core.cache import cache
from django.test import override_settings

from cyberregions.testing import PersonaTestCase

LOGIN = "/accounts/login/"
PASSWORD = "x-admin-pass-1"  # the administrator's, set by AdminPasswordTestCase
OWNER_ADDRESS = "10.0.0.1"
RATE_LIMITED = "Too many failed login attempts"
# Argon2 is deliberately slow; the flows do not depend on the hasher (the hashing test does).
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
        cache.clear()  # rate-limit counters live in the cache

    def attempt(
        self, login="admin", password=PASSWORD, address=OWNER_ADDRESS, client=None, **extra
    ):
        client = client or self.client
        return client.post(
            LOGIN, {"login": login, "password": password}, REMOTE_ADDR=address, **extra
        )

    def logged_in_user_id(self, client=None):
        return (client or self.client).session.get("_auth_user_id")

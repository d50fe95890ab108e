"""One production switch: the settings are loaded in a fresh interpreter with the environment
of each case, and either start (saying what DEBUG and the key are) or refuse with
ImproperlyConfigured. DEBUG off never starts with the development key."""

import json
import os
import subprocess
import sys
import tempfile

from django.test import SimpleTestCase

REAL_KEY = "a-secret-of-the-sites-own-" + "x" * 40
PROBE = """
import json
from cyberregions import settings
print(json.dumps({"DEBUG": settings.DEBUG, "dev_key": settings.SECRET_KEY == settings._DEV_SECRET,
                  "secure_cookies": settings.SESSION_COOKIE_SECURE}))
"""
CLEARED = (
    "DEBUG",
    "SECRET_KEY",
    "CYBERREGIONS_PRODUCTION",
    "CYBERREGIONS_TESTING",
    "ALLOWED_HOSTS",
)


class ProductionSwitchTests(SimpleTestCase):
    def load(self, **environment) -> dict | str:
        """The settings' DEBUG and key under ``environment``, or the refusal's message."""
        with tempfile.TemporaryDirectory() as var:
            env = {key: value for key, value in os.environ.items() if key not in CLEARED}
            env.update(CYBERREGIONS_VAR=var, DJANGO_SETTINGS_MODULE="", **environment)
            result = subprocess.run(  # noqa: S603 — our own interpreter and settings
                [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60
            )
        if result.returncode == 0:
            return json.loads(result.stdout.strip().splitlines()[-1])
        self.assertIn("ImproperlyConfigured", result.stderr, result.stderr[-2000:])
        return result.stderr.strip().splitlines()[-1]

    def test_debug_off_without_the_switch_refuses_the_development_key(self):
        for environment in ({"DEBUG": "0"}, {"DEBUG": "false", "SECRET_KEY": ""}):
            with self.subTest(environment):
                refusal = self.load(**environment)
                self.assertIsInstance(refusal, str)
                self.assertIn("SECRET_KEY must be set", refusal)

    def test_the_published_development_key_is_refused_by_name_too(self):
        refusal = self.load(
            DEBUG="0", SECRET_KEY="insecure-development-key-do-not-use-in-production"
        )
        self.assertIn("SECRET_KEY must be set", refusal)

    def test_the_production_switch_turns_debug_off_and_needs_a_key(self):
        self.assertIn("SECRET_KEY must be set", self.load(CYBERREGIONS_PRODUCTION="1"))
        self.assertEqual(
            self.load(CYBERREGIONS_PRODUCTION="1", SECRET_KEY=REAL_KEY),
            {"DEBUG": False, "dev_key": False, "secure_cookies": True},
        )

    def test_the_production_switch_refuses_debug_on(self):
        refusal = self.load(CYBERREGIONS_PRODUCTION="1", SECRET_KEY=REAL_KEY, DEBUG="1")
        self.assertIn("DEBUG must be off when CYBERREGIONS_PRODUCTION is on", refusal)

    def test_debug_off_with_a_key_starts_without_the_switch(self):
        self.assertEqual(
            self.load(DEBUG="0", SECRET_KEY=REAL_KEY),
            {"DEBUG": False, "dev_key": False, "secure_cookies": False},
        )

    def test_a_fresh_clone_starts_in_development(self):
        # make demo, the console script and the test run set none of these.
        self.assertEqual(self.load(), {"DEBUG": True, "dev_key": True, "secure_cookies": False})
        self.assertEqual(self.load(CYBERREGIONS_TESTING="1")["DEBUG"], True)

    def test_a_public_host_with_debug_on_by_default_is_refused(self):
        refusal = self.load(ALLOWED_HOSTS="atlas.example.org")
        self.assertIn("ALLOWED_HOSTS names a public host", refusal)
        self.assertEqual(self.load(ALLOWED_HOSTS="atlas.example.org", DEBUG="1")["DEBUG"], True)

"""The session settings the platform gives its database connections."""

import os
import subprocess
import sys
from unittest import skipUnless

from django.db import connection
from django.test import SimpleTestCase, TestCase


@skipUnless(connection.vendor == "postgresql", "PostgreSQL only: SQLite has no planner costs")
class PostgresSessionTests(TestCase):
    def test_sessions_plan_for_data_in_memory_or_on_ssd(self):
        with connection.cursor() as cursor:
            cursor.execute("SHOW random_page_cost")
            self.assertEqual(float(cursor.fetchone()[0]), 1.1)


class PageCostSettingTests(SimpleTestCase):
    def options(self, **environment) -> str:
        """The connection options the settings build for a PostgreSQL URL, in a fresh
        interpreter (settings are read once per process)."""
        code = (
            "from django.conf import settings; "
            "print(settings.DATABASES['default'].get('OPTIONS', {}).get('options', ''))"
        )
        env = {
            **os.environ,
            "DATABASE_URL": "postgres://user@localhost:5432/name",
            "DJANGO_SETTINGS_MODULE": "cyberregions.settings",
            **environment,
        }
        env.pop("TEST_DATABASE_NAME", None)
        result = subprocess.run(  # noqa: S603 — the interpreter running the tests, fixed code
            [sys.executable, "-c", "import django; django.setup(); " + code],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.strip()

    def test_the_default_and_an_override(self):
        self.assertEqual(self.options(), "-c random_page_cost=1.1")
        self.assertEqual(self.options(PG_RANDOM_PAGE_COST="2"), "-c random_page_cost=2.0")

    def test_an_empty_value_leaves_it_to_the_server(self):
        self.assertEqual(self.options(PG_RANDOM_PAGE_COST=""), "")

    def test_a_value_that_is_not_a_number_is_refused(self):
        with self.assertRaises(subprocess.CalledProcessError) as raised:
            self.options(PG_RANDOM_PAGE_COST="1; DROP TABLE x")
        self.assertIn("could not convert string to float", raised.exception.stderr)

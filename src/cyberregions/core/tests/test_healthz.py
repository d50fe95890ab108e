from unittest import mock

from django.db.utils import OperationalError
from django.test import TestCase


class HealthzTests(TestCase):
    def test_it_answers_ok_with_the_database_engine(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["status"], "ok")
        self.assertIn(response.json()["database"], {"sqlite", "postgresql"})

    def test_it_answers_503_when_the_database_fails(self):
        with mock.patch(
            "cyberregions.core.views.connection.cursor", side_effect=OperationalError("down")
        ):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["status"], "error")

    def test_it_refuses_post(self):
        self.assertEqual(self.client.post("/healthz").status_code, 405)

"""Visitors' downloads and API use are rate-limited per address, at the configured rates (the
suite itself runs with generous ones): the request past the limit answers 429 with
Retry-After; a signed-in user is not held to the visitors' rate."""

from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from rest_framework.throttling import SimpleRateThrottle

from cyberregions.testing import PersonaTestCase, api_token

EXPORT = "/data/export/organisations.csv"
API = "/api/countries/"


def allowed(scope: str) -> tuple[int, int]:
    """(requests, seconds) of the configured rate of ``scope``."""
    return SimpleRateThrottle.parse_rate(None, settings.CONFIGURED_RATE_LIMITS[scope])


@override_settings(RATE_LIMITS=settings.CONFIGURED_RATE_LIMITS)
class RateLimitTests(PersonaTestCase):
    def setUp(self):
        cache.clear()  # the counters live in the cache, shared by the whole test run
        self.addCleanup(cache.clear)

    def assert_throttled(self, response, period: int):
        self.assertEqual(response.status_code, 429)
        wait = int(response["Retry-After"])
        self.assertGreaterEqual(wait, 1)
        self.assertLessEqual(wait, period)

    def test_the_visitor_download_past_the_limit_answers_429(self):
        limit, period = allowed("export_anon")
        for number in range(limit):
            response = self.client.get(EXPORT, {"country": "FR"})
            self.assertEqual(response.status_code, 200, number)
            # Read to its end, as a client does: closing a streamed response unread would
            # end the request outside the test client and close the test's connection.
            b"".join(response.streaming_content)
        response = self.client.get(EXPORT)
        self.assert_throttled(response, period)
        self.assertIn("try again", response.content.decode())
        # Every whole-list download of the site counts against the same budget.
        for url in (
            "/data/export/practices.xlsx",
            "/data/open/atlas.json",
            "/practices/export.csv",
        ):
            self.assert_throttled(self.client.get(url), period)
        # Another address still downloads.
        other = self.client.get(EXPORT, REMOTE_ADDR="192.0.2.7")
        self.assertEqual(other.status_code, 200)

    def test_a_signed_in_user_is_not_held_to_the_visitor_rate(self):
        limit, _period = allowed("export_anon")
        self.client.force_login(self.member)
        for number in range(limit + 3):
            response = self.client.get(EXPORT, {"country": "IT"})
            self.assertEqual(response.status_code, 200, number)
            # Read to its end, as a client does: closing a streamed response unread would
            # end the request outside the test client and close the test's connection.
            b"".join(response.streaming_content)

    def test_refused_requests_are_not_counted_as_downloads(self):
        limit, _period = allowed("export_anon")
        for _ in range(limit + 1):
            self.assertEqual(self.client.post(EXPORT).status_code, 405)
        self.assertEqual(self.client.get(EXPORT).status_code, 200)

    def test_the_visitor_api_request_past_the_limit_answers_429(self):
        limit, period = allowed("anon")
        for number in range(limit):
            self.assertEqual(self.client.get(API).status_code, 200, number)
        response = self.client.get(API)
        self.assert_throttled(response, period)
        self.assertEqual(response.json()["code"], "throttled")
        # With a token, the same address goes on at the users' rate.
        self.assertGreater(allowed("user")[0], limit)
        token = api_token(self.member)
        headers = {"Authorization": f"Token {token}"}
        for number in range(limit + 3):
            self.assertEqual(self.client.get(API, headers=headers).status_code, 200, number)

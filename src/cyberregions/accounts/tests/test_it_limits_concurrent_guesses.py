"""Finding: 30 concurrent guesses used to have 19 checked before a lock of 5 (the count was
read, then the password checked, then the count written). Now each attempt takes its place in
the count under a cache lock before its password is checked.

The threads share Django's local-memory cache (one store per process, as Redis is one store
for every app server); reading the count is slowed down to widen the race window."""

import threading
from unittest import mock

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import ValidationError
from django.test import RequestFactory, SimpleTestCase

from cyberregions.accounts.adapter import PlatformAccountAdapter

GUESSES = 30
LIMIT = settings.LOGIN_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS


class ConcurrentGuessTests(SimpleTestCase):
    def setUp(self):
        cache.clear()

    def test_30_concurrent_guesses_pass_no_more_than_the_limit(self):
        original_get = LocMemCache.get
        start = threading.Barrier(GUESSES)
        passed = []
        refused = []

        def slow_get(self, *args, **kwargs):
            value = original_get(self, *args, **kwargs)
            threading.Event().wait(0.002)  # a slow round trip, to let the others interleave
            return value

        def guess():
            request = RequestFactory().post("/accounts/login/", REMOTE_ADDR="203.0.113.5")
            adapter = PlatformAccountAdapter(request)
            start.wait()
            try:
                adapter.pre_authenticate(request, username="admin", password="guess")
            except ValidationError:
                refused.append(1)
            else:
                passed.append(1)

        # No database in the threads: the account is unknown, so it is counted by the name.
        with (
            mock.patch.object(LocMemCache, "get", slow_get),
            mock.patch("cyberregions.accounts.adapter.find_account", return_value=None),
            mock.patch("cyberregions.accounts.adapter.security_log.write"),
        ):
            threads = [threading.Thread(target=guess) for _ in range(GUESSES)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        self.assertEqual(len(passed) + len(refused), GUESSES)
        self.assertLessEqual(len(passed), LIMIT)
        self.assertGreater(len(passed), 0)

"""Rate limits for anonymous use of the API and of the downloads, on Django REST framework's
throttles (the same counters, keys and ``Retry-After`` arithmetic for both).

The rates are ``settings.RATE_LIMITS`` (``"120/minute"``…), read on every request so that a test
can change them. The counters live in Django's default cache: per process with the default
local-memory cache, so with several app servers each one counts alone until ``CACHE_URL``
points them at one shared cache (``docs/deployment.md``). A visitor is told apart by address:
``REST_FRAMEWORK["NUM_PROXIES"]`` says how many trusted proxies stand in front, as DRF reads
``X-Forwarded-For``.
"""

from __future__ import annotations

import functools
import math

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class _RateFromSettings:
    scope: str

    def get_rate(self):
        return settings.RATE_LIMITS.get(self.scope)


class AnonymousApiRateLimit(_RateFromSettings, AnonRateThrottle):
    """Anonymous API requests, per client address."""

    scope = "anon"


class UserApiRateLimit(_RateFromSettings, UserRateThrottle):
    """API requests of a signed-in user (session or token), per account: higher than the
    anonymous rate, so that a user is never held to it."""

    scope = "user"


class AnonymousExportRateLimit(_RateFromSettings, AnonRateThrottle):
    """Whole-list downloads (CSV, XLSX, JSON) by visitors, per address. Signed-in users are
    not counted: their exports are traced to an account."""

    scope = "export_anon"


def too_many_requests(wait_seconds: float | None) -> HttpResponse:
    seconds = max(1, math.ceil(wait_seconds or 1))
    response = HttpResponse(
        _(
            "Too many downloads from your address. Please try again in %(seconds)s seconds, "
            "or sign in: signed-in users are not limited this way."
        )
        % {"seconds": seconds},
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(seconds)
    return response


def anonymous_export_rate_limit(view):
    """Answer 429 with ``Retry-After`` when a visitor's address has used up its downloads."""

    @functools.wraps(view)
    def limited(request, *args, **kwargs):
        throttle = AnonymousExportRateLimit()
        if not throttle.allow_request(request, view=None):
            return too_many_requests(throttle.wait())
        return view(request, *args, **kwargs)

    return limited

"""Deployment checks for the login limits (``cyberregions check --deploy``)."""

from __future__ import annotations

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def login_limits_are_shared(app_configs, **kwargs):
    """With a per-process cache each gunicorn worker keeps its own counts, so a stranger gets
    the limit times the number of workers (and app servers)."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("LocMemCache"):
        return [
            checks.Warning(
                "The login and rate limits count in a per-process cache.",
                hint="Set CACHE_URL=redis://… shared by every app server (docs/deployment.md).",
                id="accounts.W001",
            )
        ]
    return []

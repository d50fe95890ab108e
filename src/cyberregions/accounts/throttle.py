"""Login throttling: after a few failures for one username or one address, wait."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def _keys(username: str, address: str) -> list[str]:
    # Hash so that no personal data lands in cache keys or logs.
    def digest(value: str) -> str:
        return hashlib.sha256(value.encode()).hexdigest()[:24]

    return [f"login-fail:u:{digest(username.lower())}", f"login-fail:a:{digest(address)}"]


def is_locked(username: str, address: str) -> bool:
    limit = settings.LOGIN_THROTTLE_ATTEMPTS
    return any((cache.get(key) or 0) >= limit for key in _keys(username, address))


def record_failure(username: str, address: str) -> None:
    window = settings.LOGIN_THROTTLE_WINDOW_SECONDS
    for key in _keys(username, address):
        if cache.add(key, 1, window):
            continue
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, window)


def reset(username: str, address: str) -> None:
    cache.delete_many(_keys(username, address))

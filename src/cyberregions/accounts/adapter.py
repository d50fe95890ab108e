"""How the platform uses django-allauth: failed-login limits that a stranger cannot turn
against the owner, the security log, and the known addresses they rely on."""

from __future__ import annotations

import datetime
import hashlib
import hmac

from allauth.account.adapter import DefaultAccountAdapter

# The internal module returns usages that can be rolled back (the public one only a bool);
# allauth is pinned exactly, and the tests cover these calls.
from allauth.core.internal import ratelimit
from allauth.core.internal.ratelimit import get_ip
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from . import security_log
from .addresses import mark_signing_up
from .models import KnownLoginAddress, SecurityEvent

APP = "allauth.account"


def address_digest(address: str) -> str:
    # Keyed, so that the table does not give away who logged in from where.
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def find_account(credentials: dict):
    """The account a login form names (by e-mail address or user name), or None."""
    identifiers = [credentials.get(name) for name in ("email", "username")]
    identifiers = [value for value in identifiers if value]
    if not identifiers:
        return None
    query = Q()
    for value in identifiers:
        query |= Q(username__iexact=value) | Q(email__iexact=value)
    return get_user_model().objects.filter(query).order_by("pk").first()


def is_known_address(user, address: str) -> bool:
    since = timezone.now() - datetime.timedelta(days=settings.KNOWN_LOGIN_ADDRESS_DAYS)
    return KnownLoginAddress.objects.filter(
        user=user, address_digest=address_digest(address), last_login_at__gte=since
    ).exists()


def remember_address(user, request) -> None:
    KnownLoginAddress.objects.update_or_create(
        user=user,
        address_digest=address_digest(get_ip(request)),
        defaults={"last_login_at": timezone.now()},
    )


class PlatformAccountAdapter(DefaultAccountAdapter):
    def _account_key(self, credentials: dict) -> tuple[object, str]:
        user = find_account(credentials)
        if user is not None:
            return user, f"user:{user.pk}"
        typed = credentials.get("email") or credentials.get("username") or ""
        return None, f"login:{typed.lower()}"

    def pre_authenticate(self, request, **credentials) -> None:
        """Take one attempt from each limit before the password is checked. Each count is
        changed under a cache lock, so concurrent guesses cannot all pass a check first."""
        user, account_key = self._account_key(credentials)
        address = get_ip(request)
        usages = []
        # Per address (any account), and per account from this address.
        usage = ratelimit.consume(
            request, app=APP, action="login_failed", key=f"{account_key}@{address}"
        )
        if usage:
            usages.append(usage)
            # Per account from addresses it has not logged in from lately: caps guesses
            # spread over many addresses, while the owner's usual address stays open.
            if user is None or not is_known_address(user, address):
                usage = ratelimit.consume(
                    request, app=APP, action="login_failed_account", key=account_key
                )
                if usage:
                    usages.append(usage)
        if not usage:
            self._login_failed_rl_usage = None
            security_log.write(SecurityEvent.Kind.RATE_LIMITED, user, request)
            raise self.validation_error("too_many_login_attempts")
        self._login_failed_rl_usage = usages

    def _rollback_login_failed_rl_usage(self) -> None:
        # A successful login gives back its own attempt only: the failures before it
        # still count, so one good password does not reset an address's count.
        for usage in getattr(self, "_login_failed_rl_usage", None) or []:
            usage.rollback()

    def authentication_failed(self, request, **credentials) -> None:
        user, _key = self._account_key(credentials)
        security_log.write(SecurityEvent.Kind.LOGIN_FAILED, user, request)

    def _delete_login_attempts_cached_email(self, request, **credentials) -> None:
        """After a password reset through the e-mailed link: the owner has proved they hold
        the mailbox, so the account's limits are lifted for them."""
        user, account_key = self._account_key(credentials)
        ratelimit.clear(request, app=APP, action="login_failed_account", key=account_key)
        ratelimit.clear(
            request, app=APP, action="login_failed", key=f"{account_key}@{get_ip(request)}"
        )

    def save_user(self, request, user, form, commit=True):
        mark_signing_up(user)  # its address is verified by mail, not taken as given
        return super().save_user(request, user, form, commit)

    def login(self, request, user) -> None:
        super().login(request, user)
        remember_address(user, request)

"""Personal API tokens: made on the profile, stored as a SHA-256 digest, read-only or
read-write, with an expiry; a password change or reset revokes them all."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions
from rest_framework.permissions import SAFE_METHODS

from . import security_log
from .models import ApiToken, SecurityEvent

PREFIX_LENGTH = 8
MAX_LIFETIME_DAYS = 366
# Writing last use on every request would make each API call a write; once a minute is
# precise enough for "last used" and keeps reads cheap.
LAST_USE_PRECISION = datetime.timedelta(minutes=1)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def create_token(user, *, name: str, scope: str, lifetime_days: int, request=None):
    """Make a token for ``user``; returns (token, secret). The secret is never stored."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied
    if scope not in ApiToken.Scope.values:
        raise ValidationError({"scope": _("Choose read only or read and write.")})
    if not 1 <= lifetime_days <= MAX_LIFETIME_DAYS:
        raise ValidationError(
            {
                "lifetime_days": _("A token lasts between 1 and %(max)d days.")
                % {"max": MAX_LIFETIME_DAYS}
            }
        )
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name.")})
    secret = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        scope=scope,
        prefix=secret[:PREFIX_LENGTH],
        secret_hash=digest(secret),
        expires_at=timezone.now() + datetime.timedelta(days=lifetime_days),
    )
    security_log.write(SecurityEvent.Kind.TOKEN_CREATED, user, request, detail=token.name)
    return token, secret


@transaction.atomic
def revoke_token(actor, token: ApiToken, request=None) -> None:
    if token.user_id != getattr(actor, "pk", None):
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        security_log.write(SecurityEvent.Kind.TOKEN_REVOKED, actor, request, detail=token.name)


def revoke_all_tokens(user, request=None, reason: str = "") -> int:
    """On a password change or reset: whoever knew the old password may have made tokens."""
    count = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if count:
        security_log.write(SecurityEvent.Kind.TOKEN_REVOKED, user, request, detail=reason)
    return count


def active_tokens(user):
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True)


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Token <secret>`` or ``Authorization: Bearer <secret>``."""

    keywords = ("token", "bearer")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode(errors="replace").lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header."))
        try:
            secret = header[1].decode()
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed(_("Invalid token header.")) from error
        now = timezone.now()
        token = (
            ApiToken.objects.select_related("user")
            .filter(secret_hash=digest(secret), revoked_at__isnull=True, expires_at__gt=now)
            .first()
        )
        # DRF's own messages, which its translations cover.
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        if token.scope == ApiToken.Scope.READ and request.method not in SAFE_METHODS:
            raise exceptions.PermissionDenied(_("This token may only read."))
        if token.last_used_at is None or now - token.last_used_at > LAST_USE_PRECISION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request):
        return 'Token realm="api"'

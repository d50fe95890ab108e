"""The security log: authentication events, written from allauth's and Django's signals.

Never a password, a token secret or a one-time code: only the kind of event, the account
when known, the address and the browser."""

from __future__ import annotations

import logging

from django.contrib.auth import signals as auth_signals

from .models import SecurityEvent

logger = logging.getLogger("cyberregions.security")


def client_address(request) -> str | None:
    if request is None:
        return None
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter().get_client_ip(request)
    except Exception:  # noqa: BLE001 — a log line must never break the request it describes
        return request.META.get("REMOTE_ADDR") or None


def write(kind: str, user=None, request=None, detail: str = "") -> SecurityEvent:
    user = user if getattr(user, "pk", None) else None
    event = SecurityEvent.objects.create(
        kind=kind,
        user=user,
        address=client_address(request),
        user_agent=(request.META.get("HTTP_USER_AGENT", "") if request is not None else "")[:200],
        detail=detail[:200],
    )
    logger.info("security %s user=%s", kind, getattr(user, "pk", None))
    return event


def connect() -> None:
    """Hook the receivers up; called once from the app's ready()."""
    from allauth.account import signals as account_signals
    from allauth.mfa import signals as mfa_signals

    def on_login(sender, request, user, **kwargs):
        write(SecurityEvent.Kind.LOGIN, user, request)

    def on_logout(sender, request, user, **kwargs):
        if user is not None:
            write(SecurityEvent.Kind.LOGOUT, user, request)

    def on_signed_up(sender, request, user, **kwargs):
        write(SecurityEvent.Kind.SIGNED_UP, user, request)

    def on_email_confirmed(sender, request, email_address, **kwargs):
        write(SecurityEvent.Kind.EMAIL_CONFIRMED, email_address.user, request)

    def on_password_changed(sender, request, user, **kwargs):
        from .api_tokens import revoke_all_tokens

        write(SecurityEvent.Kind.PASSWORD_CHANGED, user, request)
        revoke_all_tokens(user, request, reason="password changed")

    def on_password_reset(sender, request, user, **kwargs):
        from .api_tokens import revoke_all_tokens

        write(SecurityEvent.Kind.PASSWORD_RESET, user, request)
        revoke_all_tokens(user, request, reason="password reset")

    def on_mfa_added(sender, request, authenticator, **kwargs):
        write(SecurityEvent.Kind.MFA_ADDED, authenticator.user, request, detail=authenticator.type)

    def on_mfa_removed(sender, request, authenticator, **kwargs):
        write(
            SecurityEvent.Kind.MFA_REMOVED, authenticator.user, request, detail=authenticator.type
        )

    def on_mfa_failed(sender, request, user, **kwargs):
        write(SecurityEvent.Kind.MFA_FAILED, user, request)

    for signal, handler in [
        (auth_signals.user_logged_in, on_login),
        (auth_signals.user_logged_out, on_logout),
        (account_signals.user_signed_up, on_signed_up),
        (account_signals.email_confirmed, on_email_confirmed),
        (account_signals.password_changed, on_password_changed),
        (account_signals.password_set, on_password_changed),
        (account_signals.password_reset, on_password_reset),
        (mfa_signals.authenticator_added, on_mfa_added),
        (mfa_signals.authenticator_removed, on_mfa_removed),
        (mfa_signals.authentication_failed, on_mfa_failed),
    ]:
        # weak=False: the handlers are local functions that nothing else keeps alive.
        signal.connect(handler, weak=False, dispatch_uid=f"accounts.security.{handler.__name__}")

"""A person's data on request: export it, erase it; and what the account itself holds.

``export_personal_data`` and ``erase_person`` are the services every entry point calls (the
profile pages, the admin action, ``cyberregions erase-person``, the inactive-account purge).
They run the sections every app registers in ``cyberregions.core.privacy``, so this module
imports no app below accounts.

Why the account is anonymised rather than deleted: meetings kept for the events' statistics,
practices and plans the person wrote, and the audit trail's facts point at it. Once the name,
the user name, the e-mail address and the password are gone, the row names nobody, and these
records keep a stable "erased person" instead of nothing.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from importlib import import_module
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cyberregions.core import audit, privacy
from cyberregions.core.permissions import COMMAND_LINE, require

from . import permissions
from .models import SecurityEvent

ERASED_PREFIX = "erased-"
ACCOUNT_FIELDS = [
    "username",
    "email",
    "first_name",
    "last_name",
    "date_joined",
    "last_login",
    "is_active",
    "is_staff",
    "is_superuser",
    "is_programme_staff",
    "language",
    "email_notifications",
]


def export_personal_data(actor, person) -> dict[str, Any]:
    """Everything the platform holds about ``person``, as JSON-ready data."""
    require(permissions.can_export_personal_data(actor, person))
    data = privacy.export(person)
    audit.record(actor, "account.data_exported", person)
    return data


def erase_person(actor, person, reason: str = "") -> dict[str, int]:
    """Erase ``person`` in one transaction: every app removes or anonymises what it holds, the
    audit trail keeps its facts without the person's values, and one audit entry records the
    erasure (what was removed, counted; nothing personal). Returns the counts."""
    require(permissions.can_erase_person(actor, person))
    with transaction.atomic():
        person = get_user_model().objects.select_for_update().get(pk=person.pk)
        erasure = privacy.Erasure(user=person, identifiers=privacy.identifiers_of(person))
        erasure.mark([person])
        privacy.erase(person, erasure)
        audit.record(
            actor if actor.pk != person.pk else person,
            "account.erased",
            person,
            after={"counts": dict(sorted(erasure.counts.items()))},
            reason=reason,
        )
    return erasure.counts


def is_erased(user) -> bool:
    return not user.is_active and user.username.startswith(ERASED_PREFIX) and not user.email


# The account itself -----------------------------------------------------------------------


def export_account(user) -> dict[str, Any]:
    data = {}
    for name in ACCOUNT_FIELDS:
        value = getattr(user, name)
        data[name] = value.isoformat() if hasattr(value, "isoformat") else value
    data["groups"] = list(user.groups.values_list("name", flat=True))
    return data


def erase_account(user, erasure: privacy.Erasure) -> None:
    """Deactivate and anonymise; the password becomes unusable, so every session's
    authentication hash stops matching even before the sessions are deleted."""
    erasure.count("sessions", _delete_sessions(user))
    user.username = _erased_username(user)
    user.email = user.first_name = user.last_name = user.language = ""
    user.is_active = user.is_staff = user.is_superuser = user.is_programme_staff = False
    user.last_login = None
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    erasure.count("account", 1)


def _erased_username(user) -> str:
    """``erased-<id>``, unless someone signed up with that very name."""
    username = f"{ERASED_PREFIX}{user.pk}"
    taken = get_user_model().objects.filter(username=username).exclude(pk=user.pk).exists()
    return f"{username}-{secrets.token_hex(4)}" if taken else username


def _delete_sessions(user) -> int:
    """Sessions stored in the database (``db`` and ``cached_db`` engines) carrying the user's
    id. Sessions hold no link to their user, so each live one is decoded: a rare operation."""
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store_class, "get_model_class"):
        return 0
    deleted = 0
    rows = store_class.get_model_class().objects.filter(expire_date__gt=timezone.now())
    for row in rows.iterator(chunk_size=500):
        store = store_class(session_key=row.session_key)
        if str(store.decode(row.session_data).get("_auth_user_id")) == str(user.pk):
            store.delete()
            deleted += 1
    return deleted


# Credentials and sign-in records kept by accounts and the libraries it uses -----------------

# model label → (exported fields, how erasure treats it: "delete", or the fields it blanks).
# A model absent from this installation is skipped.
CREDENTIAL_MODELS: dict[str, tuple[tuple[str, ...], str | tuple[str, ...]]] = {
    # The secrets (hashes, keys) are never exported.
    "accounts.ApiToken": (
        ("name", "scope", "created_at", "expires_at", "last_used_at", "revoked_at"),
        "delete",
    ),
    "accounts.KnownLoginAddress": (("last_login_at",), "delete"),
    # The security log keeps the fact (what, when) for administrators, not where from.
    "accounts.SecurityEvent": (
        ("kind", "at", "address", "user_agent", "detail"),
        ("address", "user_agent", "detail"),
    ),
    "account.EmailAddress": (("email", "verified", "primary"), "delete"),
    "mfa.Authenticator": (("type", "created_at", "last_used_at"), "delete"),
    "usersessions.UserSession": (("ip", "user_agent", "created_at", "last_seen_at"), "delete"),
}


def _installed(label: str):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _user_field(model) -> str:
    return next(
        field.name
        for field in model._meta.get_fields()
        if field.is_relation
        and field.concrete
        and field.related_model is get_user_model()
        and field.name in ("user", "owner")
    )


def export_credentials(user) -> dict[str, list[dict]]:
    data = {}
    for label, (fields, _treatment) in CREDENTIAL_MODELS.items():
        model = _installed(label)
        if model is None:
            continue
        rows = model.objects.filter(**{_user_field(model): user}).values(*fields)
        data[model._meta.label_lower] = [
            {key: (v.isoformat() if hasattr(v, "isoformat") else v) for key, v in row.items()}
            for row in rows
        ]
    return data


def erase_credentials(user, erasure: privacy.Erasure) -> None:
    for label, (_fields, treatment) in CREDENTIAL_MODELS.items():
        model = _installed(label)
        if model is None:
            continue
        rows = model.objects.filter(**{_user_field(model): user})
        if treatment == "delete":
            erasure.count(model._meta.label_lower, rows.delete()[0])
        else:
            blanks = {name: None if model._meta.get_field(name).null else "" for name in treatment}
            erasure.count(model._meta.label_lower, rows.update(**blanks))


def _credential_relations() -> list[str]:
    return [f"{label.lower()}.user" for label in CREDENTIAL_MODELS]


# Retention --------------------------------------------------------------------------------


def purge_inactive_accounts(now) -> int:
    """Erase accounts nobody has logged into for ``INACTIVE_ACCOUNT_RETENTION_DAYS``.
    Administrators are left alone, so that the platform never loses its last one this way."""
    days = settings.INACTIVE_ACCOUNT_RETENTION_DAYS
    if days <= 0:
        return 0
    cutoff = now - timedelta(days=days)
    stale = (
        get_user_model()
        .objects.filter(is_superuser=False)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
        .exclude(username__startswith=ERASED_PREFIX, email="", is_active=False)
    )
    # An account used only through its API tokens never logs in, yet is in use.
    stale = stale.exclude(api_tokens__last_used_at__gte=cutoff)
    erased = 0
    for person in stale.iterator(chunk_size=100):
        erase_person(COMMAND_LINE, person, reason="inactive account retention period")
        erased += 1
    return erased


def purge_security_log_addresses(now) -> int:
    """The security log keeps its events; where they came from (address, browser) goes after
    ``AUDIT_PERSONAL_RETENTION_DAYS``, like the audit trail's personal values."""
    days = settings.AUDIT_PERSONAL_RETENTION_DAYS
    if days <= 0:
        return 0
    old = SecurityEvent.objects.filter(at__lt=now - timedelta(days=days))
    return old.filter(Q(address__isnull=False) | ~Q(user_agent="")).update(
        address=None, user_agent=""
    )


def purge_expired_sessions(now) -> int:
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
    return 0


privacy.register_personal_data(
    "account",
    exporter=export_account,
    eraser=erase_account,
    covers=["accounts.user_groups.user", "accounts.user_user_permissions.user"],
    # Last: the other erasers still read the person's address and name.
    order=100,
)
privacy.register_personal_data(
    "credentials",
    exporter=export_credentials,
    eraser=erase_credentials,
    covers=_credential_relations(),
    order=90,
)
privacy.declare_personal_audit_keys(
    "accounts.user", ["username", "email", "first_name", "last_name"]
)
privacy.register_purge("inactive_accounts", purge_inactive_accounts)
privacy.register_purge("expired_sessions", purge_expired_sessions)
privacy.register_purge("security_log_addresses", purge_security_log_addresses)

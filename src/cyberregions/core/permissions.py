"""The role primitives every app's rules are built on.

Each app decides its own access in its own ``permissions.py`` (``organisations.permissions``,
``events.permissions``…) from these primitives; views, querysets, the API and the services ask
those modules, never write a rule out themselves. The primitives read the memberships through
the user's related managers (``region_memberships``, ``organisation_memberships``) so that
this module imports no app below it.

Roles:
- platform administrator: ``is_superuser``;
- programme staff: ``is_programme_staff``;
- regional coordinator: a region membership, scoped to that region;
- organisation member: an organisation membership, scoped to that organisation;
- visitor: anyone else, including anonymous users.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission


def is_authenticated(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_admin(user) -> bool:
    return is_authenticated(user) and user.is_superuser


def is_programme_staff(user) -> bool:
    return is_authenticated(user) and (
        user.is_superuser or getattr(user, "is_programme_staff", False)
    )


def coordinated_region_ids(user) -> frozenset[int]:
    """Regions the user coordinates; cached on the user object for the request."""
    if not is_authenticated(user):
        return frozenset()
    cached = getattr(user, "_coordinated_region_ids", None)
    if cached is None:
        cached = frozenset(user.region_memberships.values_list("region_id", flat=True))
        user._coordinated_region_ids = cached
    return cached


def member_organisation_ids(user) -> frozenset[int]:
    if not is_authenticated(user):
        return frozenset()
    cached = getattr(user, "_member_organisation_ids", None)
    if cached is None:
        cached = frozenset(user.organisation_memberships.values_list("organisation_id", flat=True))
        user._member_organisation_ids = cached
    return cached


def is_coordinator(user) -> bool:
    return bool(coordinated_region_ids(user))


def role_names(user) -> list[str]:
    """Human-facing role keys, for the account page and the navigation."""
    if not is_authenticated(user):
        return ["visitor"]
    roles = []
    if is_admin(user):
        roles.append("administrator")
    if getattr(user, "is_programme_staff", False):
        roles.append("programme_staff")
    if coordinated_region_ids(user):
        roles.append("coordinator")
    if member_organisation_ids(user):
        roles.append("member")
    return roles or ["registered"]


# Reference data -------------------------------------------------------------------------


def can_manage_reference_data(user) -> bool:
    return is_admin(user)


def require(allowed: bool, who_may: str | None = None) -> None:
    """Raise 403 unless ``allowed``; the single way views refuse. ``who_may`` says who may
    do it instead (the 403 page shows it, so nobody is sent to the wrong person)."""
    if not allowed:
        # Without a message, as before: the API answers its own standard refusal.
        raise PermissionDenied(who_may) if who_may else PermissionDenied


class ApiPermission(BasePermission):
    """Default for the API: anyone reads, writes need an authenticated user.

    Object-level decisions are taken by each viewset through its app's ``permissions``.
    """

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return is_authenticated(request.user)


# The command line -----------------------------------------------------------------------


class CommandLineOperator:
    """Whoever runs a management command (``cyberregions import-organisations``…) on the
    server. Shell access to the server already grants everything, so the rules below let the
    operator through; the audit trail records such changes without a user."""

    is_authenticated = False
    is_active = False
    is_superuser = False
    pk = None

    def __str__(self) -> str:
        return "command line"


COMMAND_LINE = CommandLineOperator()


def is_command_line(user) -> bool:
    return user is COMMAND_LINE

"""Who may see and change what in the atlas: organisations, their contacts and claims.

Built on the role primitives of ``core.permissions``. Each ``can_view_…``/``can_change_…``
predicate has a queryset twin (``visible_to``, ``editable_by``) in ``querysets.py``; the
visibility oracle tests check, persona by persona and state by state, that both agree.
"""

from __future__ import annotations

from cyberregions.core.permissions import (
    coordinated_region_ids,
    is_admin,
    is_authenticated,
    is_programme_staff,
    member_organisation_ids,
)


def can_view_organisation(user, organisation) -> bool:
    """The atlas is public: every organisation is seen by everyone."""
    return True


def can_create_organisation(user, region_id: int | None = None) -> bool:
    if is_admin(user):
        return True
    regions = coordinated_region_ids(user)
    return bool(regions) and (region_id is None or region_id in regions)


def can_change_organisation(user, organisation) -> bool:
    if is_admin(user):
        return True
    if organisation.region_id and organisation.region_id in coordinated_region_ids(user):
        return True
    return organisation.pk in member_organisation_ids(user)


def can_delete_organisation(user, organisation) -> bool:
    if is_admin(user):
        return True
    return bool(organisation.region_id) and organisation.region_id in coordinated_region_ids(user)


def organisation_write_scope(user) -> dict:
    """Lookup arguments restricting organisations to those ``user`` may change, or {} for all."""
    if is_admin(user):
        return {}
    return {
        "region_ids": coordinated_region_ids(user),
        "organisation_ids": member_organisation_ids(user),
    }


# Contacts: personal data, public only with recorded consent ------------------------------


def can_see_private_contacts(user, organisation) -> bool:
    return can_change_organisation(user, organisation) or is_programme_staff(user)


def can_view_contact(user, contact) -> bool:
    return bool(contact.public_consent) or can_see_private_contacts(user, contact.organisation)


def can_change_contact(user, contact) -> bool:
    """Whoever may change the organisation adds, edits and deletes its contacts."""
    return can_change_organisation(user, contact.organisation)


# Claims: a user asks to act for an organisation -------------------------------------------


def can_request_claim(user, organisation) -> bool:
    return is_authenticated(user) and organisation.pk not in member_organisation_ids(user)


def can_decide_claim(user, claim) -> bool:
    if is_admin(user):
        return True
    region_id = claim.organisation.region_id
    return bool(region_id) and region_id in coordinated_region_ids(user)


def can_view_claim(user, claim) -> bool:
    """Those who decide it, and the person who asked."""
    if can_decide_claim(user, claim):
        return True
    return is_authenticated(user) and claim.user_id == user.pk

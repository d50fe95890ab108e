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


# Registration: a verified user asks for an organisation to enter the atlas -----------------


def is_verified(user) -> bool:
    """An active user whose e-mail address is verified, once accounts verify addresses
    (django-allauth's ``EmailAddress``); until then, any active logged-in user."""
    if not is_authenticated(user):
        return False
    cached = getattr(user, "_has_verified_email", None)
    if cached is None:
        from django.apps import apps

        if apps.is_installed("allauth.account"):
            from allauth.account.models import EmailAddress

            cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        else:
            cached = True
        user._has_verified_email = cached
    return cached


def can_register_organisation(user) -> bool:
    return is_verified(user)


def routed_to_coordinators(registration) -> bool:
    """Whether the coordinators of the request's region decide it: the region is a partner
    territory with at least one active coordinator. Otherwise programme staff decide.
    Lists annotate the answer (``RegistrationRequestQuerySet.with_routing``)."""
    annotated = getattr(registration, "routed_to_coordinators", None)
    if annotated is not None:
        return annotated
    from cyberregions.geo.models import RegionMembership

    region = registration.region
    return bool(
        region
        and region.is_partner_territory
        and RegionMembership.objects.filter(region=region, user__is_active=True).exists()
    )


def can_decide_registration(user, registration) -> bool:
    if is_admin(user):
        return True
    if not is_authenticated(user) or registration.applicant_id == user.pk:
        # Nobody decides their own request, except an administrator.
        return False
    if routed_to_coordinators(registration):
        return registration.region_id in coordinated_region_ids(user)
    return is_programme_staff(user)


def is_applicant(user, registration) -> bool:
    return is_authenticated(user) and registration.applicant_id == user.pk


def can_view_registration(user, registration) -> bool:
    """The applicant, and those who decide it."""
    return is_applicant(user, registration) or can_decide_registration(user, registration)

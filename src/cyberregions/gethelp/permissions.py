"""Who may see and change what in the get-help module.

Built on ``core.permissions``' role primitives and ``organisations.permissions``: whoever may
change an organisation declares its services and records its labels. Each ``can_view_…``
predicate has a queryset twin (``visible_to``) checked by the oracle tests.
"""

from __future__ import annotations

from cyberregions.core.permissions import (
    coordinated_region_ids,
    is_admin,
    is_authenticated,
    is_command_line,
    is_programme_staff,
    member_organisation_ids,
)
from cyberregions.organisations.permissions import can_change_organisation

from .choices import LabelStatus, RequestStatus


class Requester:
    """Whoever holds a help request's private link: the requester, possibly anonymous.
    Workflow steps the requester takes (withdraw, close and rate) are taken as this actor."""

    is_authenticated = False
    is_active = False
    is_superuser = False
    pk = None

    def __init__(self, token: str):
        self.token = token

    def __str__(self) -> str:
        return "requester"


def is_requester(actor, help_request) -> bool:
    return isinstance(actor, Requester) and bool(actor.token) and actor.token == help_request.token


# Services and labels ------------------------------------------------------------------------


def can_edit_services(user, organisation) -> bool:
    return can_change_organisation(user, organisation)


def can_record_label(user, organisation) -> bool:
    return can_change_organisation(user, organisation)


def can_decide_label(user, organisation_label) -> bool:
    """The coordinator of the organisation's region; programme staff when it has no
    coordinated region; an administrator always. Never for one's own organisation."""
    if is_admin(user) or is_command_line(user):
        return True
    if not is_authenticated(user):
        return False
    organisation = organisation_label.organisation
    if organisation.pk in member_organisation_ids(user):
        return False
    region_id = organisation.region_id
    if region_id and region_id in coordinated_region_ids(user):
        return True
    return is_programme_staff(user) and not _region_has_coordinator(region_id)


def _region_has_coordinator(region_id) -> bool:
    if not region_id:
        return False
    from cyberregions.geo.models import RegionMembership

    return RegionMembership.objects.filter(region_id=region_id, user__is_active=True).exists()


def can_view_label(user, organisation_label) -> bool:
    """Verified labels are public; others are seen by the organisation and its deciders."""
    if organisation_label.status == LabelStatus.VERIFIED:
        return True
    return can_record_label(user, organisation_label.organisation) or can_decide_label(
        user, organisation_label
    )


# Self-assessments ---------------------------------------------------------------------------


def can_save_assessment_to(user, organisation) -> bool:
    """Members save an assessment to their own organisation's profile."""
    return organisation.pk in member_organisation_ids(user) or is_admin(user)


def can_view_assessment(user, assessment) -> bool:
    """Listed for its author and its organisation's members; anyone with the private link
    reads one result (the view checks the link, not this rule)."""
    if is_admin(user):
        return True
    if not is_authenticated(user):
        return False
    if assessment.created_by_id == user.pk:
        return True
    return bool(assessment.organisation_id) and (
        assessment.organisation_id in member_organisation_ids(user)
    )


# Help requests ------------------------------------------------------------------------------


def can_view_request(user, help_request) -> bool:
    """An administrator; the coordinator of the request's region; the members of a provider
    it was offered to; the signed-in person who filed it. (The requester's private link
    opens its status page whoever holds it.)"""
    if is_admin(user):
        return True
    if not is_authenticated(user):
        return False
    if help_request.created_by_id == user.pk:
        return True
    if help_request.region_id and help_request.region_id in coordinated_region_ids(user):
        return True
    organisations = member_organisation_ids(user)
    return (
        bool(organisations)
        and help_request.offers.filter(provider__organisation_id__in=organisations).exists()
    )


def can_answer_offer(user, offer) -> bool:
    return is_admin(user) or offer.provider.organisation_id in member_organisation_ids(user)


def can_accept(user, help_request) -> bool:
    """A member of a provider holding a pending offer (the service checks which)."""
    if not is_authenticated(user):
        return False
    organisations = member_organisation_ids(user)
    return (
        bool(organisations)
        and help_request.offers.filter(
            provider__organisation_id__in=organisations, status="pending"
        ).exists()
    )


def can_escalate(user, help_request) -> bool:
    """The periodic task (command line) and administrators."""
    return is_command_line(user) or is_admin(user)


def can_close(user, help_request) -> bool:
    if is_requester(user, help_request) or is_admin(user):
        return True
    return (
        is_authenticated(user)
        and help_request.accepted_by_id is not None
        and help_request.accepted_by_id in member_organisation_ids(user)
    )


def can_withdraw(user, help_request) -> bool:
    return is_requester(user, help_request) or is_admin(user)


def can_assign(user, help_request) -> bool:
    """The region's coordinator hands an escalated request to a provider of their choice."""
    if is_admin(user):
        return True
    return (
        help_request.status == RequestStatus.ESCALATED
        and bool(help_request.region_id)
        and help_request.region_id in coordinated_region_ids(user)
    )


def can_view_demand(user, region) -> bool:
    """Demand signals are anonymised counts, but they are the region's working data: its
    coordinators, programme staff and administrators."""
    return is_programme_staff(user) or region.pk in coordinated_region_ids(user)


# Public buyers' needs --------------------------------------------------------------------------


def can_publish_need(user, organisation) -> bool:
    """Public administrations publish their upcoming needs, through whoever may change them."""
    return organisation.actor_type == "public" and can_change_organisation(user, organisation)


def can_close_need(user, need) -> bool:
    return can_change_organisation(user, need.organisation)


def can_follow_sectors(user, organisation) -> bool:
    return can_change_organisation(user, organisation)

"""Who may see and do what around events, registrations and B2B meetings.

The organisers of an event are its creator, the coordinators of its host region, programme
staff (who follow every interregional event of the programme) and the administrators: they
edit it, manage registrations and attendance, set the meeting grid, run the scheduler and
publish the schedule. A participant acts through its own registration: its
profile, availability, requests and agenda, never another's.

Built on the role primitives of ``core.permissions``. Each ``can_view_…``/``can_manage_…``
predicate has a queryset twin in ``querysets.py`` (``visible_to``, ``managed_by``); the
visibility oracle tests check, persona by persona and state by state, that both agree.
"""

from __future__ import annotations

from cyberregions.core.permissions import (
    coordinated_region_ids,
    is_admin,
    is_authenticated,
    is_programme_staff,
)
from cyberregions.organisations.permissions import can_change_organisation

from .choices import EventStatus, RegistrationStatus

# Events ----------------------------------------------------------------------------------


def can_create_event(user, region_id: int | None = None) -> bool:
    if is_admin(user):
        return True
    regions = coordinated_region_ids(user)
    return bool(regions) and (region_id is None or region_id in regions)


def can_manage_event(user, event) -> bool:
    if not is_authenticated(user):
        return False
    if is_programme_staff(user):
        return True
    if event.created_by_id is not None and event.created_by_id == user.pk:
        return True
    return event.host_region_id in coordinated_region_ids(user)


def can_view_event(user, event) -> bool:
    """Published and cancelled events for everyone; drafts for their organisers."""
    return event.status != EventStatus.DRAFT or can_manage_event(user, event)


def event_manage_scope(user) -> dict | None:
    """None when the user organises every event (programme staff and administrators);
    otherwise the host regions it coordinates and its own id (the creator of an event
    organises it). The twin of ``can_manage_event``."""
    if is_programme_staff(user):
        return None
    return {
        "region_ids": coordinated_region_ids(user),
        "user_id": user.pk if is_authenticated(user) else None,
    }


# Registrations ---------------------------------------------------------------------------


def can_register_for_event(user, event) -> bool:
    return is_authenticated(user) and event.status == EventStatus.PUBLISHED


def can_represent_organisation(user, organisation) -> bool:
    """Register an organisation for an event: its members, its region's coordinators, admins."""
    return can_change_organisation(user, organisation)


def acts_for_registration(user, registration) -> bool:
    return is_authenticated(user) and registration.user_id == user.pk


def can_see_participant_data(user, registration) -> bool:
    """A participant's own agenda, requests and availability: itself and the organisers.
    Its queryset twin is ``Registration.objects.visible_to``."""
    return acts_for_registration(user, registration) or can_manage_event(user, registration.event)


def can_give_feedback(user, registration) -> bool:
    return registration.status == RegistrationStatus.CONFIRMED and acts_for_registration(
        user, registration
    )


def can_read_feedback(user, event) -> bool:
    return can_manage_event(user, event) or is_programme_staff(user)


# B2B: the catalogue of participants and meeting requests ----------------------------------


def can_browse_participants(user, event, own_registration=None) -> bool:
    """The catalogue of a brokerage event: its confirmed participants, organisers and staff."""
    if can_manage_event(user, event) or is_programme_staff(user):
        return True
    return (
        own_registration is not None
        and own_registration.status == RegistrationStatus.CONFIRMED
        and acts_for_registration(user, own_registration)
    )


def can_view_cooperation_profile(user, profile) -> bool:
    """A participant's cooperation profile: its own participant data, and the catalogue entry
    of a confirmed participant for whoever browses the event's catalogue."""
    registration = profile.registration
    if can_see_participant_data(user, registration):
        return True
    if registration.status != RegistrationStatus.CONFIRMED:
        return False
    event = registration.event
    if can_browse_participants(user, event):
        return True
    return is_authenticated(user) and (
        event.registrations.filter(user_id=user.pk, status=RegistrationStatus.CONFIRMED).exists()
    )


def can_request_meeting(user, requester) -> bool:
    return requester.status == RegistrationStatus.CONFIRMED and acts_for_registration(
        user, requester
    )


def can_answer_meeting_request(user, meeting_request) -> bool:
    return acts_for_registration(user, meeting_request.recipient)


def can_view_meeting_request(user, meeting_request) -> bool:
    """Its two sides and the event's organisers."""
    return (
        acts_for_registration(user, meeting_request.requester)
        or acts_for_registration(user, meeting_request.recipient)
        or can_manage_event(user, meeting_request.event)
    )


def can_cancel_meeting_request(user, meeting_request) -> bool:
    return can_view_meeting_request(user, meeting_request)

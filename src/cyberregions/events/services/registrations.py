"""Registrations, the waiting list, attendance and the feedback survey."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cyberregions.core import audit
from cyberregions.core.permissions import require

from .. import permissions
from ..choices import (
    OPEN_REQUEST_STATUSES,
    EventStatus,
    MeetingRequestStatus,
    RegistrationStatus,
)
from ..models import (
    CooperationProfile,
    Event,
    FeedbackResponse,
    Meeting,
    MeetingRequest,
    Registration,
)
from . import notices
from .base import EventError

FEEDBACK_FIELDS = ["overall", "content", "organisation_rating", "new_contacts", "would_return"]


def _locked_event(event: Event) -> Event:
    """The event row, locked until the end of the transaction: seats are counted under it, so
    two last-minute registrations cannot both take the last seat."""
    return Event.objects.select_for_update().get(pk=event.pk)


def _free_seats(event: Event) -> int | None:
    if event.capacity is None:
        return None
    taken = Registration.objects.filter(event=event).confirmed().count()
    return max(event.capacity - taken, 0)


@transaction.atomic
def register(actor, event: Event, organisation=None, show_name: bool = False) -> Registration:
    """Register ``actor``; confirmed while seats remain, on the waiting list beyond."""
    require(permissions.can_register_for_event(actor, event))
    if organisation is not None:
        require(permissions.can_represent_organisation(actor, organisation))
    event = _locked_event(event)
    if not event.registration_is_open:
        raise EventError(_("Registration for this event is closed."))
    if event.is_brokerage and organisation is None:
        raise EventError(_("Say which organisation you represent at this brokerage event."))
    if Registration.objects.filter(event=event, user=actor).active().exists():
        raise EventError(_("You are already registered for this event."))
    seats = _free_seats(event)
    now = timezone.now()
    confirmed = seats is None or seats > 0
    registration = Registration.objects.create(
        event=event,
        user=actor,
        organisation=organisation,
        status=RegistrationStatus.CONFIRMED if confirmed else RegistrationStatus.WAITLISTED,
        registered_at=now,
        confirmed_at=now if confirmed else None,
        show_name=show_name,
        name_consent_at=now if show_name else None,
    )
    if event.is_brokerage:
        CooperationProfile.objects.create(registration=registration)
    audit.record(
        actor,
        "registration.create",
        registration,
        after={
            "event": event.pk,
            "organisation": organisation.pk if organisation else None,
            "status": registration.status,
        },
    )
    notices.registration_received(registration)
    return registration


def promote_waitlist(actor, event: Event) -> list[Registration]:
    """Confirm waiting registrations, first come first served, while seats are free.

    Called inside the transaction of the change that freed the seats.
    """
    event = _locked_event(event)
    if event.starts_at <= timezone.now() or event.status == EventStatus.CANCELLED:
        return []
    seats = _free_seats(event)
    waiting = Registration.objects.filter(event=event).waitlisted()
    if seats is not None:
        waiting = waiting[:seats]
    promoted = list(waiting)
    now = timezone.now()
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        audit.record(
            actor,
            "registration.promote",
            registration,
            before={"status": RegistrationStatus.WAITLISTED},
            after={"status": RegistrationStatus.CONFIRMED},
            reason="seat freed",
        )
    notices.registrations_promoted(actor, event, promoted)
    return promoted


@transaction.atomic
def cancel_registration(actor, registration: Registration) -> list[Registration]:
    """Cancel a registration; its meeting requests go with it and the first on the waiting
    list takes the seat. Returns the registrations promoted."""
    require(permissions.can_see_participant_data(actor, registration))
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise EventError(_("This registration is already cancelled."))
    before = {"status": registration.status}
    was_confirmed = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    open_requests = MeetingRequest.objects.involving(registration).filter(
        status__in=OPEN_REQUEST_STATUSES
    )
    closed = list(
        open_requests.select_related(
            "event",
            "requester__user",
            "requester__organisation",
            "recipient__user",
            "recipient__organisation",
        )
    )
    Meeting.objects.filter(request__in=open_requests).delete()
    cancelled_requests = open_requests.update(status=MeetingRequestStatus.CANCELLED)
    audit.record(
        actor,
        "registration.cancel",
        registration,
        before=before,
        after={"status": RegistrationStatus.CANCELLED, "requests_cancelled": cancelled_requests},
    )
    notices.registration_cancelled(actor, registration, closed)
    if was_confirmed:
        return promote_waitlist(actor, registration.event)
    return []


@transaction.atomic
def record_attendance(actor, registration: Registration, attended: bool | None) -> Registration:
    require(permissions.can_manage_event(actor, registration.event))
    if registration.status != RegistrationStatus.CONFIRMED:
        raise EventError(_("Only confirmed participants can be marked as present."))
    if attended is not None and registration.event.starts_at > timezone.now():
        raise EventError(_("Attendance is recorded once the event has started."))
    before = {"attended": registration.attended}
    registration.attended = attended
    registration.save(update_fields=["attended"])
    audit.record(
        actor, "registration.attendance", registration, before=before, after={"attended": attended}
    )
    return registration


@transaction.atomic
def set_request_cap(actor, registration: Registration, cap: int | None) -> Registration:
    """The organiser allows one participant more (or fewer) requests than the event's rule."""
    require(permissions.can_manage_event(actor, registration.event))
    before = {"request_cap": registration.request_cap}
    registration.request_cap = cap
    registration.save(update_fields=["request_cap"])
    audit.record(
        actor, "registration.request_cap", registration, before=before, after={"request_cap": cap}
    )
    return registration


@transaction.atomic
def submit_feedback(actor, registration: Registration, data: dict) -> FeedbackResponse:
    require(permissions.can_give_feedback(actor, registration))
    if not registration.event.has_ended:
        raise EventError(_("The feedback survey opens when the event is over."))
    if registration.attended is False:
        raise EventError(_("The survey is for the participants who attended."))
    if FeedbackResponse.objects.filter(registration=registration).exists():
        raise EventError(_("You have already answered the survey. Thank you!"))
    response = FeedbackResponse(registration=registration, **data)
    response.full_clean()
    response.save()
    # The comments may be personal: the trail keeps the ratings only.
    audit.record(actor, "event.feedback", response, after=audit.snapshot(response, FEEDBACK_FIELDS))
    return response

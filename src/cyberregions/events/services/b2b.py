"""The B2B side: cooperation profiles, the meeting grid, availability and meeting requests."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cyberregions.core import audit
from cyberregions.core.consent import date_consent
from cyberregions.core.permissions import require

from .. import permissions
from ..choices import MeetingRequestStatus, RegistrationStatus
from ..models import (
    CooperationItem,
    CooperationProfile,
    Event,
    Meeting,
    MeetingRequest,
    MeetingSession,
    MeetingSlot,
    Registration,
    Unavailability,
)
from . import notices
from .base import EventError

ITEM_FIELDS = ["kind", "title", "description", "domains", "sectors", "technologies"]
ITEM_TAGS = ("domains", "sectors", "technologies")
MAX_SLOTS = 500


def _require_brokerage(event: Event) -> None:
    if not event.is_brokerage:
        raise EventError(_("Only B2B brokerage events have meetings."))


# Profiles --------------------------------------------------------------------------------


@transaction.atomic
def save_profile(
    actor,
    registration: Registration,
    headline: str,
    description: str,
    show_name: bool | None = None,
):
    """Save the cooperation profile; ``show_name`` gives or withdraws the consent to show the
    person's name to the other participants (None leaves it as it is)."""
    require(permissions.can_see_participant_data(actor, registration))
    _require_brokerage(registration.event)
    if show_name is not None and show_name != registration.show_name:
        registration.show_name = show_name
        date_consent(registration, "show_name", "name_consent_at", not show_name)
        registration.save(update_fields=["show_name", "name_consent_at"])
        audit.record(
            actor,
            "registration.name_consent",
            registration,
            before={"show_name": not show_name},
            after={"show_name": show_name},
        )
    profile, _created = CooperationProfile.objects.get_or_create(registration=registration)
    before = {"headline": profile.headline, "description": profile.description}
    profile.headline, profile.description = headline, description
    profile.full_clean(exclude=["registration"])
    profile.save()
    audit.record(
        actor,
        "b2b.profile.update",
        profile,
        before=before,
        after={"headline": headline, "description": description},
    )
    return profile


@transaction.atomic
def save_cooperation_item(
    actor, registration: Registration, data: dict, item: CooperationItem | None = None
) -> CooperationItem:
    require(permissions.can_see_participant_data(actor, registration))
    _require_brokerage(registration.event)
    profile, _created = CooperationProfile.objects.get_or_create(registration=registration)
    if item is not None and item.profile_id != profile.pk:
        raise EventError(_("This offer or request belongs to another participant."))
    before = audit.snapshot(item, ITEM_FIELDS) if item else None
    item = item or CooperationItem(profile=profile)
    for field in ("kind", "title", "description"):
        if field in data:
            setattr(item, field, data[field])
    item.full_clean(exclude=["profile", *ITEM_TAGS])
    item.save()
    for field in ITEM_TAGS:
        if field in data:
            getattr(item, field).set(data[field])
    action = "b2b.item.update" if before is not None else "b2b.item.create"
    audit.record(actor, action, item, before=before, after=audit.snapshot(item, ITEM_FIELDS))
    return item


@transaction.atomic
def delete_cooperation_item(actor, item: CooperationItem) -> None:
    registration = item.profile.registration
    require(permissions.can_see_participant_data(actor, registration))
    audit.record(actor, "b2b.item.delete", item, before=audit.snapshot(item, ITEM_FIELDS))
    item.delete()


# The grid --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionSpec:
    label: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime


def cut_slots(sessions: list[SessionSpec], minutes: int) -> list[tuple[int, datetime.datetime]]:
    """(session index, slot start) for every whole slot that fits in each session."""
    step = datetime.timedelta(minutes=minutes)
    slots = []
    for index, session in enumerate(sessions):
        start = session.starts_at
        while start + step <= session.ends_at:
            slots.append((index, start))
            start += step
    return slots


@transaction.atomic
def set_grid(actor, event: Event, minutes: int, tables: int, sessions: list[SessionSpec]) -> dict:
    """Set the meeting sessions, the slot length and the number of tables.

    Slots that still exist keep their meetings and availability; meetings in slots that
    disappear, or at tables beyond the new number, are removed (run the scheduler again).
    """
    require(permissions.can_manage_event(actor, event))
    _require_brokerage(event)
    if not 5 <= minutes <= 240:
        raise EventError(_("Meetings last between 5 and 240 minutes."))
    if tables < 1:
        raise EventError(_("There must be at least one table."))
    sessions = sorted(sessions, key=lambda session: session.starts_at)
    for previous, current in zip(sessions, sessions[1:], strict=False):
        if current.starts_at < previous.ends_at:
            raise EventError(_("Meeting sessions must not overlap."))
    for session in sessions:
        if session.ends_at <= session.starts_at:
            raise EventError(_("Each session must end after it starts."))
        if session.starts_at < event.starts_at or session.ends_at > event.ends_at:
            raise EventError(_("Meeting sessions must lie within the event's dates."))
    wanted = cut_slots(sessions, minutes)
    if len(wanted) > MAX_SLOTS:
        raise EventError(_("That makes more than %(max)d slots.") % {"max": MAX_SLOTS})
    before = {
        "meeting_minutes": event.meeting_minutes,
        "meeting_tables": event.meeting_tables,
        "slots": event.slots.count(),
    }

    existing_sessions = {(s.starts_at, s.ends_at): s for s in event.meeting_sessions.all()}
    session_objects = []
    for spec in sessions:
        session = existing_sessions.pop((spec.starts_at, spec.ends_at), None)
        if session is None:
            session = MeetingSession.objects.create(
                event=event, label=spec.label, starts_at=spec.starts_at, ends_at=spec.ends_at
            )
        elif session.label != spec.label:
            session.label = spec.label
            session.save(update_fields=["label"])
        session_objects.append(session)

    step = datetime.timedelta(minutes=minutes)
    existing_slots = {(s.starts_at, s.ends_at): s for s in event.slots.all()}
    keep, create = [], []
    for index, start in wanted:
        slot = existing_slots.pop((start, start + step), None)
        if slot is None:
            create.append(
                MeetingSlot(
                    event=event,
                    session=session_objects[index],
                    starts_at=start,
                    ends_at=start + step,
                )
            )
        else:
            slot.session = session_objects[index]
            keep.append(slot)
    MeetingSlot.objects.bulk_update(keep, ["session"])
    removed_meetings = (
        Meeting.objects.filter(
            Q(slot__in=[slot.pk for slot in existing_slots.values()])
            | Q(slot__event=event, table__gt=tables)
        )
        .delete()[1]
        .get(Meeting._meta.label, 0)
    )
    MeetingSlot.objects.filter(pk__in=[slot.pk for slot in existing_slots.values()]).delete()
    MeetingSession.objects.filter(pk__in=[s.pk for s in existing_sessions.values()]).delete()
    MeetingSlot.objects.bulk_create(create)

    event.meeting_minutes, event.meeting_tables = minutes, tables
    event.save(update_fields=["meeting_minutes", "meeting_tables", "updated_at"])
    summary = {
        "slots": len(wanted),
        "slots_created": len(create),
        "slots_removed": len(existing_slots),
        "meetings_removed": removed_meetings,
    }
    audit.record(
        actor,
        "b2b.grid",
        event,
        before=before,
        after={"meeting_minutes": minutes, "meeting_tables": tables, "slots": len(wanted)},
        reason=f"{removed_meetings} meetings removed" if removed_meetings else "",
    )
    return summary


# Availability ----------------------------------------------------------------------------


@transaction.atomic
def set_availability(actor, registration: Registration, unavailable_slot_ids) -> dict:
    """Mark the slots in which the participant cannot meet; every other slot is available.

    A meeting the scheduler placed in a slot now unavailable is removed, to be placed again;
    a locked or published one must be moved by the organiser first.
    """
    require(permissions.can_see_participant_data(actor, registration))
    event = registration.event
    _require_brokerage(event)
    slot_ids = set(event.slots.values_list("pk", flat=True))
    wanted = {int(pk) for pk in unavailable_slot_ids}
    if not wanted <= slot_ids:
        raise EventError(_("Unknown slot."))
    current = set(registration.unavailable_slots.values_list("slot_id", flat=True))
    added, removed = wanted - current, current - wanted
    clashing = Meeting.objects.filter(slot_id__in=added).filter(
        Q(request__requester=registration) | Q(request__recipient=registration)
    )
    if clashing.filter(Q(locked=True) | Q(published=True)).exists():
        raise EventError(
            _(
                "You have a confirmed meeting in one of these slots; ask the organiser to move "
                "it before marking the slot unavailable."
            )
        )
    clashing.delete()
    registration.unavailable_slots.filter(slot_id__in=removed).delete()
    Unavailability.objects.bulk_create(
        [Unavailability(registration=registration, slot_id=pk) for pk in sorted(added)]
    )
    audit.record(
        actor,
        "b2b.availability",
        registration,
        before={"unavailable": sorted(current)},
        after={"unavailable": sorted(wanted)},
    )
    return {"added": len(added), "removed": len(removed)}


# Meeting requests ------------------------------------------------------------------------


def request_cap(registration: Registration) -> int | None:
    if registration.request_cap is not None:
        return registration.request_cap
    return registration.event.request_cap


def requests_sent(registration: Registration) -> int:
    return registration.sent_requests.exclude(status=MeetingRequestStatus.CANCELLED).count()


@transaction.atomic
def send_meeting_request(
    actor, requester: Registration, recipient: Registration, message: str = ""
) -> MeetingRequest:
    """Ask to meet another participant. When the other side has already asked, its request is
    accepted instead, as a meeting both wanted."""
    require(permissions.can_request_meeting(actor, requester))
    event = requester.event
    _require_brokerage(event)
    if recipient.event_id != event.pk or recipient.status != RegistrationStatus.CONFIRMED:
        raise EventError(_("This participant is not taking part in the event."))
    if recipient.pk == requester.pk:
        raise EventError(_("You cannot ask to meet yourself."))
    if event.has_ended:
        raise EventError(_("The event is over."))
    # Serialise a participant's requests, so the cap holds under concurrent submissions.
    Registration.objects.select_for_update().filter(pk=requester.pk).first()
    reverse = MeetingRequest.objects.filter(requester=recipient, recipient=requester).first()
    if reverse is not None and reverse.status == MeetingRequestStatus.PENDING:
        return _answer(actor, reverse, accept=True, mutual=True)
    if reverse is not None and reverse.status == MeetingRequestStatus.ACCEPTED:
        raise EventError(_("You already have a meeting with this participant."))
    cap = request_cap(requester)
    if cap is not None and requests_sent(requester) >= cap:
        raise EventError(
            _("You have sent the %(cap)d meeting requests the organiser allows.") % {"cap": cap}
        )
    existing = MeetingRequest.objects.filter(requester=requester, recipient=recipient).first()
    if existing is not None and existing.status != MeetingRequestStatus.CANCELLED:
        raise EventError(_("You have already asked to meet this participant."))
    before = None
    if existing is not None:
        before = {"status": existing.status}
        existing.status, existing.message = MeetingRequestStatus.PENDING, message
        existing.answered_at, existing.mutual = None, False
        existing.save(update_fields=["status", "message", "answered_at", "mutual"])
        meeting_request = existing
    else:
        meeting_request = MeetingRequest(
            event=event, requester=requester, recipient=recipient, message=message
        )
        meeting_request.full_clean()
        meeting_request.save()
    audit.record(
        actor,
        "b2b.request.send",
        meeting_request,
        before=before,
        after={"status": MeetingRequestStatus.PENDING, "recipient": recipient.pk},
    )
    notices.meeting_request_sent(actor, meeting_request)
    return meeting_request


def _answer(actor, meeting_request: MeetingRequest, accept: bool, mutual: bool) -> MeetingRequest:
    if meeting_request.status != MeetingRequestStatus.PENDING:
        raise EventError(_("This request has already been answered."))
    status = MeetingRequestStatus.ACCEPTED if accept else MeetingRequestStatus.DECLINED
    meeting_request.status = status
    meeting_request.mutual = bool(accept and mutual)
    meeting_request.answered_at = timezone.now()
    meeting_request.save(update_fields=["status", "mutual", "answered_at"])
    audit.record(
        actor,
        f"b2b.request.{status}",
        meeting_request,
        before={"status": MeetingRequestStatus.PENDING},
        after={"status": status, "mutual": meeting_request.mutual},
    )
    notices.meeting_request_answered(actor, meeting_request)
    return meeting_request


@transaction.atomic
def answer_meeting_request(
    actor, meeting_request: MeetingRequest, accept: bool, mutual: bool = False
) -> MeetingRequest:
    require(permissions.can_answer_meeting_request(actor, meeting_request))
    meeting_request = MeetingRequest.objects.select_for_update().get(pk=meeting_request.pk)
    return _answer(actor, meeting_request, accept, mutual)


@transaction.atomic
def cancel_meeting_request(actor, meeting_request: MeetingRequest) -> MeetingRequest:
    require(permissions.can_cancel_meeting_request(actor, meeting_request))
    if meeting_request.status not in (
        MeetingRequestStatus.PENDING,
        MeetingRequestStatus.ACCEPTED,
    ):
        raise EventError(_("This request is no longer open."))
    before = {"status": meeting_request.status}
    Meeting.objects.filter(request=meeting_request).delete()
    meeting_request.status = MeetingRequestStatus.CANCELLED
    meeting_request.save(update_fields=["status"])
    audit.record(
        actor,
        "b2b.request.cancel",
        meeting_request,
        before=before,
        after={"status": MeetingRequestStatus.CANCELLED},
    )
    notices.meeting_request_cancelled(actor, meeting_request)
    return meeting_request


@transaction.atomic
def set_request_priority(actor, meeting_request: MeetingRequest, priority: int) -> MeetingRequest:
    require(permissions.can_manage_event(actor, meeting_request.event))
    before = {"priority": meeting_request.priority}
    meeting_request.priority = priority
    meeting_request.full_clean(exclude=["event", "requester", "recipient"])
    meeting_request.save(update_fields=["priority"])
    audit.record(
        actor, "b2b.request.priority", meeting_request, before=before, after={"priority": priority}
    )
    return meeting_request

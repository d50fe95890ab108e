"""Scheduling the B2B meetings of an event: from the database to the scheduler and back.

The scheduler itself (``events.scheduling``) is pure Python. Here the instance is built from
the accepted requests, the participants' availability and the grid; the result is checked by
the independent validator and stored in one transaction. Locked meetings are passed as locks,
every current meeting as the previous schedule, so that a new run changes as little as it can.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cyberregions.core import audit
from cyberregions.core.permissions import is_authenticated, require

from .. import permissions
from ..choices import MeetingRequestStatus, RegistrationStatus
from ..models import (
    Event,
    Meeting,
    MeetingRequest,
    MeetingSlot,
    Registration,
    ScheduleRun,
    Unavailability,
)
from ..scheduling import Instance, Lock, Participant, Request, solve, validate
from ..weights import is_cross_region, meeting_weight
from . import notices
from .base import EventError

logger = logging.getLogger(__name__)

DEFAULT_TIME_LIMIT = 20.0


def participant_key(registration_id: int) -> str:
    return f"p{registration_id}"


def request_key(request_id: int) -> str:
    return f"r{request_id}"


def slot_key(slot_id: int) -> str:
    return f"s{slot_id}"


def _pk(key: str) -> int:
    return int(key[1:])


@dataclass
class BuiltInstance:
    """An instance and what is needed to read its result back into the database."""

    instance: Instance
    previous: list[dict[str, Any]]
    current: dict[int, tuple[int, int, bool, bool]]  # request -> (slot, table, locked, published)
    released_locks: list[dict[str, Any]] = field(default_factory=list)

    def fingerprint(self) -> tuple:
        return (self.instance.to_dict(), self.previous, sorted(self.current.items()))


def build_instance(event: Event) -> BuiltInstance:
    """Read the event's grid, participants, availability, accepted requests and meetings.

    Five queries, whatever the size of the event.
    """
    slots = list(event.slots.order_by("starts_at", "id").values_list("pk", flat=True))
    registrations = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
        .order_by("pk")
        .values_list("pk", "organisation__region_id", "organisation__country_id")
    )
    unavailable: dict[int, set[int]] = {}
    for registration_id, slot_id in Unavailability.objects.filter(slot__event=event).values_list(
        "registration_id", "slot_id"
    ):
        unavailable.setdefault(registration_id, set()).add(slot_id)
    where = {pk: (region, country) for pk, region, country in registrations}
    requests = [
        row
        for row in MeetingRequest.objects.filter(event=event, status=MeetingRequestStatus.ACCEPTED)
        .order_by("created_at", "pk")
        .values_list("pk", "requester_id", "recipient_id", "mutual", "priority")
        if row[1] in where and row[2] in where
    ]
    meetings = {
        request_id: (slot_id, table, locked, published)
        for request_id, slot_id, table, locked, published in Meeting.objects.filter(
            slot__event=event
        ).values_list("request_id", "slot_id", "table", "locked", "published")
    }

    participants = tuple(
        Participant(
            participant_key(pk),
            frozenset(slot_key(s) for s in slots if s not in unavailable.get(pk, ())),
        )
        for pk, _region, _country in registrations
    )
    instance_requests = tuple(
        Request(
            request_key(pk),
            participant_key(a),
            participant_key(b),
            meeting_weight(
                mutual=mutual,
                cross_region=is_cross_region(*where[a], *where[b]),
                priority=priority,
            ),
        )
        for pk, a, b, mutual, priority in requests
    )
    accepted = {pk: (a, b) for pk, a, b, _mutual, _priority in requests}
    current = {pk: value for pk, value in meetings.items() if pk in accepted}
    locks, released = _feasible_locks(event, current, accepted, unavailable, set(slots))
    instance = Instance(
        slots=tuple(slot_key(s) for s in slots),
        tables=event.meeting_tables,
        participants=participants,
        requests=instance_requests,
        locked=tuple(locks),
    )
    previous = [
        {"request": request_key(pk), "slot": slot_key(slot), "table": table}
        for pk, (slot, table, _locked, _published) in sorted(current.items())
    ]
    return BuiltInstance(instance, previous, current, released)


def _feasible_locks(event, current, accepted, unavailable, slots):
    """Locks the scheduler can honour; the others are released, with the reason why (a
    participant marked the slot unavailable, two locks clash, or tables were removed)."""
    locks, released = [], []
    holder: set[tuple[int, int]] = set()
    per_slot: Counter[int] = Counter()
    for pk, (slot, _table, locked, _published) in sorted(current.items()):
        if not locked:
            continue
        a, b = accepted[pk]
        reason = None
        if slot not in slots:
            reason = "slot_removed"
        elif slot in unavailable.get(a, ()) or slot in unavailable.get(b, ()):
            reason = "unavailable"
        elif (a, slot) in holder or (b, slot) in holder:
            reason = "double_booked"
        elif per_slot[slot] >= event.meeting_tables:
            reason = "no_table"
        if reason:
            released.append({"request": pk, "code": reason})
            continue
        holder.update({(a, slot), (b, slot)})
        per_slot[slot] += 1
        locks.append(Lock(request_key(pk), slot_key(slot)))
    return locks, released


@transaction.atomic
def _store(actor, event: Event, built: BuiltInstance, result: dict[str, Any]) -> ScheduleRun:
    locked_event = Event.objects.select_for_update().get(pk=event.pk)
    # The solver ran outside the transaction; refuse to store over changes made meanwhile.
    if build_instance(locked_event).fingerprint() != built.fingerprint():
        raise EventError(
            _("Requests, availability or the grid changed while scheduling; run it again.")
        )
    locked_requests = {lock.request for lock in built.instance.locked}
    new_meetings = []
    for meeting in result["meetings"]:
        request_id, slot_id = _pk(meeting["request"]), _pk(meeting["slot"])
        old = built.current.get(request_id)
        unchanged = old is not None and (old[0], old[1]) == (slot_id, meeting["table"])
        new_meetings.append(
            Meeting(
                request_id=request_id,
                slot_id=slot_id,
                table=meeting["table"],
                locked=meeting["request"] in locked_requests,
                published=bool(unchanged and old[3]),
            )
        )
    removed = Meeting.objects.filter(slot__event=event).delete()[1].get(Meeting._meta.label, 0)
    Meeting.objects.bulk_create(new_meetings)
    unscheduled = [
        {"request": _pk(entry["request"]), "code": entry.get("code", ""), "reason": entry["reason"]}
        for entry in result["unscheduled"]
    ]
    run = ScheduleRun.objects.create(
        event=event,
        run_by=actor if is_authenticated(actor) else None,
        method=result.get("method", ""),
        optimal=bool(result["optimal"]),
        objective=float(result["objective"]),
        upper_bound=float(result["upper_bound"]),
        seconds=round(float(result.get("seconds", 0.0)), 3),
        accepted=len(built.instance.requests),
        scheduled=len(new_meetings),
        unscheduled=unscheduled,
        changes=result.get("changes", {}),
        warnings=built.released_locks,
    )
    audit.record(
        actor,
        "b2b.schedule",
        event,
        before={"meetings": removed},
        after={
            "meetings": len(new_meetings),
            "objective": run.objective,
            "upper_bound": run.upper_bound,
            "optimal": run.optimal,
            "changes": run.changes,
        },
    )
    return run


def schedule_meetings(
    actor,
    event: Event,
    time_limit: float = DEFAULT_TIME_LIMIT,
    *,
    write_guard: Callable[[], AbstractContextManager] | None = None,
) -> ScheduleRun:
    """Place every accepted request that can be placed, keep locked meetings where they are,
    move the others as little as possible, and record why each request left out was.

    ``write_guard`` is entered in the storing transaction before anything is written (a
    background task's run guard: the schedule and the run's outcome commit together)."""
    require(permissions.can_manage_event(actor, event))
    if not event.is_brokerage:
        raise EventError(_("Only B2B brokerage events have meetings."))
    built = build_instance(event)
    if not built.instance.slots:
        raise EventError(_("Set the meeting grid (sessions, slot length, tables) first."))
    result = solve(built.instance, time_limit=time_limit, previous=built.previous or None)
    problems = validate(built.instance, result)
    if problems:
        logger.error("Schedule for event %s failed validation: %s", event.pk, problems[:20])
        raise EventError(_("The scheduler produced an invalid schedule; nothing was changed."))
    with transaction.atomic(), write_guard() if write_guard else nullcontext():
        return _store(actor, event, built, result)


# Changes by the organiser ----------------------------------------------------------------


@transaction.atomic
def place_meeting(
    actor, meeting_request: MeetingRequest, slot: MeetingSlot, table: int | None = None
) -> Meeting:
    """Put an accepted request in a slot (and at a table), or move its meeting there. The
    meeting is locked: the scheduler will leave it where the organiser put it."""
    event = meeting_request.event
    require(permissions.can_manage_event(actor, event))
    if meeting_request.status != MeetingRequestStatus.ACCEPTED:
        raise EventError(_("Only accepted requests become meetings."))
    if slot.event_id != event.pk:
        raise EventError(_("Unknown slot."))
    people = (meeting_request.requester_id, meeting_request.recipient_id)
    if slot.unavailable.filter(registration_id__in=people).exists():
        raise EventError(_("One of the two participants is not available in this slot."))
    others = Meeting.objects.filter(slot=slot).exclude(request=meeting_request)
    if others.filter(
        Q(request__requester_id__in=people) | Q(request__recipient_id__in=people)
    ).exists():
        raise EventError(_("One of the two participants already has a meeting in this slot."))
    taken = set(others.values_list("table", flat=True))
    if table is None:
        free = [t for t in range(1, event.meeting_tables + 1) if t not in taken]
        if not free:
            raise EventError(_("No table is free in this slot."))
        table = free[0]
    elif not 1 <= table <= event.meeting_tables:
        raise EventError(_("There is no such table."))
    elif table in taken:
        raise EventError(_("This table is already taken in this slot."))
    meeting = Meeting.objects.filter(request=meeting_request).first()
    before = (
        {"slot": meeting.slot_id, "table": meeting.table, "locked": meeting.locked}
        if meeting
        else {"slot": None, "table": None, "locked": False}
    )
    if meeting is None:
        meeting = Meeting(request=meeting_request)
    meeting.slot, meeting.table, meeting.locked, meeting.published = slot, table, True, False
    meeting.save()
    audit.record(
        actor,
        "b2b.meeting.place",
        meeting,
        before=before,
        after={"slot": slot.pk, "table": table, "locked": True},
    )
    return meeting


@transaction.atomic
def set_meeting_lock(actor, meeting: Meeting, locked: bool) -> Meeting:
    require(permissions.can_manage_event(actor, meeting.request.event))
    before = {"locked": meeting.locked}
    meeting.locked = locked
    meeting.save(update_fields=["locked"])
    audit.record(actor, "b2b.meeting.lock", meeting, before=before, after={"locked": locked})
    return meeting


@transaction.atomic
def remove_meeting(actor, meeting: Meeting) -> None:
    """Take a meeting out of the schedule; the request stays accepted."""
    require(permissions.can_manage_event(actor, meeting.request.event))
    audit.record(
        actor,
        "b2b.meeting.remove",
        meeting,
        before={"slot": meeting.slot_id, "table": meeting.table, "locked": meeting.locked},
    )
    meeting.delete()


@transaction.atomic
def publish_schedule(actor, event: Event) -> int:
    """Show the schedule in the participants' agendas; returns the meetings published."""
    require(permissions.can_manage_event(actor, event))
    meetings = Meeting.objects.filter(slot__event=event)
    newly = meetings.filter(published=False).update(published=True)
    before = {"schedule_published_at": str(event.schedule_published_at or "")}
    event.schedule_published_at = timezone.now()
    event.save(update_fields=["schedule_published_at", "updated_at"])
    audit.record(
        actor,
        "b2b.schedule.publish",
        event,
        before=before,
        after={"schedule_published_at": str(event.schedule_published_at), "published": newly},
    )
    notices.schedule_published(actor, event)
    return newly

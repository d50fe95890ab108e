"""Creating and changing events and their agenda."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from cyberregions.core import audit
from cyberregions.core.permissions import is_admin, is_authenticated, require

from .. import permissions
from ..choices import EventStatus
from ..models import AgendaSession, Event
from . import notices
from .base import EventError, unique_slug
from .registrations import promote_waitlist

AUDITED_FIELDS = [
    "title",
    "event_type",
    "status",
    "summary",
    "description",
    "host_region",
    "starts_at",
    "ends_at",
    "time_zone",
    "venue",
    "address",
    "online_url",
    "capacity",
    "registration_deadline",
    "request_cap",
    "barriers",
    "domains",
]
TAG_FIELDS = ("barriers", "domains")
SESSION_FIELDS = ["title", "starts_at", "ends_at", "location", "speakers", "description"]


def _apply(event: Event, data: dict) -> None:
    for field, value in data.items():
        if field not in TAG_FIELDS:
            setattr(event, field, value)
    event.full_clean(exclude=["slug", *TAG_FIELDS])
    event.save()
    for field in TAG_FIELDS:
        if field in data:
            getattr(event, field).set(data[field])


@transaction.atomic
def create_event(actor, data: dict) -> Event:
    region = data.get("host_region")
    require(permissions.can_create_event(actor, region.pk if region else None))
    event = Event(
        slug=unique_slug(Event, data["title"]),
        created_by=actor if is_authenticated(actor) else None,
    )
    _apply(event, data)
    audit.record(actor, "event.create", event, after=audit.snapshot(event, AUDITED_FIELDS))
    return event


@transaction.atomic
def update_event(actor, event: Event, data: dict) -> Event:
    require(permissions.can_manage_event(actor, event))
    new_region = data.get("host_region", event.host_region)
    if new_region != event.host_region and not is_admin(actor):
        # Moving an event to another region hands it to that region's coordinators.
        require(new_region is not None and permissions.can_create_event(actor, new_region.pk))
    before = audit.snapshot(event, AUDITED_FIELDS)
    _apply(event, data)
    audit.record(
        actor, "event.update", event, before=before, after=audit.snapshot(event, AUDITED_FIELDS)
    )
    # A larger (or no) capacity frees seats for the waiting list.
    promote_waitlist(actor, event)
    return event


@transaction.atomic
def set_event_status(actor, event: Event, status: str) -> Event:
    """Publish a draft, or cancel an event. A cancelled event stays visible, marked so."""
    require(permissions.can_manage_event(actor, event))
    allowed = {
        EventStatus.DRAFT: {EventStatus.PUBLISHED, EventStatus.CANCELLED},
        EventStatus.PUBLISHED: {EventStatus.CANCELLED, EventStatus.DRAFT},
        EventStatus.CANCELLED: {EventStatus.PUBLISHED},
    }
    if status not in allowed.get(event.status, set()):
        new = EventStatus(status).label if status in EventStatus.values else status
        raise EventError(
            _("This event cannot go from %(old)s to %(new)s.")
            % {"old": event.get_status_display(), "new": new}
        )
    before = {"status": event.status}
    event.status = status
    event.save(update_fields=["status", "updated_at"])
    audit.record(actor, f"event.{status}", event, before=before, after={"status": status})
    if status == EventStatus.CANCELLED and before["status"] == EventStatus.PUBLISHED:
        notices.event_cancelled(actor, event)
    return event


def _check_within_event(event: Event, starts_at, ends_at) -> None:
    if starts_at < event.starts_at or ends_at > event.ends_at:
        raise EventError(_("Sessions must lie within the event's dates."))


@transaction.atomic
def add_agenda_session(actor, event: Event, data: dict) -> AgendaSession:
    require(permissions.can_manage_event(actor, event))
    session = AgendaSession(
        event=event, **{key: data[key] for key in SESSION_FIELDS if key in data}
    )
    session.full_clean()
    _check_within_event(event, session.starts_at, session.ends_at)
    session.save()
    audit.record(actor, "event.session.add", session, after=audit.snapshot(session, SESSION_FIELDS))
    return session


@transaction.atomic
def delete_agenda_session(actor, session: AgendaSession) -> None:
    require(permissions.can_manage_event(actor, session.event))
    audit.record(
        actor, "event.session.delete", session, before=audit.snapshot(session, SESSION_FIELDS)
    )
    session.delete()

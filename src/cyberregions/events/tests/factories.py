"""Small builders for the event tests: events, participants, a meeting grid."""

from __future__ import annotations

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from cyberregions.events import services
from cyberregions.events.models import CooperationItem, CooperationProfile, Event, Registration
from cyberregions.geo.models import Region
from cyberregions.taxonomy.models import Domain

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def days_from_now(days: int, hour: int = 9, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=PARIS)


def make_event(created_by=None, region: str = "FRH0", days: int = 30, **fields) -> Event:
    barriers = fields.pop("barriers", None)
    title = fields.pop("title", "Cyber workshop")
    event = Event.objects.create(
        slug=fields.pop("slug", None) or title.lower().replace(" ", "-"),
        title=title,
        event_type=fields.pop("event_type", "workshop"),
        status=fields.pop("status", "published"),
        host_region=Region.objects.get(code=region),
        starts_at=fields.pop("starts_at", None) or days_from_now(days, 9),
        ends_at=fields.pop("ends_at", None) or days_from_now(days, 18),
        time_zone=fields.pop("time_zone", "Europe/Paris"),
        created_by=created_by,
        **fields,
    )
    if barriers:
        event.barriers.set(barriers)
    return event


def make_user(username: str):
    return get_user_model().objects.create_user(username, f"{username}@example.org")


def register(event: Event, user, organisation=None, status: str = "confirmed") -> Registration:
    registration = Registration.objects.create(
        event=event,
        user=user,
        organisation=organisation,
        status=status,
        confirmed_at=timezone.now() if status == "confirmed" else None,
    )
    if event.is_brokerage:
        CooperationProfile.objects.get_or_create(registration=registration)
    return registration


def add_item(registration: Registration, kind: str, title: str, domains=(), description=""):
    profile, _created = CooperationProfile.objects.get_or_create(registration=registration)
    item = CooperationItem.objects.create(
        profile=profile, kind=kind, title=title, description=description
    )
    item.domains.set(Domain.objects.filter(code__in=domains))
    return item


def make_brokerage(organiser, slots: int = 4, tables: int = 2, minutes: int = 30, **fields):
    """A published brokerage event in 30 days with one meeting session of ``slots`` slots."""
    event = make_event(
        organiser,
        title=fields.pop("title", "B2B days"),
        event_type="brokerage",
        meeting_minutes=minutes,
        meeting_tables=tables,
        **fields,
    )
    start = event.starts_at + datetime.timedelta(hours=1)
    services.set_grid(
        organiser,
        event,
        minutes,
        tables,
        [
            services.SessionSpec(
                "Morning", start, start + datetime.timedelta(minutes=minutes * slots)
            )
        ],
    )
    event.refresh_from_db()
    return event

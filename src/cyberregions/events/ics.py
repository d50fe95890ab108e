"""iCalendar files: one event, the calendar of upcoming events, a participant's agenda."""

from __future__ import annotations

import datetime

import icalendar
from django.utils import timezone

PRODID = "-//cyberregions//events//EN"


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _finish(calendar: icalendar.Calendar, starts: list[datetime.datetime]) -> bytes:
    if starts:
        first = min(starts).date() - datetime.timedelta(days=1)
        last = max(starts).date() + datetime.timedelta(days=2)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def _location(event) -> str:
    return ", ".join(part for part in (event.venue, event.address) if part)


def event_component(event, url: str, host: str) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", f"event-{event.pk}@{host}")
    component.add("dtstamp", timezone.now())
    component.add("dtstart", event.starts_at.astimezone(event.tz))
    component.add("dtend", event.ends_at.astimezone(event.tz))
    component.add("summary", event.title)
    if event.summary:
        component.add("description", f"{event.summary}\n\n{url}")
    else:
        component.add("description", url)
    location = _location(event)
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("status", "CANCELLED" if event.status == "cancelled" else "CONFIRMED")
    return component


def event_calendar(event, url: str, host: str) -> bytes:
    calendar = _calendar(event.title)
    calendar.add_component(event_component(event, url, host))
    return _finish(calendar, [event.starts_at.astimezone(event.tz)])


def events_feed(events, url_for, host: str, name: str) -> bytes:
    calendar = _calendar(name)
    starts = []
    for event in events:
        calendar.add_component(event_component(event, url_for(event), host))
        starts.append(event.starts_at.astimezone(event.tz))
    return _finish(calendar, starts)


def agenda_calendar(event, meetings, url: str, host: str, name: str, summary_for) -> bytes:
    """One entry per meeting; ``summary_for(meeting)`` names it in the reader's language."""
    calendar = _calendar(name)
    starts = []
    location = _location(event)
    for meeting in meetings:
        component = icalendar.Event()
        component.add("uid", f"meeting-{meeting.request_id}@{host}")
        component.add("dtstamp", timezone.now())
        start = meeting.slot.starts_at.astimezone(event.tz)
        component.add("dtstart", start)
        component.add("dtend", meeting.slot.ends_at.astimezone(event.tz))
        summary, where = summary_for(meeting)
        component.add("summary", summary)
        component.add("location", ", ".join(part for part in (where, location) if part))
        component.add("description", url)
        component.add("url", url)
        calendar.add_component(component)
        starts.append(start)
    return _finish(calendar, starts)

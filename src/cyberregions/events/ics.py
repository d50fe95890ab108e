"""iCalendar files: one event, the calendar of upcoming events, a participant's agenda."""

from __future__ import annotations

import datetime
import re

import icalendar
from django.utils import timezone

PRODID = "-//cyberregions//events//EN"
# icalendar escapes line feeds, commas and semicolons, but a carriage return or another control
# character in a text value breaks the content line (or the file for its readers), and titles,
# venues and organisation names are typed by people. So every text value passes through here.
_LINE_BREAKS = re.compile(r"\r\n?|[\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def text(value) -> str:
    """``value`` with line breaks as ``\\n`` and no other control character: for
    DESCRIPTION, whose readers show the lines."""
    return _CONTROLS.sub("", _LINE_BREAKS.sub("\n", str(value))).replace("\t", " ")


def line(value) -> str:
    """``value`` on one line with no control character: for SUMMARY, LOCATION, names."""
    return " ".join(text(value).split("\n")).strip()


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", line(name))
    return calendar


def _finish(calendar: icalendar.Calendar, starts: list[datetime.datetime]) -> bytes:
    if starts:
        first = min(starts).date() - datetime.timedelta(days=1)
        last = max(starts).date() + datetime.timedelta(days=2)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def _location(event) -> str:
    return ", ".join(line(part) for part in (event.venue, event.address) if part)


def event_component(event, url: str, host: str) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", f"event-{event.pk}@{host}")
    component.add("dtstamp", timezone.now())
    component.add("dtstart", event.starts_at.astimezone(event.tz))
    component.add("dtend", event.ends_at.astimezone(event.tz))
    component.add("summary", line(event.title))
    if event.summary:
        component.add("description", text(f"{event.summary}\n\n{url}"))
    else:
        component.add("description", line(url))
    location = _location(event)
    if location:
        component.add("location", location)
    component.add("url", line(url))
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
        component.add("summary", line(summary))
        component.add("location", ", ".join(line(part) for part in (where, location) if part))
        component.add("description", line(url))
        component.add("url", line(url))
        calendar.add_component(component)
        starts.append(start)
    return _finish(calendar, starts)

"""Reporting periods of Phase 2: calendar semesters. Pure Python, no Django import.

A plan in implementation reports once per semester (January–June, July–December), from the
semester in which its implementation started to the one in which it was completed (or the
present one). A semester's report is *due* once the semester has ended and *late* once
``GRACE_DAYS`` more days have passed without a submitted report.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

GRACE_DAYS = 31

Period = tuple[int, int]  # (year, semester 1 or 2)


def period_of(day: datetime.date) -> Period:
    return (day.year, 1 if day.month <= 6 else 2)


def period_start(period: Period) -> datetime.date:
    year, semester = period
    return datetime.date(year, 1 if semester == 1 else 7, 1)


def period_end(period: Period) -> datetime.date:
    year, semester = period
    return datetime.date(year, 6, 30) if semester == 1 else datetime.date(year, 12, 31)


def due_date(period: Period, grace_days: int = GRACE_DAYS) -> datetime.date:
    return period_end(period) + datetime.timedelta(days=grace_days)


def next_period(period: Period) -> Period:
    year, semester = period
    return (year, 2) if semester == 1 else (year + 1, 1)


def previous_period(period: Period) -> Period:
    year, semester = period
    return (year - 1, 2) if semester == 1 else (year, 1)


def periods(first: Period, last: Period) -> list[Period]:
    """Every semester from ``first`` to ``last``, both included."""
    result = []
    current = first
    while current <= last:
        result.append(current)
        current = next_period(current)
    return result


def reporting_periods(
    started: datetime.date | None, completed: datetime.date | None, today: datetime.date
) -> list[Period]:
    """The semesters a plan reports on, up to the present one: from the start of the
    implementation to its completion."""
    if started is None:
        return []
    last = period_of(min(completed, today) if completed else today)
    return periods(period_of(started), last)


def ended_periods(
    started: datetime.date | None, completed: datetime.date | None, today: datetime.date
) -> list[Period]:
    """The reporting semesters that have ended: their reports are due."""
    return [
        period
        for period in reporting_periods(started, completed, today)
        if period_end(period) < today
    ]


def late_periods(
    started: datetime.date | None,
    completed: datetime.date | None,
    today: datetime.date,
    reported: Iterable[Period],
    grace_days: int = GRACE_DAYS,
) -> list[Period]:
    """Ended semesters past their due date whose report was not submitted."""
    done = set(reported)
    return [
        period
        for period in ended_periods(started, completed, today)
        if period not in done and due_date(period, grace_days) < today
    ]


def period_key(period: Period) -> str:
    """``2025-S1``: the period in files and the API."""
    return f"{period[0]}-S{period[1]}"


def parse_period_key(text: str) -> Period | None:
    try:
        year, semester = text.upper().split("-S")
        period = (int(year), int(semester))
    except ValueError:
        return None
    return period if period[1] in (1, 2) and 1900 < period[0] < 2200 else None

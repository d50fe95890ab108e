"""Indicators of the barrier lens, over time. Pure Python, no Django import.

Each function takes plain rows (tuples read by ``lens.py``) and returns one figure per year,
so that they are tested and benchmarked alone.

- Lack of coordination: *cross-region links* (a plan action citing a good practice of another
  region, counted in the year the plan was endorsed) and *joint events* (an event whose
  confirmed participants come from at least two regions, or two countries when a region is
  unknown, in the year it started).
- Market fragmentation: *cross-border B2B meetings* (a scheduled meeting whose two sides are
  in different countries) and their share of all meetings, in the year of the meeting.
- Lack of skills: the skills gaps come with the skills module; nothing is computed here yet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

Year = int


@dataclass(frozen=True)
class YearFigure:
    year: Year
    value: int
    total: int | None = None

    @property
    def share(self) -> float | None:
        """``value`` / ``total`` as a fraction, when a total is known and not zero."""
        if not self.total:
            return None
        return self.value / self.total

    @property
    def percent(self) -> float | None:
        share = self.share
        return None if share is None else round(100 * share, 1)


def _series(values: dict[Year, int], totals: dict[Year, int] | None = None) -> list[YearFigure]:
    years = sorted(set(values) | set(totals or {}))
    return [
        YearFigure(
            year=year,
            value=values.get(year, 0),
            total=None if totals is None else totals.get(year, 0),
        )
        for year in years
    ]


def cross_region_links(
    rows: Iterable[tuple[Year | None, int, int]], region_id: int | None = None
) -> list[YearFigure]:
    """Rows: (year the citing plan was endorsed, the plan's region, the practice's region).

    A link is a citation across regions; with ``region_id``, only the links where that region
    gives or takes. ``total`` is every citation counted in the year (the same filter)."""
    links: dict[Year, int] = defaultdict(int)
    totals: dict[Year, int] = defaultdict(int)
    for year, plan_region, practice_region in rows:
        if year is None:
            continue
        if region_id is not None and region_id not in (plan_region, practice_region):
            continue
        totals[year] += 1
        if plan_region != practice_region:
            links[year] += 1
    return _series(links, totals)


def _is_cross(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    """Different regions; when a region is unknown, different countries."""
    (region_a, country_a), (region_b, country_b) = a, b
    if region_a is not None and region_b is not None:
        return region_a != region_b
    if country_a is not None and country_b is not None:
        return country_a != country_b
    return False


def joint_events(
    rows: Iterable[tuple[int, Year, int, int | None, int | None]], region_id: int | None = None
) -> list[YearFigure]:
    """Rows: (event id, year it started, host region, a confirmed participant's region, its
    country), one per participant (an event without participants may come once with None).

    An event is *joint* when two of its participants (or a participant and the host region)
    are from different regions. With ``region_id``, only the events the region hosts or
    attends. ``total`` is every event counted in the year."""
    events: dict[int, dict] = {}
    for event_id, year, host_region, region, country in rows:
        entry = events.setdefault(
            event_id, {"year": year, "host": host_region, "sides": set(), "regions": set()}
        )
        entry["regions"].add(host_region)
        if region is not None or country is not None:
            entry["sides"].add((region, country))
            if region is not None:
                entry["regions"].add(region)
    joint: dict[Year, int] = defaultdict(int)
    totals: dict[Year, int] = defaultdict(int)
    for entry in events.values():
        if region_id is not None and region_id not in entry["regions"]:
            continue
        totals[entry["year"]] += 1
        sides = list(entry["sides"]) + [(entry["host"], None)]
        if any(_is_cross(a, b) for i, a in enumerate(sides) for b in sides[i + 1 :]):
            joint[entry["year"]] += 1
    return _series(joint, totals)


def cross_border_meetings(
    rows: Iterable[tuple[Year, int | None, int | None, int | None, int | None]],
    region_id: int | None = None,
) -> list[YearFigure]:
    """Rows: (year of the meeting, one side's region, its country, the other side's region,
    its country). A meeting is cross-border when both countries are known and differ. With
    ``region_id``, only the meetings where one side is from that region. ``total`` is every
    meeting counted in the year."""
    cross: dict[Year, int] = defaultdict(int)
    totals: dict[Year, int] = defaultdict(int)
    for year, region_a, country_a, region_b, country_b in rows:
        if region_id is not None and region_id not in (region_a, region_b):
            continue
        totals[year] += 1
        if country_a is not None and country_b is not None and country_a != country_b:
            cross[year] += 1
    return _series(cross, totals)


def counts_by_year(years: Iterable[Year | None]) -> list[YearFigure]:
    """How many items fall in each year (items without a year are left out)."""
    values: dict[Year, int] = defaultdict(int)
    for year in years:
        if year is not None:
            values[year] += 1
    return _series(values)

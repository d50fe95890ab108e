"""Skills indicators as pure functions over plain data (no Django import), so that they are
tested against a hand-computed fixture and benchmarked alone.

Input: for each area (a region, a country, or the EU as one area) and ECSF profile,
``demand`` (open vacancies plus people declared needed now or within 12 months) and
``supply`` (training seats per year, each course's seats weighted by the share of the
profile's tasks, skills and knowledge it covers). Output per area and profile:

- gap = demand − supply (positive: a shortage of trained people);
- ratio = supply ÷ demand (CyberSeek's supply/demand ratio; None without demand);
- demand and supply specialisation, location quotients like the atlas's: the profile's share
  of the area's demand (supply) divided by its share of the reference area's (the EU's).
  Above 1 the area asks for (trains) that profile more than the EU does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

Key = tuple[str, str]  # (area, profile)


@dataclass(frozen=True)
class Cell:
    area: str
    profile: str
    demand: float
    supply: float
    gap: float
    ratio: float | None
    demand_lq: float | None
    supply_lq: float | None


def totals(rows: Iterable[tuple[str, str, float]]) -> dict[Key, float]:
    """Sum (area, profile, value) rows per (area, profile)."""
    summed: dict[Key, float] = defaultdict(float)
    for area, profile, value in rows:
        summed[(area, profile)] += value
    return dict(summed)


def roll_up(values: Mapping[Key, float], parent: Mapping[str, str]) -> dict[Key, float]:
    """Values of parent areas (``parent`` maps an area to the one it belongs to)."""
    summed: dict[Key, float] = defaultdict(float)
    for (area, profile), value in values.items():
        if area in parent:
            summed[(parent[area], profile)] += value
    return dict(summed)


def location_quotient(
    value: float, area_total: float, reference_value: float, reference_total: float
) -> float | None:
    """(value ÷ area_total) ÷ (reference_value ÷ reference_total); None when undefined."""
    if not area_total or not reference_total or not reference_value:
        return None
    return (value / area_total) / (reference_value / reference_total)


def compute(
    demand: Mapping[Key, float],
    supply: Mapping[Key, float],
    profiles: Iterable[str],
    areas: Iterable[str],
    reference: str,
) -> dict[Key, Cell]:
    """Every indicator for every (area, profile); ``reference`` names the area the location
    quotients compare with (it must be among ``areas``' keys of ``demand``/``supply``)."""
    profiles = list(profiles)
    areas = list(areas)
    demand_total: dict[str, float] = defaultdict(float)
    supply_total: dict[str, float] = defaultdict(float)
    for (area, _profile), value in demand.items():
        demand_total[area] += value
    for (area, _profile), value in supply.items():
        supply_total[area] += value
    cells = {}
    for area in areas:
        for profile in profiles:
            d = demand.get((area, profile), 0.0)
            s = supply.get((area, profile), 0.0)
            cells[(area, profile)] = Cell(
                area=area,
                profile=profile,
                demand=d,
                supply=s,
                gap=d - s,
                ratio=(s / d) if d else None,
                demand_lq=location_quotient(
                    d,
                    demand_total[area],
                    demand.get((reference, profile), 0.0),
                    demand_total[reference],
                ),
                supply_lq=location_quotient(
                    s,
                    supply_total[area],
                    supply.get((reference, profile), 0.0),
                    supply_total[reference],
                ),
            )
    return cells


def largest_gaps(cells: Mapping[Key, Cell], area: str, limit: int = 3) -> list[Cell]:
    """The area's profiles with the largest positive gaps, largest first."""
    mine = [cell for (a, _p), cell in cells.items() if a == area and cell.gap > 0]
    return sorted(mine, key=lambda cell: (-cell.gap, cell.profile))[:limit]


def coverage(covered: set, profile_items: set) -> float:
    """The share of a profile's items a course covers (0 when the profile has none)."""
    if not profile_items:
        return 0.0
    return len(covered & profile_items) / len(profile_items)

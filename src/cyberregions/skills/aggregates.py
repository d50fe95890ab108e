"""The skills indicators read from the database: three grouped queries (open vacancies,
declared needs, weighted seats) turned into plain rows for the pure ``indicators`` module.

Areas are keyed ``R:<NUTS code>`` (a region: a region below a partner territory counts in
it), ``C:<ISO code>`` (a country) and ``EU`` (every course and job in the platform), so that
one computation gives every level and the location quotients compare with the EU."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, FloatField, Sum
from django.db.models.functions import Cast
from django.utils import timezone

from cyberregions.geo.models import Country, Region
from cyberregions.taxonomy.models import EcsfProfile

from . import indicators
from .choices import DEMAND_HORIZONS
from .models import CourseProfile, SkillsNeed, Vacancy

EU = "EU"


def region_key(code: str) -> str:
    return f"R:{code}"


def country_key(iso: str) -> str:
    return f"C:{iso}"


@dataclass
class Indicators:
    cells: dict
    areas: list[str]
    profiles: list[tuple[str, str]]  # (code, label) in ECSF order
    area_names: dict[str, str]

    def area(self, key: str) -> list[indicators.Cell]:
        return [self.cells[(key, code)] for code, _label in self.profiles]

    def totals(self, key: str) -> dict[str, float]:
        cells = self.area(key)
        demand = sum(cell.demand for cell in cells)
        supply = sum(cell.supply for cell in cells)
        return {
            "demand": demand,
            "supply": supply,
            "gap": demand - supply,
            "ratio": (supply / demand) if demand else None,
        }


def _region_tops() -> tuple[dict[int, str], dict[str, str]]:
    """Region id → the key of the region it counts in (its partner territory when it lies
    below one, else itself), and key → name."""
    rows = list(
        Region.objects.values_list("pk", "code", "name", "parent_id", "is_partner_territory")
    )
    by_id = {pk: (code, name, parent, partner) for pk, code, name, parent, partner in rows}
    tops, names = {}, {}
    for pk in by_id:
        current = pk
        while True:
            code, name, parent, partner = by_id[current]
            if partner or parent is None or parent not in by_id:
                break
            current = parent
        code, name, _parent, _partner = by_id[current]
        tops[pk] = region_key(code)
        names[region_key(code)] = name
    return tops, names


def demand_rows(on=None) -> list[tuple[int | None, int, str, float]]:
    """(region id, country id, profile code, people) of open vacancies and of needs declared
    for now or the next 12 months."""
    on = on or timezone.localdate()
    vacancies = (
        Vacancy.objects.filter(closing_date__gte=on)
        .values_list("region_id", "country_id", "profile__code")
        .annotate(n=Cast(Count("id"), FloatField()))
        .order_by()
    )
    needs = (
        SkillsNeed.objects.filter(horizon__in=DEMAND_HORIZONS)
        .values_list("region_id", "country_id", "profile__code")
        .annotate(n=Cast(Sum("count"), FloatField()))
        .order_by()
    )
    return list(vacancies) + list(needs)


def supply_rows(now=None) -> list[tuple[int | None, int, str, float]]:
    """(region id, country id, profile code, seats per year × coverage) of public courses."""
    from .permissions import hidden_before

    return list(
        CourseProfile.objects.filter(
            course__status="validated",
            course__confirmed_at__gte=hidden_before(now),
            course__seats_per_year__isnull=False,
        )
        .values_list("course__region_id", "course__country_id", "profile__code")
        .annotate(n=Sum(F("course__seats_per_year") * F("coverage"), output_field=FloatField()))
        .order_by()
    )


def by_area(rows, tops: dict[int, str], countries: dict[int, str]) -> dict:
    """Sum rows into every area they count in: their region, their country and the EU."""
    expanded = []
    for region_id, country_id, profile, value in rows:
        if region_id in tops:
            expanded.append((tops[region_id], profile, value))
        if country_id in countries:
            expanded.append((countries[country_id], profile, value))
        expanded.append((EU, profile, value))
    return indicators.totals(expanded)


def compute_indicators(now=None) -> Indicators:
    tops, names = _region_tops()
    countries = {}
    for pk, iso, name in Country.objects.values_list("pk", "iso", "name"):
        countries[pk] = country_key(iso)
        names[country_key(iso)] = name
    names[EU] = "EU"
    demand = by_area(demand_rows(now and now.date()), tops, countries)
    supply = by_area(supply_rows(now), tops, countries)
    # Names in the reader's language (``str`` of a vocabulary term).
    profiles = [(p.code, str(p)) for p in EcsfProfile.objects.order_by("position")]
    areas = sorted({area for area, _profile in demand} | {area for area, _profile in supply} | {EU})
    cells = indicators.compute(demand, supply, [code for code, _l in profiles], areas, EU)
    return Indicators(cells=cells, areas=areas, profiles=profiles, area_names=names)

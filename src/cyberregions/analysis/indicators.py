"""Indicators of the territorial analysis, computed in the database.

Every figure starts as a GROUP BY over the atlas, partitioned by (country, region) of the
organisation: six aggregate queries give the counts of every partition at once. Scopes are
then sums of partitions — a region is its own partition plus those of its NUTS sub-regions, a
country all partitions of its organisations, the EU all partitions of member states — so the
Python side adds up a few hundred aggregated rows, never organisation rows. The formulas that
turn counts into indicators are pure functions in ``formulas.py``.

Only active organisations count (``organisations.querysets.counted_condition``, the rule the
home page uses too); closed and inactive ones stay in the atlas but not in the analysis.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connections
from django.db.models import Avg, Count, Q, Sum

from cyberregions.geo.models import Country, Region
from cyberregions.geo.names import lazy_country_name
from cyberregions.organisations.choices import ActorType, HelixGroup, SizeClass
from cyberregions.organisations.models import OfferOrNeed, Organisation
from cyberregions.organisations.querysets import counted_condition
from cyberregions.taxonomy.labels import label_map
from cyberregions.taxonomy.models import Barrier, Domain, NistFunction, Sector

from . import formulas
from .choices import NeedLevel, ScopeKind
from .models import BarrierAnswer, DomainNeedAnswer, SurveyResponse

PartitionKey = tuple[int, int | None]


@dataclass(frozen=True)
class Scope:
    """Where indicators are computed: the EU, a country or a region (with its sub-regions)."""

    kind: str
    code: str
    # A country's name is lazy (CLDR, in the reader's language): it takes no part in equality.
    name: str = field(compare=False)
    population: int | None = None
    pk: int | None = None
    country_code: str = ""
    latitude: float | None = None
    longitude: float | None = None
    is_partner_territory: bool = False

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.code}"


@dataclass(frozen=True)
class RegionRow:
    pk: int
    code: str
    name: str
    level: int
    parent_id: int | None
    country_id: int
    population: int | None
    latitude: float | None
    longitude: float | None
    is_partner_territory: bool


@dataclass(frozen=True)
class CountryRow:
    pk: int
    iso: str
    name: str
    population: int | None
    is_eu_member: bool


class Reference:
    """Regions, countries and vocabularies: reference data that changes only with a
    deployment, read once per process (``reset_reference`` in tests that change it)."""

    def __init__(self) -> None:
        self.regions = {
            row[0]: RegionRow(*row)
            for row in Region.objects.order_by("code").values_list(
                "id",
                "code",
                "name",
                "level",
                "parent_id",
                "country_id",
                "population",
                "latitude",
                "longitude",
                "is_partner_territory",
            )
        }
        self.regions_by_code = {row.code: row for row in self.regions.values()}
        self.countries = {
            row[0]: CountryRow(*row)
            for row in Country.objects.order_by("name").values_list(
                "id", "iso", "name", "population", "is_eu_member"
            )
        }
        self.countries_by_iso = {row.iso: row for row in self.countries.values()}
        self.domains = dict(Domain.objects.values_list("id", "code"))
        self.sectors = dict(Sector.objects.values_list("id", "code"))
        self.nist_functions = dict(NistFunction.objects.values_list("id", "code"))
        self.labels = {
            # Lazy labels: printed in the reader's language whenever they are shown.
            "domains": label_map(Domain),
            "sectors": label_map(Sector),
            "nist_functions": label_map(NistFunction),
            "barriers": label_map(Barrier),
            "actor_types": dict(ActorType.choices),
            "helix_groups": dict(HelixGroup.choices),
            "size_classes": dict(SizeClass.choices),
        }
        self.vocabularies = {name: list(labels) for name, labels in self.labels.items()}
        children = defaultdict(list)
        for row in self.regions.values():
            if row.parent_id:
                children[row.parent_id].append(row.pk)
        self._children = dict(children)

    def descendants(self, region_id: int) -> set[int]:
        """The region and every NUTS region below it."""
        found, stack = set(), [region_id]
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(self._children.get(current, ()))
        return found

    @property
    def eu_country_ids(self) -> set[int]:
        return {row.pk for row in self.countries.values() if row.is_eu_member}

    def eu_scope(self) -> Scope:
        populations = [row.population for row in self.countries.values() if row.is_eu_member]
        total = sum(p for p in populations if p) if all(populations) else None
        return Scope(ScopeKind.EU, "EU", str(ScopeKind.EU.label), population=total)

    def country_scope(self, row: CountryRow) -> Scope:
        return Scope(
            ScopeKind.COUNTRY,
            row.iso,
            lazy_country_name(row.iso, row.name),
            population=row.population,
            pk=row.pk,
            country_code=row.iso,
        )

    def region_scope(self, row: RegionRow) -> Scope:
        return Scope(
            ScopeKind.REGION,
            row.code,
            row.name,
            population=row.population,
            pk=row.pk,
            country_code=self.countries[row.country_id].iso,
            latitude=row.latitude,
            longitude=row.longitude,
            is_partner_territory=row.is_partner_territory,
        )


_REFERENCE: Reference | None = None


def reference() -> Reference:
    global _REFERENCE
    if _REFERENCE is None:
        _REFERENCE = Reference()
    return _REFERENCE


def reset_reference() -> None:
    global _REFERENCE
    _REFERENCE = None


# The aggregate queries --------------------------------------------------------------------


def _organisation_filter(prefix: str, region_ids: Iterable[int] | None) -> Q:
    condition = counted_condition(prefix)
    if region_ids is not None:
        condition &= Q(**{f"{prefix}region_id__in": sorted(region_ids)})
    return condition


# Rows are grouped by (region, country) first: the order of the covering index that
# migration 0002 adds, so that SQLite groups while it scans instead of sorting every row.
PARTITION = ("region_id", "country_id")


def _partition(prefix: str) -> list[str]:
    return [f"{prefix}{column}" for column in PARTITION]


def _key(row: dict, prefix: str) -> PartitionKey:
    return (row[f"{prefix}country_id"], row[f"{prefix}region_id"])


def _add_organisations(tallies, region_ids) -> None:
    rows = (
        Organisation.objects.filter(_organisation_filter("", region_ids))
        .values(*PARTITION, "actor_type", "helix_group", "size_class", "core_business")
        .annotate(
            n=Count("id"),
            staff=Sum("employees"),
            staff_known=Count("employees"),
            revenue=Sum("turnover_eur"),
            revenue_known=Count("turnover_eur"),
        )
        .order_by()
    )
    for row in rows:
        tally = tallies[_key(row, "")]
        n = row["n"]
        tally.organisations += n
        tally.by_actor_type[row["actor_type"]] += n
        tally.by_helix[row["helix_group"]] += n
        tally.employees += row["staff"] or 0
        tally.employees_known += row["staff_known"]
        tally.turnover += row["revenue"] or 0
        tally.turnover_known += row["revenue_known"]
        if row["actor_type"] in formulas.COMPANY_TYPES and row["core_business"]:
            tally.cyber_companies += n
            tally.cyber_sizes[row["size_class"]] += n
            tally.cyber_turnover += row["revenue"] or 0
            tally.cyber_turnover_known += row["revenue_known"]


def _term_counts(queryset, prefix: str, column: str, codes: dict, split: tuple = (None, ())):
    """(partition key, split value, term id, count) for each term of each partition, and for
    each value of the split column when one is given as (column, values).

    SQLite groups fastest by partition alone, with one filtered count per term as columns of
    the row: the groups stay few and come in the order of the covering index, so it never
    sorts. PostgreSQL hashes instead, and there one group per (partition, term) with a single
    count is cheaper than evaluating a filter per term on every row."""
    split_column, split_values = split
    if connections[queryset.db].vendor == "postgresql":
        extra = [split_column] if split_column else []
        rows = (
            queryset.values_list(*_partition(prefix), *extra, column)
            .annotate(n=Count("*"))
            .order_by()
        )
        for row in rows:
            # (country, region) is the partition key; see _key.
            yield (row[1], row[0]), row[2] if split_column else None, row[-2], row[-1]
        return
    cells = {}
    for index, side in enumerate(split_values or [None]):
        condition = {split_column: side} if split_column else {}
        for pk in sorted(codes):
            cells[f"s{index}t{pk}"] = (side, pk, Q(**{column: pk}, **condition))
    pivot = {name: Count("id", filter=condition) for name, (_, _, condition) in cells.items()}
    for row in queryset.values(*_partition(prefix)).annotate(**pivot).order_by():
        key = _key(row, prefix)
        for name, (side, pk, _condition) in cells.items():
            yield key, side, pk, row[name]


def _add_tags(tallies, region_ids, relation: str, column: str, codes: dict, attribute: str):
    through = getattr(Organisation, relation).through
    queryset = through.objects.filter(_organisation_filter("organisation__", region_ids))
    for key, _side, pk, n in _term_counts(queryset, "organisation__", column, codes):
        if pk in codes:
            getattr(tallies[key], attribute)[codes[pk]] += n


def _add_offers_and_needs(tallies, region_ids, codes: dict, with_totals: bool = True) -> None:
    prefix = "offerorneed__organisation__"
    sides = {"offer": "supply", "need": "demand"}
    queryset = OfferOrNeed.domains.through.objects.filter(_organisation_filter(prefix, region_ids))
    split = ("offerorneed__kind", tuple(sides))
    for key, side, pk, n in _term_counts(queryset, prefix, "domain_id", codes, split):
        if pk in codes and side in sides:
            getattr(tallies[key], sides[side])[codes[pk]] += n
    if not with_totals:
        return
    rows = (
        OfferOrNeed.objects.filter(_organisation_filter("organisation__", region_ids))
        .values(*_partition("organisation__"))
        .annotate(
            offers=Count("id", filter=Q(kind="offer")), needs=Count("id", filter=Q(kind="need"))
        )
        .order_by()
    )
    for row in rows:
        tally = tallies[_key(row, "organisation__")]
        tally.offers += row["offers"]
        tally.needs += row["needs"]


def partition_tallies(
    region_ids: Iterable[int] | None = None,
) -> dict[PartitionKey, formulas.Tally]:
    """The counts of every (country, region) partition of the atlas, in six queries;
    restricted to organisations located in ``region_ids`` when given."""
    ref = reference()
    tallies: dict[PartitionKey, formulas.Tally] = defaultdict(formulas.Tally)
    _add_organisations(tallies, region_ids)
    _add_tags(tallies, region_ids, "domains", "domain_id", ref.domains, "domains")
    _add_tags(tallies, region_ids, "sectors", "sector_id", ref.sectors, "sectors")
    _add_tags(
        tallies,
        region_ids,
        "nist_functions",
        "nistfunction_id",
        ref.nist_functions,
        "nist_functions",
    )
    _add_offers_and_needs(tallies, region_ids, ref.domains)
    return tallies


# The EU reference changes slowly and is the same for every region: dashboards and
# comparisons read it from the cache (Django's cache framework) for up to ten minutes; every
# full recomputation refreshes it.
EU_REFERENCE_KEY = "cyberregions.analysis:eu-reference:v1"
EU_REFERENCE_SECONDS = 600


def eu_reference_tally() -> formulas.Tally:
    """The EU's active organisations and their domains, from the cache or the database."""
    cached = cache.get(EU_REFERENCE_KEY)
    if cached is not None:
        return formulas.Tally(
            organisations=cached["organisations"], domains=Counter(cached["domains"])
        )
    tally = eu_reference_from_database()
    _remember_eu_reference(tally)
    return tally


def forget_eu_reference() -> None:
    cache.delete_many([EU_REFERENCE_KEY, EU_SUMMARY_KEY])


def _remember_eu_reference(tally: formulas.Tally) -> None:
    value = {"organisations": tally.organisations, "domains": dict(tally.domains)}
    cache.set(EU_REFERENCE_KEY, value, EU_REFERENCE_SECONDS)


def eu_reference_from_database() -> formulas.Tally:
    """What the specialisation index compares against: the EU's active organisations and
    their domains, in three queries that avoid joining every domain tag to its organisation.

    The domain counts are those of all tags (one pass over the tag table's index) minus the
    tags of the few organisations outside the reference (closed, inactive or outside the EU).
    """
    ref = reference()
    eu = sorted(ref.eu_country_ids)
    inside = counted_condition() & Q(country_id__in=eu)
    tally = formulas.Tally(organisations=Organisation.objects.filter(inside).count())
    through = Organisation.domains.through
    counts = through.objects.values("domain_id").annotate(n=Count("id")).order_by()
    outside = (
        through.objects.filter(
            organisation_id__in=Organisation.objects.exclude(inside).values("id")
        )
        .values("domain_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in counts:
        tally.domains[ref.domains[row["domain_id"]]] += row["n"]
    for row in outside:
        tally.domains[ref.domains[row["domain_id"]]] -= row["n"]
    return tally


# Scopes -----------------------------------------------------------------------------------


def _region_tally(tallies, region_id: int) -> formulas.Tally:
    inside = reference().descendants(region_id)
    return formulas.Tally.total(tally for key, tally in tallies.items() if key[1] in inside)


def _summary(scope: Scope, tally: formulas.Tally, eu: formulas.Tally) -> dict:
    return formulas.summarise(tally, eu, scope.population, reference().vocabularies)


def all_indicators() -> list[tuple[Scope, dict]]:
    """Every indicator for the EU, every country and every region: the full recomputation,
    six aggregate queries over the whole atlas."""
    ref = reference()
    tallies = partition_tallies()
    by_country: dict[int, formulas.Tally] = defaultdict(formulas.Tally)
    for (country_id, _region_id), tally in tallies.items():
        by_country[country_id].add(tally)
    eu = formulas.Tally.total(by_country[pk] for pk in ref.eu_country_ids if pk in by_country)
    _remember_eu_reference(eu)
    results = [(ref.eu_scope(), _summary(ref.eu_scope(), eu, eu))]
    for row in ref.countries.values():
        scope = ref.country_scope(row)
        results.append((scope, _summary(scope, by_country.get(row.pk, formulas.Tally()), eu)))
    for row in ref.regions.values():
        scope = ref.region_scope(row)
        results.append((scope, _summary(scope, _region_tally(tallies, row.pk), eu)))
    return results


def region_indicators(region_ids: Iterable[int]) -> dict[int, tuple[Scope, dict]]:
    """Indicators of a few regions (a dashboard, a comparison): the aggregate queries run on
    those regions' organisations only, plus three for the EU reference when it is not
    cached."""
    ref = reference()
    wanted = [pk for pk in dict.fromkeys(region_ids) if pk in ref.regions]
    inside = set().union(*(ref.descendants(pk) for pk in wanted)) if wanted else set()
    tallies = partition_tallies(inside)
    eu = eu_reference_tally()
    results = {}
    for pk in wanted:
        scope = ref.region_scope(ref.regions[pk])
        results[pk] = (scope, _summary(scope, _region_tally(tallies, pk), eu))
    return results


EU_SUMMARY_KEY = "cyberregions.analysis:eu-summary:v1"


def eu_indicators() -> tuple[Scope, dict]:
    """Every indicator of the EU (the comparison's EU column): the six aggregate queries over
    the whole atlas, kept in the cache as long as the EU reference."""
    ref = reference()
    summary = cache.get(EU_SUMMARY_KEY)
    if summary is None:
        tallies = partition_tallies()
        eu = formulas.Tally.total(
            tally
            for (country_id, _region), tally in tallies.items()
            if country_id in ref.eu_country_ids
        )
        summary = _summary(ref.eu_scope(), eu, eu)
        cache.set(EU_SUMMARY_KEY, summary, EU_REFERENCE_SECONDS)
    return ref.eu_scope(), summary


def region_domain_gaps(region_id: int) -> dict[str, float]:
    """Demand share minus supply share per domain for a region and its sub-regions."""
    ref = reference()
    if region_id not in ref.regions:
        return {}
    tallies: dict[PartitionKey, formulas.Tally] = defaultdict(formulas.Tally)
    _add_offers_and_needs(tallies, ref.descendants(region_id), ref.domains, with_totals=False)
    total = formulas.Tally.total(tallies.values())
    return formulas.supply_demand_gaps(total.supply, total.demand)


# Survey aggregates -------------------------------------------------------------------------


def survey_barrier_scores(region_id: int) -> dict[str, float]:
    """Mean importance (0..1) of each barrier over the answers to the region's surveys."""
    rows = (
        BarrierAnswer.objects.filter(response__survey__region_id=region_id)
        .values("barrier__code")
        .annotate(mean=Avg("importance"))
        .order_by()
    )
    return {row["barrier__code"]: formulas.importance_score(row["mean"]) for row in rows}


def survey_domain_demand(region_id: int) -> dict[str, float]:
    """How much the respondents of the region's needs surveys need each JRC domain, 0..1: the
    mean over the region's responses of the level of need (none 0, some 1/3, important 2/3,
    critical 1). Empty when the region has no response. Two queries."""
    responses = SurveyResponse.objects.filter(survey__region_id=region_id).count()
    if not responses:
        return {}
    rows = (
        DomainNeedAnswer.objects.filter(response__survey__region_id=region_id)
        .values("domain__code")
        .annotate(total=Sum("level"))
        .order_by()
    )
    top = max(NeedLevel.values)
    return {row["domain__code"]: row["total"] / (top * responses) for row in rows}


def survey_results(*, region_id: int | None = None, survey_id: int | None = None) -> dict:
    """Aggregated answers of one survey, or of every survey of a region: counts per
    importance level for each barrier and per level of need for each domain."""
    ref = reference()
    lookups = (
        {"survey_id": survey_id} if survey_id is not None else {"survey__region_id": region_id}
    )
    through_response = {f"response__{key}": value for key, value in lookups.items()}
    responses = SurveyResponse.objects.filter(**lookups).count()
    barrier_rows = (
        BarrierAnswer.objects.filter(**through_response)
        .values("barrier__code", "importance")
        .annotate(n=Count("id"))
        .order_by()
    )
    barriers = {
        code: {"code": code, "label": label, "counts": [0] * 5, "answers": 0}
        for code, label in ref.labels["barriers"].items()
    }
    for row in barrier_rows:
        entry = barriers[row["barrier__code"]]
        entry["counts"][row["importance"] - 1] += row["n"]
        entry["answers"] += row["n"]
    for entry in barriers.values():
        total = sum(level * n for level, n in enumerate(entry["counts"], start=1))
        mean = formulas.share(total, entry["answers"])
        entry["mean"] = mean
        entry["score"] = formulas.importance_score(mean) if mean is not None else None
    need_rows = (
        DomainNeedAnswer.objects.filter(**through_response)
        .values("domain__code", "level")
        .annotate(n=Count("id"))
        .order_by()
    )
    domains: dict[str, dict] = {}
    for row in need_rows:
        code = row["domain__code"]
        entry = domains.setdefault(
            code,
            {"code": code, "label": ref.labels["domains"].get(code, code), "counts": [0] * 3},
        )
        entry["counts"][row["level"] - 1] += row["n"]
    for entry in domains.values():
        entry["respondents"] = sum(entry["counts"])
        entry["share"] = formulas.share(entry["respondents"], responses)
    return {
        "responses": responses,
        "barriers": list(barriers.values()),
        "domains": sorted(domains.values(), key=lambda e: (-e["respondents"], e["code"])),
    }

"""The pure part of the territorial analysis: formulas over counts, with no Django import.

The database counts (``indicators.py`` runs the aggregate queries); these functions turn the
counts of one scope — a region, a country, the EU — into indicators. Values stay plain Python
numbers, dictionaries and lists, ready for JSON, CSV and templates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields

# Mirrors of the atlas vocabularies (``organisations.choices``); a test keeps them in step.
COMPANY_TYPES = ("sme", "large")
SME_SIZE_CLASSES = ("micro", "small", "medium")
KNOWN_SIZE_CLASSES = ("micro", "small", "medium", "large")
PRESENCE_GROUPS = {
    "research": ("rto", "university"),
    "training": ("training",),
    "incubation": ("incubator",),
    "csirt": ("csirt",),
}
# The source document: the EU market is worth EUR 25 billion, made of 12,000 companies of
# which 74 % are micro-enterprises and SMEs.
SOURCE_FIGURES = {"companies": 12_000, "sme_share": 0.74, "market_size_eur": 25_000_000_000}
BIGGEST_GAPS = 5


def share(part: float, whole: float) -> float | None:
    """``part / whole``, or None when the whole is empty."""
    return part / whole if whole else None


def per_million(count: float, population: int | None) -> float | None:
    """``count`` per million inhabitants, or None when the population is unknown."""
    return count * 1_000_000 / population if population else None


def location_quotient(
    local_count: float, local_total: float, reference_count: float, reference_total: float
) -> float | None:
    """The specialisation index: the local share of a domain over its reference share.

    1 means the scope is as specialised as the reference (the EU); 2, twice as much. None
    when either share is undefined (an empty scope, or a domain absent from the reference).
    """
    local_share = share(local_count, local_total)
    reference_share = share(reference_count, reference_total)
    if local_share is None or not reference_share:
        return None
    return local_share / reference_share


def mention_specialisation(
    local: Mapping[str, float], reference: Mapping[str, float]
) -> dict[str, float | None]:
    """The specialisation index on shares of domain mentions: a domain's share of all the
    domain tags of the scope's organisations over its share of all the reference's tags.

    Unlike ``location_quotient`` (per organisation), it does not grow when the scope's
    organisations carry more tags than the reference's: weighted by the reference's shares
    the indices average exactly 1, so a scope cannot stand above 1 in every domain. None for
    a domain absent from the reference; {} when the scope has no tag at all.
    """
    local_total = sum(local.values())
    reference_total = sum(reference.values())
    if not local_total or not reference_total:
        return {}
    result: dict[str, float | None] = {}
    for code, count in local.items():
        reference_share = reference.get(code, 0) / reference_total
        result[code] = (count / local_total) / reference_share if reference_share else None
    return result


def distribution(counts: Mapping[str, float]) -> dict[str, float]:
    """Each key's part of the total (summing to 1), or {} when everything is zero."""
    total = sum(counts.values())
    if not total:
        return {}
    return {key: value / total for key, value in counts.items()}


def supply_demand_gaps(
    supply: Mapping[str, float], demand: Mapping[str, float]
) -> dict[str, float]:
    """Demand share minus supply share per key, in -1..1; positive means unmet demand.

    Shares are each key's part of all domain tags on needs (demand) and on offers (supply).
    Keys present on neither side are left out.
    """
    demand_shares = distribution(demand)
    supply_shares = distribution(supply)
    keys = {key for key, value in demand.items() if value} | {
        key for key, value in supply.items() if value
    }
    return {key: demand_shares.get(key, 0.0) - supply_shares.get(key, 0.0) for key in sorted(keys)}


def biggest_gaps(gaps: Mapping[str, float], limit: int = BIGGEST_GAPS) -> list[tuple[str, float]]:
    """The largest positive gaps (unmet demand), largest first, ties by key."""
    positive = [(key, value) for key, value in gaps.items() if value > 0]
    return sorted(positive, key=lambda item: (-item[1], item[0]))[:limit]


def importance_score(mean_importance: float) -> float:
    """A mean on the 1..5 importance scale, rescaled to 0..1."""
    return (mean_importance - 1) / 4


@dataclass
class Tally:
    """The counts of one scope, additive: the tally of a region is the sum of the tallies of
    its sub-regions, the EU's the sum of its countries'."""

    organisations: int = 0
    cyber_companies: int = 0
    employees: int = 0
    employees_known: int = 0
    turnover: int = 0
    turnover_known: int = 0
    cyber_turnover: int = 0
    cyber_turnover_known: int = 0
    offers: int = 0
    needs: int = 0
    by_actor_type: Counter = field(default_factory=Counter)
    by_helix: Counter = field(default_factory=Counter)
    cyber_sizes: Counter = field(default_factory=Counter)
    domains: Counter = field(default_factory=Counter)
    sectors: Counter = field(default_factory=Counter)
    nist_functions: Counter = field(default_factory=Counter)
    supply: Counter = field(default_factory=Counter)
    demand: Counter = field(default_factory=Counter)

    def add(self, other: Tally) -> Tally:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))
        return self

    @classmethod
    def total(cls, tallies: Iterable[Tally]) -> Tally:
        result = cls()
        for tally in tallies:
            result.add(tally)
        return result


def _full(counts: Counter, codes: Iterable[str]) -> dict[str, int]:
    """Counts for every code of a vocabulary, zeros included, in vocabulary order."""
    return {code: int(counts.get(code, 0)) for code in codes}


def summarise(
    tally: Tally,
    reference: Tally,
    population: int | None,
    vocabularies: Mapping[str, Iterable[str]],
) -> dict:
    """Every indicator of one scope, from its counts and the reference (EU) counts.

    ``vocabularies`` lists the codes of ``actor_types``, ``helix_groups``, ``size_classes``,
    ``domains``, ``sectors`` and ``nist_functions`` so that absent codes show as zeros.
    """
    companies = sum(tally.by_actor_type.get(kind, 0) for kind in COMPANY_TYPES)
    smes = sum(tally.cyber_sizes.get(size, 0) for size in SME_SIZE_CLASSES)
    sized = sum(tally.cyber_sizes.get(size, 0) for size in KNOWN_SIZE_CLASSES)
    micro = tally.cyber_sizes.get("micro", 0)
    domains = _full(tally.domains, vocabularies["domains"])
    sectors = _full(tally.sectors, vocabularies["sectors"])
    functions = _full(tally.nist_functions, vocabularies["nist_functions"])
    supply = _full(tally.supply, vocabularies["domains"])
    demand = _full(tally.demand, vocabularies["domains"])
    gaps = supply_demand_gaps(supply, demand)
    return {
        "organisations": tally.organisations,
        "population": population,
        "organisations_per_million": per_million(tally.organisations, population),
        "companies": companies,
        "cyber_companies": tally.cyber_companies,
        "cyber_companies_per_million": per_million(tally.cyber_companies, population),
        "smes": smes,
        "micro": micro,
        "companies_sized": sized,
        "sme_share": share(smes, sized),
        "micro_share": share(micro, sized),
        "employees": tally.employees,
        "employees_known": tally.employees_known,
        "turnover_eur": tally.turnover,
        "turnover_known": tally.turnover_known,
        "market_size_eur": tally.cyber_turnover,
        "market_size_known": tally.cyber_turnover_known,
        "by_actor_type": _full(tally.by_actor_type, vocabularies["actor_types"]),
        "by_helix": _full(tally.by_helix, vocabularies["helix_groups"]),
        "by_size_class": _full(tally.cyber_sizes, vocabularies["size_classes"]),
        "presence": {
            group: sum(tally.by_actor_type.get(kind, 0) for kind in kinds)
            for group, kinds in PRESENCE_GROUPS.items()
        },
        "domains": domains,
        "specialisation": {
            code: location_quotient(
                count, tally.organisations, reference.domains.get(code, 0), reference.organisations
            )
            for code, count in domains.items()
        },
        "specialisation_mentions": dict.fromkeys(domains)
        | mention_specialisation(domains, reference.domains),
        "sectors": sectors,
        "sectors_served": sum(1 for count in sectors.values() if count),
        "nist_functions": functions,
        "nist_functions_covered": sum(1 for count in functions.values() if count),
        "offers": tally.offers,
        "needs": tally.needs,
        "supply": supply,
        "demand": demand,
        "gaps": gaps,
        "biggest_gaps": biggest_gaps(gaps),
    }

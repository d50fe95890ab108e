"""Deterministic generator of a realistic demo cybersecurity ecosystem for the EU-27.

Pure Python (standard library; PyYAML only in ``TaxonomyCodes.from_reference_yaml``), no Django
import. ``generate_ecosystem()`` is a generator: it yields one ``OrganisationRecord`` at a time
and keeps only the current country's used names in memory (about 20 MB of resident memory for
120,000 records), so time and memory grow linearly with ``organisations``. The same
``organisations``, ``seed`` and taxonomy always give the same records.

Calibration (the default ecosystem, ``DEFAULT_ORGANISATIONS`` = 15,000)
-----------------------------------------------------------------------
The source document says: "The EU market is valued at EUR 25 billion and has a very diverse
industry landscape, made of 12 000 companies of which 74 % are micro companies and SMEs."

*Cybersecurity companies* are the records with ``actor_type`` "sme" or "large" and
``core_business`` True. The three figures are measured on the *active* ones (the market);
inactive and closed companies add 2 % on top.

1. Count. 81.6 % of the records are cybersecurity companies: 12,240 of 15,000, of which about
   11,950–12,000 are active. The remaining 18.4 % are IT companies whose core business is not
   cybersecurity (5.2 %: 4 % SMEs, 1.2 % large), public administrations (3 %), training centres
   (2 %), universities (1.8 %), research and technology organisations (1.6 %), investors
   (1.2 %), other organisations (1.1 %: law firms, insurance brokers, press, foundations,
   testing laboratories, consultancies), incubators (1 %), clusters (1 %) and CSIRTs (0.5 %:
   one national CSIRT per country, the rest regional).
2. SME share. 74.5 % of the cybersecurity companies are drawn as SMEs under Commission
   Recommendation 2003/361/EC (see ``cyberregions.organisations.sizeclass``), of which 62 %
   micro (1–9 staff), 28 % small (10–49) and 10 % medium (50–249); closures, which strike
   SMEs only, bring the active share to 74.0–74.2 %. Turnover per head is drawn between
   EUR 50,000 and EUR 190,000, so that the turnover fits the class of the headcount; every SME
   discloses its headcount and at least one financial value within its ceiling, so that its
   class is decided. 2 % of the small and medium ones exceed the turnover ceiling but not the
   balance-sheet one and keep their class (the "either-or" rule). The others are large:
   250 staff or more.
3. Turnover. The source's EUR 25 bn cannot be reconciled with 26 % large companies reporting
   their full group turnover: 3,100 groups of 250 staff or more would weigh hundreds of
   billions of euros. Per-company values stay plausible and the total is reached through
   disclosure, as in real company registers:

   * SMEs outside the partner territories publish their turnover in 70 % of cases (the others
     only a balance sheet, like many small companies filing abridged accounts); in the partner
     territories every field is filled.
   * Large cybersecurity companies in the partner territories are local establishments of
     250–1,200 staff and publish their turnover. Elsewhere exactly 2 % of the large companies
     of each country publish it (groups of 250–2,000 staff); the other 98 % keep
     ``turnover_eur`` and ``balance_sheet_eur`` None, and their headcount (250 or more) still
     classifies them as large.

   Measured: about EUR 14 bn from SMEs and EUR 11–12 bn from the ~170 large companies that
   publish (~110 of them in partner territories), i.e. EUR 24–26 bn over seeds 1–7 and
   EUR 25.9 bn for the default seed 2018.

Disclosure and the partner-territory share are drawn *systematically* (an exact share of the
records of each category in each country) rather than at random, which keeps the figures
steady from one seed to another. All three scale linearly with ``organisations``: 120,000
records give about 96,000 active cybersecurity companies and EUR 200 bn, with the same SME
share.

The partner territories get a share of their country's records (Brittany 12 %, Wallonia 30 %,
Tuscany 8 %, Castilla y León 9 %, Košice Region 30 %, all of Slovenia and Estonia; for large
companies 35 % of that share, for investors 70 %, for clusters and CSIRTs 150 %) and are the
most detailed: every economic field filled (companies: 4 to 6 product lines, others 3 or 4),
2–5 offers, 1–4 needs, 2–4 contacts; elsewhere 0–2 offers, 0–1 needs and 0–2 contacts.
About 60 % of the contacts consent to being shown publicly.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from random import Random

from ..sizeclass import size_class
from . import names
from .places import (
    COUNTRIES,
    COUNTRY_NAMES,
    COUNTRY_WEIGHTS,
    OTHER_CITIES,
    TERRITORIES,
    TERRITORY_CITIES,
    TERRITORY_OF_COUNTRY,
    City,
    Territory,
    capital_of,
)
from .prose import Profile, Vocabulary, Writer

DEFAULT_ORGANISATIONS = 15_000
DEFAULT_SEED = 2018
REFERENCE_YEAR = 2024  # latest founding year; fixed so that the output never depends on today

ACTOR_TYPES = (
    "sme",
    "large",
    "rto",
    "university",
    "training",
    "incubator",
    "cluster",
    "public",
    "csirt",
    "investor",
    "other",
)

# Records ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OfferOrNeed:
    title: str
    description: str
    domains: list[str]
    sectors: list[str]
    technologies: list[str]


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    role: str
    email: str
    phone: str
    public_consent: bool


@dataclass(frozen=True, slots=True)
class OrganisationRecord:
    key: str
    name: str
    legal_name: str
    country: str
    region_code: str | None
    nuts3_code: str | None
    city: str
    latitude: float
    longitude: float
    website: str
    founded: int
    status: str
    actor_type: str
    employees: int | None
    turnover_eur: int | None
    balance_sheet_eur: int | None
    core_business: bool
    domains: list[str]
    sectors: list[str]
    technologies: list[str]
    nist_functions: list[str]
    description: str
    products_services: list[str]
    offers: list[OfferOrNeed]
    needs: list[OfferOrNeed]
    contacts: list[Contact]
    # NUTS-2 code when known (partner territories): Wallonia's cities have a province (BE31–BE35)
    # but no NUTS-3 code in the project's reference data.
    nuts2_code: str | None = None


@dataclass(frozen=True)
class TaxonomyCodes:
    """The taxonomy codes a generated organisation may be tagged with, and their labels."""

    domains: list[str]
    sectors: list[str]
    technologies: list[str]
    nist_functions: list[str]
    labels: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_reference_yaml(cls, jrc_path: str | Path, nist_path: str | Path) -> TaxonomyCodes:
        """Read the JRC taxonomy and NIST CSF reference files (for tests and benchmarks; the
        Django loader builds this from the database)."""
        import yaml

        jrc = yaml.safe_load(Path(jrc_path).read_text(encoding="utf-8"))
        nist = yaml.safe_load(Path(nist_path).read_text(encoding="utf-8"))
        labels: dict[str, str] = {}

        def codes(items) -> list[str]:
            out = []
            for item in items or ():
                out.append(item["code"])
                labels[item["code"]] = item.get("label") or item["code"]
            return out

        domains = codes(jrc.get("domains"))
        sectors = codes(jrc.get("sectors"))
        technologies = codes(jrc.get("technologies_and_use_cases") or jrc.get("technologies"))
        functions = []
        for item in nist.get("functions") or ():
            functions.append(item["code"])
            labels[item["code"]] = item.get("name") or item.get("label") or item["code"]
        return cls(domains, sectors, technologies, functions, labels)


# Categories and their shares -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    actor_type: str
    core_business: bool
    share: float  # of all records
    size: str = ""  # EU size class for companies: micro, small, medium, large, or "any"
    territory_factor: float = 1.0  # relative chance of lying in the partner territory
    city_exponent: float = 1.0  # >1 concentrates the category in the larger cities


CYBER_SHARE = 0.816  # cybersecurity companies among all records
SME_SHARE = 0.745  # SMEs among cybersecurity companies
SME_SPLIT = {"micro": 0.62, "small": 0.28, "medium": 0.10}

CATEGORIES: tuple[Category, ...] = (
    Category("cyber-micro", "sme", True, CYBER_SHARE * SME_SHARE * SME_SPLIT["micro"], "micro"),
    Category("cyber-small", "sme", True, CYBER_SHARE * SME_SHARE * SME_SPLIT["small"], "small"),
    Category("cyber-medium", "sme", True, CYBER_SHARE * SME_SHARE * SME_SPLIT["medium"], "medium"),
    Category("cyber-large", "large", True, CYBER_SHARE * (1 - SME_SHARE), "large", 0.35, 1.3),
    Category("it-sme", "sme", False, 0.040, "any"),
    Category("it-large", "large", False, 0.012, "large", 0.5, 1.3),
    Category("rto", "rto", False, 0.016, city_exponent=1.4),
    Category("university", "university", False, 0.018, city_exponent=1.3),
    Category("training", "training", False, 0.020, city_exponent=1.2),
    Category("incubator", "incubator", False, 0.010, city_exponent=1.4),
    Category("cluster", "cluster", False, 0.010, territory_factor=1.5, city_exponent=1.3),
    Category("public", "public", False, 0.030),
    Category("csirt", "csirt", False, 0.005, territory_factor=1.5, city_exponent=1.3),
    Category("investor", "investor", False, 0.012, territory_factor=0.7, city_exponent=1.6),
    Category("other", "other", False, 0.011, city_exponent=1.2),
)

# Economics (see the module docstring).
TURNOVER_PER_HEAD = (50_000, 190_000, 80_000)  # SMEs: low, high, mode (triangular)
LARGE_TURNOVER_PER_HEAD = (80_000, 220_000, 120_000)
SME_TURNOVER_DISCLOSED = 0.70  # outside the partner territories; the rest: balance sheet only
LARGE_TURNOVER_DISCLOSED = 0.02  # outside the partner territories
EITHER_OR_SHARE = 0.02  # small/medium companies above the turnover ceiling, within the balance one

# Taxonomy preferences (codes missing from the taxonomy in use are simply ignored).
DOMAIN_WEIGHTS = {
    "SMG": 10,
    "IHF": 9,
    "NDS": 9,
    "AAC": 8,
    "IDM": 7,
    "DSP": 7,
    "SHE": 5,
    "CRY": 4,
    "MEA": 3,
    "HUM": 3,
    "EDU": 3,
    "LEG": 2,
    "TMA": 2,
    "THF": 0.7,
    "SSW": 0.5,
}
SECTOR_WEIGHTS = {
    "SEC.financial": 10,
    "SEC.government": 10,
    "SEC.health": 9,
    "SEC.energy": 9,
    "SEC.manufacturing-and-supply-chains": 9,
    "SEC.digital-services-and-platforms": 8,
    "SEC.telecomm-infrastructure": 7,
    "SEC.transportation": 7,
    "SEC.defense": 5,
    "SEC.safety-and-security": 4,
    "SEC.space": 2,
    "SEC.nuclear": 1.5,
    "SEC.chemical": 2,
    "SEC.audiovisual-and-media": 2,
    "SEC.food-and-drink": 2,
}
TECH_WEIGHTS = {
    "TUC.cloud-edge-and-virtualisation": 10,
    "TUC.information-systems": 9,
    "TUC.artificial-intelligence": 8,
    "TUC.internet-of-things-embedded-systems-pervasive": 7,
    "TUC.industrial-iot-and-control-systems": 6,
    "TUC.mobile-devices": 5,
    "TUC.critical-infrastructure-protection": 5,
    "TUC.big-data": 4,
    "TUC.blockchain-and-distributed-ledger-technology": 3,
    "TUC.hardware-technology": 3,
    "TUC.operating-systems": 2,
    "TUC.quantum-technologies": 2,
    "TUC.fight-against-crime-and-terrorism": 2,
    "TUC.disaster-resilience-and-crisis-management": 2,
    "TUC.satellite-systems-and-applications": 1.5,
    "TUC.vehicular-systems": 1.5,
    "TUC.uav": 1,
    "TUC.robotics": 1,
    "TUC.high-performance-computing": 1,
    "TUC.human-machine-interface": 1,
    "TUC.protection-of-public-spaces": 1,
    "TUC.border-and-external-security": 1,
    "TUC.local-wide-area-observation-and-surveillance": 1,
}
# Sectors each partner territory is known for get more weight there.
TERRITORY_SECTOR_BOOST = {
    "FRH0": {"SEC.defense": 3.0, "SEC.telecomm-infrastructure": 2.0, "SEC.transportation": 1.5},
    "BE3": {"SEC.manufacturing-and-supply-chains": 1.8, "SEC.government": 1.5, "SEC.space": 2},
    "ITI1": {"SEC.manufacturing-and-supply-chains": 1.8, "SEC.health": 1.5, "SEC.space": 1.5},
    "ES41": {"SEC.government": 1.8, "SEC.energy": 1.5, "SEC.food-and-drink": 2.0},
    "SI0": {"SEC.manufacturing-and-supply-chains": 1.8, "SEC.energy": 1.5},
    "EE00": {"SEC.government": 2.5, "SEC.digital-services-and-platforms": 2.0, "SEC.defense": 2},
    "SK042": {
        "SEC.digital-services-and-platforms": 2.0,
        "SEC.manufacturing-and-supply-chains": 1.5,
    },
}
# NIST CSF functions a domain usually contributes to.
DOMAIN_FUNCTIONS = {
    "AAC": ("ID", "GV"),
    "CRY": ("PR",),
    "DSP": ("PR", "ID"),
    "EDU": ("PR",),
    "HUM": ("PR",),
    "IDM": ("PR",),
    "IHF": ("DE", "RS", "RC"),
    "LEG": ("GV",),
    "NDS": ("PR", "DE"),
    "SMG": ("GV", "ID"),
    "MEA": ("ID", "DE"),
    "SHE": ("PR", "ID"),
    "SSW": ("PR",),
    "THF": ("PR",),
    "TMA": ("GV", "PR"),
}
# Domains an actor type always or often has.
ACTOR_DOMAINS = {
    "university": ("EDU",),
    "training": ("EDU",),
    "csirt": ("IHF",),
    "public": ("SMG",),
}
OTHER_DOMAINS = {
    "law": ("LEG",),
    "insurance": ("SMG",),
    "foundation": ("HUM",),
    "lab": ("AAC",),
    "consulting": ("SMG",),
}


# Helpers ----------------------------------------------------------------------------------------


class StableRandom(Random):
    """``random.Random`` with ``choice`` and ``randint`` written on ``random()`` alone: faster,
    and independent of how a Python version implements them, so that a seed gives the same
    ecosystem on every supported Python."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def sample(self, population, k, *, counts=None):
        if counts is not None:
            return super().sample(population, k, counts=counts)
        pool = list(population)
        if not 0 <= k <= len(pool):
            raise ValueError("sample larger than population or is negative")
        random = self.random
        result = []
        for i in range(k):  # partial Fisher-Yates shuffle
            j = i + int(random() * (len(pool) - i))
            pool[i], pool[j] = pool[j], pool[i]
            result.append(pool[i])
        return result


def largest_remainder(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (Hamilton's method; ties go to
    the earlier item)."""
    weight_sum = float(sum(weights))
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    quotas = [total * w / weight_sum for w in weights]
    counts = [math.floor(q) for q in quotas]
    order = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - counts[i]), i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _weighted_sample(
    rng: Random, codes: Sequence[str], cumulative_weights: Sequence[float], k: int
) -> list[str]:
    """``k`` distinct codes drawn one after the other with probability proportional to their
    weights (given cumulated), a code drawn twice being drawn again."""
    k = min(k, len(codes))
    if k <= 0:
        return []
    total = cumulative_weights[-1]
    random = rng.random
    chosen: list[str] = []
    while len(chosen) < k:
        index = bisect.bisect_right(cumulative_weights, random() * total)
        code = codes[min(index, len(codes) - 1)]
        if code not in chosen:
            chosen.append(code)
    return chosen


def _cumulated(weights: Sequence[float]) -> list[float]:
    return list(accumulate(max(w, 1e-9) for w in weights))


def _systematic(index: int, rate: float) -> bool:
    """True for a share ``rate`` of the indexes 0, 1, 2…, evenly spread."""
    return math.floor((index + 1) * rate + 0.5) > math.floor(index * rate + 0.5)


def _loguniform(rng: Random, low: float, high: float) -> float:
    return low * (high / low) ** rng.random()


def _round_eur(value: float) -> int:
    return max(1_000, int(round(value, -3)))


# Places -----------------------------------------------------------------------------------------


class _Pool:
    """Cities with cumulative weights for fast weighted choice, one table per exponent."""

    def __init__(self, cities: Sequence[City]):
        self.cities = list(cities)
        self._tables: dict[float, list[float]] = {}

    def choose(self, rng: Random, exponent: float) -> City:
        table = self._tables.get(exponent)
        if table is None:
            table = list(accumulate(c.weight**exponent for c in self.cities))
            self._tables[exponent] = table
        index = bisect.bisect_right(table, rng.random() * table[-1])
        return self.cities[min(index, len(self.cities) - 1)]


@dataclass
class _CountryPlaces:
    country: str
    territory: Territory | None
    inside: _Pool | None
    outside: _Pool | None

    @classmethod
    def build(cls, country: str) -> _CountryPlaces:
        code = TERRITORY_OF_COUNTRY.get(country)
        territory = TERRITORIES[code] if code else None
        inside = _Pool(TERRITORY_CITIES[code]) if code else None
        outside = _Pool(OTHER_CITIES[country]) if OTHER_CITIES[country] else None
        return cls(country, territory, inside, outside)

    def choose(self, rng: Random, category: Category, index: int) -> tuple[City, Territory | None]:
        if self.inside is not None and self.territory is not None:
            # Systematic: the territory gets exactly its share of every category.
            p_inside = min(1.0, self.territory.share * category.territory_factor)
            if self.outside is None or _systematic(index, p_inside):
                return self.inside.choose(rng, category.city_exponent), self.territory
        assert self.outside is not None
        return self.outside.choose(rng, category.city_exponent), None


# The generator ----------------------------------------------------------------------------------


def allocation(organisations: int) -> dict[str, dict[str, int]]:
    """How many records of each category each country gets: {country: {category: count}}."""
    totals = largest_remainder(organisations, [c.share for c in CATEGORIES])
    weights = [COUNTRY_WEIGHTS[c] for c in COUNTRIES]
    result = {country: {} for country in COUNTRIES}
    for category, total in zip(CATEGORIES, totals, strict=True):
        if category.actor_type == "csirt" and total >= len(COUNTRIES):
            # One national CSIRT per country first, the rest (regional CSIRTs) by weight.
            counts = [1 + n for n in largest_remainder(total - len(COUNTRIES), weights)]
        else:
            counts = largest_remainder(total, weights)
        for country, count in zip(COUNTRIES, counts, strict=True):
            result[country][category.name] = count
    return result


def generate_ecosystem(
    organisations: int = DEFAULT_ORGANISATIONS,
    seed: int = DEFAULT_SEED,
    taxonomy: TaxonomyCodes | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[OrganisationRecord]:
    """Yield ``organisations`` demo records, deterministically for a given ``seed``.

    ``taxonomy`` gives the codes (and labels) records are tagged with; without it records get
    no taxonomy tags. ``progress(done, total)`` is called about every 1 % and at the end.
    Records come country by country (in ISO order of ``places.COUNTRIES``).
    """
    if isinstance(organisations, bool) or not isinstance(organisations, int):
        raise TypeError("organisations must be an int")
    if organisations < 1:
        raise ValueError("organisations must be at least 1")
    taxonomy = taxonomy or TaxonomyCodes([], [], [], [])
    builder = _Builder(seed, taxonomy)
    step = max(1, organisations // 100)
    done = 0
    for country, counts in allocation(organisations).items():
        if not any(counts.values()):
            continue
        builder.start_country(country)
        for category in CATEGORIES:
            for index in range(counts[category.name]):
                yield builder.record(category, index)
                done += 1
                if progress is not None and (done % step == 0 or done == organisations):
                    progress(done, organisations)


class _Builder:
    """Makes records from one random stream, with the vocabulary of the taxonomy in use."""

    def __init__(self, seed: int, taxonomy: TaxonomyCodes):
        self.rng = StableRandom(seed)
        self.taxonomy = taxonomy
        vocabulary = Vocabulary.build(
            list(taxonomy.domains),
            list(taxonomy.sectors),
            list(taxonomy.technologies),
            list(taxonomy.nist_functions),
            dict(taxonomy.labels),
        )
        self.writer = Writer(vocabulary, self.rng, list(COUNTRY_NAMES.values()))
        self.domain_weights = _cumulated([DOMAIN_WEIGHTS.get(c, 1.0) for c in taxonomy.domains])
        self.tech_weights = _cumulated([TECH_WEIGHTS.get(c, 1.0) for c in taxonomy.technologies])
        self.sector_weights: dict[str | None, list[float]] = {}
        for territory in (None, *TERRITORIES):
            boost = TERRITORY_SECTOR_BOOST.get(territory, {}) if territory else {}
            self.sector_weights[territory] = _cumulated(
                [SECTOR_WEIGHTS.get(c, 1.0) * boost.get(c, 1.0) for c in taxonomy.sectors]
            )
        self.namer = names.Namer(self.rng)
        self.country = ""
        self.places: _CountryPlaces | None = None

    def start_country(self, country: str) -> None:
        self.country = country
        self.places = _CountryPlaces.build(country)
        self.namer.start_country(country)

    # one record ------------------------------------------------------------------------------
    def record(self, category: Category, index: int) -> OrganisationRecord:
        r = self.rng
        country = self.country
        national_csirt = category.actor_type == "csirt" and index == 0
        if national_csirt:
            city = capital_of(country)
            code = TERRITORY_OF_COUNTRY.get(country)
            in_code = code if code and city in TERRITORY_CITIES[code] else None
            territory = TERRITORIES[in_code] if in_code else None
        else:
            assert self.places is not None
            city, territory = self.places.choose(r, category, index)
        detailed = territory is not None
        language = names.weighted_pick(
            r, names.languages_for(country, city.name, territory.code if territory else None)
        )
        lang = names.LANGUAGES[language]
        size = self._size(category)
        variant, name_kind, legal_kind = self._variant(category, national_csirt)

        territory_code = territory.code if territory else None
        name, slug = self.namer.unique_name(name_kind, size, lang, city, territory_code, variant)
        legal_name = self.namer.legal_name(name, country, legal_kind, language)
        tld = country.lower()
        host = f"{slug}.{tld}"
        founded = self._founded(category, size, national_csirt)
        status = self._status(category, founded)
        employees, turnover, balance = self._economics(
            category, size, detailed, national_csirt, index, city.weight
        )

        domains, sectors, technologies, functions = self._tags(
            category, detailed, territory, name_kind
        )
        profile = Profile(
            name=name,
            actor_type=category.actor_type,
            core_business=category.core_business,
            size=size if category.actor_type in ("sme", "large") else "",
            city=city.name,
            country_name=COUNTRY_NAMES[country],
            # "the Brittany cybersecurity ecosystem", but "the Tartu …" in a whole-country territory
            area=territory.name if territory and territory.share < 1 else city.name,
            founded=founded,
            employees=employees,
            domains=domains,
            sectors=sectors,
            technologies=technologies,
            nist_functions=functions,
            detailed=detailed,
            variant=variant,
            kind=name_kind,
        )
        writer = self.writer
        description = writer.describe(profile)
        is_company = category.actor_type in ("sme", "large")
        if detailed:
            n_products = r.randint(4, 6) if is_company else r.randint(3, 4)
            n_offers, n_needs, n_contacts = r.randint(2, 5), r.randint(1, 4), r.randint(2, 4)
        else:
            n_products = r.randint(2, 5) if is_company else r.randint(2, 3)
            n_offers = names.weighted_pick(r, ((0, 30), (1, 50), (2, 20)))
            n_needs = names.weighted_pick(r, ((0, 60), (1, 40)))
            n_contacts = names.weighted_pick(r, ((0, 25), (1, 50), (2, 25)))
        if status == "closed":
            n_offers = n_needs = 0
        products = writer.products_services(profile, n_products)
        offers = [OfferOrNeed(*item) for item in writer.offers(profile, n_offers)]
        needs = [OfferOrNeed(*item) for item in writer.needs(profile, n_needs)]
        roles = names.CONTACT_ROLES[category.actor_type]
        contacts = [
            self._contact(lang, country, role, host, territory)
            for role in r.sample(roles, min(n_contacts, len(roles)))
        ]
        lat, lon = self._jitter(city)
        return OrganisationRecord(
            key=f"{tld}-{slug}",
            name=name,
            legal_name=legal_name,
            country=country,
            region_code=territory.code if territory else None,
            nuts3_code=city.nuts3 if territory else None,
            city=city.name,
            latitude=lat,
            longitude=lon,
            website=f"https://www.{host}",
            founded=founded,
            status=status,
            actor_type=category.actor_type,
            employees=employees,
            turnover_eur=turnover,
            balance_sheet_eur=balance,
            core_business=category.core_business,
            domains=domains,
            sectors=sectors,
            technologies=technologies,
            nist_functions=functions,
            description=description,
            products_services=products,
            offers=offers,
            needs=needs,
            contacts=contacts,
            nuts2_code=(city.nuts2 or territory.nuts2) if territory else None,
        )

    # pieces ----------------------------------------------------------------------------------
    def _size(self, category: Category) -> str:
        if category.size == "any":
            return names.weighted_pick(self.rng, (("micro", 55), ("small", 33), ("medium", 12)))
        return category.size

    def _variant(self, category: Category, national_csirt: bool) -> tuple[str, str, str]:
        """(variant for the prose, kind of name, kind of legal form)."""
        r = self.rng
        t = category.actor_type
        if t == "csirt":
            return ("national" if national_csirt else "regional"), "csirt", ""
        if t == "investor":
            variant = r.choice(names.INVESTOR_VARIANTS)[0]
            legal = "association" if variant == "business angels network" else "small"
            return variant, "investor", legal
        if t == "other":
            variant, kind, legal = r.choice(names.OTHER_VARIANTS)
            return variant, kind, legal
        if t in ("sme", "large"):
            return (
                "",
                ("cyber" if category.core_business else "it"),
                ("large" if t == "large" else "small"),
            )
        if t in ("rto", "cluster"):
            return "", t, "association" if r.random() < 0.6 else ""
        if t in ("training", "incubator"):
            return "", t, "small" if r.random() < 0.6 else "association"
        return "", t, ""

    def _founded(self, category: Category, size: str, national_csirt: bool) -> int:
        r = self.rng
        t = category.actor_type
        year = REFERENCE_YEAR
        if t in ("sme", "large"):
            offset, scale, cap = {
                "micro": (0, 5, 30),
                "small": (2, 8, 40),
                "medium": (5, 12, 50),
                "large": (8, 25, 120),
            }[size]
            year = REFERENCE_YEAR - offset - min(int(r.expovariate(1 / scale)), cap)
        elif t == "university":
            year = 1800 + int(210 * r.random() ** 0.7)
        elif t == "csirt":
            year = r.randint(1996, 2016) if national_csirt else r.randint(2012, 2023)
        else:
            low, high = {
                "rto": (1950, 2018),
                "training": (1990, 2023),
                "incubator": (2000, 2023),
                "cluster": (2005, 2022),
                "public": (1945, 2015),
                "investor": (1985, 2023),
                "other": (1970, 2023),
            }[t]
            year = r.randint(low, high)
        return max(1800, min(REFERENCE_YEAR, year))

    def _status(self, category: Category, founded: int) -> str:
        x = self.rng.random()
        if category.actor_type == "sme" and founded <= REFERENCE_YEAR - 3:
            return "closed" if x < 0.012 else "inactive" if x < 0.035 else "active"
        if category.actor_type == "large":
            return "inactive" if x < 0.005 else "active"
        if category.actor_type in ("university", "public", "csirt"):
            return "active"
        return "inactive" if x < 0.015 else "active"

    def _economics(
        self,
        category: Category,
        size: str,
        detailed: bool,
        national_csirt: bool,
        index: int,
        city_weight: float,
    ):
        """(employees, turnover, balance sheet) for a record; see the module docstring."""
        r = self.rng
        t = category.actor_type
        if t == "sme":
            return self._sme_economics(size, detailed, category.core_business, index)
        if t == "large":
            if category.core_business:
                # Systematic rather than random disclosure: an exact share in every country,
                # which keeps the calibrated total steady from one seed to another.
                disclose = detailed or _systematic(index, LARGE_TURNOVER_DISCLOSED)
            else:
                disclose = detailed or r.random() < 0.4
            if detailed:
                cap, alpha = 1_200, 2.0  # local establishments
            elif disclose and category.core_business:
                cap, alpha = 2_000, 2.0
            elif category.core_business:
                cap, alpha = 15_000, 1.5
            else:
                cap, alpha = 30_000, 1.1
            employees = min(cap, int(250 / (1.0 - r.random()) ** (1 / alpha)))
            if not disclose:
                return employees, None, None
            low, high, mode = LARGE_TURNOVER_PER_HEAD
            turnover = _round_eur(employees * r.triangular(low, high, mode))
            balance = _round_eur(turnover * r.uniform(0.5, 1.3))
            return employees, turnover, balance
        low_staff, high_staff, per_head, balance_ratio, p_staff, p_money = {
            "rto": (15, 2_000, (70_000, 120_000), (0.8, 1.5), 0.8, 0.5),
            "university": (300, 9_000, (60_000, 100_000), (1.5, 3.0), 0.8, 0.2),
            "training": (2, 150, (60_000, 150_000), (0.3, 0.8), 0.8, 0.5),
            "incubator": (2, 40, (60_000, 120_000), (0.5, 2.0), 0.8, 0.4),
            "cluster": (1, 30, (70_000, 120_000), (0.3, 1.0), 0.8, 0.4),
            "public": (20, 6_000, (80_000, 200_000), (1.0, 4.0), 0.6, 0.1),
            "csirt": (5, 300, (90_000, 150_000), (0.2, 0.6), 0.7, 0.1),
            "investor": (2, 60, (150_000, 400_000), (5.0, 40.0), 0.7, 0.3),
            "other": (1, 150, (70_000, 200_000), (0.3, 1.0), 0.8, 0.4),
        }[t]
        if national_csirt:
            low_staff, high_staff = 30, 600
        elif t in ("public", "university"):
            # A city's administration or university grows with the city.
            high_staff = min(high_staff, max(2 * low_staff, int(city_weight * 8)))
        employees = int(_loguniform(r, low_staff, high_staff + 1))
        turnover = _round_eur(employees * r.uniform(*per_head))
        balance = _round_eur(turnover * r.uniform(*balance_ratio))
        if detailed:
            return employees, turnover, balance
        staff_known = r.random() < p_staff
        money_known = r.random() < p_money
        return (
            employees if staff_known else None,
            turnover if money_known else None,
            balance if money_known else None,
        )

    def _sme_economics(self, size: str, detailed: bool, core: bool, index: int):
        r = self.rng
        if size == "micro":
            employees = names.weighted_pick(
                r, ((1, 22), (2, 18), (3, 15), (4, 12), (5, 10), (6, 8), (7, 6), (8, 5), (9, 4))
            )
        elif size == "small":
            employees = min(49, int(10 * 5 ** (r.random() ** 1.5)))
        else:
            employees = min(249, int(50 * 5 ** (r.random() ** 1.5)))
        low, high, mode = TURNOVER_PER_HEAD
        turnover = _round_eur(employees * r.triangular(low, high, mode))
        balance = _round_eur(turnover * r.uniform(0.3, 0.9))
        if size in ("small", "medium") and _systematic(index, EITHER_OR_SHARE):
            # Above the turnover ceiling, within the balance-sheet one: keeps its class.
            ceiling_t, ceiling_b = (
                (10_000_000, 10_000_000) if size == "small" else (50_000_000, 43_000_000)
            )
            turnover = _round_eur(ceiling_t * r.uniform(1.02, 1.25))
            balance = _round_eur(ceiling_b * r.uniform(0.5, 0.98))
        if detailed:
            return employees, turnover, balance
        if core:
            if _systematic(index, SME_TURNOVER_DISCLOSED):
                if (
                    turnover
                    > (2_000_000, 10_000_000, 50_000_000)[("micro", "small", "medium").index(size)]
                ):
                    return employees, turnover, balance  # needs both to keep its class
                return employees, turnover, (balance if r.random() < 0.8 else None)
            return employees, None, balance
        # IT companies: some publish nothing (their size class is then unknown).
        x = r.random()
        if x < 0.5:
            return employees, turnover, balance
        if x < 0.65:
            return employees, turnover, None
        if x < 0.85:
            return employees, None, balance
        return employees, None, None

    def _tags(self, category: Category, detailed: bool, territory: Territory | None, kind: str):
        r = self.rng
        tax = self.taxonomy
        t = category.actor_type
        extra = 1 if detailed else 0
        domain_count = {
            "sme": (1, 4),
            "large": (3, 6),
            "university": (3, 7),
            "rto": (2, 5),
            "training": (2, 4),
            "incubator": (2, 5),
            "cluster": (4, 8),
            "public": (1, 3),
            "csirt": (2, 4),
            "investor": (2, 4),
            "other": (1, 3),
        }[t]
        if t == "sme" and not category.core_business:
            domain_count = (1, 2)
        k = r.randint(*domain_count) + extra
        domains = _weighted_sample(r, tax.domains, self.domain_weights, k)
        for forced in ACTOR_DOMAINS.get(t, ()) + OTHER_DOMAINS.get(kind, ()):
            if forced in tax.domains:  # first, as the main domain
                domains = [forced, *[d for d in domains if d != forced][: max(0, k - 1)]]
        sector_k = {"csirt": (3, 6), "cluster": (3, 6), "public": (1, 3)}.get(t, (1, 4))
        weights = self.sector_weights[territory.code if territory else None]
        sectors = _weighted_sample(r, tax.sectors, weights, r.randint(*sector_k) + extra)
        if t == "public" and "SEC.government" in tax.sectors and "SEC.government" not in sectors:
            sectors = ["SEC.government", *sectors[:-1]] if sectors else ["SEC.government"]
        technologies = _weighted_sample(
            r, tax.technologies, self.tech_weights, r.randint(1, 3) + extra
        )
        functions: list[str] = []
        if tax.nist_functions:
            wanted = {f for d in domains for f in DOMAIN_FUNCTIONS.get(d, ())}
            if r.random() < 0.3:
                wanted.add(r.choice(tax.nist_functions))
            functions = [f for f in tax.nist_functions if f in wanted]
            if not functions:
                functions = [r.choice(tax.nist_functions)]
        return domains, sectors, technologies, functions

    def _contact(self, lang: names.Language, country: str, role: str, host: str, territory):
        name, local_part = self.namer.person(lang, territory.code if territory else None)
        return Contact(
            name=name,
            role=role,
            email=f"{local_part}@{host}",
            phone=self.namer.phone(country),
            public_consent=self.rng.random() < 0.6,
        )

    def _jitter(self, city: City) -> tuple[float, float]:
        """City centre plus up to 2.5 km in a random direction (uniform over the disc)."""
        r = self.rng
        distance_km = 2.5 * math.sqrt(r.random())
        angle = r.random() * 2 * math.pi
        lat = city.lat + distance_km * math.cos(angle) / 111.32
        lon = city.lon + distance_km * math.sin(angle) / (111.32 * math.cos(math.radians(city.lat)))
        return round(lat, 5), round(lon, 5)


def ecosystem_figures(records) -> dict[str, float]:
    """The calibration figures of a set of records (active cybersecurity companies)."""
    companies = sme = 0
    turnover = 0
    for record in records:
        if (
            record.actor_type in ("sme", "large")
            and record.core_business
            and record.status == "active"
        ):
            companies += 1
            turnover += record.turnover_eur or 0
            if size_class(record.employees, record.turnover_eur, record.balance_sheet_eur) in (
                "micro",
                "small",
                "medium",
            ):
                sme += 1
    return {
        "cyber_companies": companies,
        "sme_share": sme / companies if companies else 0.0,
        "turnover_eur": turnover,
    }

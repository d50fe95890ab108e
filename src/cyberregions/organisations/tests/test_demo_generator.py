"""The demo-ecosystem generator and the EU size rule: pure tests, no database."""

from __future__ import annotations

import inspect
import json
import re
from collections import Counter, defaultdict
from itertools import islice
from pathlib import Path

import pytest

from cyberregions.organisations.demo import places
from cyberregions.organisations.demo.generator import (
    ACTOR_TYPES,
    CATEGORIES,
    DEFAULT_ORGANISATIONS,
    OrganisationRecord,
    StableRandom,
    TaxonomyCodes,
    allocation,
    ecosystem_figures,
    generate_ecosystem,
    largest_remainder,
)
from cyberregions.organisations.demo.names import slugify
from cyberregions.organisations.sizeclass import size_class

SRC = Path(__file__).resolve().parents[3]  # .../src
REPO = SRC.parent

# The partner territories' NUTS codes (partner_regions.yaml, NUTS 2021).
REGION_CODES = {"FRH0", "BE3", "ITI1", "ES41", "SI0", "EE00", "SK042"}
NUTS3 = {
    "FRH0": {"FRH01", "FRH02", "FRH03", "FRH04"},
    "BE3": set(),  # the reference lists Wallonia's provinces (NUTS-2) only
    "ITI1": {f"ITI1{c}" for c in "123456789A"},
    "ES41": {f"ES41{c}" for c in "123456789"},
    "SI0": {f"SI03{c}" for c in "12345678"} | {f"SI04{c}" for c in "1234"},
    "EE00": {"EE001", "EE004", "EE008", "EE009", "EE00A"},
    "SK042": {"SK042"},
}
WALLONIA_PROVINCES = {"BE31", "BE32", "BE33", "BE34", "BE35"}

# Rough bounding boxes (lat min, lat max, lon min, lon max), generous by a few kilometres.
COUNTRY_BOXES = {
    "AT": (46.3, 49.1, 9.4, 17.3),
    "BE": (49.4, 51.6, 2.5, 6.5),
    "BG": (41.2, 44.3, 22.3, 28.7),
    "HR": (42.3, 46.6, 13.4, 19.5),
    "CY": (34.5, 35.8, 32.2, 34.7),
    "CZ": (48.5, 51.1, 12.0, 18.9),
    "DK": (54.5, 57.8, 8.0, 15.2),
    "EE": (57.5, 59.8, 21.7, 28.3),
    "FI": (59.7, 70.1, 20.5, 31.6),
    "FR": (41.3, 51.1, -5.2, 9.6),
    "DE": (47.2, 55.1, 5.8, 15.1),
    "GR": (34.8, 41.8, 19.3, 29.7),
    "HU": (45.7, 48.6, 16.1, 22.9),
    "IE": (51.4, 55.4, -10.7, -5.9),
    "IT": (36.6, 47.1, 6.6, 18.6),
    "LV": (55.6, 58.1, 20.9, 28.3),
    "LT": (53.9, 56.5, 20.9, 26.9),
    "LU": (49.4, 50.2, 5.7, 6.6),
    "MT": (35.8, 36.1, 14.1, 14.6),
    "NL": (50.7, 53.6, 3.3, 7.3),
    "PL": (49.0, 54.9, 14.1, 24.2),
    "PT": (32.6, 42.2, -31.3, -6.2),
    "RO": (43.6, 48.3, 20.2, 29.7),
    "SK": (47.7, 49.6, 16.8, 22.6),
    "SI": (45.4, 46.9, 13.3, 16.7),
    "ES": (27.6, 43.8, -18.2, 4.4),
    "SE": (55.3, 69.1, 10.9, 24.2),
}
TERRITORY_BOXES = {
    "FRH0": (47.2, 49.0, -5.3, -0.9),
    "BE3": (49.4, 50.9, 2.8, 6.5),
    "ITI1": (42.2, 44.5, 9.6, 12.4),
    "ES41": (40.0, 43.3, -7.2, -1.7),
    "SI0": (45.4, 46.9, 13.3, 16.7),
    "EE00": (57.5, 59.8, 21.7, 28.3),
    "SK042": (48.3, 49.1, 20.2, 22.6),
}

# The codes of the project's taxonomy, used when no reference file can be found.
FALLBACK_TAXONOMY = {
    "domains": "AAC CRY DSP EDU HUM IDM IHF LEG NDS SMG MEA SHE SSW THF TMA",
    "sectors": "audiovisual-and-media chemical defense digital-services-and-platforms energy "
    "financial food-and-drink government health manufacturing-and-supply-chains nuclear "
    "safety-and-security space telecomm-infrastructure transportation",
    "technologies": "artificial-intelligence big-data blockchain-and-distributed-ledger-technology "
    "cloud-edge-and-virtualisation critical-infrastructure-protection protection-of-public-spaces "
    "disaster-resilience-and-crisis-management fight-against-crime-and-terrorism "
    "border-and-external-security local-wide-area-observation-and-surveillance hardware-technology "
    "high-performance-computing human-machine-interface industrial-iot-and-control-systems "
    "information-systems internet-of-things-embedded-systems-pervasive mobile-devices "
    "operating-systems quantum-technologies robotics satellite-systems-and-applications "
    "vehicular-systems uav",
}
NIST = {
    "GV": "Govern",
    "ID": "Identify",
    "PR": "Protect",
    "DE": "Detect",
    "RS": "Respond",
    "RC": "Recover",
}


def _reference_files(tmp_dir: Path) -> tuple[Path, Path]:
    """The taxonomy files: the project's own copy, else the shared reference beside the
    repository, else a small file written from the codes above."""
    candidates = [
        (
            SRC / "cyberregions/taxonomy/reference/jrc.json",
            SRC / "cyberregions/taxonomy/reference/nist_csf.json",
        ),
        (
            REPO.parent / "shared/reference/jrc_taxonomy.yaml",
            REPO.parent / "shared/reference/nist_csf.yaml",
        ),
    ]
    for jrc, nist in candidates:
        if jrc.is_file() and nist.is_file():
            return jrc, nist
    jrc_data = {
        "domains": [{"code": c, "label": c} for c in FALLBACK_TAXONOMY["domains"].split()],
        "sectors": [
            {"code": f"SEC.{c}", "label": c.replace("-", " ").capitalize()}
            for c in FALLBACK_TAXONOMY["sectors"].split()
        ],
        "technologies": [
            {"code": f"TUC.{c}", "label": c.replace("-", " ").capitalize()}
            for c in FALLBACK_TAXONOMY["technologies"].split()
        ],
    }
    nist_data = {"functions": [{"code": c, "name": n} for c, n in NIST.items()]}
    jrc, nist = tmp_dir / "jrc.json", tmp_dir / "nist.json"
    jrc.write_text(json.dumps(jrc_data), encoding="utf-8")
    nist.write_text(json.dumps(nist_data), encoding="utf-8")
    return jrc, nist


@pytest.fixture(scope="module")
def taxonomy(tmp_path_factory) -> TaxonomyCodes:
    jrc, nist = _reference_files(tmp_path_factory.mktemp("taxonomy"))
    return TaxonomyCodes.from_reference_yaml(jrc, nist)


@pytest.fixture(scope="module")
def ecosystem(taxonomy) -> list[OrganisationRecord]:
    """The default ecosystem, generated once for the whole module."""
    return list(
        generate_ecosystem(organisations=DEFAULT_ORGANISATIONS, seed=2018, taxonomy=taxonomy)
    )


# The EU size rule ---------------------------------------------------------------------------

M = 1_000_000


@pytest.mark.parametrize(
    ("employees", "turnover", "balance", "expected"),
    [
        # staff ceilings
        (9, 1 * M, 1 * M, "micro"),
        (10, 1 * M, 1 * M, "small"),
        (49, 5 * M, 5 * M, "small"),
        (50, 5 * M, 5 * M, "medium"),
        (249, 5 * M, 5 * M, "medium"),
        (250, 5 * M, 5 * M, "large"),
        (0, 0, 0, "micro"),
        # EUR 2 M: either value within the ceiling keeps the micro class
        (9, 2 * M, 2 * M, "micro"),
        (9, 2 * M + 1, 2 * M, "micro"),
        (9, 2 * M, 2 * M + 1, "micro"),
        (9, 2 * M + 1, 2 * M + 1, "small"),
        # EUR 10 M
        (49, 10 * M, 10 * M, "small"),
        (49, 10 * M + 1, 10 * M, "small"),
        (49, 10 * M + 1, 10 * M + 1, "medium"),
        # EUR 50 M turnover or EUR 43 M balance sheet
        (249, 50 * M, 43 * M, "medium"),
        (249, 50 * M + 1, 43 * M, "medium"),
        (249, 50 * M, 43 * M + 1, "medium"),
        (249, 50 * M + 1, 43 * M + 1, "large"),
        (10, 60 * M, 50 * M, "large"),
        # missing data
        (None, None, None, "unknown"),
        (None, 1 * M, 1 * M, "unknown"),
        (None, 60 * M, None, "unknown"),
        (None, 60 * M, 50 * M, "large"),
        (None, 50 * M, 50 * M, "unknown"),
        (5, None, None, "unknown"),
        (100, None, None, "unknown"),
        (249, None, None, "unknown"),
        (250, None, None, "large"),
        (5, 1 * M, None, "micro"),
        (5, None, 1 * M, "micro"),
        (5, 3 * M, None, "unknown"),
        (20, 3 * M, None, "small"),
        (20, 12 * M, None, "unknown"),
        (20, 12 * M, 12 * M, "medium"),
    ],
)
def test_it_classifies_by_the_eu_size_rule(employees, turnover, balance, expected):
    assert size_class(employees, turnover, balance) == expected


def test_it_refuses_negative_or_non_numeric_size_data():
    with pytest.raises(ValueError):
        size_class(-1, None, None)
    with pytest.raises(TypeError):
        size_class("ten", None, None)
    with pytest.raises(TypeError):
        size_class(True, None, None)


# Places -------------------------------------------------------------------------------------


def test_it_has_enough_cities_in_every_country_and_territory():
    assert set(places.COUNTRIES) == set(COUNTRY_BOXES)
    for country in places.COUNTRIES:
        cities = places.cities_of(country)
        assert len(cities) >= 8, country
        assert len({c.name for c in cities}) == len(cities), country
        assert sum(c.capital for c in cities) == 1, country
        lat0, lat1, lon0, lon1 = COUNTRY_BOXES[country]
        for city in cities:
            assert lat0 <= city.lat <= lat1 and lon0 <= city.lon <= lon1, (country, city)
            assert city.weight > 0
    for code, cities in places.TERRITORY_CITIES.items():
        assert len(cities) >= 25, code
        lat0, lat1, lon0, lon1 = TERRITORY_BOXES[code]
        for city in cities:
            assert lat0 <= city.lat <= lat1 and lon0 <= city.lon <= lon1, (code, city)
            if code == "BE3":
                assert city.nuts3 is None and city.nuts2 in WALLONIA_PROVINCES, city
            else:
                assert city.nuts3 in NUTS3[code], city


def test_its_nuts3_codes_are_those_of_the_geo_reference():
    partners = SRC / "cyberregions/geo/reference/partners.json"
    if not partners.is_file():
        pytest.skip("the geo app's reference file is not there")
    data = json.loads(partners.read_text(encoding="utf-8"))
    known = {t["nuts_code"] for t in data["territories"]}
    known |= {s["code"] for t in data["territories"] for s in t["subregions"]}
    assert known >= REGION_CODES
    for cities in places.TERRITORY_CITIES.values():
        for city in cities:
            assert (city.nuts3 or city.nuts2) in known, city


# The generator ------------------------------------------------------------------------------


def test_it_reproduces_the_market_figures_of_the_source(ecosystem):
    figures = ecosystem_figures(ecosystem)  # active cybersecurity companies
    assert figures["cyber_companies"] == pytest.approx(12_000, rel=0.03)
    assert figures["sme_share"] == pytest.approx(0.74, abs=0.02)
    assert figures["turnover_eur"] == pytest.approx(25e9, rel=0.10)
    everything = [r for r in ecosystem if r.actor_type in ("sme", "large") and r.core_business]
    assert len(everything) == pytest.approx(12_000, rel=0.03)  # whatever their status


def test_it_has_every_kind_of_actor(ecosystem):
    counts = Counter(r.actor_type for r in ecosystem)
    assert set(counts) == set(ACTOR_TYPES)
    assert len(ecosystem) == DEFAULT_ORGANISATIONS
    national = [r for r in ecosystem if r.actor_type == "csirt" and r.name.startswith("National")]
    assert {r.country for r in national} == set(places.COUNTRIES)


def test_its_companies_are_sized_consistently(ecosystem):
    for r in ecosystem:
        if r.actor_type == "large":
            assert r.employees is not None and r.employees >= 250, r
            assert size_class(r.employees, r.turnover_eur, r.balance_sheet_eur) == "large"
        elif r.actor_type == "sme":
            assert size_class(r.employees, r.turnover_eur, r.balance_sheet_eur) in (
                ("micro", "small", "medium")
                if r.core_business
                else ("micro", "small", "medium", "unknown")
            ), r


def test_its_names_keys_and_websites_are_unique(ecosystem):
    names = Counter((r.country, r.name.casefold()) for r in ecosystem)
    assert max(names.values()) == 1
    assert len({r.key for r in ecosystem}) == len(ecosystem)
    assert len({r.website for r in ecosystem}) == len(ecosystem)
    for r in ecosystem:
        assert re.fullmatch(rf"https://www\.[a-z0-9-]+\.{r.country.lower()}", r.website), r.website
        assert r.key == f"{r.country.lower()}-{slugify(r.name)}"
        assert r.legal_name.startswith(r.name)
        # within the model's column sizes
        assert len(r.key) <= 120 and len(r.name) <= 200 and len(r.legal_name) <= 250
        assert all(len(c.name) <= 150 and len(c.phone) <= 40 for c in r.contacts)


def test_its_places_are_valid(ecosystem):
    seen = Counter()
    for r in ecosystem:
        assert r.country in COUNTRY_BOXES
        lat0, lat1, lon0, lon1 = COUNTRY_BOXES[r.country]
        assert lat0 <= r.latitude <= lat1 and lon0 <= r.longitude <= lon1, r
        if r.region_code is None:
            assert r.nuts3_code is None
            continue
        assert r.region_code in REGION_CODES
        assert places.TERRITORIES[r.region_code].country == r.country
        lat0, lat1, lon0, lon1 = TERRITORY_BOXES[r.region_code]
        assert lat0 <= r.latitude <= lat1 and lon0 <= r.longitude <= lon1, r
        if r.region_code == "BE3":
            assert r.nuts2_code in WALLONIA_PROVINCES
        else:
            assert r.nuts3_code in NUTS3[r.region_code], r
        seen[r.region_code] += 1
    assert set(seen) == REGION_CODES
    assert min(seen.values()) >= 30  # each partner territory gets a fair share


def test_it_jitters_organisations_around_the_city_centre(ecosystem):
    centres = {
        (country, c.name): c for country in places.COUNTRIES for c in places.cities_of(country)
    }
    for r in ecosystem[::7]:
        city = centres[(r.country, r.city)]
        d_lat = (r.latitude - city.lat) * 111.32
        d_lon = (r.longitude - city.lon) * 111.32 * 0.5  # cos(60°): an upper bound in the EU
        assert abs(d_lat) <= 3.0 and abs(d_lon) <= 3.0


def test_the_partner_territories_are_the_most_detailed(ecosystem, taxonomy):
    inside = [r for r in ecosystem if r.region_code]
    for r in inside:
        assert None not in (r.employees, r.turnover_eur, r.balance_sheet_eur), r
        assert r.domains and r.sectors and r.technologies and r.nist_functions
        assert len(r.contacts) >= 2
        if r.status != "closed":
            assert len(r.offers) >= 2 and len(r.needs) >= 1
    outside = [r for r in ecosystem if not r.region_code]
    mean = lambda rows, f: sum(len(f(r)) for r in rows) / len(rows)  # noqa: E731
    assert mean(inside, lambda r: r.offers) > 2 * mean(outside, lambda r: r.offers)


def test_its_texts_and_tags_are_well_formed(ecosystem, taxonomy):
    codes = {
        "domains": set(taxonomy.domains),
        "sectors": set(taxonomy.sectors),
        "technologies": set(taxonomy.technologies),
        "nist_functions": set(taxonomy.nist_functions),
    }
    consenting = contacts = 0
    for r in ecosystem[::3]:
        sentences = re.split(r"(?<=[.])\s+(?=[A-Z])", r.description)
        assert 2 <= len(sentences) <= 4, r.description
        assert "{" not in r.description and "None" not in r.description
        assert r.products_services and all(line.strip() for line in r.products_services)
        for field, allowed in codes.items():
            values = getattr(r, field)
            assert set(values) <= allowed and len(set(values)) == len(values)
        for item in r.offers + r.needs:
            assert item.title and item.description and len(item.title) <= 200
            assert set(item.domains) <= set(r.domains)
            assert set(item.sectors) <= set(r.sectors)
            assert set(item.technologies) <= set(r.technologies)
        assert len({item.title for item in r.offers}) == len(r.offers)
        for contact in r.contacts:
            contacts += 1
            consenting += contact.public_consent
            assert re.fullmatch(r"[a-z0-9]+\.[a-z0-9]+@[a-z0-9.-]+", contact.email), contact
            assert contact.email.endswith(r.website.removeprefix("https://www."))
            assert contact.phone.startswith("+") and contact.name and contact.role
        assert 1800 <= r.founded <= 2024
        assert r.status in ("active", "inactive", "closed")
    assert consenting / contacts == pytest.approx(0.6, abs=0.05)


def test_it_is_deterministic_for_a_seed(taxonomy):
    first = list(generate_ecosystem(organisations=600, seed=7, taxonomy=taxonomy))
    again = list(generate_ecosystem(organisations=600, seed=7, taxonomy=taxonomy))
    other = list(generate_ecosystem(organisations=600, seed=8, taxonomy=taxonomy))
    assert first == again
    assert first != other
    assert [r.key for r in first] != [r.key for r in other]


@pytest.mark.parametrize("organisations", [1, 2, 3, 11, 27, 28, 250])
def test_it_works_for_any_size(taxonomy, organisations):
    records = list(generate_ecosystem(organisations=organisations, seed=1, taxonomy=taxonomy))
    assert len(records) == organisations
    assert len({r.key for r in records}) == organisations


def test_it_works_without_a_taxonomy():
    records = list(generate_ecosystem(organisations=60, seed=3))
    assert len(records) == 60
    assert all(r.description and r.domains == [] for r in records)


def test_it_refuses_a_size_below_one():
    with pytest.raises(ValueError):
        list(generate_ecosystem(organisations=0))


def test_it_is_a_lazy_generator_that_reports_progress(taxonomy):
    calls = []
    stream = generate_ecosystem(
        organisations=120_000, seed=5, taxonomy=taxonomy, progress=lambda d, t: calls.append((d, t))
    )
    assert inspect.isgenerator(stream)
    assert len(list(islice(stream, 1_300))) == 1_300
    assert calls == [(1_200, 120_000)]  # every 1 %, once the record has been taken

    calls.clear()
    records = list(
        generate_ecosystem(
            organisations=333, seed=5, taxonomy=taxonomy, progress=lambda d, t: calls.append((d, t))
        )
    )
    assert calls[-1] == (333, 333)
    assert [d for d, _ in calls] == sorted({d for d, _ in calls})
    assert len(records) == 333


def test_it_scales_linearly():
    for organisations in (15_000, 120_000):
        counts = allocation(organisations)
        assert sum(sum(c.values()) for c in counts.values()) == organisations
        cyber = sum(
            counts[country][c.name]
            for country in counts
            for c in CATEGORIES
            if c.actor_type in ("sme", "large") and c.core_business
        )
        assert cyber / organisations == pytest.approx(0.816, abs=0.001)
    by_country = allocation(120_000)
    assert all(by_country[c]["csirt"] >= 1 for c in places.COUNTRIES)


def test_its_random_stream_draws_within_bounds():
    rng = StableRandom(1)
    draws = [rng.randint(2, 4) for _ in range(2_000)]
    assert set(draws) == {2, 3, 4}
    assert {rng.choice("abc") for _ in range(200)} == set("abc")
    sample = rng.sample(range(10), 10)
    assert sorted(sample) == list(range(10))
    assert len(set(rng.sample(["a", "b", "c", "d"], 3))) == 3
    with pytest.raises(ValueError):
        rng.sample([1, 2], 3)


def test_largest_remainder_splits_exactly():
    assert largest_remainder(10, [1, 1, 1]) == [4, 3, 3]
    assert largest_remainder(0, [1, 2]) == [0, 0]
    assert sum(largest_remainder(12_345, [0.3, 0.2, 0.5, 0.01])) == 12_345


def test_it_reads_the_reference_taxonomy(taxonomy):
    assert len(taxonomy.domains) == 15 and "AAC" in taxonomy.domains
    assert all(code.startswith("SEC.") for code in taxonomy.sectors)
    assert all(code.startswith("TUC.") for code in taxonomy.technologies)
    assert taxonomy.nist_functions == ["GV", "ID", "PR", "DE", "RS", "RC"]
    assert taxonomy.labels["PR"] == "Protect"


def test_names_sound_local(ecosystem):
    """Contacts carry names of their country's languages (e.g. Slovak female surnames)."""
    by_country = defaultdict(list)
    for r in ecosystem:
        by_country[r.country].extend(c.name for c in r.contacts)
    assert any(name.endswith("ová") for name in by_country["SK"])
    assert any(name.split()[0] in ("Jaan", "Kadri", "Liis", "Toomas") for name in by_country["EE"])

"""Get help at scale: the provider finder, the routing of one help request and the
self-assessment result page, over an atlas of 120,000 organisations.

Usage: python benchmarks/bench_gethelp.py [--size 120000] [--repeat 30]
       python benchmarks/bench_gethelp.py --child --database-url URL ...   (one engine)

The database is the atlas benchmark's demo ecosystem (``var/bench-atlas-<size>.sqlite3``,
copied with SQLite's backup API when it exists, else generated), to which every tenth
organisation is added as a provider: services, coverage (its NUTS 2 region, its country for
four in ten, remote for three in ten), languages, capacity, and a verified label for half of
them (one in ten of those expired).

Measured, each as the median of ``--repeat`` runs after one warm-up:
- the finder as its page asks it (service=incident_response, region=FRH0, language=fr,
  labelled): the count and the first page of 25 with organisations and services; baseline:
  the same two SQL statements executed by hand (the ORM's cost is the ratio);
- routing one help request: ``services.file_request`` (candidates, routing, offers,
  notifications, history, audit) inside a transaction that is rolled back; baseline: the pure
  routing function alone over the same candidates;
- the self-assessment result page through the test client (view, queries, template);
  baseline: the pure scoring function alone.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import common

ROOT = Path(__file__).resolve().parent.parent
HEADER = (
    "| engine | organisations | providers | measure | median (ms) | baseline "
    "| baseline median (ms) | ratio |"
)
RULE = "|---|---:|---:|---|---:|---|---:|---:|"


def timed(function, repeat: int) -> float:
    function()
    values = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        values.append((time.perf_counter() - started) * 1000)
    return statistics.median(values)


def ensure_providers(size: int) -> int:
    import datetime
    import random

    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from cyberregions.gethelp.models import (
        Label,
        OrganisationLabel,
        ProviderProfile,
        ServiceCategory,
    )
    from cyberregions.organisations.models import Organisation

    call_command("migrate", verbosity=0)
    if Organisation.objects.count() != size:
        from cyberregions.organisations.demo_loader import load_demo

        print(f"  loading {size} organisations…", file=sys.stderr)
        load_demo(organisations=size, seed=2018)
    existing = ProviderProfile.objects.count()
    if existing:
        return existing
    print("  adding providers…", file=sys.stderr)
    rng = random.Random(2026)
    categories = list(ServiceCategory.objects.values_list("pk", "code"))
    response = [pk for pk, code in categories if code == "incident_response"][0]
    label, _ = Label.objects.get_or_create(
        code="bench-label", defaults={"name": "Benchmark label", "issuer": "Benchmark"}
    )
    languages = {"FR": "fr", "IT": "it", "ES": "es", "SI": "sl", "EE": "et", "SK": "sk"}
    rows = list(
        Organisation.objects.order_by("pk").values_list(
            "pk", "country_id", "country__iso", "region__parent_id"
        )
    )[::10]
    today = timezone.localdate()
    with transaction.atomic():
        profiles = ProviderProfile.objects.bulk_create(
            [
                ProviderProfile(
                    organisation_id=pk,
                    remote=rng.random() < 0.3,
                    languages=ProviderProfile.pack(["en", languages.get(iso, "en")]),
                    clients=",sme,local_admin,",
                    available_24_7=rng.random() < 0.2,
                    capacity=rng.randint(2, 8),
                )
                for pk, _country, iso, _parent in rows
            ],
            batch_size=2000,
        )
        through = ProviderProfile.categories.through
        regions = ProviderProfile.coverage_regions.through
        countries = ProviderProfile.coverage_countries.through
        links, region_links, country_links, labels = [], [], [], []
        for profile, (pk, country, _iso, parent) in zip(profiles, rows, strict=True):
            chosen = {cat for cat, _code in rng.sample(categories, 3)}
            if rng.random() < 0.4:
                chosen.add(response)
            links += [through(providerprofile_id=profile.pk, servicecategory_id=c) for c in chosen]
            if parent:
                region_links.append(regions(providerprofile_id=profile.pk, region_id=parent))
            if rng.random() < 0.4:
                country_links.append(countries(providerprofile_id=profile.pk, country_id=country))
            if rng.random() < 0.5:
                expired = rng.random() < 0.1
                until = today + datetime.timedelta(days=-30 if expired else 400)
                labels.append(
                    OrganisationLabel(
                        organisation_id=pk,
                        label=label,
                        number=f"B-{pk}",
                        valid_from=until - datetime.timedelta(days=700),
                        valid_until=until,
                        status="verified",
                    )
                )
        through.objects.bulk_create(links, batch_size=5000)
        regions.objects.bulk_create(region_links, batch_size=5000)
        countries.objects.bulk_create(country_links, batch_size=5000)
        OrganisationLabel.objects.bulk_create(labels, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return len(profiles)


def child(database_url: str, size: int, repeat: int) -> None:
    common.setup_django(database_url)
    from django.conf import settings
    from django.db import connection, transaction
    from django.test import Client

    from cyberregions.geo.models import Country, Region
    from cyberregions.gethelp import questionnaires, services
    from cyberregions.gethelp.models import ProviderProfile, ServiceCategory
    from cyberregions.gethelp.routing import route
    from cyberregions.gethelp.scoring import score

    providers = ensure_providers(size)
    engine = connection.vendor
    brittany = Region.objects.get(code="FRH0")
    response = ServiceCategory.objects.get(code="incident_response")

    def finder():
        return ProviderProfile.objects.finder(
            category=response, region=brittany, language="fr", labelled=True
        )

    def finder_page():
        rows = finder()
        rows.count()
        list(rows.for_list()[:25])

    count_sql, count_params = finder().order_by().values("pk").query.sql_with_params()
    page_sql, page_params = finder()[:25].query.sql_with_params()

    def finder_sql():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({count_sql}) AS matches", count_params)
            cursor.fetchone()
            cursor.execute(page_sql, page_params)
            cursor.fetchall()

    matches = finder().count()
    rows = [
        (
            "finder: count + page of 25",
            timed(finder_page, repeat),
            "same SQL by hand",
            timed(finder_sql, repeat),
        ),
    ]

    data = {
        "categories": [response, ServiceCategory.objects.get(code="forensics")],
        "urgency": "high",
        "country": Country.objects.get(iso="FR"),
        "region": brittany,
        "entity_type": "sme",
        "language": "fr",
        "description": "Benchmark request.",
        "contact_name": "Bench",
        "contact_email": "bench@example.org",
        "contact_consent": True,
    }
    counter = iter(range(10**9))

    def file_one():
        with transaction.atomic():
            services.file_request(None, data, f"bench-{next(counter)}-{time.time_ns()}")
            transaction.set_rollback(True)

    probe = type(
        "Probe",
        (),
        {"country": data["country"], "region": brittany, "entity_type": "sme", "language": "fr"},
    )()
    candidates = services.candidates_for(probe, [response.pk], proximity=0)
    rows.append(
        (
            f"routing one request ({len(candidates)} candidates)",
            timed(file_one, repeat),
            "pure routing function",
            timed(lambda: route(candidates, 3), repeat),
        )
    )

    questionnaire = questionnaires.load("sme")
    answers = {q["key"]: q["answers"][-1]["key"] for q in questionnaire["questions"]}
    assessment = services.save_assessment(
        None, questionnaire, answers, country=data["country"], region=brittany
    )
    client = Client(
        HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0].lstrip(".") or "localhost"
    )
    url = assessment.get_absolute_url()
    assert client.get(url).status_code == 200

    rows.append(
        (
            "self-assessment result page",
            timed(lambda: client.get(url), repeat),
            "pure scoring function",
            timed(lambda: score(questionnaire, answers), repeat),
        )
    )
    print(f"<!-- finder matches: {matches} -->")
    for name, median, baseline_name, baseline in rows:
        print(
            f"| {engine} | {size:,} | {providers:,} | {name} | {median:.1f} | {baseline_name} "
            f"| {baseline:.2f} | {median / baseline:.1f}× |"
        )
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=120_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--no-header", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.database_url, args.size, args.repeat)
        return
    if not args.no_header:
        print(
            f"Machine: {platform.platform()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}"
        )
        print()
    print(HEADER)
    print(RULE)
    sys.stdout.flush()
    target = ROOT / "var" / f"bench-gethelp-{args.size}.sqlite3"
    atlas = ROOT / "var" / f"bench-atlas-{args.size}.sqlite3"
    if not target.exists() and atlas.exists():
        # The atlas benchmark's ecosystem, copied consistently even while it is in use.
        with sqlite3.connect(atlas) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
    subprocess.run(  # noqa: S603 — this script with its own arguments
        [
            sys.executable,
            __file__,
            "--child",
            "--size",
            str(args.size),
            "--repeat",
            str(args.repeat),
            "--database-url",
            f"sqlite:///{target}",
        ],
        cwd=ROOT,
        check=True,
    )


if __name__ == "__main__":
    main()

"""Import of organisations at scale: a 100,000-row CSV into an empty atlas, on SQLite and on
PostgreSQL (when a server answers at BENCH_PG_URL).

Usage: python benchmarks/bench_import.py [--rows 100000]
       python benchmarks/bench_import.py --child --database-url URL --rows N   (one engine)

For each engine, in its own process, on a scratch database: builds a CSV in memory (realistic
names, EU countries, partner regions, websites, tags, offers and needs), then times
- the whole import as ``cyberregions import-organisations`` runs it (read, check, write, in
  one transaction), split into its phases;
- the same file again as a dry run: every row is matched to the organisation just written,
  so nothing changes (the check and the comparison with the atlas);
- the baseline: the same organisations alone, written the fastest way the engine has (COPY
  on PostgreSQL, one prepared INSERT on SQLite), without checks, tags, offers, needs, search
  index or audit (rolled back).
Prints a Markdown table row per engine; the ratio is import ÷ baseline.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import platform
import random
import subprocess
import sys
import time
from pathlib import Path

from common import setup_django

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/{name}")
HEADER = (
    "| engine | rows | file (MB) | read and check (s) | write (s) | import total (s) | "
    "same file again, dry run, all unchanged (s) | organisations table alone (s) | ratio |"
)
RULE = "|---|---:|---:|---:|---:|---:|---:|---:|---:|"

WORDS = [
    "Cyber",
    "Secure",
    "Shield",
    "Crypto",
    "Sentinel",
    "Vault",
    "Guard",
    "Trust",
    "Quantum",
    "Data",
    "Net",
    "Cloud",
    "Signal",
    "Defence",
    "Audit",
    "Forensic",
    "Identity",
    "Key",
    "Zero",
    "Bastion",
    "Aegis",
    "Cipher",
    "Vector",
    "Nordic",
    "Alpine",
    "Baltic",
    "Atlantic",
    "Danube",
    "Iberian",
    "Celtic",
    "Adriatic",
    "Lagoon",
    "Harbour",
]
FORMS = ["", "", "", " SAS", " S.r.l.", " GmbH", " OÜ", " d.o.o.", " s.r.o.", " SL", " BV"]
CITIES = {
    "FR": ("FRH0", ["Rennes", "Brest", "Lorient", "Vannes", "Saint-Malo"]),
    "IT": ("ITI1", ["Firenze", "Pisa", "Siena", "Livorno", "Arezzo"]),
    "ES": ("ES41", ["Valladolid", "León", "Burgos", "Salamanca"]),
    "SI": ("SI0", ["Ljubljana", "Maribor", "Kranj", "Koper"]),
    "EE": ("EE00", ["Tallinn", "Tartu", "Pärnu", "Narva"]),
    "SK": ("SK042", ["Košice", "Michalovce", "Spišská Nová Ves"]),
    "BE": ("BE3", ["Namur", "Liège", "Charleroi", "Mons"]),
    "DE": (None, ["Berlin", "München", "Hamburg", "Köln"]),
    "NL": (None, ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"]),
    "PL": (None, ["Warszawa", "Kraków", "Wrocław", "Gdańsk"]),
}
ACTOR_TYPES = ["sme"] * 6 + ["large", "rto", "university", "training", "incubator", "public"]
OFFERS = ["Penetration testing", "Security audit", "SOC as a service", "Training", "ISO 27001"]
NEEDS = ["Partners abroad", "Investors", "Skilled staff", "Test infrastructure"]


def build_csv(rows: int, codes: dict[str, list[str]], seed: int = 7) -> bytes:
    generator = random.Random(seed)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "name",
            "country",
            "region",
            "city",
            "website",
            "actor_type",
            "employees",
            "turnover_eur",
            "founded",
            "core_business",
            "domains",
            "sectors",
            "technologies",
            "description",
            "offers",
            "needs",
        ]
    )
    countries = list(CITIES)
    for number in range(rows):
        country = generator.choice(countries)
        region, cities = CITIES[country]
        words = generator.sample(WORDS, 2)
        name = f"{words[0]} {words[1]} {number:06d}{generator.choice(FORMS)}"
        employees = generator.choice([2, 5, 9, 14, 30, 75, 160, 420, 1300])
        writer.writerow(
            [
                name,
                country,
                region or "",
                generator.choice(cities),
                f"https://{words[0].lower()}-{words[1].lower()}-{number:06d}.example",
                generator.choice(ACTOR_TYPES),
                employees,
                employees * generator.randint(60_000, 180_000),
                generator.randint(1950, 2024),
                generator.choice(["yes", "no"]),
                "|".join(generator.sample(codes["domains"], generator.randint(1, 3))),
                "|".join(generator.sample(codes["sectors"], generator.randint(0, 2))),
                "|".join(generator.sample(codes["technologies"], generator.randint(0, 2))),
                f"{words[0]} {words[1]} protects the {generator.choice(codes['sectors'])} sector.",
                "|".join(generator.sample(OFFERS, generator.randint(0, 2))),
                "|".join(generator.sample(NEEDS, generator.randint(0, 1))),
            ]
        )
    return buffer.getvalue().encode("utf-8")


def child(database_url: str, rows: int) -> None:
    setup_django(database_url)
    from django.core.management import call_command
    from django.db import connection, transaction

    from cyberregions.core.models import AuditEntry
    from cyberregions.core.permissions import COMMAND_LINE
    from cyberregions.dataio import services
    from cyberregions.dataio.importer import plan_import
    from cyberregions.dataio.models import OrganisationImport
    from cyberregions.dataio.readers import read_table
    from cyberregions.organisations import search
    from cyberregions.organisations.models import Organisation
    from cyberregions.taxonomy.models import Domain, Sector, Technology

    call_command("migrate", verbosity=0)
    Organisation.objects.all().delete()
    AuditEntry.objects.all().delete()
    OrganisationImport.objects.all().delete()
    search.rebuild_index()
    codes = {
        "domains": list(Domain.objects.values_list("code", flat=True)),
        "sectors": list(Sector.objects.values_list("code", flat=True)),
        "technologies": list(Technology.objects.values_list("code", flat=True)),
    }
    data = build_csv(rows, codes)
    marks: dict[str, float] = {}

    def progress(phase: str, done: int, total: int) -> None:
        marks[phase] = time.perf_counter()

    started = time.perf_counter()
    plan, counts, _record = services.import_file(
        COMMAND_LINE, filename="bench.csv", data=data, progress=progress
    )
    finished = time.perf_counter()
    assert counts and counts["created"] == rows, counts
    checked = max(marks.get("check", started), marks.get("compare", started))
    check_s = checked - started  # reading the file included
    write_s = finished - checked
    total_s = finished - started

    started = time.perf_counter()
    again = plan_import(read_table(data), COMMAND_LINE)
    reimport_s = time.perf_counter() - started
    assert again.counts()["unchanged"] == rows, again.counts()

    baseline_s = baseline(plan, connection, transaction)
    engine = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    print(
        f"| {engine} | {rows:,} | {len(data) / 1e6:.1f} | {check_s:.1f} | {write_s:.1f} | "
        f"**{total_s:.1f}** | {reimport_s:.1f} | {baseline_s:.2f} | {total_s / baseline_s:.0f}× |"
    )


def baseline(plan, connection, transaction) -> float:
    """The same organisations alone, written the fastest way each engine has (COPY on
    PostgreSQL, one prepared INSERT on SQLite), without checks, tags, offers, needs, search
    index or audit; rolled back."""
    from django.utils import timezone

    from cyberregions.dataio import bulk
    from cyberregions.dataio.importer import ORGANISATION_COLUMNS
    from cyberregions.organisations.models import Organisation

    stamp = Organisation._meta.get_field("created_at").get_db_prep_save(timezone.now(), connection)
    blank = {
        "legal_name": "",
        "city": "",
        "website": "",
        "description": "",
        "status": "active",
        "actor_type": "other",
        "core_business": False,
        "helix_group": "business",
        "size_class": "unknown",
        "products_services": "",
        "search_document": "",
        "created_at": stamp,
        "updated_at": stamp,
    }
    rows = [
        tuple(
            {**blank, **planned.fields, "slug": f"baseline-{number}"}.get(name)
            for name in ORGANISATION_COLUMNS
        )
        for number, planned in enumerate(plan.rows)
    ]
    started = time.perf_counter()
    try:
        with transaction.atomic():
            bulk.insert_rows(Organisation, ORGANISATION_COLUMNS, rows)
            elapsed = time.perf_counter() - started
            raise _Rollback
    except _Rollback:
        pass
    return elapsed


class _Rollback(Exception):
    pass


def postgres_url(name: str) -> str | None:
    try:
        import psycopg
    except ImportError:
        return None
    admin = PG_URL.format(name="postgres").replace("postgres://", "postgresql://")
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as connection:
            # A new database each run, as the SQLite file is: the rows deleted by an earlier
            # run would otherwise bloat the tables and wake autovacuum during the timing.
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
    except Exception as error:  # noqa: BLE001 — any failure means "no PostgreSQL here"
        print(f"PostgreSQL skipped: {error}", file=sys.stderr)
        return None
    return PG_URL.format(name=name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--no-header", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.database_url, args.rows)
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
    sqlite = ROOT / "var" / "bench-import.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{sqlite}{suffix}").unlink(missing_ok=True)
    urls = [f"sqlite:///{sqlite}"]
    postgres = postgres_url("bench_import")
    if postgres:
        urls.append(postgres)
    for url in urls:
        subprocess.run(  # noqa: S603 — this script with its own arguments
            [sys.executable, __file__, "--child", "--rows", str(args.rows), "--database-url", url],
            cwd=ROOT,
            check=True,
        )


if __name__ == "__main__":
    main()

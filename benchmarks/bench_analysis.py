"""Territorial analysis at scale: the full EU recomputation and a region dashboard.

Usage: python benchmarks/bench_analysis.py --size 120000 [--database-url URL] [--repeat 9]
       [--region FRH0]

Builds (or reuses) a database holding the demo ecosystem at the given size (the demo
generator, through ``organisations.demo_loader.load_demo``), then times, as medians:

(a) the full recomputation of every indicator for the EU, the 27 countries and every region
    (``analysis.indicators.all_indicators``);
(b) the dashboard of one region rendered through Django's test client (server time: view,
    queries, template), for an anonymous visitor: as usual (the EU reference of the
    specialisation index in the cache) and with that cache emptied before each request.

The baseline of each is the bare aggregation SQL it runs: the statements are captured once
and replayed through a plain cursor on the same connection (rows fetched, nothing else), so
the ratio is what the ORM, the Python roll-up and the template add to the database's work.
Prints one Markdown table row per measure — wall-clock milliseconds as "median (best)" — and
the machine's load average during the run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from common import setup_django

ROOT = Path(__file__).resolve().parent.parent


def ensure_data(size: int) -> None:
    from django.core.management import call_command

    from cyberregions.organisations.models import Organisation

    call_command("migrate", verbosity=0)
    if Organisation.objects.count() != size:
        from cyberregions.organisations.demo_loader import load_demo

        print(f"  loading {size:,} organisations…", file=sys.stderr)
        started = time.perf_counter()
        load_demo(organisations=size, seed=2018)
        print(f"  loaded in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def captured_sql(function) -> list[str]:
    """The SQL statements ``function`` runs, parameters inlined."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        function()
    return [query["sql"] for query in context.captured_queries]


def replay(statements: list[str]):
    from django.db import connection

    def run() -> int:
        rows = 0
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
                rows += len(cursor.fetchall())
        return rows

    return run


def timings_ms(function, repeat: int) -> tuple[float, float]:
    """Median and best of ``repeat`` runs after a warm-up run. On a shared machine the best
    run is the steadier estimate of the work itself; the median includes the contention."""
    function()  # warm caches
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), min(samples)


def row(engine, size, label, queries, timed, raw) -> str:
    (median, best), (raw_median, raw_best) = timed, raw
    return (
        f"| {engine} | {size:,} | {label} | {queries} | {median:.0f} ({best:.0f}) | "
        f"{raw_median:.0f} ({raw_best:.0f}) | {median / raw_median:.2f}× "
        f"({best / raw_best:.2f}×) |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--region", default="FRH0")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{ROOT / 'var' / f'bench-analysis-{args.size}.sqlite3'}"
    setup_django(url)
    ensure_data(args.size)

    from django.db import connection
    from django.test import Client

    from cyberregions.analysis import indicators

    engine = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    indicators.reference()  # reference data is read once per process

    # (a) the full recomputation
    scopes = len(indicators.all_indicators())
    full_sql = captured_sql(indicators.all_indicators)
    timed = timings_ms(indicators.all_indicators, args.repeat)
    raw = timings_ms(replay(full_sql), args.repeat)
    label = f"full recomputation ({scopes} scopes)"
    print(row(engine, args.size, label, len(full_sql), timed, raw), flush=True)

    # (b) one region's dashboard, through the whole Django stack
    client = Client()
    url = f"/analysis/regions/{args.region}/"

    def dashboard() -> int:
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        return len(response.content)

    region = indicators.reference().regions_by_code[args.region]
    organisations = indicators.region_indicators([region.pk])[region.pk][1]["organisations"]

    def cold_dashboard() -> int:
        indicators.forget_eu_reference()
        return dashboard()

    for label, function in (
        (f"dashboard {args.region} ({organisations:,} organisations)", dashboard),
        (f"dashboard {args.region}, EU reference not cached", cold_dashboard),
    ):
        function()
        sql = captured_sql(function)
        timed = timings_ms(function, args.repeat)
        raw = timings_ms(replay(sql), args.repeat)
        print(row(engine, args.size, label, len(sql), timed, raw), flush=True)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"<!-- load average during the run: {load} on {os.cpu_count()} cores -->")


if __name__ == "__main__":
    main()

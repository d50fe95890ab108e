"""Exports of the atlas list at scale: streamed CSV, write-only XLSX, and a write while three
full exports run.

Usage: python benchmarks/bench_exports.py --size 15000 [--database-url URL] [--repeat 5]
       python benchmarks/bench_exports.py --size 120000 --large      (whole time and memory)
       python benchmarks/bench_exports.py --size 15000 --concurrent  (a write under three exports)

Builds (or reuses) a database holding the demo ecosystem at the given size, then times, as a
visitor downloads them through Django's test client (server time, the rows written to nowhere):
- the CSV export of the whole atlas: time to its first organisation row (the header line
  leaves before any query) and to its end; the XLSX export to its end;
- the baseline, on the same connection: one hand-written SQL statement returning the same rows
  (codes, tags and offers aggregated in the statement), written with the csv module;
- with ``--large``: the whole CSV export, then its peak memory above the idle process (Python's
  allocations by tracemalloc in a second pass, and the growth of the resident set);
- with ``--concurrent``: an organisation updated through the service (audit, search text and
  atlas row included) while three processes each export the whole CSV, against the same
  update with nothing else running.
Prints Markdown table rows; ratios are export ÷ baseline.
"""

from __future__ import annotations

import argparse
import csv
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import common

ROOT = Path(__file__).resolve().parent.parent
URL = "/data/export/organisations"
WORKERS = 3


def setup_django(database_url: str) -> None:
    # The benchmark downloads as a visitor far more often than a visitor may.
    common.setup_django(database_url, RATE_LIMIT_EXPORT_ANON="1000000/hour")


def database_url(args) -> str:
    return args.database_url or f"sqlite:///{ROOT / 'var' / f'bench-exports-{args.size}.sqlite3'}"


def ensure_data(size: int) -> None:
    from django.core.management import call_command

    from cyberregions.organisations.demo_loader import load_demo
    from cyberregions.organisations.models import Organisation

    call_command("migrate", verbosity=0)
    if Organisation.objects.count() != size:
        print(f"  loading {size} organisations…", file=sys.stderr)
        load_demo(organisations=size, seed=2018)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


class _Discard:
    def write(self, value: str) -> int:
        return len(value)


def raw_csv() -> int:
    """The baseline: the atlas in one SQL statement, written as CSV; returns the rows."""
    from django.db import connection

    def joined(expression: str) -> str:
        if connection.vendor == "postgresql":
            return f"string_agg({expression}, '|')"
        return f"group_concat({expression}, '|')"

    def tags(name: str, table: str, column: str) -> str:
        return (
            f"(SELECT {joined('t.code')} FROM organisations_organisation_{name} x "
            f"JOIN taxonomy_{table} t ON t.id = x.{column} WHERE x.organisation_id = o.id)"
        )

    def items(kind: str) -> str:
        return (
            f"(SELECT {joined('i.title')} FROM organisations_offerorneed i "
            f"WHERE i.organisation_id = o.id AND i.kind = '{kind}')"
        )

    sql = f"""
        SELECT o.slug, o.name, o.legal_name, c.iso, r.code, o.city, o.latitude, o.longitude,
               o.website, o.actor_type, o.status, o.employees, o.turnover_eur,
               o.balance_sheet_eur, o.size_class, o.founded, o.core_business,
               {tags("domains", "domain", "domain_id")},
               {tags("sectors", "sector", "sector_id")},
               {tags("technologies", "technology", "technology_id")},
               o.description, {items("offer")}, {items("need")}
        FROM organisations_organisation o
        JOIN geo_country c ON c.id = o.country_id
        LEFT JOIN geo_region r ON r.id = o.region_id
        ORDER BY o.name, o.id
    """
    writer = csv.writer(_Discard())
    count = 0
    with connection.cursor() as cursor:
        cursor.execute(sql)
        while batch := cursor.fetchmany(2000):
            writer.writerows(batch)
            count += len(batch)
    return count


def export(client, fmt: str) -> tuple[float, float, int]:
    """(seconds to the first organisation row, seconds to the end, bytes) of one download."""
    started = time.perf_counter()
    response = client.get(f"{URL}.{fmt}")
    assert response.status_code == 200, response.status_code
    first_row = None
    size = 0
    # A CSV's first chunk is its header line, written before any query runs.
    for number, chunk in enumerate(response.streaming_content, start=1):
        size += len(chunk)
        if first_row is None and (fmt != "csv" or number == 2):
            first_row = time.perf_counter() - started
    response.close()
    return first_row or 0.0, time.perf_counter() - started, size


def medians(function, repeat: int, warm_up: int = 1) -> list[float]:
    for _ in range(warm_up):
        function()
    samples = [function() for _ in range(repeat)]
    if isinstance(samples[0], tuple):
        return [statistics.median(values) for values in zip(*samples, strict=True)]
    return [statistics.median(samples)]


def engine_name() -> str:
    from django.db import connection

    return "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main_rows(args) -> None:
    from django.test import Client

    client = Client()
    first_s, whole_s, size = medians(lambda: export(client, "csv"), args.repeat)
    (raw_s,) = medians(lambda: timed(raw_csv), args.repeat)
    (xlsx_s,) = medians(lambda: export(client, "xlsx")[1], max(3, args.repeat // 2))
    print(
        f"| {engine_name()} | {args.size:,} | CSV | {first_s * 1000:.0f} | {whole_s:.2f} "
        f"| {size / 1e6:.1f} | {raw_s:.2f} | {whole_s / raw_s:.1f} |"
    )
    print(
        f"| {engine_name()} | {args.size:,} | XLSX | — | {xlsx_s:.2f} | — | {raw_s:.2f} "
        f"| {xlsx_s / raw_s:.1f} |"
    )


def main_large(args) -> None:
    from django.test import Client

    client = Client()
    export(client, "csv")  # warm: code, caches and the database pages
    (raw_s,) = medians(lambda: timed(raw_csv), 1, warm_up=0)
    _first, whole_s, size = export(client, "csv")
    idle_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    idle_heap = tracemalloc.get_traced_memory()[0]
    export(client, "csv")
    peak_heap = tracemalloc.get_traced_memory()[1] - idle_heap
    tracemalloc.stop()
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - idle_rss
    print(
        f"| {engine_name()} | {args.size:,} | CSV | {whole_s:.2f} | {size / 1e6:.1f} "
        f"| {peak_heap / 2**20:.1f} | {rss_growth / 1024:.1f} | {raw_s:.2f} "
        f"| {whole_s / raw_s:.1f} |"
    )


def export_worker(args) -> None:
    """One of the concurrent downloads: says when its first row has left, then finishes."""
    from django.test import Client

    started = time.perf_counter()
    response = Client().get(f"{URL}.csv")
    for number, _chunk in enumerate(response.streaming_content, start=1):
        if number == 2:
            print("streaming", flush=True)
    response.close()
    print(f"done {time.perf_counter() - started:.3f}", flush=True)


def main_concurrent(args) -> None:
    from django.contrib.auth import get_user_model

    from cyberregions.organisations.models import Organisation
    from cyberregions.organisations.services import update_organisation

    admin = get_user_model().objects.filter(is_superuser=True).order_by("id").first()
    pks = list(Organisation.objects.order_by("id").values_list("pk", flat=True)[:40])

    def write(number: int) -> float:
        organisation = Organisation.objects.get(pk=pks[number % len(pks)])
        city = "Brest" if organisation.city != "Brest" else "Rennes"
        started = time.perf_counter()
        update_organisation(admin, organisation, {"city": city})
        return time.perf_counter() - started

    write(0)
    alone = statistics.median(write(number) for number in range(1, 12))
    command = [sys.executable, __file__, "--size", str(args.size), "--export-worker"]
    if args.database_url:
        command += ["--database-url", args.database_url]
    workers = [
        subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        for _ in range(WORKERS)
    ]
    for worker in workers:  # every export has read its first chunk of rows
        assert worker.stdout.readline().strip() == "streaming"
    loaded = []
    while all(worker.poll() is None for worker in workers) and len(loaded) < 25:
        loaded.append(write(len(loaded) + 12))
        time.sleep(0.1)
    export_s = []
    for worker in workers:
        out, _err = worker.communicate(timeout=600)
        export_s.append(float(out.split()[-1]))
    under_load = statistics.median(loaded)
    print(
        f"| {engine_name()} | {args.size:,} | {len(loaded)} | {under_load * 1000:.0f} "
        f"| {max(loaded) * 1000:.0f} | {alone * 1000:.0f} | {under_load / alone:.1f} "
        f"| {statistics.median(export_s):.2f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--repeat", type=int, default=5)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--large", action="store_true")
    mode.add_argument("--concurrent", action="store_true")
    mode.add_argument("--export-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    setup_django(database_url(args))
    if args.export_worker:
        export_worker(args)
        return
    ensure_data(args.size)
    if args.large:
        main_large(args)
    elif args.concurrent:
        main_concurrent(args)
    else:
        main_rows(args)


if __name__ == "__main__":
    main()

"""Search at scale and search quality, per engine.

Usage: python benchmarks/bench_search.py --size 120000 [--database-url URL] [--quality]

Timing: over the atlas benchmark's database (the demo ecosystem at ``--size``), the atlas page
sorted by relevance with every facet count, for a broad word, a broad prefix and two
vocabulary concepts, and ``/search/`` (every kind); medians of 7 after 3 warm-up runs,
server time through Django's test client. The ratio compares each page with the bare
ranked statement of its search (matches ranked, first ten ids) on the same connection.

``--quality``: over a demo ecosystem of 2,000 organisations (seed 2018), precision@10 and
nDCG@10 of the labelled set (``organisations/search_judgments.json``) per category.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from common import setup_django

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "atlas q=security": ("/organisations/", {"q": "security"}),
    "atlas q=secur*": ("/organisations/", {"q": "secur*"}),
    "atlas q=incident response": ("/organisations/", {"q": "incident response"}),
    "atlas q=pentest": ("/organisations/", {"q": "pentest"}),
    "/search/ q=incident response": ("/search/", {"q": "incident response"}),
    "/search/ q=security": ("/search/", {"q": "security"}),
}


def median_ms(function, repeat: int = 7, warm_up: int = 3) -> float:
    for _ in range(warm_up):
        function()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def ensure_data(size: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    from cyberregions.organisations.demo_loader import load_demo
    from cyberregions.organisations.models import Organisation

    call_command("migrate", verbosity=0)
    if Organisation.objects.count() != size:
        print(f"  loading {size} organisations…", file=sys.stderr)
        load_demo(organisations=size, seed=2018)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def bare_ranked(text: str):
    from django.db import connection

    from cyberregions.organisations import search

    query = search.parse(text)
    sql, params = search.ranked_sql(query, search.DEFAULT_SCOPE, connection.vendor)

    def run() -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM ({sql}) r ORDER BY rank DESC LIMIT 10", params)
            cursor.fetchall()

    return run


def timing(size: int) -> None:
    from django.db import connection
    from django.test import Client

    client = Client()
    engine = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    for label, (path, query) in PAGES.items():

        def page(path=path, query=query) -> None:
            assert client.get(path, query).status_code == 200

        page_ms = median_ms(page)
        raw_ms = median_ms(bare_ranked(query["q"]))
        print(
            f"| {engine} | {size:,} | `{label}` | {page_ms:.1f} | {raw_ms:.1f} "
            f"| {page_ms / raw_ms:.1f}× |"
        )


def quality() -> None:
    from django.db import connection

    from cyberregions.organisations.search_quality import evaluate

    outcomes = evaluate()
    engine = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    for category in ("provider", "abbreviation", "language", "typo", "needs"):
        chosen = [outcome for outcome in outcomes if outcome.category == category]
        precision = statistics.mean(outcome.precision for outcome in chosen)
        ndcg = statistics.mean(outcome.ndcg for outcome in chosen)
        print(f"| {engine} | {category} | {len(chosen)} | {precision:.3f} | {ndcg:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=120_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--quality", action="store_true")
    args = parser.parse_args()
    size = 2000 if args.quality else args.size
    name = f"bench-search-quality-{size}" if args.quality else f"bench-atlas-{size}"
    setup_django(args.database_url or f"sqlite:///{ROOT / 'var' / f'{name}.sqlite3'}")
    ensure_data(size)
    if args.quality:
        quality()
    else:
        timing(size)


if __name__ == "__main__":
    main()

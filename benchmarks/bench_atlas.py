"""Atlas list page at scale: full-text query plus two facet filters, with facet counts.

Usage: python benchmarks/bench_atlas.py --size 12000 [--database-url URL] [--repeat 15]

Builds (or reuses) a database holding the demo ecosystem at the given size, then times
(a) the whole list page through Django's test client (server time: view, queries, template)
and (b) the raw SQL of the same search — the matching count and the first page — on the same
connection. Prints one Markdown table row with the medians and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from common import setup_django

ROOT = Path(__file__).resolve().parent.parent
QUERY = {"q": "cloud", "country": ["FR", "IT"], "actor_type": ["sme"]}
# Other pages a visitor opens, outside the target: the atlas as first opened, a search alone,
# facets without a search, and a search that matches almost every organisation.
OTHER_QUERIES = {
    "no filter": {},
    "q=cloud": {"q": "cloud"},
    "domain=CRY&country=FR": {"domain": ["CRY"], "country": ["FR"]},
    "q=secur&domain=CRY": {"q": "secur", "domain": ["CRY"]},
    # Searches by relevance (the default order with a query): a broad prefix matching most
    # of the atlas, the broadest word, and a vocabulary concept with its synonyms.
    "q=secur*": {"q": "secur*"},
    "q=security": {"q": "security"},
    "q=incident response": {"q": "incident response"},
    "q=pentest&scope=all": {"q": "pentest", "scope": "all"},
}


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
        # Fresh statistics and visibility map, as autovacuum keeps them in production.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def raw_sql_timer():
    """The same search in hand-written SQL over the atlas rows (the narrowest table that
    holds the filtered columns): count and first page of 25 by name."""
    from django.db import connection

    if connection.vendor == "postgresql":
        match_sql, match_param = "a.search_vector @@ to_tsquery('simple', %s)", "cloud:*"
    else:
        match_sql = (
            "a.id IN (SELECT rowid FROM organisations_search WHERE organisations_search MATCH %s)"
        )
        match_param = '"cloud"*'
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM geo_country WHERE iso IN (%s, %s)", ["FR", "IT"])
        country_ids = [row[0] for row in cursor.fetchall()]
    where = f"{match_sql} AND a.actor_type = %s AND a.country_id IN (%s, %s)"
    params = [match_param, "sme", *country_ids]

    def run() -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM organisations_atlasrow a WHERE {where}", params)
            (count,) = cursor.fetchone()
            cursor.execute(
                f"SELECT a.id, a.name FROM organisations_atlasrow a WHERE {where} "
                "ORDER BY a.name, a.id LIMIT 25",
                params,
            )
            cursor.fetchall()
        return count

    return run


def median_ms(function, repeat: int, warm_up: int = 10) -> float:
    # Steady state: PostgreSQL's default 128 MB of shared buffers holds the pages of one
    # query's working set only after several runs push out what ran before.
    for _ in range(warm_up):
        function()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--other-queries", action="store_true", help="time OTHER_QUERIES instead (median of 7)"
    )
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{ROOT / 'var' / f'bench-atlas-{args.size}.sqlite3'}"
    setup_django(url)
    ensure_data(args.size)

    from django.db import connection
    from django.test import Client

    client = Client()
    engine = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    if args.other_queries:
        for label, query in OTHER_QUERIES.items():

            def other(query=query) -> None:
                assert client.get("/organisations/", query).status_code == 200

            print(f"| {engine} | {args.size:,} | `{label}` | {median_ms(other, 7, 3):.1f} |")
        return

    def page() -> int:
        response = client.get("/organisations/", QUERY)
        assert response.status_code == 200, response.status_code
        return len(response.content)

    raw = raw_sql_timer()
    matches = raw()
    page_ms = median_ms(page, args.repeat)
    raw_ms = median_ms(raw, args.repeat)
    print(
        f"| {engine} | {args.size:,} | {matches:,} | {page_ms:.1f} | {raw_ms:.2f} | "
        f"{page_ms / raw_ms:.1f}× |"
    )


if __name__ == "__main__":
    main()

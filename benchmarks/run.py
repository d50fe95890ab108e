"""Runs every benchmark and prints Markdown tables for docs/benchmarks.md.

Each benchmark runs in its own process so that each can choose its database. PostgreSQL runs
are skipped, with a message, when no server answers at BENCH_PG_URL.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/{name}")
SIZES = [int(size) for size in os.environ.get("BENCH_ATLAS_SIZES", "12000,120000").split(",")]
# The export targets name 15,000 organisations (and the largest atlas size for memory).
EXPORT_SIZE = int(os.environ.get("BENCH_EXPORT_SIZE", "15000"))


def postgres_url(name: str) -> str | None:
    try:
        import psycopg
    except ImportError:
        return None
    admin = PG_URL.format(name="postgres").replace("postgres://", "postgresql://")
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                connection.execute(f'CREATE DATABASE "{name}"')
    except Exception as error:  # noqa: BLE001 — any failure means "no PostgreSQL here"
        print(f"PostgreSQL skipped: {error}", file=sys.stderr)
        return None
    return PG_URL.format(name=name)


def run(arguments: list[str]) -> None:
    subprocess.run([PYTHON, *arguments], cwd=ROOT, check=True)


def main() -> None:
    python = platform.python_version()
    print(f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {python}")
    print()
    print("## Atlas list page (q=cloud, country=FR|IT, actor_type=sme, with facet counts)")
    print()
    print("| engine | organisations | matches | page median (ms) | raw SQL median (ms) | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    sys.stdout.flush()
    for size in SIZES:
        run(["benchmarks/bench_atlas.py", "--size", str(size)])
        url = postgres_url(f"bench_atlas_{size}")
        if url:
            run(["benchmarks/bench_atlas.py", "--size", str(size), "--database-url", url])
    print()
    print("## Other atlas pages (not under a target)")
    print()
    print("| engine | organisations | query | page median (ms) |")
    print("|---|---:|---|---:|")
    sys.stdout.flush()
    size = max(SIZES)
    run(["benchmarks/bench_atlas.py", "--size", str(size), "--other-queries"])
    url = postgres_url(f"bench_atlas_{size}")
    if url:
        run(
            [
                "benchmarks/bench_atlas.py",
                "--size",
                str(size),
                "--database-url",
                url,
                "--other-queries",
            ]
        )
    print()
    print("## Search by relevance (server ms, median of 7)")
    print()
    print("| engine | organisations | page | page median (ms) | ranked SQL median (ms) | ratio |")
    print("|---|---:|---|---:|---:|---:|")
    sys.stdout.flush()
    run(["benchmarks/bench_search.py", "--size", str(size)])
    url = postgres_url(f"bench_atlas_{size}")
    if url:
        run(["benchmarks/bench_search.py", "--size", str(size), "--database-url", url])
    print()
    print("## Search quality (labelled set, 2,000 demo organisations)")
    print()
    print("| engine | category | queries | precision@10 | nDCG@10 |")
    print("|---|---|---:|---:|---:|")
    sys.stdout.flush()
    run(["benchmarks/bench_search.py", "--quality"])
    url = postgres_url("bench_search_quality")
    if url:
        run(["benchmarks/bench_search.py", "--quality", "--database-url", url])
    print()
    print("## Import of organisations")
    print()
    sys.stdout.flush()
    run(["benchmarks/bench_import.py"])
    print()
    print("## Territorial analysis")
    print()
    print(
        "| engine | organisations | measure | queries | server ms, median (best) "
        "| bare SQL ms | ratio |"
    )
    print("|---|---:|---|---:|---:|---:|---:|")
    sys.stdout.flush()
    size = max(SIZES)
    run(["benchmarks/bench_analysis.py", "--size", str(size)])
    # The analysis reads the same demo ecosystem as the atlas benchmark: reuse its database.
    url = postgres_url(f"bench_atlas_{size}")
    if url:
        run(["benchmarks/bench_analysis.py", "--size", str(size), "--database-url", url])
    print()
    print("## Workflow transition with its notifications queued")
    print()
    sys.stdout.flush()
    run(["benchmarks/bench_workflow.py", "--no-header"])
    print()
    print("## Get help: provider finder, routing, self-assessment result")
    print()
    sys.stdout.flush()
    run(["benchmarks/bench_gethelp.py", "--no-header", "--size", str(max(SIZES))])
    print()
    print("## Exports of the atlas (streamed CSV, write-only XLSX)")
    print()
    print(
        "| engine | organisations | format | first row (ms) | whole (s) | MB "
        "| raw SQL to CSV (s) | ratio |"
    )
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    sys.stdout.flush()
    run(["benchmarks/bench_exports.py", "--size", str(EXPORT_SIZE)])
    print()
    print(
        "| engine | organisations | format | whole (s) | MB | Python heap peak (MB) "
        "| resident set growth (MB) | raw SQL to CSV (s) | ratio |"
    )
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    sys.stdout.flush()
    run(["benchmarks/bench_exports.py", "--size", str(max(SIZES)), "--large"])
    print()
    print(
        "| engine | organisations | writes timed | write under 3 exports, median (ms) | max (ms) "
        "| write alone (ms) | ratio | each export (s) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    sys.stdout.flush()
    run(["benchmarks/bench_exports.py", "--size", str(EXPORT_SIZE), "--concurrent"])
    print()
    scheduler = ROOT / "benchmarks" / "bench_scheduler.py"
    if scheduler.exists():
        print("## Meeting scheduler")
        print()
        sys.stdout.flush()
        run([str(scheduler.relative_to(ROOT))])
    print()
    print("## Skills indicators and course search")
    print()
    print("| engine | measure | median (ms) | bare SQL median (ms) | ratio |")
    print("|---|---|---:|---:|---:|")
    sys.stdout.flush()
    run(["benchmarks/bench_skills.py"])
    print()
    print("## Login with MFA (server time, ms: median (best))")
    print()
    print("| engine | password step | TOTP step | both | load average |")
    print("|---|---:|---:|---:|---:|")
    sys.stdout.flush()
    run(["benchmarks/bench_login.py"])


if __name__ == "__main__":
    main()

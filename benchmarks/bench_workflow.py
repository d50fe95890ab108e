"""A workflow transition with its notifications queued, on SQLite and on PostgreSQL (when a
server answers at BENCH_PG_URL).

Usage: python benchmarks/bench_workflow.py [--steps 200] [--staff 20]
       python benchmarks/bench_workflow.py --child --database-url URL ...   (one engine)

For each engine, in its own process, on a scratch database with the database task backend
(the default of a deployment): a plan of one action goes submit → return → submit … as the
services do it (permission, row lock, checks, a frozen version on each submission, history,
audit, one in-app notification per recipient rendered in their language, and the e-mail task
enqueued once the transaction commits). Programme staff (``--staff`` people, half of them
reading French) are told of each submission, the region's coordinator of each return.

The baseline is the same step written the fastest way: the state update, the history row and
the audit row as three bare SQL statements in one transaction. Prints a Markdown table row per
engine and step: median and 90th percentile in milliseconds, and the median ÷ baseline ratio.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import common

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import postgres_url  # noqa: E402

HEADER = "| engine | step | recipients | median (ms) | p90 (ms) | bare SQL median (ms) | ratio |"
RULE = "|---|---|---:|---:|---:|---:|---:|"


def setup_django(database_url: str) -> None:
    os.environ.pop("CYBERREGIONS_TESTING", None)
    common.setup_django(database_url, TASKS_BACKEND="database")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def child(database_url: str, steps: int, staff_count: int) -> None:
    setup_django(database_url)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction

    from cyberregions.geo.models import Region, RegionMembership
    from cyberregions.plans import services
    from cyberregions.plans.models import Action, ActionPlan

    call_command("migrate", verbosity=0)
    User = get_user_model()
    ActionPlan.objects.filter(title="Benchmark plan").delete()
    User.objects.filter(username__startswith="bench-").delete()
    region = Region.objects.get(code="FRH0")
    coordinator = User.objects.create_user("bench-coordinator", "c@example.org")
    RegionMembership.objects.create(user=coordinator, region=region)
    staff = User.objects.create_user("bench-staff-0", "s0@example.org", is_programme_staff=True)
    for number in range(1, staff_count):
        User.objects.create_user(
            f"bench-staff-{number}",
            f"s{number}@example.org",
            is_programme_staff=True,
            language="fr" if number % 2 else "en",
        )
    plan = ActionPlan.objects.create(
        title="Benchmark plan",
        region=region,
        partner_name="Agency",
        instrument_name="Benchmark instrument",
        created_by=coordinator,
    )
    Action.objects.create(plan=plan, position=1, title="Vouchers", description="Vouchers.")

    timings: dict[str, list[float]] = {"submit": [], "return": []}
    for _ in range(steps):
        for name, actor in (("submit", coordinator), ("return", staff)):
            started = time.perf_counter()
            services.transition(actor, ActionPlan.objects.get(pk=plan.pk), name, "Benchmark.")
            timings[name].append((time.perf_counter() - started) * 1000)

    bare: list[float] = []
    history = "plans_plantransition"
    with connection.cursor() as cursor:
        for number in range(steps):
            started = time.perf_counter()
            with transaction.atomic():
                cursor.execute(
                    "UPDATE plans_actionplan SET status = %s WHERE id = %s",
                    ["submitted" if number % 2 == 0 else "draft", plan.pk],
                )
                cursor.execute(
                    f"INSERT INTO {history} (plan_id, step, from_state, to_state, actor_id, at, "
                    "reason) VALUES (%s, %s, %s, %s, %s, CURRENT_TIMESTAMP, %s)",
                    [plan.pk, "submit", "draft", "submitted", coordinator.pk, "Benchmark."],
                )
                cursor.execute(
                    "INSERT INTO core_auditentry (at, actor_id, action, object_type, object_id, "
                    "object_repr, reason) VALUES (CURRENT_TIMESTAMP, %s, %s, %s, %s, %s, %s)",
                    [coordinator.pk, "plan.submit", "plans.actionplan", str(plan.pk), "p", ""],
                )
            bare.append((time.perf_counter() - started) * 1000)
    baseline = statistics.median(bare)
    engine = connection.vendor
    recipients = {"submit": staff_count, "return": 1}
    for name, values in timings.items():
        median = statistics.median(values)
        print(
            f"| {engine} | {name} | {recipients[name]} | {median:.1f} | "
            f"{percentile(values, 0.9):.1f} | {baseline:.2f} | {median / baseline:.1f}× |"
        )
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--staff", type=int, default=20)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--no-header", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.database_url, args.steps, args.staff)
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
    sqlite = ROOT / "var" / "bench-workflow.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{sqlite}{suffix}").unlink(missing_ok=True)
    urls = [f"sqlite:///{sqlite}"]
    postgres = postgres_url("bench_workflow")
    if postgres:
        urls.append(postgres)
    for url in urls:
        subprocess.run(  # noqa: S603 — this script with its own arguments
            [
                sys.executable,
                __file__,
                "--child",
                "--steps",
                str(args.steps),
                "--staff",
                str(args.staff),
                "--database-url",
                url,
            ],
            cwd=ROOT,
            check=True,
        )


if __name__ == "__main__":
    main()

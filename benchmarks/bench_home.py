"""The barrier lens and the start page at scale, on SQLite and on PostgreSQL (when a server
answers at BENCH_PG_URL).

Usage: python benchmarks/bench_home.py [--events 200] [--practices 2000] [--repeat 15]
       python benchmarks/bench_home.py --child --database-url URL ...   (one engine)

For each engine, in its own process, on a scratch database: ``--practices`` good practices
spread over the partner territories and tagged with the barriers, ``--events`` published
brokerage events of 20 participants (organisations of several countries) with 10 published
meetings each, endorsed plans whose actions cite practices of other regions, and programme
staff, a coordinator and a member. Then the barrier lens of each barrier (everything, and one
region) as a visitor, and the start page's sections for each persona, ``--repeat`` times.

The baseline is the lens's smallest part written the fastest way: one bare SQL statement
counting the published practices of the barrier per region. Prints a Markdown table row per
engine and measure: median and 90th percentile in milliseconds, and the median ÷ baseline.
"""

from __future__ import annotations

import argparse
import datetime
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

HEADER = "| engine | measure | median (ms) | p90 (ms) | bare SQL median (ms) | ratio |"
RULE = "|---|---|---:|---:|---:|---:|"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def build(events: int, practices: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from cyberregions.events.models import (
        Event,
        Meeting,
        MeetingRequest,
        MeetingSession,
        MeetingSlot,
        Registration,
    )
    from cyberregions.geo.models import Country, Region, RegionMembership
    from cyberregions.organisations.models import Organisation, OrganisationMembership
    from cyberregions.plans.models import Action, ActionCitation, ActionPlan
    from cyberregions.practices.models import Practice
    from cyberregions.taxonomy.models import Barrier

    User = get_user_model()
    territories = list(Region.objects.filter(is_partner_territory=True).order_by("code"))
    barriers = list(Barrier.objects.order_by("code"))
    now = timezone.now()
    organisations = Organisation.objects.bulk_create(
        Organisation(
            slug=f"bench-org-{n}",
            name=f"Bench organisation {n}",
            country_id=territories[n % len(territories)].country_id,
            region=territories[n % len(territories)],
            actor_type="sme",
        )
        for n in range(200)
    )
    users = User.objects.bulk_create(
        User(username=f"bench-user-{n}", email=f"u{n}@example.org") for n in range(20)
    )
    created = Practice.objects.bulk_create(
        Practice(
            slug=f"bench-practice-{n}",
            title=f"Bench practice {n}",
            region=territories[n % len(territories)],
            summary="Summary.",
            status="published" if n % 4 else "submitted",
            published_at=now if n % 4 else None,
        )
        for n in range(practices)
    )
    through = Practice.barriers.through
    through.objects.bulk_create(
        through(practice_id=p.pk, barrier_id=barriers[n % len(barriers)].pk)
        for n, p in enumerate(created)
    )
    for n, region in enumerate(territories):
        plan = ActionPlan.objects.create(
            title=f"Bench plan {n}",
            region=region,
            partner_name="Agency",
            instrument_name=f"Bench instrument {n}",
            managing_authority="Authority",
            instrument_type="igj",
            status="endorsed",
            endorsed_on=datetime.date(2024 + n % 2, 3, 1),
        )
        for position in range(1, 11):
            action = Action.objects.create(
                plan=plan, position=position, title=f"Action {position}", description="A."
            )
            ActionCitation.objects.create(action=action, practice=created[n * 10 + position])
    for e in range(events):
        start = now + datetime.timedelta(days=e % 400 - 200)
        event = Event.objects.create(
            slug=f"bench-event-{e}",
            title=f"Bench event {e}",
            event_type="brokerage",
            status="published",
            host_region=territories[e % len(territories)],
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=8),
        )
        event.barriers.set([barriers[e % len(barriers)]])
        registrations = Registration.objects.bulk_create(
            Registration(
                event=event,
                user=users[k],
                organisation=organisations[(e + 7 * k) % len(organisations)],
                confirmed_at=now,
            )
            for k in range(20)
        )
        session = MeetingSession.objects.create(
            event=event, starts_at=start, ends_at=start + datetime.timedelta(hours=5)
        )
        slots = MeetingSlot.objects.bulk_create(
            MeetingSlot(
                event=event,
                session=session,
                starts_at=start + datetime.timedelta(minutes=30 * k),
                ends_at=start + datetime.timedelta(minutes=30 * k + 30),
            )
            for k in range(10)
        )
        requests = MeetingRequest.objects.bulk_create(
            MeetingRequest(
                event=event,
                requester=registrations[k],
                recipient=registrations[k + 10],
                status="accepted",
            )
            for k in range(10)
        )
        Meeting.objects.bulk_create(
            Meeting(request=request, slot=slots[k], table=1, published=True)
            for k, request in enumerate(requests)
        )
    staff = User.objects.create_user("bench-staff", "s@example.org", is_programme_staff=True)
    coordinator = User.objects.create_user("bench-coordinator", "c@example.org")
    RegionMembership.objects.create(user=coordinator, region=territories[0])
    member = users[0]
    OrganisationMembership.objects.create(user=member, organisation=organisations[0])
    assert Country.objects.exists()
    return {
        "staff": staff,
        "coordinator": coordinator,
        "member": member,
        "region": territories[0],
        "barriers": barriers,
    }


def timed(function, repeat: int) -> list[float]:
    values = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        values.append((time.perf_counter() - started) * 1000)
    return values


def child(database_url: str, events: int, practices: int, repeat: int) -> None:
    common.setup_django(database_url)
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.db import connection

    from cyberregions.home import lens, sections

    call_command("migrate", verbosity=0)
    world = build(events, practices)
    visitor = AnonymousUser()
    barrier_id = world["barriers"][0].pk

    def bare():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT p.region_id, COUNT(*) FROM practices_practice p "
                "JOIN practices_practice_barriers b ON b.practice_id = p.id "
                "WHERE p.status = 'published' AND b.barrier_id = %s GROUP BY p.region_id",
                [barrier_id],
            )
            cursor.fetchall()

    baseline = statistics.median(timed(bare, repeat * 4))
    measures = {}
    for barrier in world["barriers"]:
        measures[f"lens: {barrier.code}"] = lambda b=barrier: lens.barrier_lens(visitor, b)
    first = world["barriers"][0]
    measures[f"lens: {first.code}, one region"] = lambda: lens.barrier_lens(
        visitor, first, world["region"]
    )
    for persona in ("staff", "coordinator", "member"):
        user = world[persona]

        def start_page(user=user):
            # A fresh copy each time: the role caches live on the user object.
            fresh = type(user).objects.get(pk=user.pk)
            return sections.sections_for(fresh)

        measures[f"start page: {persona}"] = start_page
    engine = connection.vendor
    for name, function in measures.items():
        function()  # warm up
        values = timed(function, repeat)
        median = statistics.median(values)
        print(
            f"| {engine} | {name} | {median:.1f} | {percentile(values, 0.9):.1f} | "
            f"{baseline:.2f} | {median / baseline:.0f}× |"
        )
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--practices", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--no-header", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.database_url, args.events, args.practices, args.repeat)
        return
    if not args.no_header:
        print(
            f"Machine: {platform.platform()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}; {args.events} brokerage events "
            f"({args.events * 10} meetings), {args.practices} practices"
        )
        print()
    print(HEADER)
    print(RULE)
    sys.stdout.flush()
    sqlite = ROOT / "var" / "bench-home.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{sqlite}{suffix}").unlink(missing_ok=True)
    urls = [f"sqlite:///{sqlite}"]
    postgres = postgres_url("bench_home")
    if postgres:
        urls.append(postgres)
    for url in urls:
        subprocess.run(  # noqa: S603 — this script with its own arguments
            [
                sys.executable,
                __file__,
                "--child",
                "--events",
                str(args.events),
                "--practices",
                str(args.practices),
                "--repeat",
                str(args.repeat),
                "--database-url",
                url,
            ],
            cwd=ROOT,
            check=True,
        )


if __name__ == "__main__":
    main()

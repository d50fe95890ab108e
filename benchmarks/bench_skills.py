"""Skills indicators and the course search at scale, on SQLite.

Usage: python benchmarks/bench_skills.py [--courses 20000] [--vacancies 50000]
       [--organisations 5000] [--repeat 9]

Builds (once, in var/bench-skills.sqlite3) organisations spread over every region, 20,000
validated courses with one or two ECSF targets each, 50,000 open vacancies and 10,000
declared needs, written with bulk inserts. What is timed:

- the indicators for every region, country and the EU (``aggregates.compute_indicators``:
  three grouped queries, then the pure computation), and the pure part alone on the same rows;
  baseline: the three grouped queries as bare SQL;
- the catalogue page ``/skills/courses/?kind=short&profile=ECSF-PEN`` with its six facet
  counts; baseline: the bare SQL count of the same matches.

The indicator queries read courses, their targets, vacancies and needs grouped by region; they
never read the organisation table, so the atlas's own size (120,000 in the target) does not
enter them: the organisations built here are only those that own the courses and vacancies.
Prints Markdown table rows: median (ms), bare SQL median (ms) and the ratio.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

import common

ROOT = Path(__file__).resolve().parent.parent


def median_ms(function, repeat: int) -> float:
    function()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def ensure_data(organisations: int, courses: int, vacancies: int) -> None:
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from cyberregions.geo.models import Region
    from cyberregions.organisations.models import Organisation
    from cyberregions.skills.models import Course, CourseProfile, SkillsNeed, Vacancy
    from cyberregions.taxonomy.models import EcsfProfile

    call_command("migrate", verbosity=0)
    if Course.objects.count() >= courses:
        return
    rng = random.Random(16)
    regions = list(Region.objects.values_list("pk", "country_id"))
    profiles = list(EcsfProfile.objects.values_list("pk", flat=True))
    now = timezone.now()
    today = timezone.localdate()
    with transaction.atomic():
        Organisation.objects.bulk_create(
            Organisation(
                slug=f"bench-org-{number}",
                name=f"Bench organisation {number}",
                country_id=(region := rng.choice(regions))[1],
                region_id=region[0],
                actor_type="university" if number % 5 == 0 else "sme",
                helix_group="academia" if number % 5 == 0 else "business",
            )
            for number in range(organisations)
        )
        orgs = list(Organisation.objects.values_list("pk", "region_id", "country_id"))
        kinds = ["bachelor", "master", "short", "certification", "bootcamp", "online"]
        Course.objects.bulk_create(
            Course(
                slug=f"bench-course-{number}",
                title=f"Course {number} on security",
                provider_id=(org := rng.choice(orgs))[0],
                region_id=org[1],
                country_id=org[2],
                kind=rng.choice(kinds),
                eqf_level=rng.randint(4, 8),
                mode=rng.choice(["on_site", "online", "blended"]),
                cost_band=rng.choice(["free", "low", "medium", "high"]),
                languages=["en"],
                seats_per_year=rng.randint(10, 200),
                status="validated",
                confirmed_at=now - datetime.timedelta(days=rng.randint(1, 300)),
            )
            for number in range(courses)
        )
        CourseProfile.objects.bulk_create(
            CourseProfile(course_id=pk, profile_id=profile, coverage=rng.random())
            for pk in Course.objects.values_list("pk", flat=True)
            for profile in rng.sample(profiles, rng.choice([1, 1, 2]))
        )
        Vacancy.objects.bulk_create(
            Vacancy(
                organisation_id=(org := rng.choice(orgs))[0],
                region_id=org[1],
                country_id=org[2],
                title="Analyst",
                profile_id=rng.choice(profiles),
                remote="hybrid",
                closing_date=today + datetime.timedelta(days=rng.randint(1, 90)),
            )
            for _ in range(vacancies)
        )
        SkillsNeed.objects.bulk_create(
            SkillsNeed(
                organisation_id=(org := rng.choice(orgs))[0],
                region_id=org[1],
                country_id=org[2],
                profile_id=rng.choice(profiles),
                count=rng.randint(1, 10),
                seniority="entry",
                horizon=rng.choice(["now", "12m", "3y"]),
            )
            for _ in range(vacancies // 5)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organisations", type=int, default=5000)
    parser.add_argument("--courses", type=int, default=20000)
    parser.add_argument("--vacancies", type=int, default=50000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    os.environ.pop("CYBERREGIONS_TESTING", None)
    (ROOT / "var").mkdir(exist_ok=True)
    common.setup_django(f"sqlite:///{ROOT / 'var' / 'bench-skills.sqlite3'}")
    ensure_data(args.organisations, args.courses, args.vacancies)

    from django.db import connection
    from django.test import Client

    from cyberregions.skills import aggregates, indicators

    result = aggregates.compute_indicators()
    areas = len(result.areas)

    def pure() -> None:
        tops, _names = aggregates._region_tops()
        countries = {pk: f"C:{pk}" for pk in range(1, 40)}
        demand = aggregates.by_area(demand_rows, tops, countries)
        supply = aggregates.by_area(supply_rows, tops, countries)
        indicators.compute(demand, supply, [c for c, _l in result.profiles], areas_list, "EU")

    demand_rows = aggregates.demand_rows()
    supply_rows = aggregates.supply_rows()
    areas_list = result.areas

    def bare() -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT region_id, profile_id, COUNT(*) FROM skills_vacancy "
                "WHERE closing_date >= date('now') GROUP BY region_id, profile_id"
            )
            cursor.fetchall()
            cursor.execute(
                "SELECT region_id, profile_id, SUM(count) FROM skills_skillsneed "
                "WHERE horizon IN ('now', '12m') GROUP BY region_id, profile_id"
            )
            cursor.fetchall()
            cursor.execute(
                "SELECT c.region_id, t.profile_id, SUM(c.seats_per_year * t.coverage) "
                "FROM skills_courseprofile t JOIN skills_course c ON c.id = t.course_id "
                "WHERE c.status = 'validated' GROUP BY c.region_id, t.profile_id"
            )
            cursor.fetchall()

    full_ms = median_ms(aggregates.compute_indicators, args.repeat)
    pure_ms = median_ms(pure, args.repeat)
    bare_ms = median_ms(bare, args.repeat)
    print(
        f"| SQLite | indicators, {areas} areas × 12 profiles ({args.courses:,} courses, "
        f"{args.vacancies:,} vacancies) | {full_ms:.1f} | {bare_ms:.1f} | "
        f"{full_ms / bare_ms:.1f}× |"
    )
    print(f"| SQLite | the pure computation alone on the same rows | {pure_ms:.1f} | – | – |")

    client = Client()
    query = {"kind": "short", "profile": "ECSF-PEN"}

    def page() -> None:
        assert client.get("/skills/courses/", query).status_code == 200

    def bare_count() -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM skills_course c WHERE c.kind = 'short' AND "
                "c.status = 'validated' AND c.id IN (SELECT course_id FROM "
                "skills_courseprofile t JOIN taxonomy_ecsfprofile p ON p.id = t.profile_id "
                "WHERE p.code = 'ECSF-PEN')"
            )
            cursor.fetchall()

    page_ms = median_ms(page, args.repeat)
    count_ms = median_ms(bare_count, args.repeat)
    print(
        f"| SQLite | course search with 6 facet counts ({args.courses:,} courses, "
        f"`kind=short&profile=ECSF-PEN`) | {page_ms:.1f} | {count_ms:.1f} | "
        f"{page_ms / count_ms:.1f}× |"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "benchmarks"))
    main()

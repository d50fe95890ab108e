"""Demo data of the skills module: courses of the demo's universities, research centres and
training centres, and vacancies and declared needs of its companies, with regional
emphases so that each partner territory shows its own gaps. Deterministic (seeded)."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from cyberregions.geo.models import Region
from cyberregions.organisations.models import Organisation
from cyberregions.taxonomy.models import EcsfProfile

from . import services
from .choices import COVERED_KINDS
from .models import Course, EcsfItem, SkillsNeed, Vacancy

SEED = 16
PROVIDER_TYPES = ("university", "training", "rto")
EMPLOYER_TYPES = ("sme", "large", "csirt", "public")
COURSE_SHAPES = [
    # kind, EQF level, ECTS, hours, seats, cyber share, cost
    ("bachelor", 6, 180, None, 60, 30, "low"),
    ("master", 7, 120, None, 35, 55, "medium"),
    ("short", 5, 6, 40, 25, None, "medium"),
    ("certification", 5, None, 35, 20, None, "high"),
    ("bootcamp", 5, None, 300, 30, None, "high"),
    ("online", 4, 3, 25, 200, None, "free"),
]
TITLES = {
    "bachelor": "Bachelor in cybersecurity",
    "master": "Master in {profile}",
    "short": "{profile}: professional course",
    "certification": "Certification preparation for {profile}",
    "bootcamp": "{profile} bootcamp",
    "online": "{profile} online",
}
LANGUAGE = {"FR": "fr", "BE": "fr", "IT": "it", "ES": "es", "SI": "sl", "EE": "et", "SK": "sk"}


def load_skills(
    replace: bool = False, progress: Callable[[int, int], None] | None = None
) -> dict[str, int]:
    rng = random.Random(SEED)
    profiles = list(EcsfProfile.objects.order_by("position"))
    items_of = {
        profile.pk: list(
            EcsfItem.objects.filter(profiles=profile, kind__in=COVERED_KINDS).order_by("code")
        )
        for profile in profiles
    }
    regions = list(Region.objects.filter(is_partner_territory=True).select_related("country"))
    today = timezone.localdate()
    counts = {"courses": 0, "vacancies": 0, "needs": 0}
    with transaction.atomic():
        if replace:
            Course.objects.all().delete()
            Vacancy.objects.all().delete()
            SkillsNeed.objects.all().delete()
        for done, region in enumerate(regions, 1):
            local = LANGUAGE.get(region.country.iso, "en")
            # Each region asks most for three profiles and trains most for three others.
            sought = rng.sample(profiles, 3)
            trained = rng.sample(profiles, 3)
            providers = Organisation.objects.filter(
                region=region, actor_type__in=PROVIDER_TYPES
            ).order_by("pk")[:12]
            for provider in providers:
                for _ in range(rng.randint(1, 3)):
                    kind, eqf, ects, hours, seats, share, cost = rng.choice(COURSE_SHAPES)
                    targets = [rng.choice(trained if rng.random() < 0.7 else profiles)]
                    if rng.random() < 0.3:
                        targets.append(rng.choice(profiles))
                    targets = list(dict.fromkeys(targets))
                    pool = items_of[targets[0].pk]
                    covered = rng.sample(pool, max(1, int(len(pool) * rng.uniform(0.3, 0.9))))
                    title = TITLES[kind].format(profile=targets[0].label)
                    course = Course(
                        slug=services.slugs.unique_slug(
                            Course.objects, f"{title} {provider.name}", "course"
                        ),
                        title=title,
                        provider=provider,
                        kind=kind,
                        description=f"{title}, taught by {provider.name}.",
                        eqf_level=eqf,
                        ects=ects,
                        hours=hours,
                        languages=[local, "en"] if rng.random() < 0.6 else [local],
                        mode=rng.choice(["on_site", "on_site", "blended", "online"]),
                        city=provider.city,
                        start_dates=[
                            (today + datetime.timedelta(days=rng.randint(20, 300))).isoformat()
                        ],
                        cost_band=cost,
                        funding_eligible=rng.random() < 0.5,
                        seats_per_year=int(seats * rng.uniform(0.5, 1.5)),
                        cyber_share=share,
                        status="validated",
                        confirmed_at=timezone.now()
                        - datetime.timedelta(days=rng.choice([20, 90, 200, 380])),
                    )
                    course.save()
                    services.set_targets(course, targets, covered)
                    counts["courses"] += 1
            employers = Organisation.objects.filter(
                region=region, actor_type__in=EMPLOYER_TYPES
            ).order_by("pk")[:40]
            for employer in employers:
                profile = rng.choice(sought if rng.random() < 0.75 else profiles)
                if rng.random() < 0.6:
                    Vacancy.objects.create(
                        organisation=employer,
                        title=f"{profile.label} ({employer.city or region.name})",
                        profile=profile,
                        city=employer.city,
                        remote=rng.choice(["no", "hybrid", "hybrid", "full"]),
                        languages=[local, "en"] if rng.random() < 0.5 else [local],
                        closing_date=today + datetime.timedelta(days=rng.randint(5, 90)),
                    )
                    counts["vacancies"] += 1
                SkillsNeed.objects.create(
                    organisation=employer,
                    profile=profile,
                    count=rng.randint(1, 12),
                    seniority=rng.choice(["entry", "experienced", "senior"]),
                    horizon=rng.choice(["now", "12m", "12m", "3y"]),
                    hard_to_fill=rng.random() < 0.4,
                )
                counts["needs"] += 1
            if progress:
                progress(done, len(regions))
    return counts

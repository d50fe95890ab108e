"""Demo territorial analysis: a closed needs survey with answers and a SWOT analysis for every
partner territory, drawn from the region's own atlas so that the figures hang together (the
domains its organisations need most are the ones its respondents name most), for the
dashboards, the comparison and the transferability ranking to have something to show."""

from __future__ import annotations

import random
from collections import Counter

from django.db import transaction

from cyberregions.geo.models import Region
from cyberregions.organisations.models import OfferOrNeed, Organisation
from cyberregions.taxonomy.models import Barrier, Domain

from .choices import SurveyStatus, SwotQuadrant
from .models import (
    BarrierAnswer,
    DomainNeedAnswer,
    NeedsSurvey,
    SurveyInvitation,
    SurveyResponse,
    SwotItem,
)

DEMO_SURVEY_TITLE = "Needs of the regional cybersecurity ecosystem (demo)"
RESPONSES = (12, 24)  # responses per region, inclusive range
# Each region weighs the three barriers differently (importance 1..5 around these means).
BARRIER_PROFILES = [
    {"coordination": 3.8, "fragmentation": 3.0, "skills": 4.3},
    {"coordination": 2.9, "fragmentation": 4.1, "skills": 3.6},
    {"coordination": 4.2, "fragmentation": 3.4, "skills": 3.1},
]
SWOT = {
    SwotQuadrant.STRENGTH: [
        ("A dense base of cybersecurity companies in {domain}.", None),
        ("Research and training organisations work with the region's SMEs.", "skills"),
    ],
    SwotQuadrant.WEAKNESS: [
        ("Few offers answer the demand in {gap}.", "fragmentation"),
        ("Public bodies, companies and research seldom plan together.", "coordination"),
    ],
    SwotQuadrant.OPPORTUNITY: [
        ("NIS2 brings thousands of medium-sized entities into scope.", None),
        ("Interregional partners offer services in {gap}.", "fragmentation"),
    ],
    SwotQuadrant.THREAT: [
        ("Security professionals leave for larger labour markets.", "skills"),
        ("Ransomware campaigns against local authorities and hospitals.", None),
    ],
}


def _importance(rng: random.Random, mean: float) -> int:
    return min(5, max(1, round(rng.gauss(mean, 0.9))))


def _need_weights(region: Region) -> dict[str, int]:
    """Domain code -> how often the region's active organisations name it on their needs."""
    tags = Counter(
        OfferOrNeed.objects.filter(
            organisation__in=Organisation.objects.counted().filter(region=region),
            kind="need",
        ).values_list("domains__code", flat=True)
    )
    tags.pop(None, None)
    return dict(tags)


def _region_survey(region, index, rng, barriers, domains) -> int:
    survey = NeedsSurvey.objects.create(
        region=region,
        title=DEMO_SURVEY_TITLE,
        introduction="Tell us what holds your organisation back and what it needs.",
        status=SurveyStatus.CLOSED,
    )
    organisations = list(
        Organisation.objects.counted()
        .filter(region=region)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    profile = BARRIER_PROFILES[index % len(BARRIER_PROFILES)]
    weights = _need_weights(region)
    codes = sorted(weights) or sorted(domains)
    population = [weights.get(code, 1) + 1 for code in codes]
    count = rng.randint(*RESPONSES)
    invited = rng.sample(organisations, min(count, len(organisations)))
    responses = 0
    for number in range(count):
        invitation = SurveyInvitation.objects.create(
            survey=survey,
            organisation_id=invited[number] if number < len(invited) else None,
            label="" if number < len(invited) else "Cluster members",
        )
        response = SurveyResponse.objects.create(survey=survey, invitation=invitation)
        BarrierAnswer.objects.bulk_create(
            BarrierAnswer(
                response=response,
                barrier=barrier,
                importance=_importance(rng, profile.get(barrier.code, 3.0)),
            )
            for barrier in barriers
        )
        chosen = set(rng.choices(codes, weights=population, k=rng.randint(1, 4)))
        DomainNeedAnswer.objects.bulk_create(
            DomainNeedAnswer(response=response, domain=domains[code], level=rng.randint(1, 3))
            for code in sorted(chosen)
            if code in domains
        )
        responses += 1
    return responses


def _region_swot(region, rng, domains) -> int:
    supply = Counter(
        OfferOrNeed.objects.filter(
            organisation__in=Organisation.objects.counted().filter(region=region), kind="offer"
        ).values_list("domains__code", flat=True)
    )
    supply.pop(None, None)
    needs = _need_weights(region)
    labels = {code: domain.label for code, domain in domains.items()}
    strongest = supply.most_common(1)[0][0] if supply else rng.choice(sorted(labels))
    gap = max(sorted(labels), key=lambda code: (needs.get(code, 0) - supply.get(code, 0), code))
    barriers = {barrier.code: barrier for barrier in Barrier.objects.all()}
    items = []
    for quadrant, lines in SWOT.items():
        for position, (text, barrier) in enumerate(lines):
            items.append(
                SwotItem(
                    region=region,
                    quadrant=quadrant,
                    text=text.format(domain=labels[strongest], gap=labels[gap]),
                    barrier=barriers.get(barrier) if barrier else None,
                    position=position,
                )
            )
    SwotItem.objects.bulk_create(items)
    return len(items)


@transaction.atomic
def load_analysis(seed: int = 2026, progress=None) -> dict[str, int]:
    """Replace the demo surveys and the SWOT items of every partner territory."""
    rng = random.Random(seed)
    regions = list(Region.objects.filter(is_partner_territory=True).order_by("code"))
    NeedsSurvey.objects.filter(region__in=regions, title=DEMO_SURVEY_TITLE).delete()
    SwotItem.objects.filter(region__in=regions).delete()
    barriers = list(Barrier.objects.order_by("code"))
    domains = {domain.code: domain for domain in Domain.objects.all()}
    counts = {"regions": len(regions), "responses": 0, "swot": 0}
    for index, region in enumerate(regions):
        counts["responses"] += _region_survey(region, index, rng, barriers, domains)
        counts["swot"] += _region_swot(region, rng, domains)
        if progress:
            progress(index + 1, len(regions))
    return counts


def has_demo_analysis() -> bool:
    return NeedsSurvey.objects.filter(title=DEMO_SURVEY_TITLE).exists()

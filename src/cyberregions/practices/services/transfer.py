"""Transferability: gathers a region's needs (territorial analysis) and the ecosystems' context
(atlas), ranks the published practices of other regions with the pure ``ranking.rank``, and
words the reasons."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cyberregions.analysis import profiles
from cyberregions.analysis.presentation import fmt_gap
from cyberregions.organisations.choices import COMPANY_TYPES
from cyberregions.organisations.models import Organisation
from cyberregions.taxonomy.models import Barrier, Domain

from .. import ranking
from ..models import Practice

logger = logging.getLogger(__name__)

REASONS = {
    "barrier": gettext_lazy("Addresses “%(barrier)s”, rated %(need)s in the needs survey."),
    "barrier_low": gettext_lazy(
        "Addresses only barriers rated low in the needs survey (best: %(need)s)."
    ),
    "no_barrier": gettext_lazy("Addresses none of the barriers rated in the needs survey."),
    "gap": gettext_lazy(
        "Works on “%(domain)s”, one of the region's largest supply–demand gaps (%(gap)s)."
    ),
    "gap_small": gettext_lazy(
        "Works on “%(domain)s”, a small supply–demand gap in the region (%(gap)s)."
    ),
    "no_gap": gettext_lazy(
        "None of its domains weighs more in the region's needs than in its offers."
    ),
    "demand": gettext_lazy(
        "Works on “%(domain)s”, needed by the region's survey respondents (%(demand)s)."
    ),
    "context": gettext_lazy(
        "Similar ecosystem: %(similarity)s alike in actors, company sizes and scale."
    ),
    "context_low": gettext_lazy("Different ecosystem: only %(similarity)s alike."),
}


@dataclass
class RankedPractice:
    rank: int
    practice: Practice
    score: float
    barrier_fit: float | None
    gap_fit: float | None
    context_similarity: float | None
    reasons: list[str]


@dataclass
class Transferability:
    region: object
    rows: list[RankedPractice] = field(default_factory=list)
    has_survey: bool = False
    has_gaps: bool = False
    notes: list[str] = field(default_factory=list)


def region_needs(region_id: int) -> ranking.Needs:
    """Barrier scores, domain gaps and survey demand of the region, from the territorial
    analysis."""
    return ranking.Needs(
        barrier_scores=dict(profiles.barrier_scores(region_id)),
        domain_gaps=dict(profiles.domain_gaps(region_id)),
        domain_demand=dict(profiles.domain_demand(region_id)),
    )


def ecosystem_contexts(region_ids) -> dict[int, ranking.Context]:
    """Organisations by actor type and companies by size class, per region (two queries)."""
    actors: dict[int, dict[str, int]] = {pk: {} for pk in region_ids}
    sizes: dict[int, dict[str, int]] = {pk: {} for pk in region_ids}
    active = Organisation.objects.filter(region_id__in=region_ids, status="active").order_by()
    for row in active.values("region_id", "actor_type").annotate(n=Count("id")):
        actors[row["region_id"]][row["actor_type"]] = row["n"]
    companies = active.filter(actor_type__in=COMPANY_TYPES).exclude(size_class="unknown")
    for row in companies.values("region_id", "size_class").annotate(n=Count("id")):
        sizes[row["region_id"]][row["size_class"]] = row["n"]
    return {pk: ranking.Context(actors[pk], sizes[pk]) for pk in region_ids}


def transferability(region, limit: int | None = 50) -> Transferability:
    """Rank the published practices of other regions for ``region``, with reasons."""
    needs = region_needs(region.pk)
    barriers, gaps = needs.barrier_scores, needs.domain_gaps
    practices = {
        practice.pk: practice
        for practice in Practice.objects.published()
        .exclude(region_id=region.pk)
        .select_related("region", "region__country", "main_institution")
        .prefetch_related("barriers", "domains")
    }
    candidates = [
        ranking.Candidate(
            practice_id=practice.pk,
            region_id=practice.region_id,
            barriers=tuple(barrier.code for barrier in practice.barriers.all()),
            domains=tuple(domain.code for domain in practice.domains.all()),
            title=practice.title,
        )
        for practice in practices.values()
    ]
    region_ids = {region.pk} | {candidate.region_id for candidate in candidates}
    ranked = ranking.rank(
        region.pk,
        needs,
        ecosystem_contexts(region_ids),
        candidates,
        limit=limit,
    )
    labels = {
        **dict(Barrier.objects.values_list("code", "label")),
        **(
            dict(Domain.objects.values_list("code", "label")) if gaps or needs.domain_demand else {}
        ),
    }
    result = Transferability(
        region=region,
        has_survey=bool(barriers or needs.domain_demand),
        has_gaps=bool(gaps),
    )
    if not barriers:
        result.notes.append(
            _("No needs survey results yet for %(region)s: barriers are not used in the ranking.")
            % {"region": region.name}
        )
    if not gaps:
        result.notes.append(
            _("No supply-demand gaps yet for %(region)s: domains are not used in the ranking.")
            % {"region": region.name}
        )
    for row in ranked:
        result.rows.append(
            RankedPractice(
                rank=row.rank,
                practice=practices[row.practice_id],
                score=row.score,
                barrier_fit=row.barrier_fit,
                gap_fit=row.gap_fit,
                context_similarity=row.context_similarity,
                reasons=[describe(reason, labels) for reason in row.reasons],
            )
        )
    return result


def describe(reason: ranking.Reason, labels: dict[str, str]) -> str:
    values = {}
    for key, value in reason.values.items():
        if key in ("barrier", "domain"):
            values[key] = labels.get(value, value)
        elif key == "gap":
            # The analysis's one wording of a gap: signed percentage points.
            values[key] = fmt_gap(value)
        else:
            values[key] = f"{round(float(value) * 100)} %"
    return str(REASONS[reason.key]) % values

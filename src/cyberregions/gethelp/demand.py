"""Demand signals per region: anonymised counts of help requests and self-assessments, for
the region's coordinators (``/get-help/demand/<region>/``). Counts only, never a request's
text or contact; a count below ``MIN_COUNT`` is shown as "fewer than 3" so that a single
requester cannot be recognised."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, F

from .choices import Questionnaire, RequestStatus, Urgency
from .models import Assessment, HelpRequest
from .questionnaires import theme_label
from .vocabulary import category_label

MIN_COUNT = 3


def masked(number: int) -> int | None:
    """The count, or None when it is too small to publish (the template says "fewer than 3")."""
    return number if number >= MIN_COUNT or number == 0 else None


def requests_by_category(region) -> list[dict]:
    rows = (
        HelpRequest.objects.filter(region=region)
        .values("categories__code", "categories__label", "urgency")
        .annotate(n=Count("pk", distinct=True))
        .order_by("categories__code", "urgency")
    )
    table: dict[str, dict] = {}
    for row in rows:
        code = row["categories__code"]
        if code is None:
            continue
        entry = table.setdefault(code, {"code": code, "counts": defaultdict(int), "total": 0})
        entry["counts"][row["urgency"]] += row["n"]
        entry["total"] += row["n"]
    for entry in table.values():
        entry["label"] = category_label(entry["code"])
        entry["cells"] = [entry["counts"].get(urgency, 0) for urgency in Urgency.values]
    return sorted(table.values(), key=lambda entry: (-entry["total"], entry["code"]))


def weakest_themes(region) -> list[dict]:
    """Average theme scores per questionnaire (entity type), weakest first."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0])
    for questionnaire, scores in Assessment.objects.filter(region=region).values_list(
        "questionnaire", "theme_scores"
    ):
        for theme, value in (scores or {}).items():
            if value is not None:
                sums[(questionnaire, theme)][0] += value
                sums[(questionnaire, theme)][1] += 1
    rows = [
        {
            "questionnaire": questionnaire,
            "questionnaire_label": Questionnaire(questionnaire).label
            if questionnaire in Questionnaire.values
            else questionnaire,
            "theme": theme,
            "label": theme_label(theme),
            "average": round(total / count, 1),
            "count": masked(count),
        }
        for (questionnaire, theme), (total, count) in sums.items()
        if count >= MIN_COUNT
    ]
    return sorted(rows, key=lambda row: (row["questionnaire"], row["average"]))


def served_from_elsewhere(region) -> dict:
    accepted = HelpRequest.objects.filter(region=region, accepted_by__isnull=False).select_related(
        None
    )
    total = accepted.count()
    other = accepted.exclude(accepted_by__region_id=F("region_id")).count()
    return {"accepted": total, "from_other_regions": other}


def status_counts(region) -> dict:
    counts = dict(
        HelpRequest.objects.filter(region=region)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return {status: counts.get(status, 0) for status, _label in RequestStatus.choices}


def needs_by_sector(region) -> list[tuple[str, int]]:
    """Open public buyers' needs of the region's administrations, per sector."""
    from django.db.models import Q

    from .choices import NeedStatus
    from .models import BuyerNeed

    rows = (
        BuyerNeed.objects.filter(status=NeedStatus.OPEN)
        .filter(Q(organisation__region=region) | Q(organisation__region__parent=region))
        .values("sector__label")
        .annotate(n=Count("pk"))
        .order_by("-n", "sector__label")
    )
    return [(row["sector__label"], row["n"]) for row in rows]

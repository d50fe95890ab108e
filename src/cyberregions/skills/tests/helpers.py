"""Objects of the skills module for tests."""

from __future__ import annotations

import datetime

from django.utils import timezone

from cyberregions.taxonomy.models import EcsfProfile

from ..choices import CourseStatus
from ..models import Course, CourseProfile, EcsfItem, SkillsNeed, Vacancy


def profile(code: str = "ECSF-PEN") -> EcsfProfile:
    return EcsfProfile.objects.get(code=code)


def make_course(
    provider,
    title: str = "Ethical hacking",
    *,
    status: str = CourseStatus.VALIDATED,
    profiles=("ECSF-PEN",),
    items: int | None = None,
    seats: int | None = 20,
    confirmed_days_ago: int | None = 10,
    **fields,
) -> Course:
    """A course written directly (not through the services), with its targets: coverage of
    each profile from the first ``items`` covered items of the first profile (all when None)."""
    values = {
        "kind": "short",
        "eqf_level": 5,
        "mode": "on_site",
        "cost_band": "low",
        "languages": ["en"],
        **fields,
    }
    confirmed = (
        timezone.now() - datetime.timedelta(days=confirmed_days_ago)
        if confirmed_days_ago is not None and status == CourseStatus.VALIDATED
        else None
    )
    course = Course.objects.create(
        slug=fields.pop("slug", None) or title.lower().replace(" ", "-"),
        title=title,
        provider=provider,
        status=status,
        seats_per_year=seats,
        confirmed_at=confirmed,
        **{key: value for key, value in values.items() if key != "slug"},
    )
    first = profile(profiles[0])
    covered = list(
        first.ecsf_items.filter(kind__in=("task", "skill", "knowledge")).order_by("code")
    )
    if items is not None:
        covered = covered[:items]
    course.items.set(covered)
    from ..services import set_targets

    set_targets(course, [profile(code) for code in profiles], covered)
    return course


def make_vacancy(organisation, code="ECSF-PEN", days=30, **fields) -> Vacancy:
    return Vacancy.objects.create(
        organisation=organisation,
        title=fields.pop("title", "Penetration tester"),
        profile=profile(code),
        remote=fields.pop("remote", "hybrid"),
        languages=fields.pop("languages", ["en"]),
        closing_date=timezone.localdate() + datetime.timedelta(days=days),
        **fields,
    )


def make_need(organisation, code="ECSF-PEN", count=3, horizon="now", **fields) -> SkillsNeed:
    return SkillsNeed.objects.create(
        organisation=organisation,
        profile=profile(code),
        count=count,
        seniority=fields.pop("seniority", "entry"),
        horizon=horizon,
        **fields,
    )


def coverage_of(course, code="ECSF-PEN") -> float:
    return CourseProfile.objects.get(course=course, profile__code=code).coverage


__all__ = ["EcsfItem", "make_course", "make_need", "make_vacancy", "profile", "coverage_of"]

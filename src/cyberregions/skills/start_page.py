"""The skills section of the start page (``home.sections``): the courses of the user's
organisations that need something (drafts, returned, stale), their open vacancies, and for a
coordinator the courses waiting for validation. Counts and links, through this app's
querysets."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cyberregions.core.permissions import (
    coordinated_region_ids,
    is_authenticated,
    member_organisation_ids,
)
from cyberregions.home.sections import Item, Section, register

from .choices import CourseStatus
from .models import Course, Vacancy
from .permissions import stale_before


@register(position=60)
def skills_section(user) -> Section | None:
    if not is_authenticated(user):
        return None
    organisations, regions = member_organisation_ids(user), coordinated_region_ids(user)
    if not organisations and not regions:
        return None
    courses = reverse("skills:courses")
    items = []
    if organisations:
        counts = Course.objects.filter(provider_id__in=organisations).aggregate(
            unfinished=Count(
                "pk", filter=Q(status__in=[CourseStatus.DRAFT, CourseStatus.RETURNED])
            ),
            stale=Count(
                "pk",
                filter=Q(status=CourseStatus.VALIDATED, confirmed_at__lt=stale_before()),
            ),
        )
        vacancies = Vacancy.objects.open().filter(organisation_id__in=organisations).count()
        items += [
            Item(_("Courses to finish or submit"), courses, counts["unfinished"]),
            Item(
                _("Courses to confirm (not confirmed for a year)"),
                courses,
                counts["stale"],
                "warning" if counts["stale"] else "",
            ),
            Item(_("Open vacancies"), reverse("skills:vacancies"), vacancies),
        ]
    if regions:
        waiting = Course.objects.filter(
            region_id__in=regions, status=CourseStatus.SUBMITTED
        ).count()
        items.append(
            Item(
                _("Courses waiting for your validation"),
                courses,
                waiting,
                "warning" if waiting else "",
            )
        )
    return Section(key="skills", title=_("Skills"), items=items, position=60)

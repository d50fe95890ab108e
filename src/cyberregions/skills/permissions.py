"""Who may see and change courses, declared needs and vacancies.

A course belongs to its provider: whoever may change the organisation in the atlas
(``organisations.permissions``: its members, its region's coordinators, administrators) adds
and edits its courses and submits them; the coordinators of the provider's region (and
administrators) validate them. Visitors see validated courses that are not hidden for want of
confirmation. Needs and vacancies are written by whoever may change the organisation; open
vacancies and needs are public. Each ``can_view_…`` predicate has a queryset twin
(``visible_to``) and an oracle test checks that both agree.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from cyberregions.core.permissions import (
    coordinated_region_ids,
    is_admin,
    is_authenticated,
    is_programme_staff,
)
from cyberregions.organisations.permissions import can_change_organisation

from .choices import GRACE_DAYS, STALE_AFTER_DAYS, CourseStatus


def hidden_before(now=None) -> datetime.datetime:
    """Courses last confirmed before this moment are hidden from the public."""
    return (now or timezone.now()) - datetime.timedelta(days=STALE_AFTER_DAYS + GRACE_DAYS)


def stale_before(now=None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(days=STALE_AFTER_DAYS)


def is_public(course, now=None) -> bool:
    return (
        course.status == CourseStatus.VALIDATED
        and course.confirmed_at is not None
        and course.confirmed_at >= hidden_before(now)
    )


def can_create_course(user, organisation) -> bool:
    return is_authenticated(user) and can_change_organisation(user, organisation)


def can_edit_course(user, course) -> bool:
    return is_authenticated(user) and can_change_organisation(user, course.provider)


def can_validate_course(user, course) -> bool:
    """The coordinators of the provider's region, and administrators."""
    if is_admin(user):
        return True
    return bool(course.region_id) and course.region_id in coordinated_region_ids(user)


def can_view_course(user, course) -> bool:
    if is_public(course) or is_programme_staff(user):
        return True
    return can_edit_course(user, course) or can_validate_course(user, course)


def course_read_scope(user) -> dict | None:
    """None when the user sees every course; otherwise the regions and organisations whose
    courses the user sees in any state."""
    if is_programme_staff(user):
        return None
    return {"region_ids": coordinated_region_ids(user)}


# Demand ------------------------------------------------------------------------------------


def can_declare_demand(user, organisation) -> bool:
    """Declare a need or publish a vacancy for ``organisation``."""
    return is_authenticated(user) and can_change_organisation(user, organisation)


def can_change_demand(user, item) -> bool:
    return is_authenticated(user) and can_change_organisation(user, item.organisation)


def can_view_vacancy(user, vacancy) -> bool:
    """Open vacancies are public; a closed one stays visible to its organisation."""
    if vacancy.closing_date >= timezone.localdate() or is_programme_staff(user):
        return True
    return can_change_demand(user, vacancy)


# Matching ----------------------------------------------------------------------------------


def can_see_region_matches(user, region) -> bool:
    """The region's coordinators, programme staff and administrators see the matching page
    that turns a gap into an action of the region's plan."""
    return is_programme_staff(user) or region.pk in coordinated_region_ids(user)

"""State changes of the skills module. Each runs in one transaction, asks ``permissions``
first and writes an audit record; course steps go through the workflow engine."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cyberregions.core import audit, slugs
from cyberregions.core.notifications import notify
from cyberregions.core.permissions import is_authenticated, require
from cyberregions.core.workflow import Notice, Step, Transition, Workflow, WorkflowError

from . import notices, permissions
from .choices import COVERED_KINDS, GRACE_DAYS, STALE_AFTER_DAYS, CourseStatus, CourseStep
from .indicators import coverage
from .models import Course, CourseProfile, CourseTransition, EcsfItem, SkillsNeed, Vacancy

# What people edit on a course, declared once: the form, the importer, the API serializer and
# the audit snapshot use it.
COURSE_FIELDS = [
    "title",
    "provider",
    "kind",
    "description",
    "eqf_level",
    "ects",
    "hours",
    "languages",
    "mode",
    "city",
    "start_dates",
    "cost_band",
    "funding_eligible",
    "certification",
    "seats_per_year",
    "url",
    "cyber_share",
    "profiles",
    "items",
]
TAG_FIELDS = ("profiles", "items")
NEED_FIELDS = ["organisation", "profile", "count", "seniority", "horizon", "hard_to_fill"]
VACANCY_FIELDS = [
    "organisation",
    "title",
    "profile",
    "city",
    "remote",
    "languages",
    "closing_date",
    "url",
    "description",
]
RESERVED_SLUGS = frozenset({"new", "import", "export"})


class CourseError(WorkflowError):
    """A course step or change that cannot be made as asked."""


def _actor(actor):
    return actor if is_authenticated(actor) else None


def course_snapshot(course: Course) -> dict:
    data = audit.snapshot(course, [f for f in COURSE_FIELDS if f not in TAG_FIELDS])
    if course.pk:
        data["profiles"] = sorted(course.profiles.values_list("code", flat=True))
        data["items"] = sorted(course.items.values_list("code", flat=True))
    return data


def profile_item_codes(profile_ids) -> dict[int, set[int]]:
    """Profile id → ids of its tasks, skills and knowledge (what a course may cover)."""
    through = EcsfItem.profiles.through.objects.filter(
        ecsfprofile_id__in=list(profile_ids), ecsfitem__kind__in=COVERED_KINDS
    )
    found: dict[int, set[int]] = {pk: set() for pk in profile_ids}
    for profile_id, item_id in through.values_list("ecsfprofile_id", "ecsfitem_id"):
        found[profile_id].add(item_id)
    return found


def set_targets(course: Course, profiles, items) -> None:
    """The profiles a course targets, each with its coverage share from ``items``."""
    profile_ids = [profile.pk for profile in profiles]
    item_ids = {item.pk for item in items}
    course.items.set(list(item_ids))
    by_profile = profile_item_codes(profile_ids)
    CourseProfile.objects.filter(course=course).delete()
    CourseProfile.objects.bulk_create(
        CourseProfile(course=course, profile_id=pk, coverage=coverage(item_ids, by_profile[pk]))
        for pk in profile_ids
    )


def _validate_dates(data: dict, today: datetime.date) -> None:
    for value in data.get("start_dates") or []:
        if datetime.date.fromisoformat(value) < today:
            raise CourseError(_("A next start date cannot be in the past."))


def _apply(course: Course, data: dict) -> None:
    for name, value in data.items():
        if name not in TAG_FIELDS:
            setattr(course, name, value)
    course.start_dates = sorted(str(value) for value in course.start_dates or [])
    course.full_clean(exclude=["slug", "created_by", *TAG_FIELDS])
    course.save()
    if "profiles" in data or "items" in data:
        set_targets(
            course,
            data.get("profiles", course.profiles.all()),
            data.get("items", course.items.all()),
        )


@transaction.atomic
def create_course(actor, data: dict) -> Course:
    require(permissions.can_create_course(actor, data["provider"]))
    _validate_dates(data, timezone.localdate())
    course = Course(
        slug=slugs.unique_slug(Course.objects, data["title"], "course", RESERVED_SLUGS),
        created_by=_actor(actor),
        status=CourseStatus.DRAFT,
    )
    _apply(course, data)
    audit.record(actor, "course.create", course, after=course_snapshot(course))
    return course


@transaction.atomic
def update_course(actor, course: Course, data: dict) -> Course:
    """Edit a course. An edit by its provider counts as a confirmation that it is offered."""
    require(permissions.can_edit_course(actor, course))
    if "provider" in data and data["provider"].pk != course.provider_id:
        require(permissions.can_create_course(actor, data["provider"]))
    _validate_dates(data, timezone.localdate())
    before = course_snapshot(course)
    if course.status == CourseStatus.VALIDATED:
        course.confirmed_at = timezone.now()
        course.reminded_at = None
    _apply(course, data)
    audit.record(actor, "course.update", course, before=before, after=course_snapshot(course))
    return course


@transaction.atomic
def delete_course(actor, course: Course) -> None:
    require(permissions.can_edit_course(actor, course))
    audit.record(actor, "course.delete", course, before=course_snapshot(course))
    course.delete()


# The validation workflow -------------------------------------------------------------------


def _needs_profile(step: Step) -> str | None:
    if not step.obj.targets.exists():
        return _("Say which ECSF profile the course prepares for before submitting it.")
    return None


def _confirmed(step: Step) -> None:
    step.set(confirmed_at=step.at, reminded_at=None)


def _subject(step: Step) -> str:
    return _("[cyberregions] Course “%(course)s”: %(status)s") % {
        "course": step.obj.title,
        "status": step.obj.get_status_display(),
    }


def _context(step: Step) -> dict:
    return {
        "course": step.obj,
        "step": CourseStep(step.name).label,
        "status": step.obj.get_status_display(),
        "reason": step.reason,
    }


WORKFLOW = Workflow(
    model=Course,
    history=CourseTransition,
    subject_field="course",
    audit_prefix="course",
    object_word=gettext_lazy("the course"),
    error=CourseError,
    notice=Notice(
        kind="skills.course.step",
        subject=_subject,
        template="skills/email/course_step.txt",
        context=_context,
        url=lambda course: course.get_absolute_url(),
    ),
    transitions=[
        Transition(
            CourseStep.SUBMIT,
            (CourseStatus.DRAFT, CourseStatus.RETURNED),
            CourseStatus.SUBMITTED,
            permissions.can_edit_course,
            gettext_lazy("The course has been sent to the region's coordinators."),
            check=_needs_profile,
            notify=notices.region_coordinators,
        ),
        Transition(
            CourseStep.VALIDATE,
            (CourseStatus.SUBMITTED,),
            CourseStatus.VALIDATED,
            permissions.can_validate_course,
            gettext_lazy("The course is validated and listed in the catalogue."),
            effect=_confirmed,
            notify=notices.provider_people,
        ),
        Transition(
            CourseStep.RETURN,
            (CourseStatus.SUBMITTED,),
            CourseStatus.RETURNED,
            permissions.can_validate_course,
            gettext_lazy("The course has been returned to its provider."),
            needs_reason=True,
            reason_prompt=gettext_lazy("Say why: the provider will read it."),
            notify=notices.provider_people,
        ),
        Transition(
            CourseStep.CONFIRM,
            (CourseStatus.VALIDATED,),
            None,
            permissions.can_edit_course,
            gettext_lazy("Thank you: the course is confirmed for another year."),
            effect=_confirmed,
        ),
    ],
)


def allowed_steps(user, course: Course) -> list[str]:
    return WORKFLOW.available(user, course)


def transition(actor, course: Course, step: str, reason: str = "") -> Course:
    return WORKFLOW.transition(actor, course, step, reason)


# Stale courses -----------------------------------------------------------------------------


def remind_stale_courses(now=None) -> dict[str, int]:
    """Tell the providers of courses not confirmed for a year, once per course until it is
    confirmed (``reminded_at`` is set in the same transaction as the notification)."""
    now = now or timezone.now()
    sent = 0
    due = Course.objects.stale(now).filter(reminded_at__isnull=True).select_related("provider")
    for course in due:
        with transaction.atomic():
            claimed = Course.objects.filter(pk=course.pk, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if not claimed:
                continue
            notify(
                notices.provider_people(course),
                kind="skills.course.stale",
                subject=lambda course=course: (
                    _("[cyberregions] Is “%(course)s” still offered? Please confirm it")
                    % {"course": course.title}
                ),
                template="skills/email/course_stale.txt",
                context={"course": course, "hidden_on": _hidden_on(course)},
                url=course.get_absolute_url(),
            )
            audit.record(None, "course.remind", course, after={"reminded_at": str(now)})
            sent += 1
    return {"reminded": sent}


def _hidden_on(course: Course) -> datetime.date | None:
    if course.confirmed_at is None:
        return None
    days = STALE_AFTER_DAYS + GRACE_DAYS
    return (course.confirmed_at + datetime.timedelta(days=days)).date()


# Demand ------------------------------------------------------------------------------------


@transaction.atomic
def declare_need(actor, data: dict) -> SkillsNeed:
    require(permissions.can_declare_demand(actor, data["organisation"]))
    need = SkillsNeed(created_by=_actor(actor), **data)
    need.full_clean()
    need.save()
    audit.record(actor, "skills.need.create", need, after=audit.snapshot(need, NEED_FIELDS))
    return need


@transaction.atomic
def withdraw_need(actor, need: SkillsNeed) -> None:
    require(permissions.can_change_demand(actor, need))
    audit.record(actor, "skills.need.delete", need, before=audit.snapshot(need, NEED_FIELDS))
    need.delete()


@transaction.atomic
def publish_vacancy(actor, data: dict) -> Vacancy:
    require(permissions.can_declare_demand(actor, data["organisation"]))
    if data["closing_date"] < timezone.localdate():
        raise CourseError(_("The closing date cannot be in the past."))
    vacancy = Vacancy(created_by=_actor(actor), **data)
    vacancy.full_clean()
    vacancy.save()
    audit.record(
        actor, "skills.vacancy.create", vacancy, after=audit.snapshot(vacancy, VACANCY_FIELDS)
    )
    return vacancy


@transaction.atomic
def withdraw_vacancy(actor, vacancy: Vacancy) -> None:
    require(permissions.can_change_demand(actor, vacancy))
    audit.record(
        actor, "skills.vacancy.delete", vacancy, before=audit.snapshot(vacancy, VACANCY_FIELDS)
    )
    vacancy.delete()

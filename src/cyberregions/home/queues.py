"""What waits for a user, read through each app's own querysets and permissions.

Every function here returns plain numbers or small lists, in a fixed number of queries
whatever the size of the data (the start page's tests pin them).
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Count, Q
from django.utils import timezone

from cyberregions.analysis.choices import SurveyStatus
from cyberregions.analysis.models import NeedsSurvey
from cyberregions.core.permissions import coordinated_region_ids, is_admin
from cyberregions.events.choices import EventStatus, MeetingRequestStatus
from cyberregions.events.models import Event, Meeting, MeetingRequest, Registration
from cyberregions.organisations.choices import AWAITING_DECISION, ClaimStatus, Status
from cyberregions.organisations.models import ClaimRequest, Organisation, RegistrationRequest
from cyberregions.plans import periods
from cyberregions.plans.choices import (
    REPORT_DONE_STATUSES,
    REPORTING_STATUSES,
    PlanStatus,
    ReportStatus,
)
from cyberregions.plans.models import ActionPlan, MonitoringReport
from cyberregions.practices.choices import AWAITING_STAFF, PracticeStatus
from cyberregions.practices.models import Practice

from . import completeness


def today() -> datetime.date:
    return timezone.localdate()


# Programme staff and administrators -----------------------------------------------------


def review_counts(user) -> dict[str, int]:
    """What waits for a decision of programme staff, among what ``user`` may see."""
    return {
        "practices": Practice.objects.visible_to(user).filter(status__in=AWAITING_STAFF).count(),
        "plans": ActionPlan.objects.visible_to(user).filter(status=PlanStatus.SUBMITTED).count(),
        "reports": MonitoringReport.objects.visible_to(user)
        .filter(status=ReportStatus.SUBMITTED)
        .count(),
        "registrations": RegistrationRequest.objects.decidable_by(user)
        .filter(status__in=AWAITING_DECISION)
        .count(),
    }


def decidable_claims(user):
    """Pending claims ``user`` decides (``organisations.permissions.can_decide_claim``):
    every claim for an administrator, those of the regions one coordinates otherwise."""
    pending = ClaimRequest.objects.visible_to(user).filter(status=ClaimStatus.PENDING)
    if is_admin(user):
        return pending
    return pending.filter(organisation__region_id__in=coordinated_region_ids(user))


# Monitoring reports ---------------------------------------------------------------------


def report_periods(plans_queryset, on: datetime.date | None = None) -> dict[int, dict]:
    """For each plan in implementation (or completed) of ``plans_queryset``: the semesters
    whose report is due (ended, not submitted) and those already late. Two queries."""
    on = on or today()
    plans = list(
        plans_queryset.filter(status__in=REPORTING_STATUSES).values(
            "id", "region_id", "implementation_started_on", "completed_on"
        )
    )
    reported: dict[int, set] = defaultdict(set)
    for plan_id, year, semester in MonitoringReport.objects.filter(
        plan_id__in=[plan["id"] for plan in plans], status__in=REPORT_DONE_STATUSES
    ).values_list("plan_id", "year", "semester"):
        reported[plan_id].add((year, semester))
    result = {}
    for plan in plans:
        started, completed = plan["implementation_started_on"], plan["completed_on"]
        done = reported[plan["id"]]
        due = [p for p in periods.ended_periods(started, completed, on) if p not in done]
        late = periods.late_periods(started, completed, on, done)
        result[plan["id"]] = {"region_id": plan["region_id"], "due": due, "late": late}
    return result


# Events ---------------------------------------------------------------------------------


def events_to_run(user, limit: int = 5) -> tuple[list[Event], bool]:
    """The next upcoming events ``user`` organises (not cancelled), and whether there are
    more. One query."""
    upcoming = (
        Event.objects.managed_by(user)
        .upcoming()
        .exclude(status=EventStatus.CANCELLED)
        .select_related("host_region")
    )
    rows = list(upcoming[: limit + 1])
    return rows[:limit], len(rows) > limit


# Coordinators ---------------------------------------------------------------------------


def region_figures(user) -> dict[int, dict]:
    """Key figures of each region ``user`` coordinates, in a fixed number of queries."""
    regions = coordinated_region_ids(user)
    if not regions:
        return {}
    figures: dict[int, dict] = {
        region_id: {
            "organisations": 0,
            "practices_published": 0,
            "practices_in_progress": 0,
            "claims": 0,
            "registrations": 0,
            "events": 0,
            "reports_due": 0,
            "reports_late": 0,
            "surveys": [],
        }
        for region_id in regions
    }
    for row in (
        Organisation.objects.filter(region_id__in=regions)
        .exclude(status=Status.CLOSED)
        .values("region_id")
        .annotate(n=Count("id"))
        .order_by()
    ):
        figures[row["region_id"]]["organisations"] = row["n"]
    for row in (
        Practice.objects.filter(region_id__in=regions)
        .values("region_id")
        .annotate(
            published=Count("id", filter=Q(status=PracticeStatus.PUBLISHED)),
            in_progress=Count(
                "id", filter=~Q(status__in=(PracticeStatus.PUBLISHED, PracticeStatus.REJECTED))
            ),
        )
        .order_by()
    ):
        figures[row["region_id"]]["practices_published"] = row["published"]
        figures[row["region_id"]]["practices_in_progress"] = row["in_progress"]
    for row in (
        decidable_claims(user)
        .filter(organisation__region_id__in=regions)
        .values("organisation__region_id")
        .annotate(n=Count("id"))
        .order_by()
    ):
        figures[row["organisation__region_id"]]["claims"] = row["n"]
    for row in (
        RegistrationRequest.objects.decidable_by(user)
        .filter(status__in=AWAITING_DECISION, region_id__in=regions)
        .values("region_id")
        .annotate(n=Count("id"))
        .order_by()
    ):
        figures[row["region_id"]]["registrations"] = row["n"]
    for row in (
        Event.objects.filter(host_region_id__in=regions)
        .upcoming()
        .exclude(status=EventStatus.CANCELLED)
        .values("host_region_id")
        .annotate(n=Count("id"))
        .order_by()
    ):
        figures[row["host_region_id"]]["events"] = row["n"]
    for line in report_periods(ActionPlan.objects.filter(region_id__in=regions)).values():
        figures[line["region_id"]]["reports_due"] += len(line["due"])
        figures[line["region_id"]]["reports_late"] += len(line["late"])
    for survey in (
        NeedsSurvey.objects.filter(region_id__in=regions, status=SurveyStatus.OPEN)
        .with_counts()
        .order_by("-created_at", "-id")
    ):
        figures[survey.region_id]["surveys"].append(survey)
    return figures


# Members --------------------------------------------------------------------------------


def organisation_profiles(user) -> list[tuple[Organisation, completeness.Completeness]]:
    """The organisations ``user`` is a member of, with how complete each profile is. One
    query: the counts of related rows are sub-queries."""
    from django.db.models import OuterRef, Subquery
    from django.db.models.functions import Coalesce

    def count_of(relation, field="organisation"):
        model = Organisation._meta.get_field(relation).related_model
        rows = (
            model.objects.filter(**{field: OuterRef("pk")})
            .order_by()
            .values(field)
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(rows), 0)

    domains = (
        Organisation.domains.through.objects.filter(organisation=OuterRef("pk"))
        .order_by()
        .values("organisation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    organisations = (
        Organisation.objects.filter(memberships__user=user)
        .annotate(
            domain_count=Coalesce(Subquery(domains), 0),
            item_count=count_of("items"),
            contact_count=count_of("contacts"),
        )
        .order_by("name", "id")
    )
    result = []
    for organisation in organisations:
        facts = {
            "description": organisation.description,
            "website": organisation.website,
            "city": organisation.city,
            "founded": organisation.founded,
            "employees": organisation.employees,
            "products_services": organisation.products_services,
            "domains": organisation.domain_count,
            "offers_or_needs": organisation.item_count,
            "contacts": organisation.contact_count,
        }
        result.append((organisation, completeness.completeness(facts)))
    return result


def my_registrations(user, now=None) -> list[Registration]:
    """``user``'s active registrations to events that have not ended, with the event."""
    now = now or timezone.now()
    return list(
        Registration.objects.of_user(user)
        .active()
        .filter(event__ends_at__gte=now)
        .exclude(event__status=EventStatus.CANCELLED)
        .select_related("event", "organisation")
        .order_by("event__starts_at", "event_id")
    )


def meetings_by_registration(registration_ids) -> dict[int, int]:
    """Published meetings of each registration (as requester or recipient)."""
    counts: dict[int, int] = defaultdict(int)
    rows = Meeting.objects.filter(published=True).filter(
        Q(request__requester_id__in=registration_ids)
        | Q(request__recipient_id__in=registration_ids)
    )
    for requester, recipient in rows.values_list("request__requester_id", "request__recipient_id"):
        for side in (requester, recipient):
            if side in registration_ids:
                counts[side] += 1
    return counts


def requests_received(registration_ids) -> dict[int, int]:
    """Meeting requests waiting for an answer, per recipient registration."""
    rows = (
        MeetingRequest.objects.filter(
            recipient_id__in=registration_ids, status=MeetingRequestStatus.PENDING
        )
        .values("recipient_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["recipient_id"]: row["n"] for row in rows}

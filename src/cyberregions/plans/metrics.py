"""Reads for the dashboards and exports: the roll-up of reports, a plan's timeline, and the
programme-wide overview, each in a fixed number of queries whatever the number of plans."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext

from . import periods, progress
from .choices import PUBLIC_PLAN_STATUSES, REPORT_DONE_STATUSES, ActionStatus, ReportStatus
from .models import Action, ActionCitation, ActionPlan, ActionProgress, MonitoringReport


def today() -> datetime.date:
    return timezone.localdate()


def report_rollup(report: MonitoringReport, entries: Iterable[ActionProgress]) -> progress.Rollup:
    """The report's roll-up; ``entries`` carry their action (select_related)."""
    return progress.roll_up(
        [
            progress.ActionState(
                status=entry.status,
                progress=entry.progress,
                cost_eur=entry.action.cost_eur,
                start=entry.action.start_date,
                end=entry.action.end_date,
            )
            for entry in entries
        ],
        report.period_end,
    )


def entries_by_report(reports: list[MonitoringReport]) -> dict[int, list[ActionProgress]]:
    """The entries of many reports, with the action fields the roll-up needs, in one query."""
    by_report: dict[int, list] = defaultdict(list)
    if not reports:
        return by_report
    entries = ActionProgress.objects.filter(report__in=[r.pk for r in reports]).select_related(
        "action"
    )
    for entry in entries.only(
        "report_id",
        "action_id",
        "status",
        "progress",
        "explanation",
        "action__cost_eur",
        "action__start_date",
        "action__end_date",
    ):
        by_report[entry.report_id].append(entry)
    return by_report


def rollups_for(reports: list[MonitoringReport]) -> dict[int, progress.Rollup]:
    """Roll-ups of many reports in one query."""
    by_report = entries_by_report(reports)
    return {report.pk: report_rollup(report, by_report[report.pk]) for report in reports}


def late_periods(plan: ActionPlan, reported: set, on: datetime.date) -> list[periods.Period]:
    return periods.late_periods(plan.implementation_started_on, plan.completed_on, on, reported)


def latest_accepted(plan: ActionPlan):
    """The latest accepted report of ``plan`` with its entries and actions, or None."""
    return (
        MonitoringReport.objects.filter(plan=plan, status=ReportStatus.ACCEPTED)
        .order_by("-year", "-semester")
        .first()
    )


@dataclass
class TimelineRow:
    action_id: int
    position: int
    title: str
    start: datetime.date | None
    end: datetime.date | None
    status: str
    status_label: str
    progress: int | None


def timeline(plan: ActionPlan, actions, report: MonitoringReport | None) -> list[TimelineRow]:
    """The plan's actions over time, with their status in ``report`` (the latest accepted)."""
    entries = {}
    if report is not None:
        entries = {entry.action_id: entry for entry in report.entries.all()}
    rows = []
    for action in actions:
        entry = entries.get(action.pk)
        status = entry.status if entry else "not_reported"
        rows.append(
            TimelineRow(
                action_id=action.pk,
                position=action.position,
                title=action.title,
                start=action.start_date,
                end=action.end_date,
                status=status,
                status_label=entry.get_status_display() if entry else gettext("Not reported yet"),
                progress=entry.progress if entry else None,
            )
        )
    return rows


@dataclass
class PlanLine:
    plan: ActionPlan
    actions: int = 0
    implemented: int = 0
    funds_eur: int = 0
    practices: int = 0
    late: list = field(default_factory=list)
    # Submitted reports waiting for programme staff's decision, oldest first.
    pending: list = field(default_factory=list)
    report: MonitoringReport | None = None
    rollup: progress.Rollup | None = None

    @property
    def improved(self) -> bool:
        return self.implemented > 0


@dataclass
class Overview:
    lines: list[PlanLine]
    actions_implemented: int
    instruments_improved: int
    funds_eur: int
    practices_transferred: int
    reports_late: int
    plans_by_status: dict
    reports_pending: int = 0


def overview(on: datetime.date | None = None) -> Overview:
    """Every plan of every region, for programme staff, in five queries: the plans; their
    actions; every report (statuses and periods); the entries of each plan's latest accepted
    report; the practices cited.

    - actions implemented: actions whose status is "implemented" in their plan's latest
      accepted report;
    - policy instruments improved: plans with at least one such action;
    - funds influenced (EUR): the costs of the actions under way or implemented (on track,
      delayed or implemented) in that report;
    - good practices transferred: distinct practices cited by endorsed plans and later;
    - reports late: ended semesters past their due date without a submitted report;
    - reports pending: submitted reports waiting for programme staff's decision.
    """
    on = on or today()
    plans = list(
        ActionPlan.objects.select_related("region", "region__country").order_by(
            "region__name", "title", "id"
        )
    )
    lines = {plan.pk: PlanLine(plan=plan) for plan in plans}
    costs: dict[int, int | None] = {}
    for action_id, plan_id, cost in Action.objects.values_list("id", "plan_id", "cost_eur"):
        lines[plan_id].actions += 1
        costs[action_id] = cost
    reported: dict[int, set] = defaultdict(set)
    latest: dict[int, MonitoringReport] = {}
    for report in MonitoringReport.objects.only(
        "id", "plan_id", "year", "semester", "status"
    ).order_by("year", "semester"):
        if report.status in REPORT_DONE_STATUSES:
            reported[report.plan_id].add(report.period)
        if report.status == ReportStatus.ACCEPTED:
            latest[report.plan_id] = report
        if report.status == ReportStatus.SUBMITTED:
            lines[report.plan_id].pending.append(report)
    entries = entries_by_report(list(latest.values()))
    under_way = (ActionStatus.ON_TRACK, ActionStatus.DELAYED, ActionStatus.IMPLEMENTED)
    for plan_id, report in latest.items():
        line = lines[plan_id]
        line.report = report
        line.rollup = report_rollup(report, entries[report.pk])
        for entry in entries[report.pk]:
            if entry.status == ActionStatus.IMPLEMENTED:
                line.implemented += 1
            if entry.status in under_way:
                line.funds_eur += costs.get(entry.action_id) or 0
    cited = ActionCitation.objects.filter(
        action__plan__status__in=PUBLIC_PLAN_STATUSES
    ).values_list("action__plan_id", "practice_id")
    practices_by_plan: dict[int, set] = defaultdict(set)
    for plan_id, practice_id in cited:
        practices_by_plan[plan_id].add(practice_id)
    for plan_id, line in lines.items():
        line.practices = len(practices_by_plan[plan_id])
        line.late = late_periods(line.plan, reported[plan_id], on)
    by_status: dict[str, int] = defaultdict(int)
    for plan in plans:
        by_status[plan.status] += 1
    ordered = [lines[plan.pk] for plan in plans]
    return Overview(
        lines=ordered,
        actions_implemented=sum(line.implemented for line in ordered),
        instruments_improved=sum(1 for line in ordered if line.improved),
        funds_eur=sum(line.funds_eur for line in ordered),
        practices_transferred=len(set().union(*practices_by_plan.values()))
        if practices_by_plan
        else 0,
        reports_late=sum(len(line.late) for line in ordered),
        plans_by_status=dict(by_status),
        reports_pending=sum(len(line.pending) for line in ordered),
    )

"""Exports: the plan as PDF in the three-part layout, each monitoring report as PDF, and CSV
files of plans, actions and reports (what the reader may see, with the list's filters)."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Sum
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from cyberregions.core import task_runs

from .. import metrics, pdf, permissions, tasks, versions
from ..choices import ReportStatus
from ..filtersets import ActionFilterSet, PlanFilterSet, ReportFilterSet
from ..models import Action, ActionCitation, ActionPlan, MonitoringReport
from .plans import visible_plan
from .reports import _report_content, visible_report

PLAN_FIELDS = [
    "id",
    "title",
    "region_code",
    "region",
    "country",
    "partner",
    "other_partners",
    "contact_name",
    "contact_email",
    "instrument_name",
    "managing_authority",
    "instrument_type",
    "status",
    "endorsing_authority",
    "endorsed_by",
    "endorsed_on",
    "implementation_started_on",
    "completed_on",
    "actions",
    "costs_eur",
    "last_accepted_report",
    "progress_percent",
    "rag",
    "url",
]
ACTION_FIELDS = [
    "plan_id",
    "plan",
    "region_code",
    "number",
    "title",
    "improvement_type",
    "start_date",
    "end_date",
    "cost_eur",
    "funding_sources",
    "practices",
    "players",
    "indicators",
    "url",
]
REPORT_FIELDS = [
    "id",
    "plan_id",
    "plan",
    "region_code",
    "period",
    "status",
    "submitted_at",
    "decided_at",
    "progress_percent",
    "expected_percent",
    "rag",
    "weighting",
    "actions",
    "implemented",
    "delayed",
    "abandoned",
    "url",
]


def plan_pdf_document(request, pk) -> tuple[str, dict, str]:
    """The template, context and file name of a plan's PDF as ``request.user`` may read it
    (404 when they may not see the plan): for the download and for the worker alike."""
    plan = visible_plan(request, pk, versions.content_queryset())
    context = {
        "plan": plan,
        "actions": list(plan.actions.all()),
        "show_contact": permissions.can_see_plan_contact(request.user, plan),
        "page_url": request.build_absolute_uri(plan.get_absolute_url()),
        "printed_on": timezone.localdate(),
    }
    return "plans/pdf/plan.html", context, f"action-plan-{plan.pk}.pdf"


def report_pdf_document(request, pk) -> tuple[str, dict, str]:
    """The same for a monitoring report (404 or 403 as its page answers)."""
    report = visible_report(request, pk)
    entries = _report_content(report)
    context = {
        "report": report,
        "plan": report.plan,
        "entries": entries,
        "rollup": metrics.report_rollup(report, entries),
        "page_url": request.build_absolute_uri(report.get_absolute_url()),
        "printed_on": timezone.localdate(),
    }
    filename = f"monitoring-report-{report.plan_id}-{report.period_key}.pdf"
    return "plans/pdf/report.html", context, filename


@require_GET
def plan_pdf(request, pk):
    """The direct download, for visitors (who have no progress page to follow)."""
    template, context, filename = plan_pdf_document(request, pk)
    return pdf.response(template, context, request, filename)


@login_required
@require_GET
def report_pdf(request, pk):
    template, context, filename = report_pdf_document(request, pk)
    return pdf.response(template, context, request, filename)


@login_required
@require_POST
def plan_pdf_prepare(request, pk):
    """A signed-in reader has the plan's PDF made by a worker and follows its progress page."""
    plan = visible_plan(request, pk)
    run = task_runs.unfinished(
        tasks.PLAN_PDF, requested_by=request.user, arguments__pk=pk
    ) or tasks.start_pdf(request.user, tasks.PLAN_PDF, pk, plan.title)
    return redirect("tasks:detail", pk=run.pk)


@login_required
@require_POST
def report_pdf_prepare(request, pk):
    report = visible_report(request, pk)
    title = f"{report.plan.title}, {report.period_label}"
    run = task_runs.unfinished(
        tasks.REPORT_PDF, requested_by=request.user, arguments__pk=pk
    ) or tasks.start_pdf(request.user, tasks.REPORT_PDF, pk, title)
    return redirect("tasks:detail", pk=run.pk)


def _cell(value):
    """Keep spreadsheet formulas out of exported text."""
    if isinstance(value, list):
        value = "; ".join(str(item) for item in value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def csv_response(filename: str, fields: list[str], rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # spreadsheets then read the file as UTF-8
    writer = csv.DictWriter(response, fieldnames=fields)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return response


def plan_rows(request):
    filterset = PlanFilterSet(request.GET, queryset=ActionPlan.objects.visible_to(request.user))
    if not filterset.is_valid():
        return []
    plans = list(
        filterset.qs.select_related("region", "region__country", "partner")
        .prefetch_related("other_partners")
        .annotate(costs=Sum("actions__cost_eur"), action_count=Count("actions"))
        .order_by("region__name", "title", "id")
    )
    latest: dict[int, MonitoringReport] = {}
    for report in MonitoringReport.objects.filter(
        plan__in=[plan.pk for plan in plans], status=ReportStatus.ACCEPTED
    ).order_by("year", "semester"):
        latest[report.plan_id] = report
    rollups = metrics.rollups_for(list(latest.values()))
    rows = []
    for plan in plans:
        report = latest.get(plan.pk)
        rollup = rollups.get(report.pk) if report else None
        contact = permissions.can_see_plan_contact(request.user, plan)
        rows.append(
            {
                "id": plan.pk,
                "title": plan.title,
                "region_code": plan.region.code,
                "region": plan.region.name,
                "country": plan.region.country.iso,
                "partner": plan.partner_label,
                "other_partners": [partner.name for partner in plan.other_partners.all()],
                "contact_name": plan.contact_name if contact else "",
                "contact_email": plan.contact_email if contact else "",
                "instrument_name": plan.instrument_name,
                "managing_authority": plan.managing_authority,
                "instrument_type": plan.instrument_type,
                "status": plan.status,
                "endorsing_authority": plan.endorsing_authority,
                "endorsed_by": plan.endorsed_by_name,
                "endorsed_on": plan.endorsed_on.isoformat() if plan.endorsed_on else "",
                "implementation_started_on": (
                    plan.implementation_started_on.isoformat()
                    if plan.implementation_started_on
                    else ""
                ),
                "completed_on": plan.completed_on.isoformat() if plan.completed_on else "",
                "actions": plan.action_count,
                "costs_eur": plan.costs,
                "last_accepted_report": report.period_key if report else "",
                "progress_percent": rollup.progress if rollup else None,
                "rag": rollup.rag if rollup else "none",
                "url": request.build_absolute_uri(plan.get_absolute_url()),
            }
        )
    return rows


@require_GET
def export_plans(request):
    return csv_response("action-plans.csv", PLAN_FIELDS, plan_rows(request))


@require_GET
def export_actions(request):
    plans = ActionPlan.objects.visible_to(request.user)
    filterset = ActionFilterSet(request.GET, queryset=Action.objects.filter(plan__in=plans))
    rows = []
    if filterset.is_valid():
        actions = (
            filterset.qs.select_related("plan", "plan__region")
            .prefetch_related(
                Prefetch(
                    "citations",
                    queryset=ActionCitation.objects.select_related("practice").order_by(
                        "practice__title"
                    ),
                ),
                "players",
                "indicators",
            )
            .order_by("plan__region__name", "plan__title", "plan_id", "position", "id")
        )
        for action in actions:
            rows.append(
                {
                    "plan_id": action.plan_id,
                    "plan": action.plan.title,
                    "region_code": action.plan.region.code,
                    "number": action.position,
                    "title": action.title,
                    "improvement_type": action.improvement_type,
                    "start_date": action.start_date.isoformat() if action.start_date else "",
                    "end_date": action.end_date.isoformat() if action.end_date else "",
                    "cost_eur": action.cost_eur,
                    "funding_sources": action.funding_sources,
                    "practices": [c.practice.slug for c in action.citations.all()],
                    "players": [organisation.name for organisation in action.players.all()],
                    "indicators": [
                        f"{indicator.name} ({indicator.get_kind_display()}): "
                        f"{versions.number(indicator.baseline)} → "
                        f"{versions.number(indicator.target)} {indicator.unit}".strip()
                        for indicator in action.indicators.all()
                    ],
                    "url": request.build_absolute_uri(action.get_absolute_url()),
                }
            )
    return csv_response("plan-actions.csv", ACTION_FIELDS, rows)


@login_required
@require_GET
def export_reports(request):
    filterset = ReportFilterSet(
        request.GET, queryset=MonitoringReport.objects.visible_to(request.user)
    )
    rows = []
    if filterset.is_valid():
        reports = list(
            filterset.qs.select_related("plan", "plan__region").order_by(
                "plan__region__name", "plan_id", "year", "semester"
            )
        )
        rollups = metrics.rollups_for(reports)
        for report in reports:
            rollup = rollups[report.pk]
            rows.append(
                {
                    "id": report.pk,
                    "plan_id": report.plan_id,
                    "plan": report.plan.title,
                    "region_code": report.plan.region.code,
                    "period": report.period_key,
                    "status": report.status,
                    "submitted_at": report.submitted_at.isoformat() if report.submitted_at else "",
                    "decided_at": report.decided_at.isoformat() if report.decided_at else "",
                    "progress_percent": rollup.progress,
                    "expected_percent": rollup.expected,
                    "rag": rollup.rag,
                    "weighting": rollup.weighting,
                    "actions": rollup.actions,
                    "implemented": rollup.implemented,
                    "delayed": rollup.delayed,
                    "abandoned": rollup.abandoned,
                    "url": request.build_absolute_uri(report.get_absolute_url()),
                }
            )
    return csv_response("monitoring-reports.csv", REPORT_FIELDS, rows)

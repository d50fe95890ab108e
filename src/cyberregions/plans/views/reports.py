"""Pages of Phase 2 monitoring: a plan's reports, writing a report, evidence, and the
report's workflow (submit, accept, return)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cyberregions.core import audit
from cyberregions.core.permissions import require
from cyberregions.core.uploads import CONTENT_TYPES

from .. import metrics, periods, permissions, services
from ..choices import REPORT_DONE_STATUSES, ReportStatus, ReportStep
from ..forms import (
    EntryForm,
    EvidenceForm,
    ReportStepForm,
    ReportSummaryForm,
    StartReportForm,
    ValueForm,
)
from ..models import (
    ActionProgress,
    Evidence,
    IndicatorValue,
    MonitoringReport,
    period_label,
)
from .plans import visible_plan

HISTORY_LABELS = {
    "plan.report.create": gettext_lazy("Report started"),
    "plan.report.update": gettext_lazy("Report edited"),
    "plan.report.submit": gettext_lazy("Submitted"),
    "plan.report.accept": gettext_lazy("Accepted"),
    "plan.report.return": gettext_lazy("Returned for changes"),
}


@login_required
@require_GET
def plan_reports(request, pk):
    plan = visible_plan(request, pk)
    require(permissions.can_follow_plan(request.user, plan))
    reports = list(plan.reports.select_related("submitted_by", "decided_by"))
    rollups = metrics.rollups_for(reports)
    today = timezone.localdate()
    reported = {report.period for report in reports if report.status in REPORT_DONE_STATUSES}
    late = metrics.late_periods(plan, reported, today)
    can_start = permissions.can_start_report(request.user, plan)
    open_periods = services.open_periods(plan, today) if can_start else []
    context = {
        "plan": plan,
        "rows": [(report, rollups[report.pk]) for report in reports],
        "late": [period_label(*period) for period in late],
        "can_start": can_start and bool(open_periods),
        "start_form": StartReportForm(open_periods=open_periods),
        "today": today,
    }
    return render(request, "plans/reports.html", context)


@login_required
@require_POST
def report_start(request, pk):
    plan = visible_plan(request, pk)
    require(permissions.can_start_report(request.user, plan))
    form = StartReportForm(request.POST, open_periods=services.open_periods(plan))
    if not form.is_valid():
        messages.error(request, _("Choose a semester that has no report yet."))
        return redirect("plans:reports", pk=plan.pk)
    try:
        report = services.start_report(request.user, plan, form.cleaned_data["period"])
    except services.ReportError as error:
        messages.error(request, str(error))
        return redirect("plans:reports", pk=plan.pk)
    messages.success(request, _("The report has been prefilled from the last one: update it."))
    return redirect("plans:report_edit", pk=report.pk)


def visible_report(request, pk) -> MonitoringReport:
    """A report its reader may see: 404 for anyone who may not even see the plan, 403 for
    those who see the plan but not its monitoring."""
    report = get_object_or_404(
        MonitoringReport.objects.select_related("plan", "plan__region"), pk=pk
    )
    if not permissions.can_view_plan(request.user, report.plan):
        raise Http404
    require(permissions.can_view_report(request.user, report))
    return report


def _report_content(report: MonitoringReport):
    entries = list(
        ActionProgress.objects.filter(report=report)
        .select_related("action")
        .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at")))
        .order_by("action__position", "action_id")
    )
    values: dict[int, list] = {}
    for value in IndicatorValue.objects.filter(report=report).select_related("indicator"):
        values.setdefault(value.indicator.action_id, []).append(value)
    for entry in entries:
        entry.values = values.get(entry.action_id, [])
    return entries


@login_required
@require_GET
def report_detail(request, pk):
    report = visible_report(request, pk)
    entries = _report_content(report)
    context = {
        "report": report,
        "plan": report.plan,
        "entries": entries,
        "rollup": metrics.report_rollup(report, entries),
        "can_write": permissions.can_write_report(request.user, report),
        "steps": [
            (step, ReportStep(step).label)
            for step in services.allowed_report_steps(request.user, report)
        ],
        "history": _history(report),
    }
    return render(request, "plans/report_detail.html", context)


def _history(report):
    entries = list(audit.history(report)[:30])
    for entry in entries:
        entry.label = HISTORY_LABELS.get(entry.action, entry.action)
    return entries


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request, pk):
    report = visible_report(request, pk)
    require(permissions.can_write_report(request.user, report))
    entries = _report_content(report)
    data = request.POST if request.method == "POST" else None
    summary_form = ReportSummaryForm(data, initial={"summary": report.summary})
    for entry in entries:
        entry.form = EntryForm(
            data,
            prefix=f"action-{entry.action_id}",
            initial={
                "status": entry.status,
                "progress": entry.progress,
                "explanation": entry.explanation,
            },
        )
        for value in entry.values:
            value.form = _value_form(data, value)
    if request.method == "POST":
        forms_ok = summary_form.is_valid() and all(
            [entry.form.is_valid() for entry in entries]
            + [value.form.is_valid() for entry in entries for value in entry.values]
        )
        if forms_ok:
            try:
                services.update_report(
                    request.user,
                    report,
                    summary=summary_form.cleaned_data["summary"],
                    entries={entry.action_id: entry.form.cleaned_data for entry in entries},
                    values={
                        value.indicator_id: value.form.cleaned_data["current"]
                        for entry in entries
                        for value in entry.values
                    },
                )
            except services.ReportError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("The report has been saved."))
                return redirect(report)
        else:
            messages.error(request, _("Some answers need your attention: see below."))
    context = {
        "report": report,
        "plan": report.plan,
        "entries": entries,
        "summary_form": summary_form,
    }
    return render(request, "plans/report_form.html", context)


def _value_form(data, value):
    return ValueForm(
        data, prefix=f"indicator-{value.indicator_id}", initial={"current": value.current}
    )


@login_required
@require_POST
def evidence_add(request, pk, entry_pk):
    report = visible_report(request, pk)
    entry = get_object_or_404(
        ActionProgress.objects.select_related("report"), pk=entry_pk, report=report
    )
    require(permissions.can_write_report(request.user, report))
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            if form.cleaned_data.get("url"):
                services.add_evidence_link(
                    request.user, entry, form.cleaned_data["url"], form.cleaned_data["title"]
                )
            if form.cleaned_data.get("file"):
                services.add_evidence_file(
                    request.user, entry, form.cleaned_data["file"], form.cleaned_data["title"]
                )
        except services.ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The evidence has been added."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(f"{report.get_absolute_url()}#action-{entry.action_id}")


@login_required
@require_GET
def evidence_download(request, pk, evidence_pk):
    """Served through this view only, to those who may see the report: never as a static
    file."""
    report = visible_report(request, pk)
    evidence = get_object_or_404(Evidence, pk=evidence_pk, entry__report=report)
    if evidence.is_link or not evidence.file:
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.name,
        content_type=CONTENT_TYPES.get(evidence.kind, "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def evidence_delete(request, pk, evidence_pk):
    report = visible_report(request, pk)
    evidence = get_object_or_404(
        Evidence.objects.select_related("entry__report__plan"), pk=evidence_pk, entry__report=report
    )
    services.delete_evidence(request.user, evidence)
    messages.success(request, _("The evidence has been removed."))
    return redirect(report)


@login_required
@require_http_methods(["GET", "POST"])
def report_step(request, pk, step):
    report = visible_report(request, pk)
    if step not in ReportStep.values:
        raise Http404
    if step == ReportStep.SUBMIT:
        require(permissions.can_submit_report(request.user, report))
    else:
        require(permissions.can_decide_report(request.user, report))
    form = ReportStepForm(request.POST or None, needs_reason=step == ReportStep.RETURN)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_step(request.user, report, step, form.cleaned_data["reason"])
        except services.ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, str(services.DONE_MESSAGES[step]))
        return redirect(report)
    context = {
        "report": report,
        "plan": report.plan,
        "form": form,
        "step": step,
        "step_label": ReportStep(step).label,
        "possible": step in services.allowed_report_steps(request.user, report),
        "returned": report.status == ReportStatus.RETURNED,
        "due": periods.due_date(report.period),
    }
    return render(request, "plans/report_step.html", context)

"""State changes of Phase 2 monitoring reports: starting a report prefilled from the last
one, writing it, evidence, submitting, accepting and returning. Each runs in one transaction,
asks core.permissions first and writes an audit record."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cyberregions.core import attachments, audit
from cyberregions.core.notifications import programme_staff
from cyberregions.core.permissions import is_authenticated, require
from cyberregions.core.workflow import Notice, Step, Transition, Workflow, WorkflowError

from .. import notifications, periods, permissions
from ..choices import (
    NEEDS_EXPLANATION,
    REPORT_EDITABLE_STATUSES,
    ActionStatus,
    EvidenceKind,
    ReportStatus,
    ReportStep,
)
from ..models import (
    ActionPlan,
    ActionProgress,
    Evidence,
    Indicator,
    IndicatorValue,
    MonitoringReport,
    ReportTransition,
)


class ReportError(WorkflowError):
    """The report cannot change as asked."""


class EvidenceRefused(ReportError):
    """The uploaded file is not accepted."""


def _actor(actor):
    return actor if is_authenticated(actor) else None


def max_evidence_bytes() -> int:
    return int(getattr(settings, "PLANS_MAX_EVIDENCE_BYTES", attachments.DEFAULT_MAX_BYTES))


def report_snapshot(report: MonitoringReport) -> dict:
    entries = report.entries.select_related("action").order_by("action__position", "action_id")
    return {
        "status": report.status,
        "summary": report.summary,
        "actions": {
            str(entry.action.position): f"{entry.status} {entry.progress}% {entry.explanation}"
            for entry in entries
        },
        "indicators": {
            str(value.indicator_id): str(value.current)
            for value in report.indicator_values.order_by("indicator_id")
        },
    }


def open_periods(plan: ActionPlan, on: datetime.date | None = None) -> list[periods.Period]:
    """Semesters of the plan, up to the present one, that have no report yet."""
    on = on or timezone.localdate()
    existing = set(plan.reports.values_list("year", "semester"))
    return [
        period
        for period in periods.reporting_periods(
            plan.implementation_started_on, plan.completed_on, on
        )
        if period not in existing
    ]


@transaction.atomic
def start_report(
    actor, plan: ActionPlan, period: periods.Period | None = None, on=None
) -> MonitoringReport:
    """Create the report of ``period`` (by default the earliest semester without one),
    prefilled from the latest earlier report: each action's status, progress and
    explanation, and each indicator's value (as its previous and, until changed, current
    value; the baseline when the indicator was never reported)."""
    require(permissions.can_start_report(actor, plan))
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    candidates = open_periods(plan, on)
    if period is None:
        if not candidates:
            raise ReportError(_("Every semester of the plan so far already has a report."))
        period = candidates[0]
    elif period not in candidates:
        raise ReportError(_("This semester is not open for a report."))
    previous = (
        MonitoringReport.objects.filter(plan=plan)
        .exclude(year__gt=period[0])
        .exclude(year=period[0], semester__gt=period[1])
        .order_by("-year", "-semester")
        .first()
    )
    report = MonitoringReport.objects.create(
        plan=plan, year=period[0], semester=period[1], created_by=_actor(actor)
    )
    last_entries = {entry.action_id: entry for entry in previous.entries.all()} if previous else {}
    ActionProgress.objects.bulk_create(
        ActionProgress(
            report=report,
            action=action,
            status=last.status if last else ActionStatus.NOT_STARTED,
            progress=last.progress if last else 0,
            explanation=last.explanation if last else "",
        )
        for action in plan.actions.order_by("position", "id")
        for last in [last_entries.get(action.pk)]
    )
    last_values = (
        {value.indicator_id: value for value in previous.indicator_values.all()} if previous else {}
    )
    values = []
    for indicator in Indicator.objects.filter(action__plan=plan).order_by("id"):
        last = last_values.get(indicator.pk)
        known = last.current if last and last.current is not None else None
        values.append(
            IndicatorValue(
                report=report,
                indicator=indicator,
                previous=known if known is not None else indicator.baseline,
                current=known,
            )
        )
    IndicatorValue.objects.bulk_create(values)
    audit.record(
        actor,
        "plan.report.create",
        report,
        after={
            "period": report.period_key,
            "prefilled_from": previous.period_key if previous else None,
        },
    )
    return report


def _locked(report: MonitoringReport) -> MonitoringReport:
    return MonitoringReport.objects.select_for_update().select_related("plan").get(pk=report.pk)


def _clean_entry(entry: ActionProgress, data: dict) -> None:
    status = data.get("status", entry.status)
    if status not in ActionStatus.values:
        raise ReportError(_("Unknown status."))
    explanation = (data.get("explanation", entry.explanation) or "").strip()
    try:
        progress_value = int(data.get("progress", entry.progress))
    except (TypeError, ValueError) as error:
        raise ReportError(_("Progress runs from 0 to 100 %.")) from error
    if not 0 <= progress_value <= 100:
        raise ReportError(_("Progress runs from 0 to 100 %."))
    if status in NEEDS_EXPLANATION and not explanation:
        raise ReportError(
            _("Explain why action %(number)s is delayed or abandoned.")
            % {"number": entry.action.position}
        )
    if status == ActionStatus.IMPLEMENTED:
        progress_value = 100
    entry.status, entry.progress, entry.explanation = status, progress_value, explanation[:4000]


@transaction.atomic
def update_report(
    actor,
    report: MonitoringReport,
    summary: str | None = None,
    entries: dict[int, dict] | None = None,
    values: dict[int, Decimal | None] | None = None,
) -> MonitoringReport:
    """Write the report: ``entries`` by action id (status, progress, explanation), ``values``
    by indicator id (current value)."""
    report = _locked(report)
    require(permissions.can_write_report(actor, report))
    before = report_snapshot(report)
    if summary is not None:
        report.summary = summary.strip()[:6000]
        report.save(update_fields=["summary", "updated_at"])
    if entries:
        changed = []
        for entry in report.entries.select_related("action"):
            if entry.action_id in entries:
                _clean_entry(entry, entries[entry.action_id])
                changed.append(entry)
        ActionProgress.objects.bulk_update(changed, ["status", "progress", "explanation"])
    if values:
        changed_values = []
        for value in report.indicator_values.all():
            if value.indicator_id in values:
                value.current = values[value.indicator_id]
                changed_values.append(value)
        IndicatorValue.objects.bulk_update(changed_values, ["current"])
    audit.record(actor, "plan.report.update", report, before=before, after=report_snapshot(report))
    return report


# Workflow of a report ---------------------------------------------------------------------


def _complete(step: Step) -> str | None:
    entries = list(step.obj.entries.select_related("action"))
    if not entries:
        return _("The report holds no action.")
    for entry in entries:
        if entry.status in NEEDS_EXPLANATION and not entry.explanation.strip():
            return _("Explain why action %(number)s is delayed or abandoned.") % {
                "number": entry.action.position
            }
    return None


def _submitted(step: Step) -> None:
    step.set(submitted_at=step.at, submitted_by=_actor(step.actor))


def _decided(step: Step) -> None:
    step.set(decided_at=step.at, decided_by=_actor(step.actor), decision_reason=step.reason)


def _in_order(step: Step) -> str | None:
    """A report is accepted once its semester has ended and every earlier report of the
    plan has been accepted, so that the accepted reports always tell the story in order."""
    report = step.obj
    if timezone.localdate() <= report.period_end:
        return _("This report can be accepted once its semester has ended (%(end)s).") % {
            "end": formats.date_format(report.period_end, "DATE_FORMAT")
        }
    earlier = (
        MonitoringReport.objects.filter(plan_id=report.plan_id)
        .exclude(status=ReportStatus.ACCEPTED)
        .filter(
            models.Q(year__lt=report.year)
            | models.Q(year=report.year, semester__lt=report.semester)
        )
        .order_by("year", "semester")
        .first()
    )
    if earlier is not None:
        return _(
            "The report of %(period)s is still waiting: accept the reports in the order of "
            "their semesters."
        ) % {"period": earlier.period_label}
    return None


def _not_yet_resubmitted(report) -> str | None:
    if report.status == ReportStatus.RETURNED:
        return _("A returned report must be resubmitted by the region before it can be accepted.")
    return _("Only a submitted report can be accepted.")


def _subject(step: Step) -> str:
    report = step.obj
    return _("[cyberregions] %(plan)s, report %(period)s: %(status)s") % {
        "plan": report.plan.title,
        "period": report.period_label,
        "status": report.get_status_display(),
    }


def _region(report):
    return notifications.region_people(report.plan)


WORKFLOW = Workflow(
    model=MonitoringReport,
    history=ReportTransition,
    subject_field="report",
    audit_prefix="plan.report",
    object_word=gettext_lazy("the report"),
    error=ReportError,
    notice=Notice(
        kind="plan.report.step",
        subject=_subject,
        template="plans/email/report.txt",
        context=lambda step: {
            "report": step.obj,
            "status": step.obj.get_status_display(),
            "reason": step.reason,
        },
        url=lambda report: report.get_absolute_url(),
    ),
    transitions=[
        Transition(
            ReportStep.SUBMIT,
            REPORT_EDITABLE_STATUSES,
            ReportStatus.SUBMITTED,
            permissions.can_submit_report,
            gettext_lazy("The report has been submitted to programme staff."),
            check=_complete,
            effect=_submitted,
            notify=programme_staff,
            wrong_state=lambda report: _("This report has already been submitted."),
        ),
        Transition(
            ReportStep.ACCEPT,
            (ReportStatus.SUBMITTED,),
            ReportStatus.ACCEPTED,
            permissions.can_decide_report,
            gettext_lazy("The report has been accepted."),
            check=_in_order,
            effect=_decided,
            notify=_region,
            wrong_state=_not_yet_resubmitted,
        ),
        Transition(
            ReportStep.RETURN,
            (ReportStatus.SUBMITTED,),
            ReportStatus.RETURNED,
            permissions.can_decide_report,
            gettext_lazy("The report has been returned to the region."),
            needs_reason=True,
            reason_prompt=gettext_lazy("Say why the report is returned: the region will read it."),
            effect=_decided,
            notify=_region,
            wrong_state=lambda report: _("Only a submitted report can be returned."),
        ),
    ],
)
DONE_MESSAGES = {name: transition.done for name, transition in WORKFLOW.transitions.items()}


def allowed_report_steps(user, report: MonitoringReport) -> list[str]:
    return WORKFLOW.available(user, report)


def report_step(actor, report: MonitoringReport, step: str, reason: str = ""):
    """Take ``step`` on ``report``: submit, accept (with an optional remark) or return."""
    return WORKFLOW.transition(actor, report, step, reason)


def submit_report(actor, report: MonitoringReport) -> MonitoringReport:
    """Submit a draft, or resubmit a returned report."""
    return report_step(actor, report, ReportStep.SUBMIT)


def accept_report(actor, report: MonitoringReport, remark: str = "") -> MonitoringReport:
    return report_step(actor, report, ReportStep.ACCEPT, remark)


def return_report(actor, report: MonitoringReport, reason: str) -> MonitoringReport:
    return report_step(actor, report, ReportStep.RETURN, reason)


# Evidence ---------------------------------------------------------------------------------


def _evidence_entry(actor, entry: ActionProgress) -> None:
    require(permissions.can_write_report(actor, entry.report))


@transaction.atomic
def add_evidence_link(actor, entry: ActionProgress, url: str, title: str = "") -> Evidence:
    _evidence_entry(actor, entry)
    url = (url or "").strip()
    if not url.lower().startswith(("https://", "http://")):
        raise ReportError(_("Give a web address starting with https:// or http://."))
    evidence = Evidence.objects.create(
        entry=entry,
        kind=EvidenceKind.LINK,
        url=url[:500],
        title=(title or "").strip()[:200],
        uploaded_by=_actor(actor),
    )
    audit.record(actor, "plan.evidence.add", evidence, after={"url": evidence.url})
    return evidence


@transaction.atomic
def add_evidence_file(actor, entry: ActionProgress, uploaded, title: str = "") -> Evidence:
    """Check ``uploaded`` by its content (the one upload service), store it under a generated
    name."""
    _evidence_entry(actor, entry)
    try:
        info = attachments.check(uploaded, max_evidence_bytes())
    except attachments.UploadRefused as error:
        raise EvidenceRefused(str(error)) from error
    evidence = Evidence(
        entry=entry,
        kind=info.kind,
        name=info.name,
        title=(title or "").strip()[:200],
        size=info.size,
        sha256=info.sha256,
        uploaded_by=_actor(actor),
    )
    uploaded.seek(0)
    evidence.file.save(info.name, uploaded, save=False)
    evidence.save()
    audit.record(
        actor,
        "plan.evidence.add",
        evidence,
        after={"name": evidence.name, "kind": evidence.kind, "sha256": evidence.sha256},
    )
    return evidence


@transaction.atomic
def delete_evidence(actor, evidence: Evidence) -> None:
    _evidence_entry(actor, evidence.entry)
    audit.record(
        actor,
        "plan.evidence.delete",
        evidence,
        before={"name": evidence.name, "url": evidence.url},
    )
    stored = evidence.file.name if evidence.file else ""
    storage = evidence.file.storage if evidence.file else None
    evidence.delete()
    if stored and storage is not None:
        # The file goes once the deletion is committed, never before.
        transaction.on_commit(lambda: storage.delete(stored))

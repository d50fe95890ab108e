"""Phase 2 monitoring: a report per plan and semester, with a status, a progress and
explanations per action, the indicators' values, evidence, and the reminders sent."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cyberregions.core.models import TimeStampedModel, WorkflowStep

from .. import periods
from ..choices import (
    NEEDS_EXPLANATION,
    REPORT_EDITABLE_STATUSES,
    ActionStatus,
    EvidenceKind,
    ReminderStage,
    ReportStatus,
)
from ..querysets import ReportQuerySet
from .plans import Action, ActionPlan, Indicator

SEMESTERS = [(1, _("January–June")), (2, _("July–December"))]


def period_label(year: int, semester: int) -> str:
    if semester == 1:
        return gettext("January–June %(year)s") % {"year": year}
    return gettext("July–December %(year)s") % {"year": year}


class MonitoringReport(TimeStampedModel):
    """The region's report on a plan's implementation for one semester."""

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="reports"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    semester = models.PositiveSmallIntegerField(_("semester"), choices=SEMESTERS)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    summary = models.TextField(_("overview of the semester"), blank=True, max_length=6000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="created_plan_reports",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_plan_reports",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decided_plan_reports",
    )
    decision_reason = models.TextField(_("programme staff's remarks"), blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("monitoring report")
        verbose_name_plural = _("monitoring reports")
        ordering = ["plan", "-year", "-semester"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year", "semester"],
                name="plan_report_once_per_semester",
                violation_error_message=_("This plan already has a report for this semester."),
            ),
            models.CheckConstraint(
                condition=models.Q(semester__in=(1, 2)),
                name="plan_report_semester_1_or_2",
                violation_error_message=_("A year has two semesters."),
            ),
        ]
        indexes = [models.Index(fields=["status"], name="plan_report_status_idx")]

    def __str__(self) -> str:
        return gettext("%(plan)s — report %(period)s") % {
            "plan": self.plan,
            "period": self.period_label,
        }

    def get_absolute_url(self) -> str:
        return reverse("plans:report", args=[self.pk])

    @property
    def period(self) -> periods.Period:
        return (self.year, self.semester)

    @property
    def period_label(self) -> str:
        return period_label(self.year, self.semester)

    @property
    def period_key(self) -> str:
        return periods.period_key(self.period)

    @property
    def period_end(self):
        return periods.period_end(self.period)

    @property
    def due_date(self):
        return periods.due_date(self.period)

    @property
    def is_editable_state(self) -> bool:
        return self.status in REPORT_EDITABLE_STATUSES


class ReportTransition(WorkflowStep):
    """One step of a monitoring report's workflow: submitted, accepted, returned, and why."""

    report = models.ForeignKey(
        MonitoringReport,
        verbose_name=_("monitoring report"),
        on_delete=models.CASCADE,
        related_name="transitions",
    )
    from_state = models.CharField(_("from"), max_length=30, choices=ReportStatus.choices)
    to_state = models.CharField(_("to"), max_length=30, choices=ReportStatus.choices)

    class Meta(WorkflowStep.Meta):
        verbose_name = _("report step")
        verbose_name_plural = _("report steps")

    def __str__(self) -> str:
        return f"{self.report}: {self.from_state} → {self.to_state}"


class ActionProgress(models.Model):
    """Where one action stands in a report."""

    report = models.ForeignKey(
        MonitoringReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="entries",
    )
    action = models.ForeignKey(
        Action,
        verbose_name=_("action"),
        on_delete=models.CASCADE,
        related_name="progress_entries",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    explanation = models.TextField(_("explanation"), blank=True, max_length=4000)

    class Meta:
        verbose_name = _("progress of an action")
        verbose_name_plural = _("progress of the actions")
        ordering = ["report", "action__position", "action_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "action"],
                name="plan_progress_once_per_action",
                violation_error_message=_("This action is already in the report."),
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100),
                name="plan_progress_at_most_100",
                violation_error_message=_("Progress runs from 0 to 100 %."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=NEEDS_EXPLANATION) | ~models.Q(explanation=""),
                name="plan_progress_explained",
                violation_error_message=_("Explain why the action is delayed or abandoned."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action}: {self.get_status_display()} ({self.progress} %)"


class IndicatorValue(models.Model):
    """An indicator's value in a report: the previous report's, the present one's."""

    report = models.ForeignKey(
        MonitoringReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="indicator_values",
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    previous = models.DecimalField(
        _("previous value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    current = models.DecimalField(
        _("current value"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["report", "indicator__action__position", "indicator__position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "indicator"],
                name="plan_value_once_per_indicator",
                violation_error_message=_("This indicator already has a value in the report."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.current}"


def evidence_path(instance: Evidence, filename: str) -> str:
    """A generated name: nothing of the client's file name reaches the file system."""
    return f"plans/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{instance.kind}"


class Evidence(models.Model):
    """A link or a file showing what an action achieved in the semester."""

    entry = models.ForeignKey(
        ActionProgress,
        verbose_name=_("action"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    kind = models.CharField(_("type"), max_length=8, choices=EvidenceKind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    url = models.URLField(_("web address"), blank=True, max_length=500)
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=200, blank=True)
    name = models.CharField(_("file name"), max_length=150, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_evidence",
    )
    uploaded_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind=EvidenceKind.LINK) & ~models.Q(url=""))
                | (~models.Q(kind=EvidenceKind.LINK) & ~models.Q(file="")),
                name="plan_evidence_link_or_file",
                violation_error_message=_("Evidence is a web address or a file."),
            )
        ]

    def __str__(self) -> str:
        return self.title or self.name or self.url

    @property
    def is_link(self) -> bool:
        return self.kind == EvidenceKind.LINK


class ReportReminder(models.Model):
    """A reminder sent for a plan's semester, at most once per stage: the command that sends
    them can run as often as wanted."""

    plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    semester = models.PositiveSmallIntegerField(_("semester"), choices=SEMESTERS)
    stage = models.CharField(_("stage"), max_length=8, choices=ReminderStage.choices)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("report reminder")
        verbose_name_plural = _("report reminders")
        ordering = ["-sent_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year", "semester", "stage"],
                name="plan_reminder_once_per_stage",
                violation_error_message=_("This reminder has already been sent."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan} — {period_label(self.year, self.semester)}: {self.stage}"

"""Reminding regions of their due monitoring reports; run from cron by
``cyberregions remind_due_reports``. Idempotent: each reminder (plan, semester, stage) is
recorded before it is sent, under a unique constraint, so that it goes at most once however
often — and however many times at once — the command runs."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cyberregions.core import audit
from cyberregions.core.notifications import notify
from cyberregions.core.permissions import COMMAND_LINE

from .. import notifications, periods
from ..choices import REPORT_DONE_STATUSES, REPORTING_STATUSES, ReminderStage
from ..models import ActionPlan, MonitoringReport, ReportReminder, period_label

logger = logging.getLogger(__name__)


@dataclass
class Due:
    plan: ActionPlan
    period: periods.Period
    stage: str

    @property
    def due_date(self) -> datetime.date:
        return periods.due_date(self.period)


@dataclass
class ReminderRun:
    checked_plans: int = 0
    sent: list[Due] = field(default_factory=list)
    already_sent: int = 0


def pending(on: datetime.date) -> tuple[list[Due], int, int]:
    """The reminders to send on ``on``: for every ended semester of a plan in implementation
    (or completed) without a submitted report, "due" once the semester has ended and
    "overdue" once its due date has passed (only the latter when both apply). Returns them
    with the number of plans checked and of reminders already sent."""
    plans = list(ActionPlan.objects.filter(status__in=REPORTING_STATUSES).select_related("region"))
    ids = [plan.pk for plan in plans]
    done = set(
        MonitoringReport.objects.filter(
            plan_id__in=ids, status__in=REPORT_DONE_STATUSES
        ).values_list("plan_id", "year", "semester")
    )
    sent = set(
        ReportReminder.objects.filter(plan_id__in=ids).values_list(
            "plan_id", "year", "semester", "stage"
        )
    )
    result, skipped = [], 0
    for plan in plans:
        for period in periods.ended_periods(plan.implementation_started_on, plan.completed_on, on):
            if (plan.pk, *period) in done:
                continue
            overdue = periods.due_date(period) < on
            stage = ReminderStage.OVERDUE if overdue else ReminderStage.DUE
            if (plan.pk, *period, stage) in sent:
                skipped += 1
                continue
            result.append(Due(plan, period, stage))
    return result, len(plans), skipped


def remind_due_reports(on: datetime.date | None = None, dry_run: bool = False) -> ReminderRun:
    on = on or timezone.localdate()
    due, checked, skipped = pending(on)
    run = ReminderRun(checked_plans=checked, already_sent=skipped)
    for item in due:
        if dry_run or _send(item):
            run.sent.append(item)
        else:
            run.already_sent += 1
    logger.info(
        "plans: %d plan(s) checked, %d reminder(s) %s, %d already sent",
        run.checked_plans,
        len(run.sent),
        "to send" if dry_run else "sent",
        run.already_sent,
    )
    return run


def _send(item: Due) -> bool:
    """Record the reminder, then queue its e-mails for the commit; False when another run
    recorded it first."""
    try:
        with transaction.atomic():
            reminder = ReportReminder.objects.create(
                plan=item.plan,
                year=item.period[0],
                semester=item.period[1],
                stage=item.stage,
            )
            label = period_label(*item.period)
            told = notify(
                notifications.region_people(item.plan),
                kind=f"plans.report.{item.stage}",
                subject=lambda: (
                    _("[cyberregions] Monitoring report %(period)s of %(plan)s")
                    % {"period": label, "plan": item.plan.title}
                ),
                template="plans/email/reminder.txt",
                context={
                    "plan": item.plan,
                    "period": label,
                    "due": item.due_date,
                    "overdue": item.stage == ReminderStage.OVERDUE,
                },
                url=reverse("plans:reports", args=[item.plan.pk]),
            )
            count = len(told)
            reminder.recipients = count
            reminder.save(update_fields=["recipients"])
            audit.record(
                COMMAND_LINE,
                "plan.report.reminder",
                item.plan,
                after={
                    "period": periods.period_key(item.period),
                    "stage": item.stage,
                    "recipients": count,
                },
            )
    except IntegrityError:
        return False
    return True

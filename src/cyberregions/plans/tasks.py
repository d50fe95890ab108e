"""Periodic work of action plans, run by a worker (``cyberregions run-periodic daily`` enqueues
it from cron)."""

from __future__ import annotations

from django_tasks import task

from .services.reminders import remind_due_reports as remind


@task()
def remind_due_reports() -> dict[str, int]:
    """Remind regions of due and late monitoring reports. Each reminder is recorded under a
    unique constraint before it is sent, so a task run twice (or two at once) sends it once."""
    run = remind()
    return {
        "checked_plans": run.checked_plans,
        "sent": len(run.sent),
        "already_sent": run.already_sent,
    }

"""The periodic jobs, which ``cyberregions run-periodic`` enqueues for the workers.

Cron (or a systemd timer) only enqueues: the work runs in a worker like any task, with its
retries, logs and result. Every job is safe to run more often than planned (each records what
it did and skips it next time), so a missed or doubled cron run does no harm.

- ``often`` (every 10 minutes): fail the task runs whose worker is gone, so their requesters
  see it and may retry; send help requests nobody accepted in time to the region's coordinator.
- ``daily`` (once a day, in the morning): reminders of due monitoring reports and of
  courses not confirmed for a year; the daily
  digest of notifications; the retention periods of personal data (``core.privacy``);
  the database queue's task results finished two weeks ago.
"""

from __future__ import annotations

from django.utils.module_loading import import_string
from django_tasks.base import Task

PERIODIC_JOBS: dict[str, list[str]] = {
    "often": [
        "cyberregions.core.task_runs.reap_stale_runs",
        "cyberregions.gethelp.tasks.escalate_overdue_requests",
    ],
    "daily": [
        "cyberregions.plans.tasks.remind_due_reports",
        "cyberregions.gethelp.tasks.warn_expiring_labels",
        "cyberregions.skills.tasks.remind_stale_courses",
        "cyberregions.core.notifications.send_daily_digests",
        "cyberregions.core.privacy.purge_personal_data",
        "cyberregions.core.tasks.prune_finished_task_results",
    ],
}


def jobs(cadence: str) -> list[Task]:
    return [import_string(path) for path in PERIODIC_JOBS[cadence]]


def enqueue(cadence: str) -> list[tuple[str, str]]:
    """Enqueue every job of ``cadence``; returns (task path, task result id) pairs."""
    return [(job.module_path, str(job.enqueue().id)) for job in jobs(cadence)]

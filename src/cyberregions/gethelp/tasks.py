"""The get-help periodic jobs (``core.periodic``): escalate requests whose acceptance
deadline passed (often), warn label owners 60 days before expiry (daily). Both are safe to
run more often than planned: each acts once per request or label."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def escalate_overdue_requests() -> int:
    return services.escalate_overdue()


@task()
def warn_expiring_labels() -> int:
    return services.warn_expiring_labels()

"""What core's own records hold about a person: notifications, audit entries, background task
runs, the Django admin's log; and their retention periods (``docs/privacy.md``)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q

from . import privacy
from .models import AuditEntry, Notification, TaskRun


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export_notifications(user) -> list[dict]:
    rows = Notification.objects.filter(recipient=user).values(
        "kind", "title", "body", "url", "created_at", "read_at", "email_state", "emailed_at"
    )
    return [
        {**row, **{key: _when(row[key]) for key in ("created_at", "read_at", "emailed_at")}}
        for row in rows
    ]


def erase_notifications(user, erasure: privacy.Erasure) -> None:
    erasure.count("notifications", Notification.objects.filter(recipient=user).delete()[0])
    # Others' notifications about what this person did name them in the text: keep the
    # notification, without the name.
    told = list(Notification.objects.filter(actor=user).only("pk", "title", "body"))
    for notification in told:
        notification.title = erasure.scrub(notification.title)
        notification.body = erasure.scrub(notification.body)
    Notification.objects.bulk_update(told, ["title", "body"], batch_size=500)
    erasure.count("others_notifications_scrubbed", len(told))


def export_audit_entries(user) -> list[dict]:
    """The facts of what the person did: not the values, which may be other people's data."""
    rows = AuditEntry.objects.filter(actor=user).values("action", "object_type", "object_id", "at")
    return [{**row, "at": _when(row["at"])} for row in rows]


def export_task_runs(user) -> list[dict]:
    rows = TaskRun.objects.filter(requested_by=user).values(
        "kind", "title", "status", "created_at", "finished_at", "failure_message"
    )
    return [
        {**row, "created_at": _when(row["created_at"]), "finished_at": _when(row["finished_at"])}
        for row in rows
    ]


def _delete_runs(runs) -> int:
    files = [run.result_file.name for run in runs if run.result_file]
    deleted = TaskRun.objects.filter(pk__in=[run.pk for run in runs]).delete()[0]
    if files:
        storage = TaskRun._meta.get_field("result_file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in files])
    return deleted


def erase_task_runs(user, erasure: privacy.Erasure) -> None:
    erasure.count("task_runs", _delete_runs(list(TaskRun.objects.filter(requested_by=user))))


def export_admin_log(user) -> list[dict]:
    rows = LogEntry.objects.filter(user=user).values(
        "action_time", "action_flag", "content_type__app_label", "content_type__model", "object_id"
    )
    return [
        {
            "at": _when(row["action_time"]),
            "action": {1: "addition", 2: "change", 3: "deletion"}.get(row["action_flag"]),
            "object_type": f"{row['content_type__app_label']}.{row['content_type__model']}",
            "object_id": row["object_id"],
        }
        for row in rows
    ]


def erase_admin_log(user, erasure: privacy.Erasure) -> None:
    """The admin's log keeps what was done; the person's name leaves its descriptions."""
    user_type = ContentType.objects.get_for_model(get_user_model())
    about_person = Q(content_type=user_type, object_id=str(user.pk))
    quoting = privacy.mentions(("object_repr",), erasure.identifiers)
    entries = list(LogEntry.objects.filter(about_person | quoting))
    for entry in entries:
        entry.object_repr = erasure.scrub(entry.object_repr)
        if entry.content_type_id == user_type.pk and entry.object_id == str(user.pk):
            entry.object_repr = ""
    LogEntry.objects.bulk_update(entries, ["object_repr"], batch_size=500)
    erasure.count("admin_log_scrubbed", len(entries))


# Retention --------------------------------------------------------------------------------


def _cutoff(now, days: int):
    return now - timedelta(days=days) if days > 0 else None


def purge_notifications(now) -> int:
    cutoff = _cutoff(now, settings.NOTIFICATION_RETENTION_DAYS)
    if cutoff is None:
        return 0
    return Notification.objects.filter(created_at__lt=cutoff).delete()[0]


def purge_task_runs(now) -> int:
    cutoff = _cutoff(now, settings.TASK_RUN_RETENTION_DAYS)
    if cutoff is None:
        return 0
    with transaction.atomic():
        old = TaskRun.objects.filter(status__in=TaskRun.FINISHED, created_at__lt=cutoff)
        return _delete_runs(list(old.only("pk", "result_file")))


def purge_audit(now) -> int:
    cutoff = _cutoff(now, settings.AUDIT_PERSONAL_RETENTION_DAYS)
    if cutoff is None:
        return 0
    with transaction.atomic():
        return privacy.purge_audit_personal_keys(cutoff)


privacy.register_personal_data(
    "notifications",
    exporter=export_notifications,
    eraser=erase_notifications,
    covers=["core.notification.recipient", "core.notification.actor"],
    order=20,
)
privacy.register_personal_data(
    "audit_entries",
    exporter=export_audit_entries,
    # Kept: the fact of what was done stays, by an account that no longer names anyone;
    # ``privacy.scrub_audit`` takes the person's values out after every eraser has run.
    eraser=None,
    covers=["core.auditentry.actor"],
    order=20,
)
privacy.register_personal_data(
    "task_runs",
    exporter=export_task_runs,
    eraser=erase_task_runs,
    covers=["core.taskrun.requested_by"],
    order=20,
)
privacy.register_personal_data(
    "admin_log",
    exporter=export_admin_log,
    eraser=erase_admin_log,
    covers=["admin.logentry.user"],
    order=20,
)
privacy.register_purge("notifications", purge_notifications)
privacy.register_purge("task_runs", purge_task_runs)
privacy.register_purge("audit_personal_keys", purge_audit)

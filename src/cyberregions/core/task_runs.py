"""Background jobs a person starts and follows: queue, progress, outcome, retry, dead workers.

A tracked task is declared with ``@task()`` over ``@tracked`` and takes the run as its only
argument; ``start(...)`` records the run and enqueues the task with the run's id::

    @task()
    @tracked
    def rebuild_schedule(run: TaskRun) -> None:
        plan = slow_part(run.arguments["event_id"], progress=run_progress(run))
        with applying(run) as locked:         # one transaction, the run row locked
            write(plan)
            succeed(locked, url=..., label=_("See the schedule"))

The slow part reads and computes and reports progress in small commits of its own; every write
happens inside ``applying``, which first checks, under ``select_for_update``, that this attempt
still owns the run and marks it succeeded in the same transaction. A worker killed mid-way
therefore leaves nothing half-written, and a task delivered twice applies its effect once.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import OperationalError, transaction
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus, task
from django_tasks.base import Task
from django_tasks.exceptions import TaskResultDoesNotExist

from . import audit
from .models import TaskRun, TaskRunStatus
from .permissions import is_authenticated, is_programme_staff
from .tasks import IN_DATABASE_BACKENDS

logger = logging.getLogger(__name__)


class TaskRunFailure(Exception):
    """Raised by a task with a message for the requester (already translated)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RunNoLongerOwned(Exception):
    """This attempt may not apply: the run finished, or a newer attempt took it over."""


def visible_runs(user):
    """The requester and programme staff (administrators included) follow a run."""
    if not is_authenticated(user):
        return TaskRun.objects.none()
    if is_programme_staff(user):
        return TaskRun.objects.all()
    return TaskRun.objects.filter(requested_by=user)


def unfinished(kind: str, **lookups) -> TaskRun | None:
    """A run of ``kind`` still queued or running that matches ``lookups`` (``requested_by=``,
    ``arguments__pk=``…): a second click follows it instead of starting another."""
    unfinished_states = [TaskRunStatus.QUEUED, TaskRunStatus.RUNNING]
    return TaskRun.objects.filter(kind=kind, status__in=unfinished_states, **lookups).first()


def start(user, *, kind: str, title: str, task: Task, arguments: dict[str, Any]) -> TaskRun:
    """Record a run for ``user`` and enqueue ``task`` (a ``@tracked`` task) for it."""
    with transaction.atomic():
        run = TaskRun.objects.create(
            requested_by=user,
            kind=kind,
            title=title[:300],
            task_path=task.module_path,
            arguments=arguments,
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        audit.record(user, "task.start", run, after={"kind": kind})
        _enqueue(run, task)
    run.refresh_from_db()
    return run


def _enqueue(run: TaskRun, task: Task) -> None:
    run_id = run.pk

    def send() -> None:
        result = task.enqueue(run_id)
        # An update, not a save: an immediate backend has already moved the run on.
        TaskRun.objects.filter(pk=run_id).update(task_result_id=str(result.id))

    if isinstance(task.get_backend(), IN_DATABASE_BACKENDS):
        send()  # the task row commits (or rolls back) with the run
    else:
        transaction.on_commit(send)


def retry(user, run: TaskRun) -> TaskRun:
    """Queue a failed run again; only its requester may. Refused unless it failed."""
    if user.pk != run.requested_by_id:
        raise PermissionError("Only the person who started a task may retry it.")
    with transaction.atomic():
        locked = TaskRun.objects.select_for_update().get(pk=run.pk)
        if locked.status != TaskRunStatus.FAILED:
            raise ValueError("Only a failed task can be retried.")
        locked.status = TaskRunStatus.QUEUED
        locked.failure_message = ""
        locked.progress_done = 0
        locked.progress_total = None
        locked.started_at = locked.heartbeat_at = locked.finished_at = None
        locked.save()
        audit.record(user, "task.retry", locked, reason=run.failure_message[:500])
        _enqueue(locked, import_string(locked.task_path))
    locked.refresh_from_db()
    return locked


def _begin(run_id: int) -> TaskRun | None:
    """Take the run for a new attempt, or ``None`` when it already finished."""
    with transaction.atomic():
        run = TaskRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or run.is_finished:
            return None
        now = timezone.now()
        # A run found "running" was left by a worker that stopped or is a duplicate delivery:
        # the new attempt number means the old one can no longer apply.
        run.status = TaskRunStatus.RUNNING
        run.attempt += 1
        run.started_at = run.heartbeat_at = now
        run.progress_done = 0
        run.save(update_fields=["status", "attempt", "started_at", "heartbeat_at", "progress_done"])
        return run


def report_progress(run: TaskRun, done: int, total: int | None = None) -> None:
    """Show progress on the page; also the worker's sign of life. Committed on its own."""
    run.progress_done = done
    if total is not None:
        run.progress_total = total
    run.heartbeat_at = timezone.now()
    TaskRun.objects.filter(pk=run.pk, attempt=run.attempt, status=TaskRunStatus.RUNNING).update(
        progress_done=run.progress_done,
        progress_total=run.progress_total,
        heartbeat_at=run.heartbeat_at,
    )


def run_progress(run: TaskRun) -> Callable[[int, int | None], None]:
    """A callback for services that report progress without knowing about runs."""
    return functools.partial(report_progress, run)


@contextmanager
def applying(run: TaskRun, **outcome: Any) -> Iterator[TaskRun]:
    """One transaction for the task's writes, entered only while this attempt owns the run.

    Unless the body calls ``succeed`` itself, the run succeeds with ``outcome`` (its
    arguments) when the body ends, in the same transaction as the writes."""
    with transaction.atomic():
        locked = TaskRun.objects.select_for_update().get(pk=run.pk)
        if locked.status != TaskRunStatus.RUNNING or locked.attempt != run.attempt:
            raise RunNoLongerOwned(run.pk)
        yield locked
        if locked.status == TaskRunStatus.RUNNING:
            succeed(locked, **outcome)


def succeed(
    run: TaskRun,
    *,
    url: str = "",
    label: str = "",
    file_name: str = "",
    content: bytes | None = None,
) -> None:
    """Mark the run done (inside ``applying``), with a link or a file for the requester."""
    if content is not None:
        # Named after the run and attempt, so a retry never overwrites or reuses a stale file.
        run.result_file.save(
            f"{run.pk}-{run.attempt}-{file_name}", ContentFile(content), save=False
        )
    run.status = TaskRunStatus.SUCCEEDED
    run.result_url = url
    run.result_label = label
    run.finished_at = run.heartbeat_at = timezone.now()
    if run.progress_total:
        run.progress_done = run.progress_total
    run.save()


def fail(run: TaskRun, message: str) -> None:
    """Mark this attempt failed with ``message``, unless a newer attempt or outcome exists."""
    TaskRun.objects.filter(
        pk=run.pk, attempt=run.attempt, status__in=[TaskRunStatus.QUEUED, TaskRunStatus.RUNNING]
    ).update(
        status=TaskRunStatus.FAILED,
        failure_message=message,
        finished_at=timezone.now(),
    )


def tracked(func: Callable[[TaskRun], None]) -> Callable[[int], None]:
    """Wrap a task body: take the run, run the body in the requester's language, record failure.

    An unexpected error is re-raised after the run is marked failed, so the backend keeps the
    traceback for the developers while the requester reads a plain message."""

    @functools.wraps(func)
    def wrapper(run_id: int) -> None:
        run = _begin(run_id)
        if run is None:
            logger.info("Task run %s already finished; nothing to do.", run_id)
            return
        with translation.override(run.language or settings.LANGUAGE_CODE):
            try:
                func(run)
            except RunNoLongerOwned:
                logger.warning("Task run %s attempt %s was taken over.", run_id, run.attempt)
            except TaskRunFailure as failure:
                fail(run, failure.message)
            except Exception:
                fail(
                    run,
                    _(
                        "The task stopped because of an error on our side. Nothing was saved."
                        " You can try again; if it fails again, please tell the platform team."
                    ),
                )
                raise
        return None

    return wrapper


def _stale_message() -> str:
    return _(
        "The worker running this task stopped before it finished (it was restarted or ran out"
        " of time). Nothing was saved. You can try again."
    )


def reap_stale(now=None) -> int:
    """Mark failed the runs whose worker is gone; returns how many.

    A running run with no sign of life for ``TASK_RUN_STALE_SECONDS`` has lost its worker (a
    killed process cannot say so itself). A run whose task the backend reports as failed
    failed outside the task body (a time limit, a crash while unpickling)."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.TASK_RUN_STALE_SECONDS)
    stale = TaskRun.objects.filter(status=TaskRunStatus.RUNNING, heartbeat_at__lt=cutoff)
    reaped = 0
    for pk in stale.values_list("pk", flat=True):
        reaped += _mark_dead(pk, cutoff)
    return reaped


def _mark_dead(pk: int, cutoff) -> int:
    """Fail the run if it is still silent. A run whose row is locked is not dead: its worker
    is inside ``applying``, writing (and cannot report progress until it commits). PostgreSQL
    skips the locked row; SQLite, which locks the whole database instead, answers busy."""
    try:
        with transaction.atomic():
            run = (
                TaskRun.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=TaskRunStatus.RUNNING, heartbeat_at__lt=cutoff)
                .first()
            )
            if run is None:
                return 0
            with translation.override(run.language or settings.LANGUAGE_CODE):
                run.failure_message = _stale_message()
            run.status = TaskRunStatus.FAILED
            run.finished_at = timezone.now()
            run.save(update_fields=["status", "failure_message", "finished_at"])
            return 1
    except OperationalError:
        logger.info("Task run %s is busy writing; not taken for dead.", pk)
        return 0


def check_backend(run: TaskRun) -> TaskRun:
    """On the progress page: fail a run whose task the backend already reports as failed."""
    if run.is_finished or not run.task_result_id:
        return run
    try:
        task_obj = import_string(run.task_path)
        backend = task_obj.get_backend()
        if not backend.supports_get_result:
            return run
        result = backend.get_result(run.task_result_id)
    except (TaskResultDoesNotExist, ImportError, ValueError):
        return run
    if result.status == TaskResultStatus.FAILED:
        with translation.override(run.language or settings.LANGUAGE_CODE):
            message = _stale_message()
        TaskRun.objects.filter(
            pk=run.pk, status__in=[TaskRunStatus.QUEUED, TaskRunStatus.RUNNING]
        ).update(status=TaskRunStatus.FAILED, failure_message=message, finished_at=timezone.now())
        run.refresh_from_db()
    return run


@task()
def reap_stale_runs() -> int:
    """Periodic: fail the runs whose worker is gone, so their requesters see it and may retry."""
    return reap_stale()


def refresh(run: TaskRun) -> TaskRun:
    """Before showing a run: if its worker is gone, say so now rather than poll forever."""
    if run.status == TaskRunStatus.RUNNING and run.heartbeat_at:
        cutoff = timezone.now() - timedelta(seconds=settings.TASK_RUN_STALE_SECONDS)
        if run.heartbeat_at < cutoff and _mark_dead(run.pk, cutoff):
            run.refresh_from_db()
    return check_backend(run)


def waiting_too_long(run: TaskRun) -> bool:
    """Queued for over a minute: the page warns that no worker may be running."""
    return run.status == TaskRunStatus.QUEUED and run.created_at < timezone.now() - timedelta(
        minutes=1
    )

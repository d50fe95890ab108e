"""Background tasks: how an app declares one and hands it to a worker.

The project uses django-tasks, the backport of the Tasks API that Django 6 has built in
(``django.tasks``); moving to Django 6 means changing the import, not the tasks. Which backend
runs them is chosen by ``TASKS_BACKEND`` in settings: ``database`` (default; a worker started with
``cyberregions db_worker`` reads the task table), ``rq`` (Redis, to scale out) or ``immediate``
(the test run: a task runs inside the call that enqueues it).

Declaring a task, in the app's own ``tasks.py``::

    from django_tasks import task

    @task()
    def send_reminders(plan_id: int) -> None:
        ...

A task is a module-level function; its arguments and return value must be JSON (ids, not model
instances: the worker reads the row again, as it is when the task runs). Enqueue with
``enqueue_on_commit(send_reminders, plan.pk)`` so that a worker never starts before the rows it
reads are committed.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_tasks import TaskResult, task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import Task
from django_tasks_db import DatabaseBackend

# Backends that keep their queue in the site's own database (or run at once): enqueuing inside
# a transaction is then atomic with it, so nothing needs to wait for the commit.
IN_DATABASE_BACKENDS = (DatabaseBackend, ImmediateBackend)


def enqueue_on_commit(task: Task, *args: Any, **kwargs: Any) -> TaskResult | None:
    """Enqueue ``task`` once the current transaction commits (at once outside a transaction).

    With the database backend the task row is written in the caller's transaction, so it is
    enqueued immediately and its result returned: a rollback removes both. With Redis the job
    would be visible before the commit, so it is sent on commit and ``None`` is returned.
    """
    if isinstance(task.get_backend(), IN_DATABASE_BACKENDS):
        return task.enqueue(*args, **kwargs)
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
    return None


@task()
def prune_finished_task_results(min_age_days: int = 14) -> int:
    """Daily: the database queue keeps a row per task; drop those finished two weeks ago.

    A person's view of a job is its ``core.TaskRun``, which has its own retention."""
    from django.core.management import call_command
    from django_tasks import task_backends
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task_backends["default"], DatabaseBackend):
        return 0
    before = DBTaskResult.objects.count()
    call_command("prune_db_task_results", queue_name="*", min_age_days=min_age_days, verbosity=0)
    return before - DBTaskResult.objects.count()

"""Tasks the background-task tests run (a real worker imports them by path)."""

import time
from pathlib import Path

from django_tasks import task

from cyberregions.core import audit, task_runs
from cyberregions.core.models import TaskRun


@task()
@task_runs.tracked
def write_marker(run: TaskRun) -> None:
    """Writes one audit entry per applied run: the effect the tests count."""
    if run.arguments.get("refuse"):
        raise task_runs.TaskRunFailure("Row 3, field 'name': a name is required.")
    if run.arguments.get("crash"):
        raise RuntimeError("unexpected")
    total = run.arguments.get("steps", 2)
    for done in range(total):
        task_runs.report_progress(run, done, total)
    with task_runs.applying(run) as locked:
        audit.record(None, "sample.effect", locked)
        task_runs.succeed(locked, url="/", label="Home")


@task()
@task_runs.tracked
def write_marker_and_hold(run: TaskRun) -> None:
    """On its first attempt, holds its transaction open (its effect written, not committed)
    until the test kills the worker; later attempts finish at once."""
    with task_runs.applying(run) as locked:
        audit.record(None, "sample.effect", locked)
        if run.attempt == 1:
            Path(run.arguments["holding"]).touch()
            time.sleep(120)


@task()
def add_numbers(a: int, b: int) -> int:
    """Touches no database: for the Redis worker test."""
    return a + b

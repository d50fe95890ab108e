"""Background jobs of the skills module (run daily by ``cyberregions run-periodic``)."""

from __future__ import annotations

from django_tasks import task

from .services import remind_stale_courses as remind


@task()
def remind_stale_courses() -> dict[str, int]:
    """Remind providers of courses not confirmed for a year; each course once until it is
    confirmed (see ``services.remind_stale_courses``). Courses past the grace period are
    hidden by the queries themselves, so nothing needs to run for that."""
    return remind()

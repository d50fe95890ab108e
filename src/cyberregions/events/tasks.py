"""B2B scheduling started from the organiser's pages runs as a background task: the solver may
take its whole time limit (20 s by default), longer than a request should wait."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from cyberregions.core import task_runs
from cyberregions.core.models import TaskRun

from . import services
from .models import Event

KIND = "events.schedule"


def start_schedule(actor, event: Event) -> TaskRun:
    return task_runs.start(
        actor,
        kind=KIND,
        title=_("Scheduling the meetings of %(event)s") % {"event": event.title},
        task=schedule_meetings,
        arguments={"event_id": event.pk},
    )


@task()
@task_runs.tracked
def schedule_meetings(run: TaskRun) -> None:
    event = Event.objects.filter(pk=run.arguments["event_id"]).first()
    if event is None:
        raise task_runs.TaskRunFailure(_("This event no longer exists."))
    actor = get_user_model().objects.get(pk=run.requested_by_id)
    organiser_page = reverse("events:organiser", args=[event.slug])
    try:
        services.schedule_meetings(
            actor,
            event,
            write_guard=lambda: task_runs.applying(
                run, url=organiser_page, label=_("See the schedule")
            ),
        )
    except services.EventError as error:
        raise task_runs.TaskRunFailure(str(error)) from error
    except PermissionDenied as error:
        raise task_runs.TaskRunFailure(
            _("You no longer organise this event, so nothing was scheduled.")
        ) from error

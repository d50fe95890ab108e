"""Imports confirmed on the web run as background tasks: a large file takes longer than a
request should, and the requester follows it on its progress page."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django_tasks import task

from cyberregions.core import task_runs
from cyberregions.core.models import TaskRun

from . import services
from .models import OrganisationImport
from .readers import FileRefused

KIND = "dataio.import"
# Percent of the progress bar each stage of an import covers (see importer.Progress).
STAGE_SHARES = {"check": (0, 80), "compare": (80, 95), "write": (95, 100)}


def start_confirm(actor, record: OrganisationImport, *, only_valid: bool) -> TaskRun:
    return task_runs.start(
        actor,
        kind=KIND,
        title=_("Import of %(name)s") % {"name": record.filename},
        task=confirm_import,
        arguments={"import_id": record.pk, "only_valid": only_valid},
    )


@task()
@task_runs.tracked
def confirm_import(run: TaskRun) -> None:
    record = OrganisationImport.objects.filter(pk=run.arguments["import_id"]).first()
    if record is None:
        raise task_runs.TaskRunFailure(_("This import no longer exists."))
    actor = get_user_model().objects.get(pk=run.requested_by_id)

    def progress(stage: str, done: int, total: int) -> None:
        # One scale for the three stages, so the bar never goes back: reading and checking
        # the rows is most of the work; writing happens in the final transaction.
        start, end = STAGE_SHARES.get(stage, (0, 100))
        task_runs.report_progress(run, start + (end - start) * done // max(total, 1), 100)

    try:
        services.confirm_import(
            actor,
            record,
            only_valid=bool(run.arguments.get("only_valid")),
            progress=progress,
            write_guard=lambda: task_runs.applying(
                run, url=record.get_absolute_url(), label=_("See what was imported")
            ),
        )
    except (services.ImportRefused, FileRefused) as error:
        raise task_runs.TaskRunFailure(str(error.message)) from error
    except PermissionDenied as error:
        raise task_runs.TaskRunFailure(
            _("You may no longer import into this region, so nothing was imported.")
        ) from error

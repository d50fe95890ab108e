"""Work of the plans app done by a worker.

- Periodic: the reminders of due and late monitoring reports (``cyberregions run-periodic
  daily`` enqueues them from cron).
- Action plans and monitoring reports as PDF: WeasyPrint takes one to three seconds a document,
  too long to hold a web worker. The file is kept in the media storage and downloaded from the
  run's progress page by its requester (or staff) only; visitors without an account keep the
  direct download. Same shape as the analysis report (``analysis.tasks``)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from cyberregions.core import task_runs
from cyberregions.core.models import TaskRun

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


PLAN_PDF = "plans.plan_pdf"
REPORT_PDF = "plans.report_pdf"
# The page each document prints, to build the requester's request and the outcome link.
PAGES = {PLAN_PDF: "plans:detail", REPORT_PDF: "plans:report"}


def start_pdf(user, kind: str, pk: int, title: str) -> TaskRun:
    return task_runs.start(
        user,
        kind=kind,
        title=_("%(title)s (PDF)") % {"title": title},
        task=render_pdf,
        arguments={"pk": pk},
    )


def _as_requester(run: TaskRun):
    """A request standing for the requester's, so the document shows what they may see (a
    contact without consent only to those who may), as the page would."""
    request = RequestFactory().get(reverse(PAGES[run.kind], args=[run.arguments["pk"]]))
    request.user = get_user_model().objects.get(pk=run.requested_by_id)
    request.LANGUAGE_CODE = run.language
    return request


@task()
@task_runs.tracked
def render_pdf(run: TaskRun) -> None:
    # Imported here: the views pull in the whole plans app, and WeasyPrint is slow to import.
    from . import pdf
    from .views.exports import plan_pdf_document, report_pdf_document

    document = plan_pdf_document if run.kind == PLAN_PDF else report_pdf_document
    request = _as_requester(run)
    try:
        template, context, filename = document(request, run.arguments["pk"])
    except (Http404, PermissionDenied) as error:
        raise task_runs.TaskRunFailure(
            _("This document no longer exists, or you may no longer read it.")
        ) from error
    task_runs.report_progress(run, 1, 2)
    content = pdf.render(template, context, request=request)
    with task_runs.applying(run) as locked:
        task_runs.succeed(
            locked,
            file_name=filename,
            content=content,
            url=reverse(PAGES[run.kind], args=[run.arguments["pk"]]),
            label=_("See it as a page"),
        )

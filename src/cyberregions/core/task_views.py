"""Progress pages of background tasks: only the requester (or staff) sees one; others get 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import task_runs
from .models import TaskRun, TaskRunStatus


def _visible_run(request, pk: int) -> TaskRun:
    run = get_object_or_404(task_runs.visible_runs(request.user), pk=pk)
    return task_runs.refresh(run)


def _context(request, run: TaskRun) -> dict:
    return {
        "run": run,
        "can_retry": run.status == TaskRunStatus.FAILED and request.user.pk == run.requested_by_id,
        "waiting_too_long": task_runs.waiting_too_long(run),
    }


RECENT_RUNS = 50


@login_required
@require_GET
def task_run_list(request):
    """The person's own recent background tasks, newest first, to find a page again."""
    runs = TaskRun.objects.filter(requested_by=request.user).only(
        "title", "status", "created_at", "finished_at", "kind"
    )[:RECENT_RUNS]
    return render(request, "core/task_runs.html", {"runs": runs})


@login_required
@require_GET
@never_cache
def task_run_detail(request, pk: int):
    run = _visible_run(request, pk)
    return render(request, "core/task_run.html", _context(request, run))


@login_required
@require_GET
@never_cache
def task_run_status(request, pk: int):
    """The part of the page htmx polls every second until the run has finished.

    Rendered without the request's context processors (the navigation's role lookups): a poll
    costs one query beyond the session's. The retry form still gets its CSRF token."""
    run = _visible_run(request, pk)
    context = {**_context(request, run), "csrf_token": get_token(request)}
    return HttpResponse(render_to_string("core/_task_run_status.html", context))


@login_required
@require_POST
def task_run_retry(request, pk: int):
    run = _visible_run(request, pk)
    try:
        task_runs.retry(request.user, run)
    except PermissionError as error:
        raise PermissionDenied(str(error)) from error
    except ValueError:
        messages.error(request, _("Only a failed task can be tried again."))
    else:
        messages.success(request, _("The task was queued again."))
    return redirect("tasks:detail", pk=run.pk)


@login_required
@require_GET
def task_run_file(request, pk: int):
    """The file a run produced, to the same people who see its page."""
    run = _visible_run(request, pk)
    if run.status != TaskRunStatus.SUCCEEDED or not run.result_file:
        raise Http404
    name = run.result_file.name.rsplit("/", 1)[-1].split("-", 2)[-1]
    return FileResponse(run.result_file.open("rb"), as_attachment=True, filename=name)

"""The organiser's side of a brokerage event: the grid, the scheduler, the meetings and
requests, the table plan and the statistics."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cyberregions.core import task_runs
from cyberregions.core.permissions import require

from .. import permissions, reasons, services
from .. import tasks as schedule_tasks
from ..forms import GridForm, MeetingSessionFormSet, PlaceMeetingForm, PriorityForm
from ..models import Meeting, MeetingRequest, ScheduleRun
from ..pdf import pdf_response, render_pdf
from ..stats import meeting_statistics
from .common import brokerage_event

PAGE_SIZE = 100
REQUEST_RELATIONS = (
    "requester__organisation__region",
    "recipient__organisation__region",
    "requester__user",
    "recipient__user",
)


def organiser_event(request, slug):
    event = brokerage_event(request, slug)
    require(permissions.can_manage_event(request.user, event))
    return event


def _latest_run(event) -> ScheduleRun | None:
    return ScheduleRun.objects.filter(event=event).order_by("-created_at", "-id").first()


@login_required
@require_GET
def organiser_home(request, slug):
    """Run the scheduler, see how it did and why each request left out was."""
    event = organiser_event(request, slug)
    run = _latest_run(event)
    unscheduled = []
    if run is not None and run.unscheduled:
        by_id = MeetingRequest.objects.select_related(*REQUEST_RELATIONS).in_bulk(
            [entry["request"] for entry in run.unscheduled]
        )
        for entry in run.unscheduled:
            meeting_request = by_id.get(entry["request"])
            if meeting_request is not None:
                unscheduled.append(
                    {
                        "request": meeting_request,
                        "reason": reasons.unscheduled_reason(entry, meeting_request),
                        "placed": False,
                    }
                )
        placed = set(
            Meeting.objects.filter(request__in=list(by_id)).values_list("request_id", flat=True)
        )
        for row in unscheduled:
            row["placed"] = row["request"].pk in placed
    warnings = [
        {"request": entry["request"], "reason": reasons.released_lock_reason(entry["code"])}
        for entry in (run.warnings if run else [])
    ]
    meetings = Meeting.objects.filter(slot__event=event)
    context = {
        "event": event,
        "run": run,
        "unscheduled": unscheduled,
        "warnings": warnings,
        "stats": meeting_statistics(event, run=run),
        "meeting_count": meetings.count(),
        "unpublished": meetings.filter(published=False).count(),
        "sessions": event.meeting_sessions.all(),
    }
    return render(request, "events/b2b/organiser.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def grid(request, slug):
    event = organiser_event(request, slug)
    initial_sessions = [
        {"label": session.label, "starts_at": session.starts_at, "ends_at": session.ends_at}
        for session in event.meeting_sessions.all()
    ]
    form = GridForm(
        request.POST or None,
        initial={"meeting_minutes": event.meeting_minutes, "meeting_tables": event.meeting_tables},
    )
    formset = MeetingSessionFormSet(
        request.POST or None,
        initial=initial_sessions,
        form_kwargs={"event": event},
        prefix="sessions",
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        specs = [
            services.SessionSpec(
                session.cleaned_data.get("label", ""),
                session.cleaned_data["starts_at"],
                session.cleaned_data["ends_at"],
            )
            for session in formset.forms
            if session.cleaned_data
            and not session.cleaned_data.get("DELETE")
            and session.cleaned_data.get("starts_at")
        ]
        try:
            summary = services.set_grid(
                request.user,
                event,
                form.cleaned_data["meeting_minutes"],
                form.cleaned_data["meeting_tables"],
                specs,
            )
        except services.EventError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The grid has %(slots)d slots of %(tables)d tables.")
                % {"slots": summary["slots"], "tables": event.meeting_tables},
            )
            if summary["meetings_removed"]:
                messages.warning(
                    request,
                    _("%(n)d meetings lost their slot or table: run the scheduler again.")
                    % {"n": summary["meetings_removed"]},
                )
            return redirect("events:organiser", event.slug)
    context = {"event": event, "form": form, "formset": formset}
    return render(request, "events/b2b/grid.html", context)


@login_required
@require_POST
def run_schedule(request, slug):
    """Start the scheduler as a background task and follow it on its progress page; the
    organiser page shows the outcome (the latest run) as before."""
    event = organiser_event(request, slug)
    run = task_runs.unfinished(
        schedule_tasks.KIND, arguments__event_id=event.pk
    ) or schedule_tasks.start_schedule(request.user, event)
    return redirect("tasks:detail", pk=run.pk)


@login_required
@require_POST
def publish(request, slug):
    event = organiser_event(request, slug)
    count = services.publish_schedule(request.user, event)
    messages.success(
        request,
        _("The schedule is published: %(n)d meetings added to the participants' agendas.")
        % {"n": count},
    )
    return redirect("events:organiser", event.slug)


@login_required
@require_GET
def meeting_list(request, slug):
    event = organiser_event(request, slug)
    meetings = (
        Meeting.objects.filter(slot__event=event)
        .select_related("slot", *(f"request__{name}" for name in REQUEST_RELATIONS))
        .order_by("slot__starts_at", "table")
    )
    page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "events/b2b/meetings.html", {"event": event, "page": page})


def _meeting(event, pk) -> Meeting:
    meeting = get_object_or_404(
        Meeting.objects.select_related("request", "slot"), slot__event=event, pk=pk
    )
    meeting.request.event = event
    return meeting


@login_required
@require_POST
def meeting_lock(request, slug, pk):
    event = organiser_event(request, slug)
    meeting = _meeting(event, pk)
    services.set_meeting_lock(request.user, meeting, request.POST.get("locked") == "1")
    messages.success(request, _("Saved."))
    return redirect("events:organiser_meetings", event.slug)


@login_required
@require_POST
def meeting_remove(request, slug, pk):
    event = organiser_event(request, slug)
    services.remove_meeting(request.user, _meeting(event, pk))
    messages.success(request, _("The meeting has been taken out of the schedule."))
    return redirect("events:organiser_meetings", event.slug)


@login_required
@require_http_methods(["GET", "POST"])
def place(request, slug, pk):
    """Put an accepted request in a slot of the organiser's choice (or move its meeting)."""
    event = organiser_event(request, slug)
    meeting_request = get_object_or_404(
        MeetingRequest.objects.select_related(*REQUEST_RELATIONS), event=event, pk=pk
    )
    meeting_request.event = event
    current = Meeting.objects.filter(request=meeting_request).select_related("slot").first()
    form = PlaceMeetingForm(
        request.POST or None,
        event=event,
        initial={"slot": current.slot_id, "table": current.table} if current else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.place_meeting(
                request.user, meeting_request, form.cleaned_data["slot"], form.cleaned_data["table"]
            )
        except services.EventError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The meeting is placed and locked."))
            return redirect("events:organiser_meetings", event.slug)
    context = {"event": event, "meeting_request": meeting_request, "current": current, "form": form}
    return render(request, "events/b2b/place.html", context)


@login_required
@require_GET
def request_list(request, slug):
    event = organiser_event(request, slug)
    queryset = (
        MeetingRequest.objects.filter(event=event)
        .select_related(*REQUEST_RELATIONS, "meeting__slot")
        .order_by("status", "-priority", "created_at", "pk")
    )
    status = request.GET.get("status")
    if status:
        queryset = queryset.filter(status=status)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"event": event, "page": page, "status": status or ""}
    return render(request, "events/b2b/requests.html", context)


@login_required
@require_POST
def request_priority(request, slug, pk):
    event = organiser_event(request, slug)
    meeting_request = get_object_or_404(MeetingRequest, event=event, pk=pk)
    meeting_request.event = event
    form = PriorityForm(request.POST)
    if form.is_valid():
        services.set_request_priority(request.user, meeting_request, form.cleaned_data["priority"])
        messages.success(request, _("Saved."))
    return redirect("events:organiser_requests", event.slug)


def table_plan_context(request, slug) -> dict:
    event = organiser_event(request, slug)
    meetings = (
        Meeting.objects.filter(slot__event=event)
        .select_related(
            "slot", "request__requester__organisation", "request__recipient__organisation"
        )
        .order_by("slot__starts_at", "table")
    )
    slots: list[dict] = []
    for meeting in meetings:
        if not slots or slots[-1]["slot"].pk != meeting.slot_id:
            slots.append({"slot": meeting.slot, "meetings": []})
        slots[-1]["meetings"].append(meeting)
    return {"event": event, "slots": slots, "generated": datetime.datetime.now(tz=event.tz)}


@login_required
@require_GET
def table_plan(request, slug):
    return render(request, "events/b2b/tables.html", table_plan_context(request, slug))


@login_required
@require_GET
def table_plan_pdf(request, slug):
    context = table_plan_context(request, slug)
    content = render_pdf("events/b2b/tables_pdf.html", context, request=request)
    return pdf_response(content, f"tables-{context['event'].slug}.pdf")


@login_required
@require_GET
def statistics(request, slug):
    event = organiser_event(request, slug)
    context = {"event": event, "stats": meeting_statistics(event)}
    return render(request, "events/b2b/statistics.html", context)

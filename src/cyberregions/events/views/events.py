"""The calendar, event pages, .ics files, and the organiser's event form and agenda."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cyberregions.core import audit
from cyberregions.core.permissions import require

from .. import ics, permissions, services
from ..choices import EventStatus, RegistrationStatus
from ..filtersets import EventFilterSet
from ..forms import AgendaSessionForm, EventForm, StatusForm
from ..models import AgendaSession, Event, FeedbackResponse, Registration
from .common import managed_event, own_registration, visible_event

PAGE_SIZE = 30
FEED_LIMIT = 200


def _filtered(request):
    data = request.GET.copy()
    data.setdefault("when", "upcoming")
    return EventFilterSet(data, queryset=Event.objects.visible_to(request.user).for_list())


@require_GET
def event_list(request):
    """The public calendar: upcoming events by default, past ones on request."""
    filterset = _filtered(request)
    queryset = filterset.qs if filterset.is_valid() else Event.objects.none()
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    months: list[dict] = []
    for event in page.object_list:
        local = event.starts_at.astimezone(event.tz)
        key = (local.year, local.month)
        if not months or months[-1]["key"] != key:
            months.append({"key": key, "first": local, "zone": event.time_zone, "events": []})
        months[-1]["events"].append(event)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "filterset": filterset,
        "page": page,
        "months": months,
        "when": filterset.form.cleaned_data.get("when") if filterset.is_valid() else "upcoming",
        "query_string": params.urlencode(),
        "can_create": permissions.can_create_event(request.user),
    }
    return render(request, "events/list.html", context)


@require_GET
def events_feed(request):
    """The upcoming public events as one iCalendar file, for calendar subscriptions."""
    events = (
        Event.objects.filter(status=EventStatus.PUBLISHED)
        .upcoming()
        .select_related("host_region")[:FEED_LIMIT]
    )
    content = ics.events_feed(
        events,
        lambda event: request.build_absolute_uri(event.get_absolute_url()),
        request.get_host(),
        _("cyberregions events"),
    )
    return _ics_response(content, "cyberregions-events.ics")


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def event_detail(request, slug):
    event = visible_event(request, slug)
    registration = own_registration(request.user, event)
    can_manage = permissions.can_manage_event(request.user, event)
    counts = event.registrations.aggregate(
        confirmed=Count("id", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waitlisted=Count("id", filter=Q(status=RegistrationStatus.WAITLISTED)),
    )
    position = (
        Registration.objects.waitlist_position(registration) if registration is not None else None
    )
    seats_left = (
        max(event.capacity - counts["confirmed"], 0) if event.capacity is not None else None
    )
    feedback_due = bool(
        registration
        and registration.is_confirmed
        and event.has_ended
        and registration.attended is not False
        and not FeedbackResponse.objects.filter(registration=registration).exists()
    )
    context = {
        "event": event,
        "sessions": event.sessions.all(),
        "barriers": event.barriers.all(),
        "domains": event.domains.all(),
        "registration": registration,
        "waitlist_position": position,
        "counts": counts,
        "seats_left": seats_left,
        "can_manage": can_manage,
        "can_register": registration is None
        and event.registration_is_open
        and permissions.can_register_for_event(request.user, event),
        "show_online_link": bool(event.online_url)
        and (can_manage or (registration is not None and registration.is_confirmed)),
        "feedback_due": feedback_due,
        "history": audit.history(event)[:15] if can_manage else [],
        "session_form": AgendaSessionForm(event=event) if can_manage else None,
    }
    return render(request, "events/detail.html", context)


@require_GET
def event_ics(request, slug):
    event = visible_event(request, slug)
    url = request.build_absolute_uri(event.get_absolute_url())
    return _ics_response(ics.event_calendar(event, url, request.get_host()), f"{event.slug}.ics")


def _form_data(form) -> dict:
    return {name: form.cleaned_data[name] for name in form.Meta.fields if name in form.cleaned_data}


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request):
    require(permissions.can_create_event(request.user))
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        event = services.create_event(request.user, _form_data(form))
        messages.success(
            request, _("The event has been created as a draft; publish it when it is ready.")
        )
        return redirect(event)
    return render(request, "events/form.html", {"form": form, "event": None})


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, slug):
    event = managed_event(request, slug)
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        fresh = Event.objects.get(pk=event.pk)
        services.update_event(request.user, fresh, _form_data(form))
        messages.success(request, _("Your changes have been saved."))
        return redirect(fresh)
    return render(request, "events/form.html", {"form": form, "event": event})


@login_required
@require_POST
def event_status(request, slug):
    event = managed_event(request, slug)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.set_event_status(request.user, event, form.cleaned_data["status"])
        except services.EventError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The event is now: %(status)s.") % {"status": event.get_status_display()},
            )
    return redirect(event)


@login_required
@require_POST
def session_add(request, slug):
    event = managed_event(request, slug)
    form = AgendaSessionForm(request.POST, event=event)
    if form.is_valid():
        try:
            services.add_agenda_session(request.user, event, form.cleaned_data)
        except services.EventError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The session has been added to the agenda."))
    else:
        messages.error(request, _("The session could not be added: check its title and times."))
    return redirect(event)


@login_required
@require_POST
def session_delete(request, slug, pk):
    event = managed_event(request, slug)
    session = get_object_or_404(AgendaSession, event=event, pk=pk)
    session.event = event
    services.delete_agenda_session(request.user, session)
    messages.success(request, _("The session has been removed from the agenda."))
    return redirect(event)

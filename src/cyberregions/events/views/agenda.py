"""A participant's agenda as a page, a PDF and an iCalendar file. Participants see their own
published meetings; organisers see anyone's, published or not."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import ics, permissions
from ..models import Meeting
from ..pdf import pdf_response, render_pdf
from .common import brokerage_event, participant


def agenda_context(request, slug, pk) -> dict:
    event = brokerage_event(request, slug)
    registration = participant(request, event, pk)
    is_organiser = permissions.can_manage_event(request.user, event)
    meetings = (
        Meeting.objects.filter(
            Q(request__requester=registration) | Q(request__recipient=registration)
        )
        .filter(slot__event=event)
        .select_related(
            "slot",
            "request__requester__organisation__region",
            "request__recipient__organisation__region",
            "request__requester__user",
            "request__recipient__user",
        )
        .order_by("slot__starts_at")
    )
    if not is_organiser:
        meetings = meetings.filter(published=True)
    meetings = list(meetings)
    for meeting in meetings:
        meeting.other = meeting.request.other_side(registration.pk)
    by_slot = {meeting.slot_id: meeting for meeting in meetings}
    rows = [
        {"slot": slot, "meeting": by_slot.get(slot.pk)}
        for slot in event.slots.order_by("starts_at")
    ]
    return {
        "event": event,
        "registration": registration,
        "meetings": meetings,
        "rows": rows,
        "sessions": list(event.sessions.all()),
        "is_organiser": is_organiser,
        "is_own": permissions.acts_for_registration(request.user, registration),
        "published": event.schedule_published_at is not None,
    }


@login_required
@require_GET
def agenda(request, slug, pk):
    return render(request, "events/b2b/agenda.html", agenda_context(request, slug, pk))


@login_required
@require_GET
def agenda_pdf(request, slug, pk):
    context = agenda_context(request, slug, pk)
    content = render_pdf("events/b2b/agenda_pdf.html", context, request=request)
    return pdf_response(content, f"agenda-{context['event'].slug}-{pk}.pdf")


@login_required
@require_GET
def agenda_ics(request, slug, pk):
    context = agenda_context(request, slug, pk)
    event = context["event"]
    url = request.build_absolute_uri(request.path.removesuffix("agenda.ics"))

    def summary_for(meeting):
        return (
            _("B2B meeting with %(name)s") % {"name": meeting.other.display_name},
            _("table %(table)s") % {"table": meeting.table},
        )

    content = ics.agenda_calendar(
        event,
        context["meetings"],
        url,
        request.get_host(),
        _("%(event)s – my meetings") % {"event": event.title},
        summary_for,
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="agenda-{event.slug}-{pk}.ics"'
    return response

"""The participant's side of a brokerage event: its B2B page with requests, its cooperation
profile, the catalogue of participants, meeting requests and availability."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cyberregions.core.permissions import require

from .. import permissions, services
from ..choices import MeetingRequestStatus, RegistrationStatus
from ..filtersets import ParticipantFilterSet
from ..forms import (
    AnswerForm,
    AvailabilityForm,
    CooperationItemForm,
    MeetingRequestForm,
    ProfileForm,
)
from ..models import CooperationItem, CooperationProfile, MeetingRequest, Registration
from .common import brokerage_event, own_participant, own_registration

PAGE_SIZE = 25


@login_required
@require_GET
def b2b_home(request, slug):
    """The participant's B2B page: where it stands, and every request sent and received."""
    event = brokerage_event(request, slug)
    registration = own_registration(request.user, event)
    if registration is None and permissions.can_manage_event(request.user, event):
        return redirect("events:organiser", event.slug)
    registration = own_participant(request, event)
    requests = list(
        MeetingRequest.objects.involving(registration).for_list().order_by("-created_at", "-pk")
    )
    for meeting_request in requests:
        meeting_request.other = meeting_request.other_side(registration.pk)
        meeting_request.incoming = meeting_request.recipient_id == registration.pk
    profile = CooperationProfile.objects.filter(registration=registration).first()
    cap = services.request_cap(registration)
    sent = sum(1 for r in requests if not r.incoming and r.status != MeetingRequestStatus.CANCELLED)
    context = {
        "event": event,
        "registration": registration,
        "profile": profile,
        "item_count": profile.items.count() if profile else 0,
        "received": [r for r in requests if r.incoming],
        "sent": [r for r in requests if not r.incoming],
        "sent_count": sent,
        "cap": cap,
        "cap_reached": cap is not None and sent >= cap,
        "unavailable_count": registration.unavailable_slots.count(),
        "slot_count": event.slots.count(),
        "answer_form": AnswerForm(),
    }
    return render(request, "events/b2b/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request, slug):
    event = brokerage_event(request, slug)
    registration = own_participant(request, event)
    profile, _created = CooperationProfile.objects.get_or_create(registration=registration)
    form = ProfileForm(
        request.POST or None,
        initial={
            "headline": profile.headline,
            "description": profile.description,
            "show_name": registration.show_name,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.save_profile(
            request.user,
            registration,
            form.cleaned_data["headline"],
            form.cleaned_data["description"],
            show_name=form.cleaned_data["show_name"],
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("events:b2b_profile", event.slug)
    items = profile.items.prefetch_related("domains", "sectors", "technologies")
    context = {
        "event": event,
        "registration": registration,
        "form": form,
        "items": items,
        "item_form": CooperationItemForm(),
    }
    return render(request, "events/b2b/profile.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request, slug, pk=None):
    event = brokerage_event(request, slug)
    registration = own_participant(request, event)
    item = None
    if pk is not None:
        item = get_object_or_404(CooperationItem, pk=pk, profile__registration=registration)
    form = CooperationItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if item is not None:
            item = CooperationItem.objects.get(pk=item.pk)
        services.save_cooperation_item(request.user, registration, data, item=item)
        messages.success(request, _("Saved."))
        return redirect("events:b2b_profile", event.slug)
    return render(
        request,
        "events/b2b/item_form.html",
        {"event": event, "form": form, "item": item},
    )


@login_required
@require_POST
def item_delete(request, slug, pk):
    event = brokerage_event(request, slug)
    registration = own_participant(request, event)
    item = get_object_or_404(CooperationItem, pk=pk, profile__registration=registration)
    services.delete_cooperation_item(request.user, item)
    messages.success(request, _("Removed."))
    return redirect("events:b2b_profile", event.slug)


def _catalogue_access(request, event):
    registration = own_registration(request.user, event)
    require(permissions.can_browse_participants(request.user, event, registration))
    if registration is not None:
        registration.event = event
    return registration


@login_required
@require_GET
def participant_list(request, slug):
    """Browse and search the participants by what they offer and look for."""
    event = brokerage_event(request, slug)
    me = _catalogue_access(request, event)
    queryset = (
        Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
        .select_related(
            "user", "organisation", "organisation__region", "organisation__country", "profile"
        )
        .prefetch_related(
            Prefetch("profile__items", queryset=CooperationItem.objects.order_by("kind", "pk"))
        )
        .order_by("organisation__name", "pk")
    )
    filterset = ParticipantFilterSet(request.GET, queryset=queryset)
    results = filterset.qs if filterset.is_valid() else queryset.none()
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    requested = set()
    if me is not None:
        for a, b in (
            MeetingRequest.objects.involving(me)
            .exclude(status=MeetingRequestStatus.CANCELLED)
            .values_list("requester_id", "recipient_id")
        ):
            requested.add(b if a == me.pk else a)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "event": event,
        "me": me,
        "filterset": filterset,
        "page": page,
        "requested": requested,
        "query_string": params.urlencode(),
    }
    template = (
        "events/b2b/_participant_results.html"
        if request.headers.get("HX-Request")
        else "events/b2b/participants.html"
    )
    return render(request, template, context)


@login_required
@require_GET
def participant_detail(request, slug, pk):
    event = brokerage_event(request, slug)
    me = _catalogue_access(request, event)
    other = get_object_or_404(
        Registration.objects.filter(
            event=event, status=RegistrationStatus.CONFIRMED
        ).select_related("user", "organisation", "organisation__region", "organisation__country"),
        pk=pk,
    )
    profile = CooperationProfile.objects.filter(registration=other).first()
    items = profile.items.prefetch_related("domains", "sectors", "technologies") if profile else []
    existing = None
    if me is not None and me.pk != other.pk:
        existing = (
            MeetingRequest.objects.filter(
                Q(requester=me, recipient=other) | Q(requester=other, recipient=me)
            )
            .exclude(status=MeetingRequestStatus.CANCELLED)
            .first()
        )
    can_request = (
        me is not None
        and me.pk != other.pk
        and existing is None
        and permissions.can_request_meeting(request.user, me)
        and not event.has_ended
    )
    context = {
        "event": event,
        "me": me,
        "other": other,
        "profile": profile,
        "items": items,
        "existing": existing,
        "can_request": can_request,
        "form": MeetingRequestForm() if can_request else None,
    }
    return render(request, "events/b2b/participant.html", context)


@login_required
@require_POST
def request_send(request, slug, pk):
    event = brokerage_event(request, slug)
    me = own_participant(request, event)
    other = get_object_or_404(Registration, event=event, pk=pk)
    form = MeetingRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The message is too long."))
        return redirect("events:b2b_participant", event.slug, other.pk)
    try:
        sent = services.send_meeting_request(request.user, me, other, form.cleaned_data["message"])
    except services.EventError as error:
        messages.error(request, str(error))
        return redirect("events:b2b_participant", event.slug, other.pk)
    if sent.requester_id == me.pk:
        messages.success(request, _("Your request has been sent."))
    else:
        messages.success(
            request, _("They had already asked to meet you: the meeting is accepted on both sides.")
        )
    return redirect("events:b2b", event.slug)


def _own_request(request, event, pk) -> MeetingRequest:
    meeting_request = get_object_or_404(
        MeetingRequest.objects.select_related("requester", "recipient"), event=event, pk=pk
    )
    meeting_request.event = event
    return meeting_request


@login_required
@require_POST
def request_answer(request, slug, pk):
    event = brokerage_event(request, slug)
    meeting_request = _own_request(request, event, pk)
    require(permissions.can_answer_meeting_request(request.user, meeting_request))
    form = AnswerForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        try:
            services.answer_meeting_request(
                request.user, meeting_request, accept, mutual=form.cleaned_data["mutual"]
            )
        except services.EventError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Request accepted: the organiser will schedule the meeting.")
                if accept
                else _("Request declined."),
            )
    return redirect("events:b2b", event.slug)


@login_required
@require_POST
def request_cancel(request, slug, pk):
    event = brokerage_event(request, slug)
    meeting_request = _own_request(request, event, pk)
    require(permissions.can_cancel_meeting_request(request.user, meeting_request))
    try:
        services.cancel_meeting_request(request.user, meeting_request)
    except services.EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The request has been cancelled."))
    if permissions.can_manage_event(request.user, event) and not meeting_request.involves(
        getattr(own_registration(request.user, event), "pk", None)
    ):
        return redirect("events:organiser_requests", event.slug)
    return redirect("events:b2b", event.slug)


@login_required
@require_http_methods(["GET", "POST"])
def availability(request, slug):
    """Tick the slots in which one can meet; all are ticked until one says otherwise."""
    event = brokerage_event(request, slug)
    registration = own_participant(request, event)
    slots = list(event.slots.select_related("session").order_by("starts_at"))
    unavailable = set(registration.unavailable_slots.values_list("slot_id", flat=True))
    form = AvailabilityForm(request.POST or None, slots=slots)
    if request.method == "POST" and form.is_valid():
        available = set(form.cleaned_data["available"])
        try:
            services.set_availability(
                request.user, registration, {slot.pk for slot in slots} - available
            )
        except services.EventError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your availability has been saved."))
            return redirect("events:b2b", event.slug)
    sessions: list[dict] = []
    for slot in slots:
        if not sessions or sessions[-1]["session"].pk != slot.session_id:
            sessions.append({"session": slot.session, "slots": []})
        sessions[-1]["slots"].append({"slot": slot, "available": slot.pk not in unavailable})
    context = {"event": event, "registration": registration, "sessions": sessions}
    return render(request, "events/b2b/availability.html", context)

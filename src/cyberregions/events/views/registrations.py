"""Registering, the organiser's list of registrations and attendance, the feedback survey."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Avg, Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cyberregions.core.permissions import require

from .. import permissions, services
from ..choices import MeetingRequestStatus, RegistrationStatus
from ..forms import AttendanceForm, FeedbackForm, RegistrationForm
from ..models import FeedbackResponse, MeetingRequest, Registration
from .common import managed_event, own_registration, visible_event


@login_required
@require_http_methods(["GET", "POST"])
def register(request, slug):
    event = visible_event(request, slug)
    require(permissions.can_register_for_event(request.user, event))
    if own_registration(request.user, event) is not None:
        messages.info(request, _("You are already registered for this event."))
        return redirect(event)
    form = RegistrationForm(request.POST or None, user=request.user, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.register(
                request.user,
                event,
                organisation=form.cleaned_data.get("organisation"),
                show_name=form.cleaned_data.get("show_name", False),
            )
        except services.EventError as error:
            messages.error(request, str(error))
            return redirect(event)
        if registration.is_confirmed:
            messages.success(request, _("You are registered. See you there!"))
        else:
            messages.info(
                request,
                _(
                    "The event is full: you are on the waiting list and will be told if a seat "
                    "frees up."
                ),
            )
        return redirect(event)
    return render(request, "events/register.html", {"event": event, "form": form})


@login_required
@require_POST
def registration_cancel(request, slug):
    event = visible_event(request, slug)
    registration = own_registration(request.user, event)
    require(registration is not None)
    registration.event = event
    services.cancel_registration(request.user, registration)
    messages.success(request, _("Your registration has been cancelled."))
    return redirect(event)


@login_required
@require_GET
def registration_list(request, slug):
    """The organiser's list: every registration with its status, attendance and cap."""
    event = managed_event(request, slug)
    sent = (
        MeetingRequest.objects.filter(requester=OuterRef("pk"))
        .exclude(status=MeetingRequestStatus.CANCELLED)
        .order_by()
        .values("requester")
        .annotate(n=Count("id"))
        .values("n")
    )
    registrations = (
        Registration.objects.filter(event=event)
        .select_related("user", "organisation", "organisation__region")
        .annotate(sent=Coalesce(Subquery(sent), 0))
        .order_by("status", "registered_at", "pk")
    )
    counts = {
        row["status"]: row["n"]
        for row in event.registrations.values("status").annotate(n=Count("id")).order_by()
    }
    context = {
        "event": event,
        "registrations": registrations,
        "counts": counts,
        "attendance_open": event.starts_at <= timezone.now(),
    }
    return render(request, "events/registrations.html", context)


@login_required
@require_POST
def registration_update(request, slug, pk):
    """The organiser records attendance, changes a participant's request cap, or cancels."""
    event = managed_event(request, slug)
    registration = get_object_or_404(Registration, event=event, pk=pk)
    registration.event = event
    try:
        if request.POST.get("action") == "cancel":
            services.cancel_registration(request.user, registration)
            messages.success(request, _("The registration has been cancelled."))
        else:
            form = AttendanceForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Check the values entered."))
                return redirect("events:registrations", event.slug)
            if "attended" in request.POST:
                services.record_attendance(
                    request.user, registration, form.cleaned_data["attended"]
                )
            if "request_cap" in request.POST:
                services.set_request_cap(
                    request.user, registration, form.cleaned_data["request_cap"]
                )
            messages.success(request, _("Saved."))
    except services.EventError as error:
        messages.error(request, str(error))
    return redirect("events:registrations", event.slug)


@login_required
@require_http_methods(["GET", "POST"])
def feedback(request, slug):
    event = visible_event(request, slug)
    registration = own_registration(request.user, event)
    require(registration is not None and permissions.can_give_feedback(request.user, registration))
    registration.event = event
    if FeedbackResponse.objects.filter(registration=registration).exists():
        messages.info(request, _("You have already answered the survey. Thank you!"))
        return redirect(event)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_feedback(request.user, registration, form.cleaned_data)
        except services.EventError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you for your feedback."))
        return redirect(event)
    if not event.has_ended:
        messages.info(request, _("The feedback survey opens when the event is over."))
        return redirect(event)
    return render(request, "events/feedback.html", {"event": event, "form": form})


@login_required
@require_GET
def feedback_results(request, slug):
    event = visible_event(request, slug)
    require(permissions.can_read_feedback(request.user, event))
    responses = FeedbackResponse.objects.filter(registration__event=event)
    summary = responses.aggregate(
        count=Count("id"),
        overall=Avg("overall"),
        content=Avg("content"),
        organisation=Avg("organisation_rating"),
        contacts=Avg("new_contacts"),
        would_return=Count("id", filter=Q(would_return=True)),
    )
    attended = event.registrations.filter(
        status=RegistrationStatus.CONFIRMED, attended=True
    ).count()
    distribution = {
        row["overall"]: row["n"]
        for row in responses.values("overall").annotate(n=Count("id")).order_by()
    }
    context = {
        "event": event,
        "summary": summary,
        "attended": attended,
        "distribution": [(rating, distribution.get(rating, 0)) for rating in range(5, 0, -1)],
        "comments": list(responses.exclude(comments="").values_list("comments", flat=True)),
    }
    return render(request, "events/feedback_results.html", context)

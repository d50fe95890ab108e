"""Lookups shared by the event views: each answers 404 for what the user may not know exists
and 403 for what it may see but not do."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from cyberregions.core.permissions import is_authenticated, require

from .. import permissions
from ..models import Event, Registration


def visible_event(request, slug: str) -> Event:
    return get_object_or_404(
        Event.objects.visible_to(request.user).select_related(
            "host_region", "host_region__country"
        ),
        slug=slug,
    )


def managed_event(request, slug: str) -> Event:
    event = visible_event(request, slug)
    require(permissions.can_manage_event(request.user, event))
    return event


def brokerage_event(request, slug: str) -> Event:
    event = visible_event(request, slug)
    if not event.is_brokerage:
        raise Http404
    return event


def own_registration(user, event: Event) -> Registration | None:
    if not is_authenticated(user):
        return None
    return (
        Registration.objects.filter(event=event, user=user)
        .active()
        .select_related("organisation", "organisation__region")
        .first()
    )


def participant(request, event: Event, pk: int) -> Registration:
    """A participant of the event whose data the user may see: itself, or any for organisers."""
    registration = get_object_or_404(
        Registration.objects.filter(event=event).select_related(
            "organisation", "organisation__region", "organisation__country"
        ),
        pk=pk,
    )
    registration.event = event
    require(permissions.can_see_participant_data(request.user, registration))
    return registration


def own_participant(request, event: Event) -> Registration:
    """The user's own confirmed registration to a brokerage event, or 403."""
    registration = own_registration(request.user, event)
    require(registration is not None and registration.is_confirmed)
    registration.event = event
    return registration

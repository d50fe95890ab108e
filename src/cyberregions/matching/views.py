"""Partner suggestions: for an organisation of the atlas (a block of its page, loaded with
htmx) and for a participant of a brokerage event (a page of its own)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from cyberregions.core.permissions import require
from cyberregions.events import permissions
from cyberregions.events.choices import MeetingRequestStatus
from cyberregions.events.models import Event, MeetingRequest, Registration
from cyberregions.organisations.models import Organisation

from .reasons import shown
from .similarity import Corpus
from .sources import PartySet, atlas_candidates, atlas_parties, event_parties

ATLAS_LIMIT = 8
# The atlas changes slowly; a page of suggestions may lag a quarter of an hour behind it.
CACHE_SECONDS = 900
EVENT_LIMIT = 15


def _rank_for_organisation(organisation) -> tuple[list, PartySet]:
    """The suggestions and, of the parties read, only those suggested (what is cached)."""
    party_set = atlas_parties([organisation.pk, *atlas_candidates(organisation)])
    if organisation.pk not in party_set.parties or len(party_set.parties) < 2:
        return [], PartySet({}, {}, {}, {})
    corpus = Corpus(list(party_set.parties.values()))
    suggestions = corpus.suggest(organisation.pk, limit=ATLAS_LIMIT)
    keep = {suggestion.id for suggestion in suggestions}
    return suggestions, PartySet(
        {pk: party for pk, party in party_set.parties.items() if pk in keep},
        {pk: name for pk, name in party_set.names.items() if pk in keep},
        party_set.region_names,
        {pk: slug for pk, slug in party_set.links.items() if pk in keep},
    )


@require_GET
def organisation_suggestions(request, slug):
    """ "Organisations that could work with this one": public, like the atlas itself."""
    organisation = get_object_or_404(
        Organisation.objects.visible_to(request.user).only("pk", "slug", "name", "updated_at"),
        slug=slug,
    )
    key = f"matching:organisation:{organisation.pk}:{organisation.updated_at.timestamp()}"
    cached = cache.get(key)
    if cached is None:
        cached = _rank_for_organisation(organisation)
        cache.set(key, cached, CACHE_SECONDS)
    suggestions, party_set = cached
    context = {"organisation": organisation, "suggestions": shown(suggestions, party_set)}
    template = (
        "matching/_organisation_suggestions.html"
        if request.headers.get("HX-Request")
        else "matching/organisation_suggestions.html"
    )
    return render(request, template, context)


@login_required
@require_GET
def participant_suggestions(request, slug, pk):
    """Participants of the same brokerage event best suited to meet this one."""
    event = get_object_or_404(
        Event.objects.visible_to(request.user).select_related("host_region"),
        slug=slug,
        event_type="brokerage",
    )
    registration = get_object_or_404(
        Registration.objects.select_related("organisation"), event=event, pk=pk
    )
    registration.event = event
    require(permissions.can_see_participant_data(request.user, registration))
    party_set = event_parties(event)
    suggestions = []
    if registration.pk in party_set.parties:
        corpus = Corpus(list(party_set.parties.values()))
        suggestions = shown(corpus.suggest(registration.pk, limit=EVENT_LIMIT), party_set)
    requested = set()
    for a, b in (
        MeetingRequest.objects.involving(registration)
        .exclude(status=MeetingRequestStatus.CANCELLED)
        .values_list("requester_id", "recipient_id")
    ):
        requested.add(b if a == registration.pk else a)
    context = {
        "event": event,
        "registration": registration,
        "suggestions": suggestions,
        "requested": requested,
        "is_own": permissions.acts_for_registration(request.user, registration),
    }
    return render(request, "matching/participant_suggestions.html", context)

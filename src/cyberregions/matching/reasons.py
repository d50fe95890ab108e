"""Suggestions for display: names, links and the reasons in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from cyberregions.geo.names import country_name
from cyberregions.organisations.filtersets import vocabulary_choices

from .similarity import Reason, Suggestion
from .sources import PartySet

PREFIX_VOCABULARY = {"d": "domain", "s": "sector", "t": "technology"}


@dataclass
class ShownSuggestion:
    id: int
    name: str
    slug: str
    region: str
    score: float
    reasons: list[str]


def term_labels(codes) -> list[str]:
    vocabularies = vocabulary_choices()
    labels = {prefix: dict(vocabularies[name]) for prefix, name in PREFIX_VOCABULARY.items()}
    shown = []
    for code in codes:
        prefix, _sep, bare = code.partition(":")
        shown.append(str(labels.get(prefix, {}).get(bare, bare)))
    return shown


def describe(reason: Reason, region_names: dict[str, str]) -> str:
    shared = ", ".join(term_labels(reason.shared_terms))
    if reason.code == "answers_request":
        text = _("Offers “%(theirs)s”, which answers the request “%(mine)s”.") % {
            "theirs": reason.theirs,
            "mine": reason.mine,
        }
    elif reason.code == "wants_offer":
        text = _("Looks for “%(theirs)s”, which the offer “%(mine)s” answers.") % {
            "theirs": reason.theirs,
            "mine": reason.mine,
        }
    elif reason.code == "similar_profile":
        text = _("Similar activities.")
    elif reason.code == "other_region" and reason.theirs:
        region = region_names.get(reason.theirs, reason.theirs)
        return _("From another region: %(region)s.") % {"region": region}
    elif reason.code in ("other_region", "other_country"):
        if not reason.theirs:
            return _("From another region.")
        return _("From another country: %(country)s.") % {"country": country_name(reason.theirs)}
    else:
        return reason.code
    if shared:
        text = f"{text} " + _("Shared topics: %(terms)s.") % {"terms": shared}
    return text


def shown(suggestions: list[Suggestion], party_set: PartySet) -> list[ShownSuggestion]:
    result = []
    for suggestion in suggestions:
        party = party_set.parties[suggestion.id]
        result.append(
            ShownSuggestion(
                id=suggestion.id,
                name=party_set.names.get(suggestion.id, ""),
                slug=party_set.links.get(suggestion.id, ""),
                region=party_set.region_names.get(party.region or "", party.country or ""),
                score=suggestion.score,
                reasons=[describe(reason, party_set.region_names) for reason in suggestion.reasons],
            )
        )
    return result

"""Reading parties for the matcher from the database: organisations of the atlas, participants
of a brokerage event. A fixed number of queries whatever the number of parties."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q

from cyberregions.events.choices import OFFER_KINDS, REQUEST_KINDS, RegistrationStatus
from cyberregions.events.models import CooperationItem, Registration
from cyberregions.organisations.choices import ItemKind
from cyberregions.organisations.models import OfferOrNeed, Organisation
from cyberregions.organisations.querysets import counted_condition

from .similarity import Item, Party

# Terms of the three vocabularies, prefixed so that codes never collide.
TAGS = (("domains", "domain", "d"), ("sectors", "sector", "s"), ("technologies", "technology", "t"))
ATLAS_CANDIDATES = 400


@dataclass
class PartySet:
    parties: dict[int, Party]
    names: dict[int, str]  # party id -> organisation name
    region_names: dict[str, str]  # region code -> name
    links: dict[int, str]  # party id -> organisation slug


def _terms_of(model, owner_column: str, ids: Iterable[int]) -> dict[int, set[str]]:
    """Prefixed term codes per owner, through the many-to-many tables (three queries)."""
    ids = list(ids)
    terms: dict[int, set[str]] = defaultdict(set)
    if not ids:
        return terms
    for field, term, prefix in TAGS:
        through = getattr(model, field).through
        rows = through.objects.filter(**{f"{owner_column}__in": ids}).values_list(
            owner_column, f"{term}__code"
        )
        for owner, code in rows:
            terms[owner].add(f"{prefix}:{code}")
    return terms


# The atlas -------------------------------------------------------------------------------


def atlas_candidates(organisation: Organisation, limit: int = ATLAS_CANDIDATES) -> list[int]:
    """Organisations sharing the most taxonomy terms with ``organisation`` (its own or its
    offers' and needs'), at most ``limit``: the pool the matcher ranks."""
    shared: Counter[int] = Counter()
    items = OfferOrNeed.objects.filter(organisation=organisation).values("pk")
    for field, term, _prefix in TAGS:
        org_through = getattr(Organisation, field).through
        item_through = getattr(OfferOrNeed, field).through
        term_ids = set(
            org_through.objects.filter(organisation=organisation).values_list(
                f"{term}_id", flat=True
            )
        ) | set(
            item_through.objects.filter(offerorneed_id__in=items).values_list(
                f"{term}_id", flat=True
            )
        )
        if not term_ids:
            continue
        for row in (
            org_through.objects.filter(**{f"{term}_id__in": term_ids})
            .values("organisation_id")
            .annotate(n=Count("*"))
        ):
            shared[row["organisation_id"]] += row["n"]
        for row in (
            item_through.objects.filter(**{f"{term}_id__in": term_ids})
            .values("offerorneed__organisation_id")
            .annotate(n=Count("*"))
        ):
            shared[row["offerorneed__organisation_id"]] += row["n"]
    shared.pop(organisation.pk, None)
    ranked = sorted(shared.items(), key=lambda pair: (-pair[1], pair[0]))
    return [pk for pk, _count in ranked[:limit]]


def atlas_parties(ids: Iterable[int]) -> PartySet:
    """The parties of ``ids``: the first is the target; the others only while they count
    (active, ``Organisation.objects.counted``), so a closed organisation is never suggested."""
    ids = list(dict.fromkeys(ids))
    rows = (
        Organisation.objects.filter(pk__in=ids)
        .filter(counted_condition() | Q(pk=ids[0] if ids else None))
        .order_by("pk")
        .values_list(
            "pk",
            "slug",
            "name",
            "region__code",
            "region__name",
            "country__iso",
            "description",
            "products_services",
        )
    )
    items: dict[int, list[Item]] = defaultdict(list)
    item_rows = list(
        OfferOrNeed.objects.filter(organisation_id__in=ids)
        .order_by("pk")
        .values_list("pk", "organisation_id", "kind", "title", "description")
    )
    item_terms = _terms_of(OfferOrNeed, "offerorneed_id", [row[0] for row in item_rows])
    for pk, owner, kind, title, description in item_rows:
        items[owner].append(
            Item(
                key=pk,
                title=title,
                text=description,
                terms=frozenset(item_terms.get(pk, ())),
                offers=kind == ItemKind.OFFER,
                requests=kind == ItemKind.NEED,
            )
        )
    organisation_terms = _terms_of(Organisation, "organisation_id", ids)
    parties, names, region_names, links = {}, {}, {}, {}
    for pk, slug, name, region, region_name, country, description, products in rows:
        parties[pk] = Party(
            id=pk,
            region=region,
            country=country,
            profile_text=f"{name} {description} {products}",
            terms=frozenset(organisation_terms.get(pk, ())),
            items=tuple(items.get(pk, ())),
        )
        names[pk], links[pk] = name, slug
        if region:
            region_names[region] = region_name
    return PartySet(parties, names, region_names, links)


# Brokerage events ------------------------------------------------------------------------


def event_parties(event) -> PartySet:
    """Every confirmed participant of a brokerage event, with its cooperation profile."""
    rows = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).values_list(
            "pk",
            "organisation_id",
            "organisation__name",
            "organisation__slug",
            "organisation__region__code",
            "organisation__region__name",
            "organisation__country__iso",
            "organisation__description",
            "profile__headline",
            "profile__description",
        )
    )
    item_rows = list(
        CooperationItem.objects.filter(
            profile__registration__event=event,
            profile__registration__status=RegistrationStatus.CONFIRMED,
        ).values_list("pk", "profile__registration_id", "kind", "title", "description")
    )
    item_terms = _terms_of(CooperationItem, "cooperationitem_id", [row[0] for row in item_rows])
    items: dict[int, list[Item]] = defaultdict(list)
    for pk, owner, kind, title, description in item_rows:
        items[owner].append(
            Item(
                key=pk,
                title=title,
                text=description,
                terms=frozenset(item_terms.get(pk, ())),
                offers=kind in OFFER_KINDS,
                requests=kind in REQUEST_KINDS,
            )
        )
    organisation_terms = _terms_of(
        Organisation, "organisation_id", {row[1] for row in rows if row[1]}
    )
    parties, names, region_names, links = {}, {}, {}, {}
    for (
        pk,
        organisation_id,
        name,
        slug,
        region,
        region_name,
        country,
        description,
        headline,
        profile,
    ) in rows:
        parties[pk] = Party(
            id=pk,
            region=region,
            country=country,
            profile_text=" ".join(filter(None, [name, description, headline, profile])),
            terms=frozenset(organisation_terms.get(organisation_id, ())),
            items=tuple(items.get(pk, ())),
        )
        names[pk] = name or ""
        links[pk] = slug or ""
        if region:
            region_names[region] = region_name
    return PartySet(parties, names, region_names, links)

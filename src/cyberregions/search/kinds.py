"""The kinds one search box finds, each through its own app's search and visibility.

A kind gives its matches for a user and a query, best first: the count, the first few
results (title, address, a line of context, a snippet) and the address of its own list
filtered by the same query. The atlas asks its engine's index (relevance-ranked, with the
provider scope, as its own page does); the smaller collections (practices, plans, events,
vocabularies) are scored in Python by ``core.text_search`` over the rows the user may see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cyberregions.core import text_search
from cyberregions.core.search_query import Query
from cyberregions.core.snippets import snippet

SHOWN = 5


@dataclass
class Hit:
    title: str
    url: str
    context: str = ""
    snippet: list[tuple[str, bool]] = field(default_factory=list)


@dataclass
class Group:
    key: str
    label: str
    count: int
    hits: list[Hit]
    list_url: str


def _list_url(name: str, text: str, **extra) -> str:
    return f"{reverse(name)}?{urlencode({'q': text, **extra})}"


def organisations(user, query: Query, text: str) -> Group:
    from cyberregions.organisations import search
    from cyberregions.organisations.models import Organisation

    queryset = search.filter_parsed(Organisation.objects.visible_to(user), query)
    ids = search.ranked_ids(queryset, query, search.DEFAULT_SCOPE, 0, SHOWN)
    rows = Organisation.objects.for_list().in_bulk(ids)
    shown = [rows[pk] for pk in ids if pk in rows]
    search.add_snippets(shown, query, search.DEFAULT_SCOPE)
    hits = [
        Hit(
            organisation.name,
            organisation.get_absolute_url(),
            ", ".join(
                str(part)
                for part in (organisation.city, organisation.region or organisation.country)
                if part
            ),
            organisation.snippet,
        )
        for organisation in shown
    ]
    return Group(
        "organisations",
        _("Organisations"),
        queryset.count(),
        hits,
        _list_url("organisations:list", text),
    )


def _scored(query: Query, rows, fields) -> list[tuple[float, object]]:
    return text_search.ranked(
        query, rows, lambda row: [(getattr(row, name) or "", weight) for name, weight in fields]
    )


def practices(user, query: Query, text: str) -> Group:
    from cyberregions.practices.models import Practice
    from cyberregions.practices.search import FIELDS

    rows = (
        Practice.objects.visible_to(user)
        .select_related("region")
        .only("slug", "title", "summary", "description", "region__name", "status")
    )
    matched = _scored(query, rows, FIELDS.items())
    phrases = query.highlight_terms()
    hits = [
        Hit(
            practice.title,
            practice.get_absolute_url(),
            str(practice.region.name),
            snippet([practice.summary, practice.description], phrases),
        )
        for _score, practice in matched[:SHOWN]
    ]
    return Group(
        "practices", _("Good practices"), len(matched), hits, _list_url("practices:list", text)
    )


def plans(user, query: Query, text: str) -> Group:
    from cyberregions.plans.models import ActionPlan
    from cyberregions.plans.querysets import SEARCH_FIELDS

    rows = ActionPlan.objects.visible_to(user).select_related("region")
    matched = _scored(query, rows, SEARCH_FIELDS.items())
    phrases = query.highlight_terms()
    hits = [
        Hit(
            plan.title,
            reverse("plans:detail", args=[plan.pk]),
            str(plan.region.name),
            snippet([plan.instrument_name, plan.managing_authority], phrases),
        )
        for _score, plan in matched[:SHOWN]
    ]
    return Group("plans", _("Action plans"), len(matched), hits, _list_url("plans:list", text))


def events(user, query: Query, text: str) -> Group:
    from cyberregions.events.models import Event

    rows = Event.objects.visible_to(user).select_related("host_region").order_by("-starts_at")
    fields = [("title", 3.0), ("summary", 2.0), ("description", 1.0), ("venue", 1.0)]
    matched = _scored(query, rows, fields)
    phrases = query.highlight_terms()
    hits = [
        Hit(
            event.title,
            reverse("events:detail", args=[event.slug]),
            f"{event.starts_at:%Y-%m-%d}"
            + (f", {event.host_region.name}" if event.host_region else ""),
            snippet([event.summary, event.description], phrases),
        )
        for _score, event in matched[:SHOWN]
    ]
    return Group("events", _("Events"), len(matched), hits, _list_url("events:list", text, when=""))


def vocabularies(user, query: Query, text: str) -> Group:
    """Terms of every vocabulary, matched on their labels in all nine languages."""
    from cyberregions.taxonomy import models as taxonomy

    kinds = [
        (taxonomy.Domain, "domains"),
        (taxonomy.Subdomain, "domains"),
        (taxonomy.Sector, "sectors"),
        (taxonomy.Technology, "technologies"),
        (taxonomy.NistFunction, "nist-csf"),
        (taxonomy.NistCategory, "nist-csf"),
        (taxonomy.EcsfProfile, "ecsf"),
        (taxonomy.Barrier, "barriers"),
    ]
    matched: list[tuple[float, Hit]] = []
    for model, slug in kinds:
        for term in model.objects.all():
            labels = term.labels
            fields = [(str(term), 3.0), (" ".join(labels.values()), 2.0), (term.code, 1.0)]
            value = text_search.score(query, fields)
            if value is not None:
                url = reverse("taxonomy:vocabulary", args=[slug]) + f"#{term.code}"
                matched.append(
                    (value, Hit(str(term), url, f"{model._meta.verbose_name} · {term.code}"))
                )
    matched.sort(key=lambda entry: -entry[0])
    return Group(
        "vocabularies",
        _("Vocabularies"),
        len(matched),
        [hit for _value, hit in matched[:SHOWN]],
        reverse("taxonomy:index"),
    )


def courses(user, query: Query, text: str) -> Group:
    from cyberregions.skills.filtersets import COURSE_SEARCH_FIELDS
    from cyberregions.skills.models import Course

    rows = Course.objects.visible_to(user).select_related("provider")
    fields = [("title", 3.0), ("description", 1.0)]
    matched = text_search.ranked(
        query,
        rows,
        lambda course: [
            *((getattr(course, name) or "", weight) for name, weight in fields),
            (course.provider.name, COURSE_SEARCH_FIELDS["provider__name"]),
        ],
    )
    phrases = query.highlight_terms()
    hits = [
        Hit(
            course.title,
            course.get_absolute_url(),
            course.provider.name,
            snippet([course.description], phrases),
        )
        for _score, course in matched[:SHOWN]
    ]
    return Group("courses", _("Courses"), len(matched), hits, _list_url("skills:courses", text))


def services(user, query: Query, text: str) -> Group:
    """The service categories of the get-help module, in every language, each leading to
    the providers offering it."""
    from cyberregions.gethelp.models import ServiceCategory

    matched: list[tuple[float, Hit]] = []
    for category in ServiceCategory.objects.all():
        value = text_search.score(query, [(str(category), 3.0), (category.label, 2.0)])
        if value is not None:
            url = f"{reverse('gethelp:providers')}?{urlencode({'service': category.code})}"
            matched.append((value, Hit(str(category), url, category.get_kind_display())))
    matched.sort(key=lambda entry: -entry[0])
    return Group(
        "services",
        _("Services"),
        len(matched),
        [hit for _value, hit in matched[:SHOWN]],
        reverse("gethelp:providers"),
    )


KINDS = [organisations, services, practices, plans, events, courses, vocabularies]


def search_everything(user, text: str) -> tuple[Query, list[Group]]:
    from cyberregions.taxonomy.search_vocabulary import parse

    query = parse(text)
    if not query.searchable:
        return query, []
    return query, [kind(user, query, text) for kind in KINDS]

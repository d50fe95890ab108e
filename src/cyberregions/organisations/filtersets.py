"""One FilterSet for organisations, shared by the atlas pages, the map and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from cyberregions.geo.models import Country, Region
from cyberregions.taxonomy.models import Domain, Sector, Technology

from .choices import ActorType, SizeClass, Status
from .models import Organisation

SORTS = {
    "name": ("name", "id"),
    "-name": ("-name", "-id"),
    "country": ("country__name", "name", "id"),
    # Unknown values last on every engine (SQLite and PostgreSQL place NULLs differently).
    "founded": (F("founded").asc(nulls_last=True), "name", "id"),
    "-founded": (F("founded").desc(nulls_last=True), "name", "id"),
    "-employees": (F("employees").desc(nulls_last=True), "name", "id"),
}
SORT_LABELS = {
    "name": _("Name (A–Z)"),
    "-name": _("Name (Z–A)"),
    "country": _("Country"),
    "founded": _("Oldest first"),
    "-founded": _("Newest first"),
    "-employees": _("Most employees"),
}

@extend_schema_field({"type": "array", "items": {"type": "string"}})
class TermCodeFilter(django_filters.MultipleChoiceFilter):
    """Several vocabulary codes; an organisation matches when it carries any of them."""


TAG_FILTERS = {
    # filter name -> (through model, column of the term id, term model)
    "domain": (Organisation.domains.through, "domain_id", Domain),
    "sector": (Organisation.sectors.through, "sector_id", Sector),
    "technology": (Organisation.technologies.through, "technology_id", Technology),
}


class OrganisationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))
    country = django_filters.MultipleChoiceFilter(
        field_name="country__iso", label=_("Country"), choices=[]
    )
    region = django_filters.MultipleChoiceFilter(
        field_name="region__code", label=_("Region"), choices=[]
    )
    actor_type = django_filters.MultipleChoiceFilter(
        choices=ActorType.choices, label=_("Actor type")
    )
    size_class = django_filters.MultipleChoiceFilter(
        choices=SizeClass.choices, label=_("Size class")
    )
    status = django_filters.MultipleChoiceFilter(choices=Status.choices, label=_("Status"))
    domain = TermCodeFilter(method="filter_tag", label=_("Domain"), choices=[])
    sector = TermCodeFilter(method="filter_tag", label=_("Sector"), choices=[])
    technology = TermCodeFilter(method="filter_tag", label=_("Technology"), choices=[])
    core_business = django_filters.BooleanFilter(
        label=_("Cybersecurity is the core business"),
        widget=forms.Select(choices=[("", "—"), ("true", _("Yes")), ("false", _("No"))]),
    )
    sort = django_filters.ChoiceFilter(
        method="filter_sort",
        choices=list(SORT_LABELS.items()),
        label=_("Sort by"),
        empty_label=None,
    )

    class Meta:
        model = Organisation
        fields = ["q", "country", "region", "actor_type", "size_class", "status", "core_business"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = vocabulary_choices()
        for name, values in choices.items():
            self.filters[name].extra["choices"] = values
            # Drop a form field built earlier on the class filters (the OpenAPI generator
            # builds them), which would keep the empty choices of the declaration.
            self.filters[name].__dict__.pop("_field", None)

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_tag(self, queryset, name, values: list[str]):
        if not values:
            return queryset
        through, column, term_model = TAG_FILTERS[name]
        term_ids = term_model.objects.filter(code__in=values).values("id")
        # An organisation matches when it carries any of the chosen terms.
        matching = through.objects.filter(**{f"{column}__in": term_ids}).values("organisation_id")
        return queryset.filter(pk__in=matching)

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value, SORTS["name"]))


_VOCABULARY_CACHE: dict[str, list[tuple[str, str]]] | None = None


def vocabulary_choices() -> dict[str, list[tuple[str, str]]]:
    """Choices of the facet filters. Reference data changes only with a deployment, so the
    lists are kept per process."""
    global _VOCABULARY_CACHE
    if _VOCABULARY_CACHE is None:
        _VOCABULARY_CACHE = {
            "country": list(Country.objects.values_list("iso", "name")),
            "region": [
                (code, f"{name} ({code})")
                for code, name in Region.objects.filter(is_partner_territory=True).values_list(
                    "code", "name"
                )
            ],
            "domain": list(Domain.objects.values_list("code", "label")),
            "sector": list(Sector.objects.values_list("code", "label")),
            "technology": list(Technology.objects.values_list("code", "label")),
        }
    return _VOCABULARY_CACHE


def reset_vocabulary_cache() -> None:
    global _VOCABULARY_CACHE
    _VOCABULARY_CACHE = None


FACETS = [
    "country",
    "region",
    "actor_type",
    "size_class",
    "domain",
    "sector",
    "technology",
    "core_business",
]


def facet_counts(data, queryset=None) -> dict[str, list[dict]]:
    """For each facet, the count per value among organisations matching every *other* filter,
    so that choosing one value still shows how many the alternatives would give."""
    base = Organisation.objects.all() if queryset is None else queryset
    labels = vocabulary_choices()
    static = {
        "actor_type": dict(ActorType.choices),
        "size_class": dict(SizeClass.choices),
        "core_business": {True: _("Yes"), False: _("No")},
    }
    selected_by_facet = {name: _selected(data, name) for name in FACETS}
    result = {}
    for facet in FACETS:
        others = data.copy() if hasattr(data, "copy") else dict(data)
        others.pop(facet, None)
        others.pop("sort", None)
        queryset = OrganisationFilterSet(others, queryset=base).qs.order_by()
        if facet in TAG_FILTERS:
            through, column, term_model = TAG_FILTERS[facet]
            rows = (
                through.objects.filter(organisation_id__in=queryset.values("id"))
                .values(column)
                .annotate(n=Count("*"))
            )
            code_of = dict(term_model.objects.values_list("id", "code")) if rows else {}
            counts = {code_of[row[column]]: row["n"] for row in rows}
            names = dict(labels[facet])
        else:
            field = {"country": "country__iso", "region": "region__code"}.get(facet, facet)
            rows = queryset.values(field).annotate(n=Count("id"))
            counts = {row[field]: row["n"] for row in rows if row[field] is not None}
            names = dict(labels[facet]) if facet in labels else static[facet]
        selected = selected_by_facet[facet]
        entries = [
            {
                "value": _as_param(value),
                "label": names.get(value, value),
                "count": count,
                "selected": _as_param(value) in selected,
            }
            for value, count in counts.items()
        ]
        entries.sort(key=lambda entry: (-entry["count"], str(entry["label"])))
        result[facet] = entries
    return result


def _as_param(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _selected(data, name: str) -> set[str]:
    if hasattr(data, "getlist"):
        return set(data.getlist(name))
    value = data.get(name)
    if value is None:
        return set()
    return set(value) if isinstance(value, list | tuple) else {str(value)}

"""One FilterSet for practices, shared by the library pages, the exports and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from cyberregions.geo.models import Region
from cyberregions.taxonomy.labels import label_map
from cyberregions.taxonomy.models import Barrier, Domain

from .choices import PracticeStatus
from .models import Practice

FIRST_YEAR = 2010
SORTS = {
    "title": ("title", "id"),
    "-published": (F("published_at").desc(nulls_last=True), "title", "id"),
    "-start": (F("start_date").desc(nulls_last=True), "title", "id"),
    "region": ("region__name", "title", "id"),
}
SORT_LABELS = {
    "title": _("Title (A–Z)"),
    "-published": _("Recently published"),
    "-start": _("Most recent start"),
    "region": _("Region"),
}


def year_choices() -> list[tuple[str, str]]:
    return [(str(year), str(year)) for year in range(timezone.now().year + 1, FIRST_YEAR - 1, -1)]


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class CodeFilter(django_filters.MultipleChoiceFilter):
    """Several codes; a practice matches when it carries any of them."""


class PracticeFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))
    barrier = CodeFilter(method="filter_barrier", label=_("Barrier"), choices=[])
    domain = CodeFilter(method="filter_domain", label=_("JRC domain"), choices=[])
    region = django_filters.MultipleChoiceFilter(
        field_name="region__code", label=_("Region"), choices=[]
    )
    status = django_filters.MultipleChoiceFilter(choices=PracticeStatus.choices, label=_("Status"))
    year = django_filters.TypedChoiceFilter(
        method="filter_year",
        label=_("Running in"),
        choices=[],
        coerce=int,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    sort = django_filters.ChoiceFilter(
        method="filter_sort",
        choices=list(SORT_LABELS.items()),
        label=_("Sort by"),
        empty_label=None,
    )

    class Meta:
        model = Practice
        fields = ["q", "barrier", "domain", "region", "status", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = {**vocabulary_choices(), "year": [("", _("Any year")), *year_choices()]}
        for name, values in choices.items():
            self.filters[name].extra["choices"] = values
            # A form field built earlier (the OpenAPI schema reads the class's filters) would
            # keep its empty choices through the copy: build it again from these.
            self.filters[name].__dict__.pop("_field", None)

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_barrier(self, queryset, name, values):
        if not values:
            return queryset
        through = Practice.barriers.through.objects.filter(barrier__code__in=values)
        return queryset.filter(pk__in=through.values("practice_id"))

    def filter_domain(self, queryset, name, values):
        if not values:
            return queryset
        through = Practice.domains.through.objects.filter(domain__code__in=values)
        return queryset.filter(pk__in=through.values("practice_id"))

    def filter_year(self, queryset, name, value):
        if value in (None, ""):
            return queryset
        return queryset.running_in(int(value))

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value, SORTS["title"]))


_VOCABULARY: dict[str, list[tuple[str, str]]] | None = None


def vocabulary_choices() -> dict[str, list[tuple[str, str]]]:
    """Choices of the filters from reference data, kept per process (it changes only with a
    deployment)."""
    global _VOCABULARY
    if _VOCABULARY is None:
        choices = {
            # Lazy labels: kept per process, printed in each reader's language.
            "barrier": list(label_map(Barrier).items()),
            "domain": list(label_map(Domain).items()),
            "region": [
                (code, name)
                for code, name in Region.objects.filter(is_partner_territory=True)
                .order_by("name")
                .values_list("code", "name")
            ],
        }
        if not all(choices.values()):
            # Reference data not loaded yet (a fresh or emptied database): do not keep it.
            return choices
        _VOCABULARY = choices
    return _VOCABULARY


def reset_vocabulary_cache() -> None:
    global _VOCABULARY
    _VOCABULARY = None

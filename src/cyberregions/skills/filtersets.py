"""One FilterSet for courses (the catalogue page, its facet counts and the API) and one each
for vacancies and declared needs."""

from __future__ import annotations

import django_filters
from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from cyberregions.core.filtering import IntegerFilter
from cyberregions.core.languages import language_choices
from cyberregions.geo.models import Region
from cyberregions.taxonomy.models import EcsfProfile

from .choices import CostBand, CourseKind, Horizon, Mode, Remote, Seniority
from .models import Course, CourseProfile, SkillsNeed, Vacancy

SORTS = {
    "title": ("title", "id"),
    "start": (F("next_start").asc(nulls_last=True), "title", "id"),
    "-seats": (F("seats_per_year").desc(nulls_last=True), "title", "id"),
}
SORT_LABELS = {
    "title": _("Title (A–Z)"),
    "start": _("Next start"),
    "-seats": _("Most seats"),
}
EQF_CHOICES = [(str(level), str(level)) for level in range(1, 9)]


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class CodeFilter(django_filters.MultipleChoiceFilter):
    """Several codes; a row matches when it carries any of them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)


_REFERENCE: dict | None = None


def _reference() -> dict:
    """The profiles and partner regions, read once per process (reference data changes only
    with a deployment); not kept while the reference data is not loaded yet."""
    global _REFERENCE
    if _REFERENCE is None:
        reference = {
            "profiles": list(EcsfProfile.objects.order_by("position")),
            "regions": list(
                Region.objects.filter(is_partner_territory=True)
                .order_by("name")
                .values_list("code", "name")
            ),
        }
        if not all(reference.values()):
            return reference
        _REFERENCE = reference
    return _REFERENCE


def reset_reference_cache() -> None:
    global _REFERENCE
    _REFERENCE = None


def profile_choices() -> list[tuple[str, str]]:
    """Profile codes with their names in the reader's language."""
    return [(profile.code, str(profile)) for profile in _reference()["profiles"]]


def region_choices() -> list[tuple[str, str]]:
    return list(_reference()["regions"])


class ChoicesFromDatabase:
    """Filters whose choices are reference data, read when the FilterSet is made."""

    database_choices: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, loader in self.database_choices.items():
            self.filters[name].extra["choices"] = loader()
            self.filters[name].__dict__.pop("_field", None)


# The fields a course search reads, with their weights in the ranking.
COURSE_SEARCH_FIELDS = {"title": 3.0, "description": 1.0, "provider__name": 1.0}


class CourseFilterSet(ChoicesFromDatabase, django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))
    profile = CodeFilter(method="filter_profile", label=_("ECSF profile"), choices=[])
    kind = django_filters.MultipleChoiceFilter(
        distinct=False, choices=CourseKind.choices, label=_("Type")
    )
    mode = django_filters.MultipleChoiceFilter(
        distinct=False, choices=Mode.choices, label=_("Mode")
    )
    eqf_level = django_filters.MultipleChoiceFilter(
        distinct=False, choices=EQF_CHOICES, label=_("EQF level")
    )
    cost_band = django_filters.MultipleChoiceFilter(
        distinct=False, choices=CostBand.choices, label=_("Cost")
    )
    region = django_filters.MultipleChoiceFilter(
        distinct=False, field_name="region__code", label=_("Region"), choices=[]
    )
    country = django_filters.CharFilter(field_name="country__iso", label=_("Country"))
    language = django_filters.ChoiceFilter(
        method="filter_language", choices=language_choices, label=_("Language")
    )
    funding = django_filters.BooleanFilter(
        field_name="funding_eligible", label=_("Eligible for public funding")
    )
    provider = django_filters.CharFilter(field_name="provider__slug", label=_("Provider"))
    sort = django_filters.ChoiceFilter(
        method="filter_sort",
        choices=list(SORT_LABELS.items()),
        label=_("Sort by"),
        empty_label=None,
    )

    database_choices = {"profile": profile_choices, "region": region_choices}

    class Meta:
        model = Course
        fields = ["q", "profile", "kind", "mode", "eqf_level", "cost_band", "region"]

    def filter_search(self, queryset, name, value):
        from cyberregions.taxonomy.search_vocabulary import filter_small

        return filter_small(queryset, value, COURSE_SEARCH_FIELDS)

    def filter_profile(self, queryset, name, values):
        if not values:
            return queryset
        targets = CourseProfile.objects.filter(profile__code__in=values)
        return queryset.filter(pk__in=targets.values("course_id"))

    def filter_language(self, queryset, name, value):
        return queryset.filter(languages__icontains=f'"{value}"') if value else queryset

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value, SORTS["title"]))


# The facets counted on the catalogue page: filter name → the column it groups.
FACETS = {
    "kind": "kind",
    "mode": "mode",
    "eqf_level": "eqf_level",
    "cost_band": "cost_band",
    "region": "region__code",
}


def _filtered(filterset: CourseFilterSet, leave_out: set[str]):
    """The FilterSet's queryset with every filter applied but ``leave_out`` (and the sort),
    as ``FilterSet.filter_queryset`` applies them, so that no other form is built."""
    queryset = filterset.queryset
    for name, value in filterset.form.cleaned_data.items():
        if name not in leave_out and name != "sort":
            queryset = filterset.filters[name].filter(queryset, value)
    return queryset.order_by()


def compute_facets(filterset: CourseFilterSet) -> dict[str, dict[str, int]]:
    """Disjunctive facet counts: each facet counts the courses matching every *other*
    filter, so that ticking one value still shows what the others would add.

    Two queries, as the atlas does: one groups the courses matching every filter but the five
    single-valued facets by those five columns, and each facet is counted from its groups in
    Python (a group counts for a facet when it passes the other four facets' choices); one
    counts the profiles among the courses matching every filter but the profile."""
    data = filterset.form.cleaned_data
    chosen = {name: {str(value) for value in data.get(name) or []} for name in FACETS}
    counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    groups = (
        _filtered(filterset, set(FACETS))
        .values_list(*FACETS.values())
        .annotate(n=Count("id"))
        .order_by()
    )
    for *values, n in groups:
        row = {
            name: None if value is None else str(value)
            for name, value in zip(FACETS, values, strict=True)
        }
        for name in FACETS:
            others_pass = all(
                not chosen[other] or row[other] in chosen[other]
                for other in FACETS
                if other != name
            )
            if others_pass and row[name] is not None:
                counts[name][row[name]] = counts[name].get(row[name], 0) + n
    profiles = (
        CourseProfile.objects.filter(course__in=_filtered(filterset, {"profile"}).values("pk"))
        .values_list("profile__code")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts["profile"] = dict(profiles)
    return counts


class VacancyFilterSet(ChoicesFromDatabase, django_filters.FilterSet):
    profile = CodeFilter(field_name="profile__code", label=_("ECSF profile"), choices=[])
    region = django_filters.MultipleChoiceFilter(
        distinct=False, field_name="region__code", label=_("Region"), choices=[]
    )
    country = django_filters.CharFilter(field_name="country__iso", label=_("Country"))
    remote = django_filters.MultipleChoiceFilter(
        distinct=False, choices=Remote.choices, label=_("Remote work")
    )
    language = django_filters.ChoiceFilter(
        method="filter_language", choices=language_choices, label=_("Language")
    )

    database_choices = {"profile": profile_choices, "region": region_choices}

    class Meta:
        model = Vacancy
        fields = ["profile", "region", "remote"]

    def filter_language(self, queryset, name, value):
        return queryset.filter(languages__icontains=f'"{value}"') if value else queryset


class NeedFilterSet(ChoicesFromDatabase, django_filters.FilterSet):
    profile = CodeFilter(field_name="profile__code", label=_("ECSF profile"), choices=[])
    region = django_filters.MultipleChoiceFilter(
        distinct=False, field_name="region__code", label=_("Region"), choices=[]
    )
    horizon = django_filters.MultipleChoiceFilter(
        distinct=False, choices=Horizon.choices, label=_("Horizon")
    )
    seniority = django_filters.MultipleChoiceFilter(
        distinct=False, choices=Seniority.choices, label=_("Level")
    )
    hard_to_fill = django_filters.BooleanFilter(label=_("Hard to fill"))
    min_count = IntegerFilter(field_name="count", lookup_expr="gte", label=_("At least"))

    database_choices = {"profile": profile_choices, "region": region_choices}

    class Meta:
        model = SkillsNeed
        fields = ["profile", "region", "horizon", "seniority", "hard_to_fill"]

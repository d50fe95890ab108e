"""One FilterSet per model of the plans app, shared by the list pages, the CSV exports and the
API: ``/plans/?region=FRH0&status=in_implementation`` means the same everywhere."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from cyberregions.geo.models import Region

from . import periods
from .choices import ImprovementType, InstrumentType, PlanStatus, ReportStatus
from .models import Action, ActionPlan, MonitoringReport

SORTS = {
    "region": ("region__name", "title", "id"),
    "title": ("title", "id"),
    "-updated": ("-updated_at", "id"),
}
SORT_LABELS = {
    "region": _("Region"),
    "title": _("Title (A–Z)"),
    "-updated": _("Recently changed"),
}

_REGIONS: list[tuple[str, str]] | None = None


def region_choices() -> list[tuple[str, str]]:
    """The partner territories, kept per process (reference data changes with a deployment)."""
    global _REGIONS
    if _REGIONS is None:
        choices = list(
            Region.objects.filter(is_partner_territory=True)
            .order_by("name")
            .values_list("code", "name")
        )
        if not choices:
            return choices  # reference data not loaded yet: do not keep it
        _REGIONS = choices
    return _REGIONS


class RegionChoicesMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["region"].extra["choices"] = region_choices()
        # A form field built earlier (the OpenAPI schema reads the class's filters) would keep
        # its empty choices through the copy: build it again from these.
        self.filters["region"].__dict__.pop("_field", None)


class PlanFilterSet(RegionChoicesMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))
    region = django_filters.MultipleChoiceFilter(
        field_name="region__code", label=_("Region"), choices=[]
    )
    status = django_filters.MultipleChoiceFilter(choices=PlanStatus.choices, label=_("Status"))
    instrument_type = django_filters.MultipleChoiceFilter(
        choices=InstrumentType.choices, label=_("Type of instrument")
    )
    sort = django_filters.ChoiceFilter(
        method="filter_sort",
        choices=list(SORT_LABELS.items()),
        label=_("Sort by"),
        empty_label=None,
    )

    class Meta:
        model = ActionPlan
        fields = ["q", "region", "status", "instrument_type"]

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value, SORTS["region"]))


class ActionFilterSet(RegionChoicesMixin, django_filters.FilterSet):
    plan = django_filters.NumberFilter(field_name="plan_id", label=_("Action plan"))
    region = django_filters.MultipleChoiceFilter(
        field_name="plan__region__code", label=_("Region"), choices=[]
    )
    improvement_type = django_filters.MultipleChoiceFilter(
        choices=ImprovementType.choices, label=_("Expected improvement")
    )
    practice = django_filters.CharFilter(
        method="filter_practice", label=_("Good practice (its address)")
    )

    class Meta:
        model = Action
        fields = ["plan", "region", "improvement_type", "practice"]

    def filter_practice(self, queryset, name, value):
        return queryset.filter(citations__practice__slug=value)


class ReportFilterSet(RegionChoicesMixin, django_filters.FilterSet):
    plan = django_filters.NumberFilter(field_name="plan_id", label=_("Action plan"))
    region = django_filters.MultipleChoiceFilter(
        field_name="plan__region__code", label=_("Region"), choices=[]
    )
    status = django_filters.MultipleChoiceFilter(choices=ReportStatus.choices, label=_("Status"))
    period = django_filters.CharFilter(method="filter_period", label=_("Semester (2025-S1)"))

    class Meta:
        model = MonitoringReport
        fields = ["plan", "region", "status", "period"]

    def filter_period(self, queryset, name, value):
        period = periods.parse_period_key(value)
        if period is None:
            return queryset.none()
        return queryset.filter(year=period[0], semester=period[1])

"""FilterSets of the analysis models, shared by pages and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .choices import SwotQuadrant
from .models import SwotItem


class SwotItemFilterSet(django_filters.FilterSet):
    region = django_filters.CharFilter(field_name="region__code", label=_("Region (NUTS code)"))
    quadrant = django_filters.MultipleChoiceFilter(
        choices=SwotQuadrant.choices, label=_("Quadrant")
    )

    class Meta:
        model = SwotItem
        fields = ["region", "quadrant"]

"""One FilterSet for the provider finder, shared by its page and the API.

Unknown services, places or languages are refused with a message naming the parameter (the
page shows it, the API answers 400) rather than read as "no filter"."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from cyberregions.core.languages import language_choices
from cyberregions.geo.models import Country, Region

from .choices import PROVIDER_CLIENTS
from .models import ProviderProfile, ServiceCategory


def _noop(queryset, name, value: str):
    """The finder applies every filter at once (``filter_queryset``)."""
    return queryset


def _noop_boolean(queryset, name, value: bool):
    """As ``_noop``; typed so that the API document says boolean."""
    return queryset


class ProviderFilterSet(django_filters.FilterSet):
    service = django_filters.ModelChoiceFilter(
        label=_("Service"),
        queryset=ServiceCategory.objects.all(),
        to_field_name="code",
        method=_noop,
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        queryset=Country.objects.filter(is_eu_member=True),
        to_field_name="iso",
        method=_noop,
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=Region.objects.select_related("country"),
        to_field_name="code",
        method=_noop,
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=language_choices, method=_noop
    )
    client = django_filters.ChoiceFilter(
        label=_("Clients served"), choices=PROVIDER_CLIENTS, method=_noop
    )
    labelled = django_filters.BooleanFilter(label=_("Holds a valid label"), method=_noop_boolean)
    available_24_7 = django_filters.BooleanFilter(label=_("Available 24/7"), method=_noop_boolean)

    class Meta:
        model = ProviderProfile
        fields = []

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        region = data.get("region")
        country = data.get("country")
        if region is not None and country is not None and region.country_id != country.pk:
            country = None  # the region decides; its country follows
        return queryset.finder(
            category=data.get("service"),
            country=country,
            region=region,
            language=data.get("language") or "",
            client=data.get("client") or "",
            labelled=bool(data.get("labelled")),
            available_24_7=bool(data.get("available_24_7")),
        )

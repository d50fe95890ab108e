"""One FilterSet per list: events (calendar page and API) and the participants of a brokerage
event (catalogue page)."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cyberregions.organisations.filtersets import vocabulary_choices
from cyberregions.organisations.models import Organisation

from .choices import CooperationKind, EventType
from .models import CooperationItem, Event, Registration

WHEN_CHOICES = [("upcoming", _("Upcoming")), ("past", _("Past"))]


class EventFilterSet(django_filters.FilterSet):
    when = django_filters.ChoiceFilter(
        method="filter_when", choices=WHEN_CHOICES, label=_("When"), empty_label=_("Any time")
    )
    event_type = django_filters.MultipleChoiceFilter(
        choices=EventType.choices,
        label=_("Type"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    region = django_filters.MultipleChoiceFilter(
        field_name="host_region__code",
        label=_("Host region"),
        choices=[],
        widget=forms.SelectMultiple(attrs={"class": "form-select"}),
    )
    country = django_filters.MultipleChoiceFilter(
        field_name="host_region__country__iso", label=_("Country"), choices=[]
    )
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))

    class Meta:
        model = Event
        fields = ["when", "event_type", "region", "country", "q"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = vocabulary_choices()
        for name in ("region", "country"):
            self.filters[name].extra["choices"] = choices[name]
            # A form field built earlier on the class filters (the OpenAPI generator builds
            # them) would keep the empty choices of the declaration.
            self.filters[name].__dict__.pop("_field", None)

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == "past":
            return queryset.filter(ends_at__lt=now).order_by("-starts_at", "-id")
        if value == "upcoming":
            return queryset.filter(ends_at__gte=now).order_by("starts_at", "id")
        return queryset

    def filter_search(self, queryset, name, value):
        return queryset.search(value)


class ParticipantFilterSet(django_filters.FilterSet):
    """Participants of one brokerage event, found by what they offer and seek."""

    q = django_filters.CharFilter(method="filter_search", label=_("Search"))
    kind = django_filters.MultipleChoiceFilter(
        method="filter_kind",
        choices=CooperationKind.choices,
        label=_("Offers and requests"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    domain = django_filters.MultipleChoiceFilter(
        method="filter_domain",
        choices=[],
        label=_("Domain"),
        widget=forms.SelectMultiple(attrs={"class": "form-select"}),
    )
    country = django_filters.MultipleChoiceFilter(
        field_name="organisation__country__iso",
        choices=[],
        label=_("Country"),
        widget=forms.SelectMultiple(attrs={"class": "form-select"}),
    )

    class Meta:
        model = Registration
        fields = ["q", "kind", "domain", "country"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = vocabulary_choices()
        self.filters["domain"].extra["choices"] = choices["domain"]
        self.filters["country"].extra["choices"] = choices["country"]

    def filter_search(self, queryset, name, value):
        for word in value.split()[:8]:
            items = CooperationItem.objects.filter(
                Q(title__icontains=word) | Q(description__icontains=word)
            ).values("profile__registration_id")
            queryset = queryset.filter(
                Q(organisation__name__icontains=word)
                | Q(organisation__city__icontains=word)
                | Q(profile__headline__icontains=word)
                | Q(profile__description__icontains=word)
                | Q(pk__in=items)
            )
        return queryset

    def filter_kind(self, queryset, name, values):
        if not values:
            return queryset
        items = CooperationItem.objects.filter(kind__in=values).values("profile__registration_id")
        return queryset.filter(pk__in=items)

    def filter_domain(self, queryset, name, values):
        if not values:
            return queryset
        items = CooperationItem.objects.filter(domains__code__in=values).values(
            "profile__registration_id"
        )
        organisations = Organisation.domains.through.objects.filter(domain__code__in=values).values(
            "organisation_id"
        )
        return queryset.filter(Q(pk__in=items) | Q(organisation_id__in=organisations))

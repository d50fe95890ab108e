"""The API's filter backend: django-filter's, with empty query values meaning "no filter".

``?region=`` (a form submitted with nothing chosen, or a client that always sends every
parameter) asked a multiple-choice filter to match the choice "", which it refused with a 400
although the OpenAPI document allows an empty value. Every FilterSet of every app goes through
this one backend, so the rule is written once: a parameter whose values are all empty is left
out, and empty values beside real ones are dropped. A boolean filter given something other
than true or false is refused with 400, where the form field would read it as "no filter".
"""

from __future__ import annotations

import django_filters
from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError


def without_empty_values(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for name, values in query.lists():
        kept = [value for value in values if value.strip()]
        if kept:
            cleaned.setlist(name, kept)
    cleaned._mutable = False
    return cleaned


# What a boolean filter's form field reads as true or false; it reads anything else as "no
# filter", which would answer every row to a mistyped value.
BOOLEAN_VALUES = frozenset({"true", "false", "True", "False", "1", "0"})


class FilterBackend(DjangoFilterBackend):
    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        kwargs["data"] = without_empty_values(kwargs["data"])
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None:
            refuse_unreadable_booleans(filterset_class, kwargs["data"])
        return kwargs


def refuse_unreadable_booleans(filterset_class, data: QueryDict) -> None:
    errors = {
        name: [_("Must be true or false.")]
        for name, filter_ in filterset_class.base_filters.items()
        if isinstance(filter_, django_filters.BooleanFilter)
        and any(value not in BOOLEAN_VALUES for value in data.getlist(name))
    }
    if errors:
        raise ValidationError(errors)


class IntegerFilter(django_filters.NumberFilter):
    """A whole number, as the OpenAPI document types an integer column (NumberFilter takes
    decimals such as ``5.8e-232`` and so accepts what the document calls invalid)."""

    field_class = forms.IntegerField

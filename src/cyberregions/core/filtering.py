"""The API's filter backend: django-filter's, with empty query values meaning "no filter".

``?region=`` (a form submitted with nothing chosen, or a client that always sends every
parameter) asked a multiple-choice filter to match the choice "", which it refused with a 400
although the OpenAPI document allows an empty value. Every FilterSet of every app goes through
this one backend, so the rule is written once: a parameter whose values are all empty is left
out, and empty values beside real ones are dropped.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.http import QueryDict
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field


def without_empty_values(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for name, values in query.lists():
        kept = [value for value in values if value.strip()]
        if kept:
            cleaned.setlist(name, kept)
    cleaned._mutable = False
    return cleaned


class FilterBackend(DjangoFilterBackend):
    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        kwargs["data"] = without_empty_values(kwargs["data"])
        return kwargs


class IntegerFilter(django_filters.NumberFilter):
    """A whole number, as the OpenAPI document types an integer column (NumberFilter takes
    decimals such as ``5.8e-232`` and so accepts what the document calls invalid)."""

    field_class = forms.IntegerField


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(django_filters.ChoiceFilter):
    """``true`` or ``false`` (empty: no filter); anything else is refused with 400, where
    BooleanFilter reads it as "no filter" and answers every row to a mistyped value."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("true", "true"), ("false", "false")])
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        if value in ("", None):
            return queryset
        return super().filter(queryset, value == "true")

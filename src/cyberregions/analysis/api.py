"""The analysis API: every indicator of every scope (read-only), and the regions' SWOT."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from . import indicators
from .choices import ScopeKind
from .filtersets import SwotItemFilterSet
from .models import SwotItem


class ScopeIndicatorsSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="scope-code, e.g. region-FRH0, country-FR, eu-EU")
    scope = serializers.ChoiceField(choices=ScopeKind.choices)
    code = serializers.CharField()
    name = serializers.CharField()
    population = serializers.IntegerField(allow_null=True)
    indicators = serializers.DictField(
        help_text="Every indicator of the scope; see the analysis pages for definitions."
    )


def _payload(scope, summary) -> dict:
    return {
        "key": scope.key,
        "scope": scope.kind,
        "code": scope.code,
        "name": scope.name,
        "population": scope.population,
        "indicators": summary,
    }


class IndicatorViewSet(viewsets.GenericViewSet):
    """Indicators of the territorial analysis for the EU, every country and every region,
    computed from the atlas at each request. Read-only, open to everyone."""

    serializer_class = ScopeIndicatorsSerializer
    lookup_field = "key"
    lookup_value_regex = r"(eu|country|region)-[A-Za-z0-9]+"

    def get_queryset(self):  # no table: the scopes are computed
        return None

    @extend_schema(
        parameters=[OpenApiParameter("scope", str, enum=ScopeKind.values, required=False)]
    )
    def list(self, request):
        wanted = request.query_params.get("scope")
        if wanted and wanted not in ScopeKind.values:
            return Response({"scope": [f"Choose one of {', '.join(ScopeKind.values)}."]}, 400)
        rows = [
            _payload(scope, summary)
            for scope, summary in indicators.all_indicators()
            if not wanted or scope.kind == wanted
        ]
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, key=None):
        kind, _sep, code = key.partition("-")
        ref = indicators.reference()
        if kind == ScopeKind.REGION:
            row = ref.regions_by_code.get(code)
            if row is None:
                raise Http404
            scope, summary = indicators.region_indicators([row.pk])[row.pk]
        else:
            found = [
                (scope, summary)
                for scope, summary in indicators.all_indicators()
                if scope.key == key
            ]
            if not found:
                raise Http404
            scope, summary = found[0]
        return Response(self.get_serializer(_payload(scope, summary)).data)


class SwotItemSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    barrier = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = SwotItem
        fields = ["id", "region", "quadrant", "text", "detail", "barrier", "position"]


class SwotItemViewSet(viewsets.ReadOnlyModelViewSet):
    """The regions' SWOT analyses, kept by their coordinators on the site. Read-only here."""

    serializer_class = SwotItemSerializer
    filterset_class = SwotItemFilterSet

    def get_queryset(self):
        return (
            SwotItem.objects.visible_to(self.request.user)
            .select_related("region", "barrier")
            .order_by("region__code", "quadrant", "position", "id")
        )


ROUTES = [
    ("analysis/indicators", IndicatorViewSet, "analysis-indicator"),
    ("analysis/swot", SwotItemViewSet, "analysis-swot"),
]

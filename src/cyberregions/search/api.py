"""``/api/search/?q=``: the search page's groups, for other tools."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from .kinds import search_everything


class HitSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()
    context = serializers.CharField()
    snippet = serializers.SerializerMethodField(help_text="The text that matched, plain.")

    def get_snippet(self, hit) -> str:
        return "".join(piece for piece, _marked in hit.snippet)


class GroupSerializer(serializers.Serializer):
    kind = serializers.CharField(source="key")
    label = serializers.CharField()
    count = serializers.IntegerField()
    results = HitSerializer(source="hits", many=True)
    list_url = serializers.CharField(help_text="The kind's own list, filtered by the query.")


class SearchViewSet(viewsets.GenericViewSet):
    """One search over every kind the reader may see (organisations by relevance, good
    practices, action plans, events, vocabulary terms): per kind, its count and its best
    five results. The query speaks the platform's search syntax (docs/search.md); a query
    with nothing to look for gives no groups."""

    serializer_class = GroupSerializer
    pagination_class = None
    filter_backends: list = []

    @extend_schema(
        parameters=[OpenApiParameter("q", str, description="What to look for.")],
        responses=GroupSerializer(many=True),
    )
    def list(self, request):
        _query, groups = search_everything(
            request.user, (request.query_params.get("q") or "").strip()
        )
        return Response(GroupSerializer(groups, many=True).data)


ROUTES = [("search", SearchViewSet, "search")]

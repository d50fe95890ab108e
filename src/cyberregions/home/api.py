"""The barrier lens in the API (read-only, open to everyone, with what the reader may see)."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from cyberregions.geo.models import Region
from cyberregions.taxonomy.models import Barrier

from . import lens


class BarrierSummarySerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    practices = serializers.IntegerField()
    events = serializers.IntegerField()


class YearFigureSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    value = serializers.IntegerField()
    total = serializers.IntegerField(allow_null=True)
    share = serializers.FloatField(allow_null=True)


class RegionLineSerializer(serializers.Serializer):
    region = serializers.CharField(source="region.code")
    name = serializers.CharField(source="region.name")
    practices = serializers.IntegerField()
    actions = serializers.IntegerField()
    events = serializers.IntegerField()
    swot_items = serializers.IntegerField()
    survey_answers = serializers.IntegerField(allow_null=True)
    survey_mean = serializers.FloatField(allow_null=True)


class BarrierLensSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    region = serializers.CharField(allow_null=True)
    counts = serializers.DictField(child=serializers.IntegerField())
    regions = RegionLineSerializer(many=True)
    indicators = serializers.DictField(
        child=YearFigureSerializer(many=True),
        help_text="cross_region_links and joint_events (coordination), cross_border_meetings "
        "(fragmentation); none yet for skills.",
    )


class BarrierLensViewSet(viewsets.GenericViewSet):
    """What addresses each barrier: good practices, plan actions, events, SWOT items and
    survey answers per region, and the barrier's indicators per year. Computed at each
    request from what the reader may see."""

    serializer_class = BarrierLensSerializer
    lookup_field = "code"
    lookup_value_regex = r"[a-z_-]+"
    pagination_class = None
    # The figures are computed; the barriers only name the path parameter for the schema.
    queryset = Barrier.objects.none()

    @extend_schema(responses=BarrierSummarySerializer(many=True))
    def list(self, request):
        rows = [
            {
                "code": row["barrier"].code,
                "label": row["barrier"].label,
                "practices": row["practices"],
                "events": row["events"],
            }
            for row in lens.summary(request.user)
        ]
        return Response(BarrierSummarySerializer(rows, many=True).data)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "region", str, required=False, description="NUTS code of a region, e.g. FRH0"
            )
        ]
    )
    def retrieve(self, request, code=None):
        barrier = Barrier.objects.filter(code=code).first()
        if barrier is None:
            raise Http404
        region = None
        wanted = request.query_params.get("region", "").strip()
        if wanted:
            region = Region.objects.filter(code=wanted.upper()).first()
            if region is None:
                return Response({"region": [f"Unknown region {wanted!r}."]}, status=400)
        result = lens.barrier_lens(request.user, barrier, region)
        payload = {
            "code": barrier.code,
            "label": barrier.label,
            "region": region.code if region else None,
            "counts": result.counts,
            "regions": result.lines,
            "indicators": {
                key: [
                    {"year": f.year, "value": f.value, "total": f.total, "share": f.share}
                    for f in rows
                ]
                for key, rows in result.indicators.items()
            },
        }
        return Response(self.get_serializer(payload).data)


ROUTES = [("barrier-lens", BarrierLensViewSet, "barrier-lens")]

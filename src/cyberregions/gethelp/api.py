"""The get-help API (read only): service categories, providers (the finder's FilterSet), the
national CSIRTs and the labels list."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.response import Response

from cyberregions.accounts.api_tokens import ApiTokenAuthentication

from .choices import NeedStatus
from .filtersets import ProviderFilterSet
from .models import BuyerNeed, Label, ProviderProfile, ServiceCategory
from .vocabulary import csirt_file

AUTHENTICATION = [ApiTokenAuthentication, SessionAuthentication]


class ServiceCategorySerializer(serializers.ModelSerializer):
    label = serializers.CharField(source="__str__", read_only=True)
    subdomains = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    nist_functions = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = ServiceCategory
        fields = ["code", "label", "kind", "subdomains", "nist_functions"]


class ServiceCategoryViewSet(viewsets.ReadOnlyModelViewSet):
    """The service categories providers declare, with their JRC subdomains and NIST CSF
    functions."""

    serializer_class = ServiceCategorySerializer
    lookup_field = "code"
    authentication_classes = AUTHENTICATION
    queryset = ServiceCategory.objects.prefetch_related("subdomains", "nist_functions").order_by(
        "position", "code"
    )


class ProviderSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    name = serializers.CharField(source="organisation.name", read_only=True)
    country = serializers.CharField(source="organisation.country.iso", read_only=True)
    region = serializers.CharField(
        source="organisation.region.code", read_only=True, allow_null=True, default=None
    )
    services = serializers.SlugRelatedField(
        source="categories", slug_field="code", many=True, read_only=True
    )
    languages = serializers.ListField(source="language_list", read_only=True)
    clients = serializers.ListField(source="client_list", read_only=True)
    has_valid_label = serializers.BooleanField(read_only=True)
    proximity = serializers.IntegerField(read_only=True)

    class Meta:
        model = ProviderProfile
        fields = [
            "organisation",
            "name",
            "country",
            "region",
            "services",
            "on_site",
            "remote",
            "languages",
            "clients",
            "available_24_7",
            "response_hours",
            "has_valid_label",
            "proximity",
        ]


class ProviderViewSet(viewsets.ReadOnlyModelViewSet):
    """Providers taking requests, nearest first when a place is given. Filters: service,
    country, region, language, client, labelled, available_24_7 (as on /get-help/providers/)."""

    serializer_class = ProviderSerializer
    filterset_class = ProviderFilterSet
    lookup_field = "organisation__slug"
    lookup_url_kwarg = "slug"
    authentication_classes = AUTHENTICATION

    def get_queryset(self):
        return ProviderProfile.objects.finder().for_list()


class LabelSerializer(serializers.ModelSerializer):
    services = serializers.SlugRelatedField(
        source="categories", slug_field="code", many=True, read_only=True
    )

    class Meta:
        model = Label
        fields = ["code", "name", "issuer", "scope", "validity_months", "register_url", "services"]


class LabelViewSet(viewsets.ReadOnlyModelViewSet):
    """Labels and certifications providers may hold."""

    serializer_class = LabelSerializer
    lookup_field = "code"
    authentication_classes = AUTHENTICATION
    queryset = Label.objects.filter(is_active=True).prefetch_related("categories").order_by("name")


class CsirtSerializer(serializers.Serializer):
    country = serializers.CharField()
    name = serializers.CharField()
    website = serializers.CharField(allow_blank=True)
    phone = serializers.CharField(required=False)


class CsirtViewSet(viewsets.ViewSet):
    """The national CSIRTs of the EU-27 (reference data, source in docs/reference-data.md)."""

    authentication_classes = AUTHENTICATION
    lookup_field = "country"
    lookup_value_regex = "[A-Za-z]{2}"
    serializer_class = CsirtSerializer

    @extend_schema(responses=CsirtSerializer(many=True))
    def list(self, request):
        return Response(CsirtSerializer(csirt_file()["csirts"], many=True).data)

    @extend_schema(
        responses=CsirtSerializer,
        parameters=[
            OpenApiParameter("country", str, OpenApiParameter.PATH, description="ISO 3166 code")
        ],
    )
    def retrieve(self, request, country=None):
        for row in csirt_file()["csirts"]:
            if row["country"] == (country or "").upper():
                return Response(CsirtSerializer(row).data)
        raise Http404


class BuyerNeedSerializer(serializers.ModelSerializer):
    buyer = serializers.SlugRelatedField(source="organisation", slug_field="slug", read_only=True)
    region = serializers.CharField(
        source="organisation.region.code", read_only=True, allow_null=True, default=None
    )
    sector = serializers.SlugRelatedField(slug_field="code", read_only=True)
    services = serializers.SlugRelatedField(
        source="categories", slug_field="code", many=True, read_only=True
    )

    class Meta:
        model = BuyerNeed
        fields = [
            "id",
            "buyer",
            "region",
            "sector",
            "services",
            "title",
            "description",
            "budget_band",
            "expected_from",
        ]


class BuyerNeedViewSet(viewsets.ReadOnlyModelViewSet):
    """Open public buyers' needs, soonest first."""

    serializer_class = BuyerNeedSerializer
    authentication_classes = AUTHENTICATION

    def get_queryset(self):
        return (
            BuyerNeed.objects.filter(status=NeedStatus.OPEN)
            .select_related("organisation", "organisation__region", "sector")
            .prefetch_related("categories")
            .order_by("expected_from", "id")
        )


ROUTES = [
    ("buyer-needs", BuyerNeedViewSet, "buyer-need"),
    ("service-categories", ServiceCategoryViewSet, "service-category"),
    ("providers", ProviderViewSet, "provider"),
    ("labels", LabelViewSet, "label"),
    ("csirts", CsirtViewSet, "csirt"),
]

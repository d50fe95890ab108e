import django_filters
from django.db.models import Count
from rest_framework import serializers, viewsets

from cyberregions.core.filtering import IntegerFilter

from .models import Country, Region


class CountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["iso", "nuts", "name", "population"]


class RegionSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(slug_field="iso", read_only=True)
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    organisation_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Region
        fields = [
            "code",
            "name",
            "level",
            "country",
            "parent",
            "is_partner_territory",
            "capital",
            "latitude",
            "longitude",
            "population",
            "population_date",
            "organisation_count",
        ]


class RegionFilterSet(django_filters.FilterSet):
    level = IntegerFilter()
    is_partner_territory = django_filters.BooleanFilter()

    class Meta:
        model = Region
        fields = ["is_partner_territory", "level"]


class CountryViewSet(viewsets.ReadOnlyModelViewSet):
    """EU member states."""

    queryset = Country.objects.order_by("name")
    serializer_class = CountrySerializer
    lookup_field = "iso"
    pagination_class = None


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    """NUTS regions: the partner territories and their sub-regions."""

    queryset = (
        Region.objects.select_related("country", "parent")
        .annotate(organisation_count=Count("organisations"))
        .order_by("code")
    )
    serializer_class = RegionSerializer
    lookup_field = "code"
    pagination_class = None
    filterset_class = RegionFilterSet


ROUTES = [("countries", CountryViewSet, "country"), ("regions", RegionViewSet, "region")]

from django.utils.translation import gettext as _
from rest_framework import serializers, viewsets
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from cyberregions.core.concurrency import VERSION, VersionedViewSetMixin, versioned_schema
from cyberregions.geo.models import Country, Region
from cyberregions.taxonomy.models import Domain, NistFunction, Sector, Technology

from . import permissions, search, services
from .fields import DERIVED_FIELDS, EDITABLE_FIELDS
from .filtersets import OrganisationFilterSet, effective_sort
from .models import Organisation


class OrganisationSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(slug_field="iso", queryset=Country.objects.all())
    region = serializers.SlugRelatedField(
        slug_field="code", queryset=Region.objects.all(), required=False, allow_null=True
    )
    domains = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=Domain.objects.all(), required=False
    )
    sectors = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=Sector.objects.all(), required=False
    )
    technologies = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=Technology.objects.all(), required=False
    )
    nist_functions = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=NistFunction.objects.all(), required=False
    )

    class Meta:
        model = Organisation
        fields = ["slug", *EDITABLE_FIELDS, *DERIVED_FIELDS, VERSION]
        read_only_fields = ["slug", *DERIVED_FIELDS, VERSION]

    def validate(self, attrs):
        # A partial update compares the new value with the stored one.
        region = attrs.get("region", getattr(self.instance, "region", None))
        country = attrs.get("country", getattr(self.instance, "country", None))
        if region and country and region.country_id != country.pk:
            raise serializers.ValidationError(
                {"region": _("This region is not in the chosen country.")}
            )
        return attrs


class RankedResults:
    """A searched queryset read in order of relevance, a page at a time: the paginator
    counts it and slices it, and each slice is one ranked statement
    (``search.ranked_ids``) and a read of those rows by primary key."""

    def __init__(self, queryset, query, scope: str):
        self.queryset, self.query, self.scope = queryset, query, scope

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, window: slice) -> list:
        start, stop = window.start or 0, window.stop
        ids = search.ranked_ids(self.queryset, self.query, self.scope, start, stop - start)
        by_id = self.queryset.in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]


class RankedPagination(PageNumberPagination):
    """Page-number pages; a search sorted by relevance is paged by ``RankedResults``."""

    def paginate_queryset(self, queryset, request, view=None):
        ranking = getattr(view, "ranking", None)
        if ranking is not None:
            queryset = RankedResults(queryset, *ranking)
        return super().paginate_queryset(queryset, request, view)


@versioned_schema(OrganisationSerializer)
class OrganisationViewSet(VersionedViewSetMixin, viewsets.ModelViewSet):
    """Organisations of the ecosystem atlas. Anyone reads; coordinators of the organisation's
    region, its members and administrators write.

    Reading one organisation sends its `ETag`; `PUT` and `PATCH` with `If-Match: <that ETag>`
    are refused with 412 Precondition Failed (and the current organisation) when it changed
    since. Without `If-Match` the write goes through as it always has."""

    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet
    pagination_class = RankedPagination
    lookup_field = "slug"
    ranking = None

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        params = self.request.query_params
        if self.action == "list" and effective_sort(params) == "relevance":
            query = search.parse(params.get("q") or "")
            scope = params.get("scope") or search.DEFAULT_SCOPE
            self.ranking = (query, scope)
        return queryset

    def get_queryset(self):
        return (
            Organisation.objects.visible_to(self.request.user)
            .select_related("country", "region")
            .prefetch_related("domains", "sectors", "technologies", "nist_functions")
            .order_by("name", "id")
        )

    def _guard(self, allowed: bool) -> None:
        if not allowed:
            raise ApiPermissionDenied

    def perform_create(self, serializer):
        region = serializer.validated_data.get("region")
        self._guard(
            permissions.can_create_organisation(self.request.user, region.pk if region else None)
        )
        serializer.instance = services.create_organisation(
            self.request.user, serializer.validated_data
        )

    def perform_update(self, serializer):
        self._guard(permissions.can_change_organisation(self.request.user, serializer.instance))
        serializer.instance = services.update_organisation(
            self.request.user,
            serializer.instance,
            serializer.validated_data,
            expected_version=self.expected_version,
        )

    def perform_destroy(self, instance):
        self._guard(permissions.can_delete_organisation(self.request.user, instance))
        services.delete_organisation(self.request.user, instance)

    def update(self, request, *args, **kwargs):
        instance = self.get_object()
        self._guard(permissions.can_change_organisation(request.user, instance))
        return super().update(request, *args, **kwargs)

    def destroy(self, request, *args, **kwargs):
        instance = self.get_object()
        self._guard(permissions.can_delete_organisation(request.user, instance))
        self.perform_destroy(instance)
        return Response(status=204)


ROUTES = [("organisations", OrganisationViewSet, "organisation")]

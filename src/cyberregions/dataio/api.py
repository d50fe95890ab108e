"""Imports of organisations through the API: the same steps as the upload page (upload and
preview, confirm or discard), for regional coordinators and administrators."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from cyberregions.geo.models import Region

from . import permissions, services
from .choices import ImportSource
from .forms import ENCODING_CHOICES
from .models import OrganisationImport
from .readers import FileRefused


class CanImportOrganisations(BasePermission):
    """Every method needs a coordinator or an administrator (401 without credentials)."""

    def has_permission(self, request, view) -> bool:
        return permissions.can_import_organisations(request.user)


class OrganisationImportSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = OrganisationImport
        fields = [
            "id",
            "created_at",
            "created_by",
            "source",
            "filename",
            "size",
            "sha256",
            "region",
            "encoding",
            "status",
            "only_valid",
            "created_count",
            "updated_count",
            "unchanged_count",
            "error_count",
            "finished_at",
            "report",
        ]
        read_only_fields = fields


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="CSV (comma or semicolon) or XLSX.")
    region = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Region.objects.all(),
        required=False,
        allow_null=True,
        help_text="NUTS code: rows without a region go there; rows of other regions are refused.",
    )
    encoding = serializers.ChoiceField(
        choices=[code for code, _label in ENCODING_CHOICES], required=False, allow_blank=True
    )


class ImportConfirmSerializer(serializers.Serializer):
    only_valid = serializers.BooleanField(
        default=False, help_text="Import the valid rows and leave out the rows with errors."
    )


REFUSED = inline_serializer(
    "ImportRefused",
    fields={
        "detail": serializers.CharField(),
        "code": serializers.CharField(),
        "errors": serializers.ListField(child=serializers.DictField()),
    },
)


class OrganisationImportViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Imports of organisations. POST a file to get its preview (nothing is written yet), then
    POST to ``confirm/`` to write it, or DELETE it to discard it. Each person sees their own
    imports; administrators see all."""

    serializer_class = OrganisationImportSerializer
    permission_classes = [CanImportOrganisations]
    parser_classes = [MultiPartParser, FormParser, JSONParser]
    filter_backends: list = []

    def get_queryset(self):
        return (
            OrganisationImport.objects.visible_to(self.request.user)
            .select_related("region", "created_by")
            .defer("content")
        )

    @extend_schema(
        request={"multipart/form-data": ImportUploadSerializer},
        responses={201: OrganisationImportSerializer},
    )
    def create(self, request):
        upload = ImportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        data = upload.validated_data
        try:
            record, _plan = services.preview_import(
                request.user,
                filename=data["file"].name,
                data=data["file"].read(),
                region=data.get("region"),
                encoding=data.get("encoding", ""),
                source=ImportSource.API,
            )
        except FileRefused as error:
            raise serializers.ValidationError({"file": [str(error.message)]}) from None
        except services.ImportRefused as error:
            raise serializers.ValidationError({"region": [str(error.message)]}) from None
        return Response(self.get_serializer(record).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=ImportConfirmSerializer,
        responses={200: OrganisationImportSerializer, 409: OpenApiResponse(REFUSED)},
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        """Write a previewed import; with errors, only when ``only_valid`` is true."""
        record = self.get_object()
        options = ImportConfirmSerializer(data=request.data)
        options.is_valid(raise_exception=True)
        try:
            services.confirm_import(
                request.user, record, only_valid=options.validated_data["only_valid"]
            )
        except services.ImportRefused as error:
            return Response(
                {
                    "detail": str(error.message),
                    "code": "import_refused",
                    "errors": error.plan.report()["errors"] if error.plan else [],
                },
                status=status.HTTP_409_CONFLICT,
            )
        except FileRefused as error:
            raise serializers.ValidationError({"file": [str(error.message)]}) from None
        record.refresh_from_db()
        return Response(self.get_serializer(record).data)

    @extend_schema(responses={204: None, 409: OpenApiResponse(REFUSED)})
    def destroy(self, request, pk=None):
        """Discard a previewed import; nothing is written."""
        record = self.get_object()
        try:
            services.discard_import(request.user, record)
        except services.ImportRefused as error:
            return Response(
                {"detail": str(error.message), "code": "import_refused", "errors": []},
                status=status.HTTP_409_CONFLICT,
            )
        return Response(status=status.HTTP_204_NO_CONTENT)


ROUTES = [("organisation-imports", OrganisationImportViewSet, "organisationimport")]

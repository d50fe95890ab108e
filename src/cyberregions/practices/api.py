"""Published good practices in the REST API (read only): the open data of the library."""

from rest_framework import serializers, viewsets
from rest_framework.authentication import SessionAuthentication

from cyberregions.accounts.api_tokens import ApiTokenAuthentication

from .filtersets import PracticeFilterSet
from .models import Attachment, Practice, PracticeFigure


class FigureSerializer(serializers.ModelSerializer):
    class Meta:
        model = PracticeFigure
        fields = ["label", "value", "unit"]


class AttachmentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["name", "title", "kind", "size", "url"]

    def get_url(self, attachment) -> str:
        request = self.context.get("request")
        url = attachment.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class PracticeSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    country = serializers.CharField(source="region.country.iso", read_only=True)
    main_institution = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    other_organisations = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    barriers = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    domains = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    policy_instruments = serializers.ListField(source="instrument_list", read_only=True)
    links = serializers.ListField(source="link_list", read_only=True)
    keywords = serializers.ListField(source="keyword_list", read_only=True)
    figures = FigureSerializer(many=True, read_only=True)
    attachments = AttachmentSerializer(many=True, read_only=True)
    contact = serializers.SerializerMethodField()

    class Meta:
        model = Practice
        fields = [
            "slug",
            "title",
            "region",
            "country",
            "main_institution",
            "other_organisations",
            "policy_instruments",
            "barriers",
            "domains",
            "summary",
            "description",
            "budget_eur",
            "staff_fte",
            "resources_note",
            "start_date",
            "end_date",
            "evidence",
            "figures",
            "difficulties",
            "lessons",
            "transfer_potential",
            "links",
            "keywords",
            "contact",
            "attachments",
            "published_at",
        ]

    def get_contact(self, practice) -> dict | None:
        """Shown only with the contact's recorded consent."""
        if not practice.contact_public_consent:
            return None
        return {"name": practice.contact_name, "email": practice.contact_email}


class PracticeViewSet(viewsets.ReadOnlyModelViewSet):
    """Published good practices. Filters: q (title, summary, description), barrier, domain,
    region, year; drafts and practices under validation are never listed here."""

    serializer_class = PracticeSerializer
    filterset_class = PracticeFilterSet
    lookup_field = "slug"
    # Token first, so that an anonymous write is answered 401 with its challenge.
    authentication_classes = [ApiTokenAuthentication, SessionAuthentication]

    def get_queryset(self):
        return (
            Practice.objects.published()
            .select_related("region", "region__country", "main_institution")
            .prefetch_related(
                "other_organisations",
                "barriers",
                "domains",
                "figures",
                "attachments",
            )
            .order_by("title", "id")
        )


ROUTES = [("practices", PracticeViewSet, "practice")]

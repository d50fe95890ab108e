"""The skills module in the REST API (read only): the whole ECSF, the courses each reader
may see (with their schema.org description), open vacancies, declared needs, and the
indicators per region, country and the EU. Writes go through the pages and the import."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.response import Response

from cyberregions.accounts.api_tokens import ApiTokenAuthentication
from cyberregions.taxonomy.models import EcsfProfile

from . import aggregates, jsonld
from .filtersets import CourseFilterSet, NeedFilterSet, VacancyFilterSet
from .models import (
    Course,
    CourseProfile,
    EcfCompetence,
    EcsfItem,
    ProfileCompetence,
    SkillsNeed,
    Vacancy,
)

AUTHENTICATION = [ApiTokenAuthentication, SessionAuthentication]


class SkillsItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = EcsfItem
        fields = ["code", "kind", "text"]


class SkillsLevelSerializer(serializers.Serializer):
    competence = serializers.CharField(source="competence.code")
    title = serializers.CharField(source="competence.title")
    level = serializers.IntegerField()


class SkillsProfileSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="label")
    items = SkillsItemSerializer(source="ecsf_items", many=True, read_only=True)
    ecf_competences = SkillsLevelSerializer(source="competence_levels", many=True, read_only=True)

    class Meta:
        model = EcsfProfile
        fields = [
            "code",
            "title",
            "alternative_titles",
            "summary",
            "mission",
            "items",
            "ecf_competences",
        ]


class ProfileViewSet(viewsets.ReadOnlyModelViewSet):
    """The 12 ECSF v1 role profiles with their deliverables, tasks, skills, knowledge and
    e-CF competence levels (ENISA, EUPL-1.2)."""

    serializer_class = SkillsProfileSerializer
    lookup_field = "code"
    lookup_value_regex = "[^/]+"
    pagination_class = None
    authentication_classes = AUTHENTICATION

    def get_queryset(self):
        return EcsfProfile.objects.order_by("position").prefetch_related(
            Prefetch("ecsf_items", queryset=EcsfItem.objects.order_by("code")),
            Prefetch(
                "competence_levels",
                queryset=ProfileCompetence.objects.select_related("competence").order_by(
                    "competence__position"
                ),
            ),
        )


class SkillsCompetenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = EcfCompetence
        fields = ["code", "title", "area"]


class CompetenceViewSet(viewsets.ReadOnlyModelViewSet):
    """The 41 competences of the European e-Competence Framework."""

    serializer_class = SkillsCompetenceSerializer
    queryset = EcfCompetence.objects.order_by("position")
    lookup_field = "code"
    lookup_value_regex = "[^/]+"
    pagination_class = None
    authentication_classes = AUTHENTICATION


class SkillsTargetSerializer(serializers.ModelSerializer):
    profile = serializers.CharField(source="profile.code")

    class Meta:
        model = CourseProfile
        fields = ["profile", "coverage"]


class CourseSerializer(serializers.ModelSerializer):
    provider = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    country = serializers.SlugRelatedField(slug_field="iso", read_only=True)
    profiles = SkillsTargetSerializer(source="target_list", many=True, read_only=True)
    items = serializers.SerializerMethodField()
    meets_inclusion_rule = serializers.BooleanField(read_only=True, allow_null=True)
    schema_org = serializers.SerializerMethodField()

    class Meta:
        model = Course
        fields = [
            "slug",
            "title",
            "provider",
            "region",
            "country",
            "kind",
            "description",
            "eqf_level",
            "ects",
            "hours",
            "languages",
            "mode",
            "city",
            "start_dates",
            "next_start",
            "cost_band",
            "funding_eligible",
            "certification",
            "seats_per_year",
            "url",
            "cyber_share",
            "meets_inclusion_rule",
            "profiles",
            "items",
            "status",
            "confirmed_at",
            "schema_org",
        ]

    def get_items(self, course) -> list[str]:
        return [item.code for item in course.item_list]

    @extend_schema_field({"type": "object"})
    def get_schema_org(self, course) -> dict:
        return jsonld.course(course, self.context.get("request"))


class CourseViewSet(viewsets.ReadOnlyModelViewSet):
    """Courses and programmes: validated and confirmed ones for everyone, plus the drafts a
    reader's organisation or region holds. Filters as on the catalogue page."""

    serializer_class = CourseSerializer
    filterset_class = CourseFilterSet
    lookup_field = "slug"
    authentication_classes = AUTHENTICATION

    def get_queryset(self):
        return (
            Course.objects.visible_to(self.request.user)
            .select_related("provider", "region", "country")
            .prefetch_related(
                Prefetch(
                    "targets",
                    queryset=CourseProfile.objects.with_profile_names(),
                    to_attr="target_list",
                ),
                Prefetch("items", queryset=EcsfItem.objects.order_by("code"), to_attr="item_list"),
            )
            .order_by("title", "id")
        )


class VacancySerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    country = serializers.SlugRelatedField(slug_field="iso", read_only=True)
    profile = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Vacancy
        fields = [
            "id",
            "title",
            "organisation",
            "region",
            "country",
            "profile",
            "city",
            "remote",
            "languages",
            "closing_date",
            "url",
            "description",
        ]


class VacancyViewSet(viewsets.ReadOnlyModelViewSet):
    """Open vacancies (and closed ones to their organisation and programme staff)."""

    serializer_class = VacancySerializer
    filterset_class = VacancyFilterSet
    authentication_classes = AUTHENTICATION

    def get_queryset(self):
        return (
            Vacancy.objects.visible_to(self.request.user)
            .select_related("organisation", "region", "country", "profile")
            .order_by("closing_date", "id")
        )


class SkillsNeedSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    profile = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = SkillsNeed
        fields = [
            "id",
            "organisation",
            "region",
            "profile",
            "count",
            "seniority",
            "horizon",
            "hard_to_fill",
            "created_at",
        ]


class NeedViewSet(viewsets.ReadOnlyModelViewSet):
    """Skills needs declared by organisations of the atlas."""

    serializer_class = SkillsNeedSerializer
    filterset_class = NeedFilterSet
    authentication_classes = AUTHENTICATION

    def get_queryset(self):
        return (
            SkillsNeed.objects.visible_to(self.request.user)
            .select_related("organisation", "region", "profile")
            .order_by("-created_at", "id")
        )


class SkillsIndicatorSerializer(serializers.Serializer):
    profile = serializers.CharField()
    demand = serializers.FloatField()
    supply = serializers.FloatField()
    gap = serializers.FloatField()
    ratio = serializers.FloatField(allow_null=True)
    demand_lq = serializers.FloatField(allow_null=True)
    supply_lq = serializers.FloatField(allow_null=True)


class SkillsAreaSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="EU, C:<ISO country code> or R:<NUTS code>")
    name = serializers.CharField()
    profiles = SkillsIndicatorSerializer(many=True)


class IndicatorViewSet(viewsets.ViewSet):
    """Skills indicators per area (the EU, each country, each region) and ECSF profile:
    demand, supply (seats per year weighted by coverage), gap, supply/demand ratio and the
    location quotients of demand and supply against the EU."""

    serializer_class = SkillsAreaSerializer
    lookup_field = "key"
    lookup_value_regex = "[^/]+"
    authentication_classes = AUTHENTICATION

    def _area(self, result, key):
        return {
            "key": key,
            "name": result.area_names.get(key, key),
            "profiles": [cell.__dict__ for cell in result.area(key)],
        }

    def list(self, request):
        result = aggregates.compute_indicators()
        return Response(
            SkillsAreaSerializer([self._area(result, k) for k in result.areas], many=True).data
        )

    def retrieve(self, request, key=None):
        from django.http import Http404

        result = aggregates.compute_indicators()
        if key not in result.areas:
            raise Http404
        return Response(SkillsAreaSerializer(self._area(result, key)).data)


ROUTES = [
    ("skills/profiles", ProfileViewSet, "skills-profile"),
    ("skills/competences", CompetenceViewSet, "skills-competence"),
    ("skills/courses", CourseViewSet, "skills-course"),
    ("skills/vacancies", VacancyViewSet, "skills-vacancy"),
    ("skills/needs", NeedViewSet, "skills-need"),
    ("skills/indicators", IndicatorViewSet, "skills-indicator"),
]

"""Action plans and their monitoring reports in the REST API (read only; writing goes through
the pages, whose services the workflow needs). Plans as their reader may see them; reports to
the plan's region and programme staff only."""

from django.db.models import Prefetch
from rest_framework import serializers, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated

from cyberregions.accounts.api_tokens import ApiTokenAuthentication
from cyberregions.core.permissions import ApiPermission

from . import metrics, permissions
from .filtersets import PlanFilterSet, ReportFilterSet
from .models import (
    Action,
    ActionCitation,
    ActionPlan,
    ActionProgress,
    Indicator,
    IndicatorValue,
    Milestone,
    MonitoringReport,
)


class MilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Milestone
        fields = ["due_date", "value", "label"]


class IndicatorSerializer(serializers.ModelSerializer):
    milestones = MilestoneSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = ["id", "kind", "name", "unit", "baseline", "target", "milestones"]


class ActionSerializer(serializers.ModelSerializer):
    number = serializers.IntegerField(source="position", read_only=True)
    practices = serializers.SerializerMethodField()
    players = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "number",
            "title",
            "background",
            "practices",
            "description",
            "players",
            "players_note",
            "start_date",
            "end_date",
            "cost_eur",
            "funding_sources",
            "improvement_type",
            "indicators",
        ]

    def get_practices(self, action) -> list[str]:
        """The cited good practices, by their address (slug)."""
        return [citation.practice.slug for citation in action.citations.all()]


class PlanSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    country = serializers.CharField(source="region.country.iso", read_only=True)
    partner = serializers.CharField(source="partner_label", read_only=True)
    other_partners = serializers.SlugRelatedField(slug_field="key", many=True, read_only=True)
    contact = serializers.SerializerMethodField()
    actions = ActionSerializer(many=True, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = ActionPlan
        fields = [
            "id",
            "title",
            "region",
            "country",
            "partner",
            "other_partners",
            "contact",
            "instrument_name",
            "managing_authority",
            "instrument_type",
            "policy_context",
            "status",
            "submitted_at",
            "validated_at",
            "endorsing_authority",
            "endorsed_by_name",
            "endorsed_on",
            "implementation_started_on",
            "completed_on",
            "actions",
            "url",
        ]

    def get_contact(self, plan) -> dict | None:
        """Shown only with the contact's recorded consent, or to the region and staff."""
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if not permissions.can_see_plan_contact(user, plan):
            return None
        return {
            "name": plan.contact_name,
            "email": plan.contact_email,
            "phone": plan.contact_phone,
        }

    def get_url(self, plan) -> str:
        request = self.context.get("request")
        url = plan.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class PlanViewSet(viewsets.ReadOnlyModelViewSet):
    """Action plans in the three-part layout, with their actions, indicators and milestones.
    Everyone reads endorsed plans; the region's coordinators and programme staff see the others
    too. Filters: q, region, status, instrument_type."""

    serializer_class = PlanSerializer
    filterset_class = PlanFilterSet
    # Token first, so that an anonymous write is answered 401 with its challenge.
    authentication_classes = [ApiTokenAuthentication, SessionAuthentication]

    def get_queryset(self):
        return (
            ActionPlan.objects.visible_to(self.request.user)
            .select_related("region", "region__country", "partner")
            .prefetch_related(
                "other_partners",
                Prefetch(
                    "actions",
                    queryset=Action.objects.order_by("position", "id").prefetch_related(
                        Prefetch(
                            "citations",
                            queryset=ActionCitation.objects.select_related("practice").order_by(
                                "practice__title"
                            ),
                        ),
                        "players",
                        Prefetch(
                            "indicators",
                            queryset=Indicator.objects.order_by("position", "id").prefetch_related(
                                "milestones"
                            ),
                        ),
                    ),
                ),
            )
            .order_by("region__name", "title", "id")
        )


class ProgressSerializer(serializers.ModelSerializer):
    action = serializers.PrimaryKeyRelatedField(read_only=True)
    number = serializers.IntegerField(source="action.position", read_only=True)

    class Meta:
        model = ActionProgress
        fields = ["action", "number", "status", "progress", "explanation"]


class ValueSerializer(serializers.ModelSerializer):
    indicator = serializers.PrimaryKeyRelatedField(read_only=True)
    target = serializers.DecimalField(
        source="indicator.target", max_digits=14, decimal_places=2, read_only=True
    )

    class Meta:
        model = IndicatorValue
        fields = ["indicator", "previous", "current", "target"]


class ReportSerializer(serializers.ModelSerializer):
    period = serializers.CharField(source="period_key", read_only=True)
    entries = ProgressSerializer(many=True, read_only=True)
    indicator_values = ValueSerializer(many=True, read_only=True)
    rollup = serializers.SerializerMethodField()

    class Meta:
        model = MonitoringReport
        fields = [
            "id",
            "plan",
            "period",
            "status",
            "summary",
            "submitted_at",
            "decided_at",
            "decision_reason",
            "rollup",
            "entries",
            "indicator_values",
        ]

    def get_rollup(self, report) -> dict:
        """The plan's progress rolled up from this report (docs/plans.md)."""
        rollup = metrics.report_rollup(report, report.entries.all())
        return {
            "progress_percent": rollup.progress,
            "expected_percent": rollup.expected,
            "rag": rollup.rag,
            "weighting": rollup.weighting,
        }


class ReportViewSet(viewsets.ReadOnlyModelViewSet):
    """Monitoring reports, with each action's status and progress and the indicators' values:
    to the plan's region and programme staff. Filters: plan, region, status, period."""

    serializer_class = ReportSerializer
    filterset_class = ReportFilterSet
    authentication_classes = [ApiTokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated, ApiPermission]

    def get_queryset(self):
        return (
            MonitoringReport.objects.visible_to(self.request.user)
            .select_related("plan")
            .prefetch_related(
                Prefetch(
                    "entries",
                    queryset=ActionProgress.objects.select_related("action").order_by(
                        "action__position", "action_id"
                    ),
                ),
                Prefetch(
                    "indicator_values",
                    queryset=IndicatorValue.objects.select_related("indicator").order_by(
                        "indicator__action__position", "indicator__position", "indicator_id"
                    ),
                ),
            )
            .order_by("plan_id", "-year", "-semester")
        )


ROUTES = [
    ("plans", PlanViewSet, "plan"),
    ("plan-reports", ReportViewSet, "plan-report"),
]

from django.contrib import admin

from cyberregions.core.concurrency import VersionedAdminMixin

from .models import (
    Action,
    ActionPlan,
    ActionProgress,
    Indicator,
    Milestone,
    MonitoringReport,
    PlanModification,
    PlanTransition,
    PlanVersion,
    ReportReminder,
)


class ActionInline(admin.StackedInline):
    model = Action
    extra = 0
    fields = ("position", "title", "improvement_type", "start_date", "end_date", "cost_eur")
    show_change_link = True


class TransitionInline(admin.TabularInline):
    model = PlanTransition
    extra = 0
    readonly_fields = ("step", "from_state", "to_state", "actor", "at", "reason")
    can_delete = False


@admin.register(ActionPlan)
class ActionPlanAdmin(VersionedAdminMixin, admin.ModelAdmin):
    """Reference and repair only: the workflow runs through the services, not the admin."""

    list_display = ("title", "region", "instrument_type", "status", "endorsed_on")
    list_filter = ("status", "instrument_type", "region")
    search_fields = ("title", "instrument_name", "managing_authority")
    readonly_fields = (
        "status",
        "validated_by",
        "validated_at",
        "endorsement_recorded_by",
        "version",
    )
    inlines = [ActionInline, TransitionInline]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("name", "action", "kind", "baseline", "target")
    inlines = [MilestoneInline]


class ProgressInline(admin.TabularInline):
    model = ActionProgress
    extra = 0


@admin.register(MonitoringReport)
class MonitoringReportAdmin(admin.ModelAdmin):
    list_display = ("plan", "year", "semester", "status", "submitted_at")
    list_filter = ("status", "year")
    readonly_fields = ("status",)
    inlines = [ProgressInline]


@admin.register(PlanVersion)
class PlanVersionAdmin(admin.ModelAdmin):
    list_display = ("plan", "number", "created_at", "created_by")
    readonly_fields = ("plan", "number", "snapshot", "created_at", "created_by")


@admin.register(ReportReminder)
class ReportReminderAdmin(admin.ModelAdmin):
    list_display = ("plan", "year", "semester", "stage", "sent_at", "recipients")


@admin.register(PlanModification)
class PlanModificationAdmin(admin.ModelAdmin):
    list_display = ("plan", "status", "proposed_at", "proposed_by", "decided_at")
    list_filter = ("status",)
    raw_id_fields = ("plan", "proposed_by", "decided_by", "version")
    readonly_fields = ("changes", "previous")

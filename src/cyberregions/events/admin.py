from django.contrib import admin

from .models import (
    AgendaSession,
    CooperationItem,
    CooperationProfile,
    Event,
    FeedbackResponse,
    Meeting,
    MeetingRequest,
    MeetingSlot,
    Registration,
    ScheduleRun,
)


class AgendaSessionInline(admin.TabularInline):
    model = AgendaSession
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "event_type", "status", "host_region", "starts_at"]
    list_filter = ["event_type", "status"]
    search_fields = ["title", "slug"]
    raw_id_fields = ["host_region", "created_by"]
    inlines = [AgendaSessionInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "organisation", "status", "registered_at", "attended"]
    list_filter = ["status"]
    raw_id_fields = ["event", "user", "organisation"]


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = ["event", "requester", "recipient", "status", "mutual", "priority"]
    list_filter = ["status"]
    raw_id_fields = ["event", "requester", "recipient"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["request", "slot", "table", "locked", "published"]
    raw_id_fields = ["request", "slot"]


@admin.register(ScheduleRun)
class ScheduleRunAdmin(admin.ModelAdmin):
    list_display = ["event", "created_at", "method", "scheduled", "objective", "upper_bound"]
    raw_id_fields = ["event", "run_by"]


admin.site.register(CooperationProfile, raw_id_fields=["registration"])
admin.site.register(CooperationItem, raw_id_fields=["profile"])
admin.site.register(MeetingSlot, raw_id_fields=["event", "session"])
admin.site.register(FeedbackResponse, raw_id_fields=["registration"])

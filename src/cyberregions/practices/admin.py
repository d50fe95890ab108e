from django.contrib import admin

from .models import (
    Attachment,
    Comment,
    FollowUp,
    Interest,
    Investigation,
    Practice,
    PracticeFigure,
    Transition,
)


class FigureInline(admin.TabularInline):
    model = PracticeFigure
    extra = 0


class TransitionInline(admin.TabularInline):
    model = Transition
    extra = 0
    readonly_fields = ("step", "from_state", "to_state", "actor", "at", "reason")
    can_delete = False


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    """Reference and repair only: the workflow runs through the services, not the admin."""

    list_display = ("title", "region", "status", "published_at")
    list_filter = ("status", "region", "barriers")
    search_fields = ("title", "summary")
    raw_id_fields = ("main_institution", "other_organisations", "author", "validated_by")
    readonly_fields = ("status", "validated_by", "validated_at", "published_at")
    inlines = [FigureInline, TransitionInline]


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    raw_id_fields = ("owner",)


@admin.register(Investigation)
class InvestigationAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "host_region", "start_date")
    list_filter = ("kind", "host_region")
    raw_id_fields = ("practices", "created_by")
    inlines = [FollowUpInline]


admin.site.register(
    Attachment, list_display=("name", "practice", "kind", "size"), raw_id_fields=("practice",)
)
admin.site.register(
    Comment, list_display=("practice", "kind", "author", "created_at"), raw_id_fields=("practice",)
)
admin.site.register(
    Interest,
    list_display=("practice", "region", "user", "created_at"),
    raw_id_fields=("practice", "user"),
)

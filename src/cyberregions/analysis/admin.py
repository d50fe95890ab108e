from django.contrib import admin

from .models import NeedsSurvey, SurveyInvitation, SwotItem


@admin.register(NeedsSurvey)
class NeedsSurveyAdmin(admin.ModelAdmin):
    list_display = ("title", "region", "status", "created_at")
    list_filter = ("status", "region")


@admin.register(SurveyInvitation)
class SurveyInvitationAdmin(admin.ModelAdmin):
    list_display = ("survey", "label", "organisation", "revoked", "created_at")
    list_filter = ("revoked",)
    raw_id_fields = ("organisation",)


@admin.register(SwotItem)
class SwotItemAdmin(admin.ModelAdmin):
    list_display = ("text", "region", "quadrant", "barrier")
    list_filter = ("quadrant", "region")

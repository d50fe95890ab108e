"""The labels list is kept by staff here; the rest is for reference and repair (the
workflows run through the services)."""

from django.contrib import admin

from .models import HelpRequest, Label, OrganisationLabel, ProviderProfile, ServiceCategory


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ("name", "issuer", "validity_months", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "issuer")
    prepopulated_fields = {"code": ("name",)}
    filter_horizontal = ("categories",)


@admin.register(ServiceCategory)
class ServiceCategoryAdmin(admin.ModelAdmin):
    list_display = ("code", "label", "kind", "position")


@admin.register(OrganisationLabel)
class OrganisationLabelAdmin(admin.ModelAdmin):
    list_display = ("organisation", "label", "status", "valid_until")
    list_filter = ("status", "label")
    raw_id_fields = ("organisation",)


@admin.register(ProviderProfile)
class ProviderProfileAdmin(admin.ModelAdmin):
    list_display = ("organisation", "available_24_7", "capacity", "is_active")
    raw_id_fields = ("organisation",)


@admin.register(HelpRequest)
class HelpRequestAdmin(admin.ModelAdmin):
    list_display = ("pk", "urgency", "status", "region", "created_at")
    list_filter = ("status", "urgency")
    readonly_fields = ("token", "submission_key")

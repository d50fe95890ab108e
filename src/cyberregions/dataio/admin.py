from django.contrib import admin

from .models import OrganisationImport


@admin.register(OrganisationImport)
class OrganisationImportAdmin(admin.ModelAdmin):
    """Imports are a record of what happened: read here, changed only through the services."""

    list_display = ("filename", "created_at", "created_by", "source", "region", "status")
    list_filter = ("status", "source", "region")
    search_fields = ("filename", "created_by__username")
    exclude = ("content",)
    readonly_fields = [
        field.name for field in OrganisationImport._meta.fields if field.name != "content"
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

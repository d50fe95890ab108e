from django.contrib import admin
from django.db import models

from cyberregions.core.concurrency import VersionedAdminMixin

from .models import ClaimRequest, Contact, OfferOrNeed, Organisation, OrganisationMembership
from .services import refresh_search


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = (
        "name",
        "country",
        "region",
        "actor_type",
        "size_class",
        "core_business",
        "status",
    )
    list_filter = ("actor_type", "size_class", "core_business", "status", "country")
    search_fields = ("name", "legal_name", "city")
    raw_id_fields = ("region",)
    readonly_fields = ("helix_group", "size_class", "version")
    inlines = [ContactInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The search text is derived, as the services derive it on every change.
        refresh_search(form.instance)


@admin.register(OfferOrNeed)
class OfferOrNeedAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "organisation")
    raw_id_fields = ("organisation",)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Titles of offers and needs are part of their organisation's search text: the
        # organisation it now belongs to and the one it left.
        item = form.instance
        refresh_search(item.organisation)
        previous = form.initial.get("organisation")
        if previous and previous != item.organisation_id:
            refresh_search(Organisation.objects.get(pk=previous))

    def delete_model(self, request, obj):
        organisation = obj.organisation
        super().delete_model(request, obj)
        refresh_search(organisation)

    def delete_queryset(self, request, queryset):
        organisations = list(Organisation.objects.filter(items__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        for organisation in organisations:
            refresh_search(organisation)


admin.site.register(
    OrganisationMembership,
    list_display=("user", "organisation", "role"),
    raw_id_fields=("organisation",),
)
admin.site.register(
    ClaimRequest,
    list_display=("organisation", "user", "status", "requested_at"),
    raw_id_fields=("organisation",),
)

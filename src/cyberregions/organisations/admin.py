from django.contrib import admin

from .models import ClaimRequest, Contact, OfferOrNeed, Organisation, OrganisationMembership


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
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
    readonly_fields = ("helix_group", "size_class")
    inlines = [ContactInline]


admin.site.register(
    OfferOrNeed, list_display=("title", "kind", "organisation"), raw_id_fields=("organisation",)
)
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

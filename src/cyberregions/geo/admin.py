from django.contrib import admin

from .models import Country, Partner, Region, RegionMembership


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("iso", "name", "population")
    search_fields = ("iso", "name")


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "country", "is_partner_territory", "population")
    list_filter = ("is_partner_territory", "level", "country")
    search_fields = ("code", "name")


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ("key", "name", "role", "country", "territory")


@admin.register(RegionMembership)
class RegionMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "region", "role")
    list_filter = ("region",)
    autocomplete_fields = ("user",)

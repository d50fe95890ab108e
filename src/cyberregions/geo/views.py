from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .models import Country, Partner, Region


@require_GET
def region_list(request):
    territories = (
        Region.objects.filter(is_partner_territory=True)
        .select_related("country")
        .annotate(organisation_count=Count("organisations"))
        .order_by("name")
    )
    partners = Partner.objects.select_related("country", "territory").order_by("key")
    countries = Country.objects.annotate(organisation_count=Count("organisations")).order_by("name")
    return render(
        request,
        "geo/region_list.html",
        {"territories": territories, "partners": partners, "countries": countries},
    )


@require_GET
def region_detail(request, code):
    region = get_object_or_404(
        Region.objects.select_related("country", "parent").annotate(
            organisation_count=Count("organisations"),
            company_count=Count(
                "organisations",
                filter=Q(
                    organisations__core_business=True,
                    organisations__actor_type__in=["sme", "large"],
                ),
            ),
        ),
        code=code,
    )
    subregions = region.children.order_by("code")
    partners = region.partners.all()
    per_million = (
        region.organisation_count * 1_000_000 / region.population if region.population else None
    )
    return render(
        request,
        "geo/region_detail.html",
        {
            "region": region,
            "subregions": subregions,
            "partners": partners,
            "per_million": per_million,
        },
    )

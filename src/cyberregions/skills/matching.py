"""Matching across borders: for a region's largest skills gaps, the courses elsewhere that
could serve it (online or blended anywhere, or on site in another partner territory, taught
in a language spoken in the region) and the good practices about skills that other regions
published."""

from __future__ import annotations

from django.db.models import Q

from cyberregions.practices.models import Practice

from .models import Course, CourseProfile

# The official languages of the countries of the partner territories and their neighbours.
COUNTRY_LANGUAGES = {
    "FR": ["fr"],
    "BE": ["fr", "nl", "de"],
    "IT": ["it"],
    "ES": ["es"],
    "SI": ["sl"],
    "EE": ["et"],
    "SK": ["sk"],
    "NL": ["nl"],
    "DE": ["de"],
    "AT": ["de"],
    "LU": ["fr", "de"],
    "IE": ["en"],
    "MT": ["en"],
    "PT": ["pt"],
    "PL": ["pl"],
    "CZ": ["cs"],
}


def region_languages(region) -> list[str]:
    """Languages a region's people can be taught in: its country's, and English, which most
    cybersecurity programmes use."""
    return sorted({*COUNTRY_LANGUAGES.get(region.country.iso, []), "en"})


def courses_elsewhere(region, profile_code: str, limit: int = 5) -> list[CourseProfile]:
    languages = region_languages(region)
    language = Q()
    for code in languages:
        language |= Q(course__languages__icontains=f'"{code}"')
    place = Q(course__mode__in=["online", "blended"]) | Q(course__region__is_partner_territory=True)
    return list(
        CourseProfile.objects.filter(profile__code=profile_code, course__in=Course.objects.public())
        .exclude(course__region=region)
        .filter(place & language)
        .select_related("course__provider", "course__region", "profile")
        .order_by("-coverage", "-course__seats_per_year", "course__title")[:limit]
    )


def skills_practices(region, limit: int = 5):
    """Published good practices of other regions that address the lack of skills."""
    return list(
        Practice.objects.filter(status="published", barriers__code="skills")
        .exclude(region=region)
        .select_related("region")
        .order_by("-published_at", "title")[:limit]
    )

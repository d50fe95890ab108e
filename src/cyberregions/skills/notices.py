"""Who is told about a course: its provider's people and its region's coordinators."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from cyberregions.geo.models import RegionMembership
from cyberregions.organisations.models import OrganisationMembership


def provider_people(course):
    """The provider's members and whoever created the course."""
    User = get_user_model()
    members = OrganisationMembership.objects.filter(organisation_id=course.provider_id).values(
        "user_id"
    )
    people = User.objects.filter(is_active=True, pk__in=members)
    if course.created_by_id:
        people = people | User.objects.filter(is_active=True, pk=course.created_by_id)
    return people


def region_coordinators(course):
    User = get_user_model()
    coordinators = RegionMembership.objects.filter(region_id=course.region_id).values("user_id")
    return User.objects.filter(is_active=True, pk__in=coordinators)

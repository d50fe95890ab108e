"""Who is told about a good practice: its owners (the people that ``core.notifications``
writes to when the practice moves or is discussed)."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from cyberregions.geo.models import RegionMembership


def region_people(practice):
    """The practice's owners: its region's coordinators and its author."""
    User = get_user_model()
    coordinators = RegionMembership.objects.filter(region_id=practice.region_id).values("user_id")
    people = User.objects.filter(is_active=True, pk__in=coordinators)
    if practice.author_id:
        people = people | User.objects.filter(is_active=True, pk=practice.author_id)
    return people

"""Who is told about an action plan: its region (the people that ``core.notifications``
writes to when the plan or one of its reports moves or is discussed)."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from cyberregions.geo.models import RegionMembership


def region_people(plan):
    """The plan's region: its coordinators, and whoever created the plan."""
    User = get_user_model()
    coordinators = RegionMembership.objects.filter(region_id=plan.region_id).values("user_id")
    people = User.objects.filter(is_active=True, pk__in=coordinators)
    if plan.created_by_id:
        people = people | User.objects.filter(is_active=True, pk=plan.created_by_id)
    return people

"""E-mails of the plans app: sent through the practices app's helper (one message per
recipient, only once the transaction has committed)."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from cyberregions.geo.models import RegionMembership
from cyberregions.practices.notifications import programme_staff, send, site_url

__all__ = ["programme_staff", "region_people", "send", "site_url"]


def region_people(plan):
    """The plan's region: its coordinators, and whoever created the plan."""
    User = get_user_model()
    coordinators = RegionMembership.objects.filter(region_id=plan.region_id).values("user_id")
    people = User.objects.filter(is_active=True, pk__in=coordinators)
    if plan.created_by_id:
        people = people | User.objects.filter(is_active=True, pk=plan.created_by_id)
    return people

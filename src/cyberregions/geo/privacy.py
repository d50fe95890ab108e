"""What geo holds about a person: the regions they have a role in (``core.privacy``)."""

from __future__ import annotations

from cyberregions.core import privacy

from .models import RegionMembership


def export_region_memberships(user) -> list[dict]:
    rows = RegionMembership.objects.filter(user=user).values("region__code", "region__name", "role")
    return [
        {"region": row["region__code"], "region_name": row["region__name"], "role": row["role"]}
        for row in rows
    ]


def erase_region_memberships(user, erasure: privacy.Erasure) -> None:
    erasure.count("region_memberships", RegionMembership.objects.filter(user=user).delete()[0])


privacy.register_personal_data(
    "region_memberships",
    exporter=export_region_memberships,
    eraser=erase_region_memberships,
    covers=["geo.regionmembership.user"],
)

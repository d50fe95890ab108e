from django.db import models

from cyberregions.core import permissions


class RegionQuerySet(models.QuerySet):
    def assignable_by(self, user, current: int | None = None):
        """Partner territories ``user`` may file something under: all for an administrator,
        else the regions it coordinates, plus ``current`` (the record's region) so that an
        existing record keeps showing its own."""
        territories = self.filter(is_partner_territory=True).select_related("country")
        if permissions.is_admin(user):
            return territories
        allowed = set(permissions.coordinated_region_ids(user))
        if current is not None:
            allowed.add(current)
        return territories.filter(pk__in=allowed)

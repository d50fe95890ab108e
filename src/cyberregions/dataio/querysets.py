from django.db import models

from cyberregions.core import permissions


class OrganisationImportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An import is seen by the person who made it and by administrators."""
        if permissions.is_admin(user):
            return self
        if not permissions.is_authenticated(user):
            return self.none()
        return self.filter(created_by=user)

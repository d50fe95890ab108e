from django.db import models

from cyberregions.core.permissions import is_admin, is_authenticated, is_command_line


class OrganisationImportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An import is seen by the person who made it, administrators and the command line
        (``permissions.can_see_import``)."""
        if is_admin(user) or is_command_line(user):
            return self
        if not is_authenticated(user):
            return self.none()
        return self.filter(created_by=user)

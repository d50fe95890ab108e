"""Who may import, see an import, back up and restore.

Built on the role primitives of ``core.permissions``; the command-line operator
(``core.permissions.COMMAND_LINE``) passes every rule, since shell access to the server already
grants everything.
"""

from __future__ import annotations

from cyberregions.core.permissions import (
    coordinated_region_ids,
    is_admin,
    is_authenticated,
    is_command_line,
)
from cyberregions.organisations.permissions import can_create_organisation


def can_import_organisations(user, region_id: int | None = None) -> bool:
    """Regional coordinators import into their regions; administrators anywhere."""
    return is_command_line(user) or can_create_organisation(user, region_id)


def can_import_row(user, organisation=None, region_id: int | None = None) -> bool:
    """May one row of an import create an organisation in ``region_id`` (``organisation`` is
    None) or update ``organisation``, possibly moving it to ``region_id``?"""
    if is_command_line(user) or is_admin(user):
        return True
    regions = coordinated_region_ids(user)
    if organisation is None:
        return region_id is not None and region_id in regions
    if not (organisation.region_id and organisation.region_id in regions):
        return False
    return region_id == organisation.region_id or region_id in regions


def can_see_import(user, organisation_import) -> bool:
    """The person who made it and administrators: see ``OrganisationImport.visible_to``."""
    if is_command_line(user) or is_admin(user):
        return True
    return is_authenticated(user) and organisation_import.created_by_id == user.pk


def can_back_up(user) -> bool:
    """The full backup holds personal data and password hashes: administrators only."""
    return is_command_line(user) or is_admin(user)


def can_restore_backup(user) -> bool:
    return is_command_line(user) or is_admin(user)

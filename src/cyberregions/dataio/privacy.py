"""What data in and out holds about a person (``core.privacy``): the imports they uploaded,
kept on erasure as the atlas's record of where its rows came from."""

from __future__ import annotations

from cyberregions.core import privacy

from .models import OrganisationImport

privacy.register_work_records(
    "import_records", [(OrganisationImport, "created_by", ("filename", "created_at"))]
)

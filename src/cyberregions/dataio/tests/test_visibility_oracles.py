"""``dataio.permissions.can_see_import`` agrees with ``OrganisationImport.visible_to`` for
every persona, the command line included, and every state of an import (see
``testing.OracleTestCase``)."""

from django.utils import timezone

from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.dataio import permissions
from cyberregions.dataio.choices import ImportSource, ImportStatus
from cyberregions.dataio.models import OrganisationImport
from cyberregions.testing import OracleTestCase


class ImportOracleTests(OracleTestCase):
    def test_it_agrees_on_who_sees_an_import(self):
        imports = {}
        uploaders = {
            "the coordinator": self.coordinator,
            "the administrator": self.admin,
            "the inactive coordinator": self.inactive,
            "the command line": None,
        }
        for status in ImportStatus:
            for who, user in uploaders.items():
                source = ImportSource.COMMAND_LINE if user is None else ImportSource.UPLOAD
                imports[f"{status} import by {who}"] = OrganisationImport.objects.create(
                    created_by=user,
                    source=source,
                    filename="atlas.csv",
                    region=self.brittany,
                    status=status,
                    finished_at=None if status == ImportStatus.PREVIEWED else timezone.now(),
                )
        self.assert_oracle(
            permissions.can_see_import,
            OrganisationImport.objects.visible_to,
            imports,
            personas=self.personas(**{"command line": COMMAND_LINE}),
        )

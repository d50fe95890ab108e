"""The full backup: ``export-all`` then ``import-all`` into an empty database gives identical
content; a damaged, foreign or truncated backup, or a database that holds data, restores
nothing."""

import gzip
import io
import json
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.db import transaction

from cyberregions.core import audit
from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.dataio import backup, services
from cyberregions.organisations.models import Contact, OfferOrNeed, Organisation
from cyberregions.testing import PersonaTestCase


def content() -> dict[str, list[tuple]]:
    """Every row of every backed-up table, by primary key."""
    return {
        model._meta.label_lower: list(
            model._base_manager.order_by("pk").values_list(
                *[field.attname for field in model._meta.concrete_fields]
            )
        )
        for model in backup.backed_up_models()
    }


def wipe() -> None:
    """Empty the database as a fresh one would be, reference data aside."""
    Organisation.objects.all().delete()
    get_user_model().objects.all().delete()


class BackupRoundTripTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        OfferOrNeed.objects.create(organisation=cls.tuscan_sme, kind="offer", title="Key vaults")
        Contact.objects.create(organisation=cls.tuscan_sme, name="Giulia", email="g@example.org")
        audit.record(cls.admin, "test.entry", cls.breton_sme, after={"note": 'àé€ "quoted"'})

    def dump(self) -> bytes:
        stream = io.BytesIO()
        services.export_backup(COMMAND_LINE, stream)
        return stream.getvalue()

    def restore(self, data: bytes, **options):
        return services.restore_backup(COMMAND_LINE, io.BytesIO(data), **options)

    def test_a_restore_into_an_empty_database_gives_identical_content(self):
        before = content()
        data = self.dump()
        wipe()
        self.assertNotEqual(content(), before)
        counts = self.restore(data)
        self.assertEqual(content(), before)
        self.assertEqual(counts["organisations.organisation"], 3)
        # The search index follows the restored rows.
        self.assertEqual(
            [o.name for o in Organisation.objects.search("firenze")], ["Firenze Secure Systems"]
        )
        self.assertEqual(Organisation.objects.get(slug="firenze-secure-systems").domains.count(), 1)

    def test_the_commands_round_trip_through_a_gzip_file(self):
        before = content()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "backup.jsonl.gz"
            out = io.StringIO()
            call_command("export_all", str(path), stdout=out)
            self.assertIn("Backup written", out.getvalue())
            self.assertEqual(path.read_bytes()[:2], b"\x1f\x8b")
            self.assertFalse(Path(f"{path}.partial").exists())
            header = json.loads(gzip.decompress(path.read_bytes()).splitlines()[0])
            self.assertEqual((header["format"], header["version"]), ("cyberregions-backup", 1))
            wipe()
            call_command("import_all", str(path), stdout=io.StringIO())
        self.assertEqual(content(), before)

    def test_a_database_that_holds_data_is_replaced_only_when_asked(self):
        data = self.dump()
        before = content()
        with self.assertRaises(backup.BackupRefused) as refusal:
            self.restore(data)
        self.assertIn("already holds", str(refusal.exception))
        Organisation.objects.filter(pk=self.breton_sme.pk).update(name="Changed")
        self.restore(data, replace=True)
        self.assertEqual(content(), before)

    def test_a_damaged_or_foreign_backup_restores_nothing(self):
        data = self.dump()
        lines = data.splitlines(keepends=True)
        wipe()
        emptied = content()
        cases = {
            "not a backup": b'{"hello": "world"}\n',
            "damaged": data.replace(b'"armor-cyber-defence"', b'"armor-cyber-defence', 1),
            "incomplete": b"".join(lines[: len(lines) // 2]),
            "without its end": b"".join(lines[:-1]),
            "other schema": data.replace(b'"0001_initial"', b'"0001_other"', 1),
            "bad gzip": b"\x1f\x8b" + data[:50],
        }
        for label, damaged in cases.items():
            with self.subTest(label), transaction.atomic(), self.assertRaises(backup.BackupRefused):
                self.restore(damaged)
            self.assertEqual(content(), emptied, label)

    def test_the_command_says_why_nothing_was_restored(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "backup.jsonl"
            path.write_bytes(self.dump())
            with self.assertRaises(CommandError) as failure:
                call_command("import_all", str(path), stdout=io.StringIO())
        self.assertIn("Nothing was restored", str(failure.exception))

    def test_only_administrators_back_up_and_restore(self):
        for user in (self.coordinator, self.staff, self.member):
            with self.assertRaises(PermissionDenied):
                services.export_backup(user, io.BytesIO())
            with self.assertRaises(PermissionDenied):
                services.restore_backup(user, io.BytesIO(b""))
        services.export_backup(self.admin, io.BytesIO())

"""``cyberregions import-organisations FILE [--dry-run] [--region CODE]``: the terminal shows
progress, a summary and every error; the exit status says whether it worked."""

import contextlib
import io
import tempfile
from pathlib import Path

from django.core.management import CommandError, call_command

from cyberregions.cli import main as cli_main
from cyberregions.organisations.models import Organisation
from cyberregions.testing import PersonaTestCase

from .files import csv_bytes

HEADER = ["name", "country", "region", "employees"]
ROWS = [["Paimpol Secure", "FR", "", "5"], ["Dinan Cyber", "FR", "FRH0", ""]]


class ImportCommandTests(PersonaTestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)

    def file(self, rows, header=HEADER) -> str:
        path = Path(self.folder.name) / "organisations.csv"
        path.write_bytes(csv_bytes(rows, header=header))
        return str(path)

    def call(self, *args) -> tuple[str, str]:
        out, err = io.StringIO(), io.StringIO()
        call_command("import_organisations", *args, stdout=out, stderr=err)
        return out.getvalue(), err.getvalue()

    def test_a_dry_run_shows_what_would_happen_and_writes_nothing(self):
        out, _err = self.call(self.file(ROWS), "--dry-run")
        self.assertIn("2 rows (csv, utf-8): 2 to create, 0 to update", out)
        self.assertIn("Checking rows:", out)
        self.assertIn("Dry run: nothing was written.", out)
        self.assertFalse(Organisation.objects.filter(name__in=["Paimpol Secure", "Dinan Cyber"]))

    def test_it_imports_with_progress_and_places_rows_in_the_region(self):
        out, _err = self.call(self.file(ROWS), "--region", "frh0")
        self.assertIn("Writing:", out)
        self.assertIn("Imported in", out)
        self.assertEqual(Organisation.objects.get(name="Paimpol Secure").region, self.brittany)

    def test_errors_are_listed_and_the_command_fails(self):
        rows = [*ROWS, ["Bad", "XX", "", "lots"]]
        with self.assertRaises(CommandError) as failure:
            self.call(self.file(rows))
        self.assertIn("nothing was imported", str(failure.exception))
        self.assertFalse(Organisation.objects.filter(name="Paimpol Secure").exists())
        err = io.StringIO()
        with self.assertRaises(CommandError):
            call_command(
                "import_organisations",
                self.file(rows),
                "--dry-run",
                stderr=err,
                stdout=io.StringIO(),
            )
        self.assertIn("row 4, country “XX”: Unknown country", err.getvalue())
        self.assertIn("row 4, employees “lots”", err.getvalue())

    def test_only_valid_rows_when_asked(self):
        out, _err = self.call(self.file([*ROWS, ["Bad", "XX", "", ""]]), "--only-valid")
        self.assertIn("1 rows with errors left out", out)
        self.assertTrue(Organisation.objects.filter(name="Dinan Cyber").exists())

    def test_it_refuses_unknown_files_regions_and_users(self):
        for args, message in (
            (["/no/such/file.csv"], "No such file"),
            ([self.file(ROWS), "--region", "XX9"], "Unknown NUTS region"),
            ([self.file(ROWS), "--user", "ghost"], "Unknown user"),
            ([self.file([], header=["name"])], "no rows"),
        ):
            with self.assertRaises(CommandError) as failure:
                self.call(*args)
            self.assertIn(message, str(failure.exception), args)

    def test_acting_as_a_user_applies_their_permissions(self):
        rows = [["Pisa Cyber", "IT", "ITI1", ""]]
        with self.assertRaises(CommandError):
            self.call(self.file(rows), "--user", self.coordinator.username)
        self.assertFalse(Organisation.objects.filter(name="Pisa Cyber").exists())
        self.call(self.file(rows), "--user", self.admin.username)
        self.assertTrue(Organisation.objects.filter(name="Pisa Cyber").exists())

    def test_the_console_script_takes_the_hyphenated_name(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            cli_main(["cyberregions", "import-organisations", self.file(ROWS), "--dry-run"])
        self.assertIn("2 to create", out.getvalue())

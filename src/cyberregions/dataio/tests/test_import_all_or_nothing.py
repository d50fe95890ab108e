"""All or nothing: a file with an error writes nothing unless only the valid rows are asked
for; a failure half-way, or a killed process, leaves the database as it was."""

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.db import connection

from cyberregions.core.models import AuditEntry
from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.dataio import bulk, services
from cyberregions.dataio.models import OrganisationImport
from cyberregions.organisations import search
from cyberregions.organisations.models import OfferOrNeed, Organisation
from cyberregions.testing import PersonaTestCase

from .files import csv_bytes

HEADER = ["name", "country", "region", "employees", "domains", "offers"]
GOOD = [
    ["Vannes Cyber", "FR", "FRH0", "8", "CRY", "Audits"],
    ["Lorient Shield", "FR", "FRH0", "", "", ""],
]
BAD = ["Broken Row", "FR", "FRH0", "many", "", ""]

# Runs in a separate process: imports a file into DATABASE_URL and kills itself with SIGKILL
# as soon as the first batch has been written, inside the import's transaction.
KILLER = """
import os, signal, sys
sys.path.insert(0, {src!r})
os.environ["DJANGO_SETTINGS_MODULE"] = "cyberregions.settings"
import django
django.setup()
from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.dataio import services

def progress(phase, done, total):
    if phase == "write":
        print("killed after", done, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

data = open(sys.argv[1], "rb").read()
services.import_file(COMMAND_LINE, filename="big.csv", data=data, progress=progress)
print("not killed", flush=True)
"""


def copy_sqlite_database(target: Path) -> None:
    """Copy the schema and rows of the test database, read through this test's own connection
    (the backup API would wait for the test's open transaction), into the file ``target``."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")
        objects = cursor.fetchall()
        virtual = [name for kind, name, sql in objects if sql.upper().startswith("CREATE VIRTUAL")]
        tables = [
            (name, sql)
            for kind, name, sql in objects
            if kind == "table"
            and not name.startswith("sqlite_")
            and not any(name.startswith(f"{table}_") for table in virtual)
        ]
        copy = sqlite3.connect(target)
        try:
            for _name, sql in tables:
                copy.execute(sql)
            for kind, _name, sql in objects:
                if kind == "index":
                    copy.execute(sql)
            for name, _sql in tables:
                columns = f"rowid, {', '.join(search.COLUMNS)}" if name in virtual else "*"
                cursor.execute(f'SELECT {columns} FROM "{name}"')
                rows = cursor.fetchall()
                if rows:
                    marks = ", ".join("?" * len(rows[0]))
                    into = f'"{name}"({columns})' if name in virtual else f'"{name}"'
                    copy.executemany(f"INSERT INTO {into} VALUES ({marks})", rows)
            copy.commit()
        finally:
            copy.close()


class AllOrNothingTests(PersonaTestCase):
    def data(self, *rows):
        return csv_bytes(list(rows), header=HEADER)

    def assert_untouched(self, organisations: int):
        self.assertEqual(Organisation.objects.count(), organisations)
        self.assertFalse(OfferOrNeed.objects.exists())
        self.assertFalse(AuditEntry.objects.filter(action__startswith="organisation").exists())
        self.assertFalse(OrganisationImport.objects.exists())

    def test_a_file_with_one_error_writes_nothing(self):
        before = Organisation.objects.count()
        with self.assertRaises(services.ImportRefused) as refusal:
            services.import_file(COMMAND_LINE, filename="x.csv", data=self.data(*GOOD, BAD))
        self.assertEqual([error.row for error in refusal.exception.plan.errors], [4])
        self.assert_untouched(before)

    def test_only_the_valid_rows_when_asked(self):
        before = Organisation.objects.count()
        _plan, counts, record = services.import_file(
            COMMAND_LINE, filename="x.csv", data=self.data(*GOOD, BAD), only_valid=True
        )
        self.assertEqual(counts["created"], 2)
        self.assertEqual(Organisation.objects.count(), before + 2)
        self.assertFalse(Organisation.objects.filter(name="Broken Row").exists())
        self.assertEqual((record.only_valid, record.error_count), (True, 1))

    def test_a_failure_half_way_leaves_the_database_as_it_was(self):
        before = Organisation.objects.count()
        calls = []
        original = bulk.insert_rows

        def fail_on_third_insert(*args, **kwargs):
            calls.append(args[0])
            if len(calls) == 3:
                raise RuntimeError("disk full")
            return original(*args, **kwargs)

        with (
            mock.patch.object(bulk, "insert_rows", fail_on_third_insert),
            self.assertRaises(RuntimeError),
        ):
            services.import_file(COMMAND_LINE, filename="x.csv", data=self.data(*GOOD))
        self.assertGreaterEqual(len(calls), 3)  # organisations and tags were written, then…
        self.assert_untouched(before)

    def test_a_killed_import_leaves_the_database_as_it_was(self):
        rows = [[f"Killed Cyber {number}", "FR", "FRH0", "", "CRY", ""] for number in range(2500)]
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "big.csv"
            source.write_bytes(self.data(*rows))
            environment = {**os.environ, "CYBERREGIONS_VAR": folder}
            environment.pop("CYBERREGIONS_TESTING", None)
            if connection.vendor == "sqlite":
                # The test database lives in memory: give the other process a file copy.
                target = Path(folder) / "copy.sqlite3"
                copy_sqlite_database(target)
                environment["DATABASE_URL"] = f"sqlite:///{target}"
                count = self._sqlite_count
            else:
                parameters = connection.settings_dict
                environment["DATABASE_URL"] = "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(
                    **{
                        **parameters,
                        "HOST": parameters["HOST"] or "127.0.0.1",
                        "PORT": parameters["PORT"] or 5432,
                    }
                )
                count = self._shared_count
            before = count(environment["DATABASE_URL"])
            result = subprocess.run(  # noqa: S603 — our own interpreter and script
                [
                    sys.executable,
                    "-c",
                    KILLER.format(src=str(Path(settings.BASE_DIR).parent)),
                    str(source),
                ],
                env=environment,
                capture_output=True,
                text=True,
                timeout=120,
            )
            self.assertEqual(result.returncode, -signal.SIGKILL, result.stderr[-2000:])
            self.assertIn("killed after 2000", result.stdout)
            self.assertEqual(count(environment["DATABASE_URL"]), before)

    @staticmethod
    def _sqlite_count(url: str) -> tuple[int, int]:
        database = sqlite3.connect(url.removeprefix("sqlite:///"))
        try:
            self_check = database.execute("PRAGMA integrity_check").fetchone()[0]
            assert self_check == "ok", self_check
            return (
                database.execute("SELECT COUNT(*) FROM organisations_organisation").fetchone()[0],
                database.execute("SELECT COUNT(*) FROM core_auditentry").fetchone()[0],
            )
        finally:
            database.close()

    @staticmethod
    def _shared_count(url: str) -> tuple[int, int]:
        # The other process commits nothing; what it wrote would be seen by this connection.
        return (
            Organisation.objects.filter(name__startswith="Killed Cyber").count(),
            AuditEntry.objects.filter(object_repr__startswith="Killed Cyber").count(),
        )

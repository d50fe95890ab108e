from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.dataio import services
from cyberregions.dataio.backup import BackupRefused


class Command(BaseCommand):
    help = (
        "Restore a full backup written by export-all, in one transaction. The database must "
        "be migrated to the same version and hold no users or organisations, unless --replace."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="backup file (.jsonl or .jsonl.gz)")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace everything this database holds with the backup",
        )

    def handle(self, *args, file, replace, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {path}")

        def progress(table, done, total):
            self.stdout.write(f"\rTables: {done:>3}/{total} {table[:40]:<40}", ending="")
            self.stdout.flush()

        try:
            with path.open("rb") as stream:
                counts = services.restore_backup(
                    COMMAND_LINE, stream, replace=replace, progress=progress
                )
        except BackupRefused as error:
            self.stdout.write("")
            raise CommandError(f"Nothing was restored: {error}") from None
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {len(counts)} tables, {sum(counts.values())} rows from {path}."
            )
        )

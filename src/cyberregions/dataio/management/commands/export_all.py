import gzip
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.dataio import services


class Command(BaseCommand):
    help = (
        "Write a full backup of the database (every table) to FILE, as JSON Lines; "
        "gzip-compressed when FILE ends with .gz. Restore it with import-all."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="backup file to write (.jsonl or .jsonl.gz)")

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.parent.is_dir():
            raise CommandError(f"No such directory: {path.parent}")

        def progress(table, done, total):
            self.stdout.write(f"\rTables: {done:>3}/{total} {table[:40]:<40}", ending="")
            self.stdout.flush()

        partial = path.with_name(path.name + ".partial")
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(partial, "wb") as stream:
            counts = services.export_backup(COMMAND_LINE, stream, progress=progress)
        partial.replace(path)  # a backup file only ever exists complete
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {path}: {len(counts)} tables, {sum(counts.values())} rows."
            )
        )
        sys.stdout.flush()

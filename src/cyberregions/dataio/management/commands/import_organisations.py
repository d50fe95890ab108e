from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.dataio import services
from cyberregions.dataio.readers import FileRefused
from cyberregions.geo.models import Region

from ._progress import TerminalProgress

ERRORS_SHOWN = 50


class Command(BaseCommand):
    help = (
        "Import organisations from a CSV or XLSX file: all rows or none (unless --only-valid). "
        "With --dry-run, only say what would be created, updated and left unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV (comma or semicolon) or XLSX file")
        parser.add_argument("--dry-run", action="store_true", help="check only; write nothing")
        parser.add_argument(
            "--region", metavar="CODE", help="NUTS code: rows without a region are placed here"
        )
        parser.add_argument(
            "--only-valid", action="store_true", help="write the valid rows when others fail"
        )
        parser.add_argument("--encoding", default="", help="text encoding of a CSV file")
        parser.add_argument(
            "--user", metavar="USERNAME", help="act as this user, with their permissions"
        )

    def handle(self, *args, file, dry_run, region, only_valid, encoding, user, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        scope = None
        if region:
            scope = Region.objects.filter(code__iexact=region).first()
            if scope is None:
                raise CommandError(f"Unknown NUTS region code: {region}")
        actor = COMMAND_LINE
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"Unknown user: {user}")
        progress = TerminalProgress(self.stdout)
        try:
            plan, counts, _record = services.import_file(
                actor,
                filename=path.name,
                data=path.read_bytes(),
                region=scope,
                encoding=encoding,
                dry_run=dry_run,
                only_valid=only_valid,
                progress=progress,
            )
        except FileRefused as error:
            raise CommandError(str(error.message)) from None
        except services.ImportRefused as error:
            if error.plan is not None:
                self._report(error.plan)
            raise CommandError(str(error.message)) from None
        self._report(plan)
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
            if plan.has_errors:
                raise CommandError("The file has errors.")
            return
        left_out = len(plan.invalid_rows)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported in {counts['seconds']} s: {counts['created']} created, "
                f"{counts['updated']} updated, {counts['unchanged']} unchanged"
                + (f", {left_out} rows with errors left out." if left_out else ".")
            )
        )

    def _report(self, plan):
        counts = plan.counts()
        encoding = f", {plan.encoding}" + (" (recognised)" if plan.encoding_detected else "")
        self.stdout.write(
            f"{counts['rows']} rows ({plan.format}{encoding if plan.encoding else ''}): "
            f"{counts['create']} to create, {counts['update']} to update, "
            f"{counts['unchanged']} unchanged, {counts['invalid']} with errors."
        )
        if plan.unknown_columns:
            unknown = ", ".join(plan.unknown_columns)
            self.stdout.write(self.style.WARNING(f"Unknown columns, not imported: {unknown}"))
        if plan.ignored_columns:
            self.stdout.write("Derived columns, not read: " + ", ".join(plan.ignored_columns))
        for error in plan.errors[:ERRORS_SHOWN]:
            value = f" “{error.value}”" if error.value else ""
            self.stderr.write(f"row {error.row}, {error.column}{value}: {error.reason}")
        if len(plan.errors) > ERRORS_SHOWN:
            self.stderr.write(f"… and {len(plan.errors) - ERRORS_SHOWN} more errors.")

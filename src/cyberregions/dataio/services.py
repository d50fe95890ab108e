"""State changes of data in and out: previewing, confirming and discarding imports, running an
import from the command line, restoring a backup. Each asks ``core.permissions`` first,
writes in one transaction, and leaves an audit record."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cyberregions.core import audit
from cyberregions.core.permissions import (
    coordinated_region_ids,
    is_admin,
    is_authenticated,
    is_command_line,
    require,
)

from . import backup, permissions
from .choices import ImportSource, ImportStatus
from .importer import AtlasChanged, ImportPlan, Progress, plan_import, write_plan
from .models import OrganisationImport
from .readers import FileRefused, read_table

logger = logging.getLogger(__name__)
MAX_UPLOAD_BYTES = getattr(settings, "DATAIO_MAX_UPLOAD_BYTES", 25 * 1024 * 1024)


class ImportRefused(Exception):
    """Nothing was written; ``message`` says why and ``plan`` holds the errors, if any."""

    def __init__(self, message, plan: ImportPlan | None = None):
        super().__init__(str(message))
        self.message = message
        self.plan = plan


def _region_for(actor, region):
    """A coordinator always imports into a region: the one chosen, or their only one."""
    if region is not None or is_admin(actor) or is_command_line(actor):
        return region
    regions = coordinated_region_ids(actor)
    if len(regions) == 1:
        from cyberregions.geo.models import Region

        return Region.objects.get(pk=next(iter(regions)))
    raise ImportRefused(_("Choose the region these organisations belong to."))


def _write(plan: ImportPlan, actor, record: OrganisationImport, progress) -> dict:
    """``write_plan`` inside the caller's transaction; a save by someone else since the plan
    compared the rows refuses the whole import (the transaction rolls back)."""
    try:
        return write_plan(plan, actor, reason=f"import #{record.pk}", progress=progress)
    except AtlasChanged as error:
        raise ImportRefused(str(error)) from error


def _check_size(data: bytes) -> None:
    if len(data) > MAX_UPLOAD_BYTES:
        raise FileRefused(
            _("The file is larger than %(limit)s MB; split it.")
            % {"limit": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )


def _counts(record: OrganisationImport, plan: ImportPlan) -> None:
    counts = plan.counts()
    record.report = plan.report()
    record.created_count = counts["create"]
    record.updated_count = counts["update"]
    record.unchanged_count = counts["unchanged"]
    record.error_count = counts["invalid"]


@transaction.atomic
def preview_import(
    actor,
    *,
    filename: str,
    data: bytes,
    region=None,
    encoding: str = "",
    source: str = ImportSource.UPLOAD,
) -> tuple[OrganisationImport, ImportPlan]:
    """Check an uploaded file (a dry run) and keep it until it is confirmed or discarded.
    Raises ``FileRefused`` when the file cannot be read at all; nothing is kept then."""
    require(permissions.can_import_organisations(actor, region.pk if region else None))
    region = _region_for(actor, region)
    _check_size(data)
    plan = plan_import(read_table(data, encoding), actor, region)
    record = OrganisationImport(
        created_by=actor if is_authenticated(actor) else None,
        source=source,
        filename=filename[:255],
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        content=data,
        encoding=encoding,
        region=region,
    )
    _counts(record, plan)
    record.save()
    audit.record(
        actor,
        "organisations.import.preview",
        record,
        after={"filename": record.filename, "counts": plan.counts()},
    )
    return record, plan


def confirm_import(
    actor,
    record: OrganisationImport,
    *,
    only_valid: bool = False,
    progress: Progress | None = None,
    write_guard: Callable[[], AbstractContextManager] | None = None,
) -> tuple[ImportPlan, dict]:
    """Write a previewed file. The file is checked again against the atlas as it is now; when
    it has errors nothing is written unless ``only_valid`` is chosen.

    ``write_guard`` is entered inside the writing transaction, before anything is written: a
    background task passes its run's guard, so the import and the run's outcome commit together
    (and a run that was already applied applies nothing)."""
    require(
        permissions.can_see_import(actor, record)
        and permissions.can_import_organisations(actor, record.region_id)
    )
    if record.status != ImportStatus.PREVIEWED:
        raise ImportRefused(_("This import is already closed."))
    plan = plan_import(
        read_table(bytes(record.content), record.encoding),
        actor,
        record.region,
        progress=progress,
    )
    if plan.has_errors and not only_valid:
        raise ImportRefused(
            _(
                "The file has errors, so nothing was imported. Correct them, or import only "
                "the valid rows."
            ),
            plan,
        )
    with transaction.atomic(), write_guard() if write_guard else nullcontext():
        locked = OrganisationImport.objects.select_for_update().get(pk=record.pk)
        if locked.status != ImportStatus.PREVIEWED:
            raise ImportRefused(_("This import is already closed."))
        counts = _write(plan, actor, record, progress)
        _counts(locked, plan)
        locked.status = ImportStatus.IMPORTED
        locked.content = None
        locked.only_valid = only_valid
        locked.finished_at = timezone.now()
        locked.save()
        audit.record(
            actor,
            "organisations.import.confirm",
            locked,
            before={"status": ImportStatus.PREVIEWED},
            after={"status": ImportStatus.IMPORTED, "only_valid": only_valid, **counts},
        )
    record.refresh_from_db()
    return plan, counts


@transaction.atomic
def discard_import(actor, record: OrganisationImport) -> OrganisationImport:
    require(permissions.can_see_import(actor, record))
    record = OrganisationImport.objects.select_for_update().get(pk=record.pk)
    if record.status != ImportStatus.PREVIEWED:
        raise ImportRefused(_("This import is already closed."))
    record.status = ImportStatus.DISCARDED
    record.content = None
    record.save(update_fields=["status", "content"])
    audit.record(
        actor,
        "organisations.import.discard",
        record,
        before={"status": ImportStatus.PREVIEWED},
        after={"status": ImportStatus.DISCARDED},
    )
    return record


def import_file(
    actor,
    *,
    filename: str,
    data: bytes,
    region=None,
    encoding: str = "",
    dry_run: bool = False,
    only_valid: bool = False,
    source: str = ImportSource.COMMAND_LINE,
    progress: Progress | None = None,
) -> tuple[ImportPlan, dict | None, OrganisationImport | None]:
    """Check and, unless ``dry_run``, write a file in one go (the command line). All or
    nothing: one transaction, so an interrupted import leaves the atlas as it was."""
    require(permissions.can_import_organisations(actor, region.pk if region else None))
    region = _region_for(actor, region)
    plan = plan_import(read_table(data, encoding), actor, region, progress=progress)
    if dry_run:
        return plan, None, None
    if plan.has_errors and not only_valid:
        raise ImportRefused(
            _(
                "The file has errors, so nothing was imported. Correct them, or import only "
                "the valid rows."
            ),
            plan,
        )
    with transaction.atomic():
        record = OrganisationImport(
            created_by=actor if is_authenticated(actor) else None,
            source=source,
            filename=filename[:255],
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            encoding=encoding,
            region=region,
            status=ImportStatus.IMPORTED,
            only_valid=only_valid,
            finished_at=timezone.now(),
        )
        _counts(record, plan)
        record.save()
        counts = _write(plan, actor, record, progress)
        audit.record(
            actor,
            "organisations.import.run",
            record,
            after={"filename": record.filename, "only_valid": only_valid, **counts},
        )
    return plan, counts, record


# Backups -------------------------------------------------------------------------------------


def export_backup(actor, stream, progress=None) -> dict[str, int]:
    """Write every table to ``stream`` (reading only; the permission still applies)."""
    require(permissions.can_back_up(actor))
    return backup.dump(stream, progress=progress)


@transaction.atomic
def restore_backup(actor, stream, *, replace: bool = False, progress=None) -> dict[str, int]:
    """Replace the whole database with a backup, in one transaction. Refused on a database
    that already holds users or organisations unless ``replace`` is chosen.

    The restore gives back exactly what the backup holds, audit trail included, so it adds no
    audit entry of its own (that would make the content differ); it is logged instead."""
    require(permissions.can_restore_backup(actor))
    counts = backup.restore(stream, replace=replace, progress=progress)
    logger.info(
        "Database restored from a backup by %s: %s tables, %s rows.",
        "the command line" if is_command_line(actor) else f"user {actor.pk}",
        len(counts),
        sum(counts.values()),
    )
    return counts

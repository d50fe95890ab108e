"""The full backup: every table Django manages, as JSON Lines (gzip-compressed when asked).

Layout, one JSON value per line::

    {"format": "cyberregions-backup", "version": 1, "created": …, "migrations": {…}}
    {"table": "organisations.organisation", "columns": ["id", "slug", …], "rows": 2}
    [1, "armor-cyber", …]
    [2, "firenze-secure", …]
    …
    {"end": true, "tables": 42, "rows": 123456}

Rows keep their primary keys, so a restore gives back identical content. A restore runs in
one transaction: the constraints Django creates are deferred to the commit, so tables load in
any order, and a damaged or truncated backup leaves the database as it was.
"""

from __future__ import annotations

import base64
import datetime
import decimal
import gzip
import json
import uuid
import zlib
from collections.abc import Callable, Iterator

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = "cyberregions-backup"
VERSION = 1
CHUNK = 2000
GZIP_MAGIC = b"\x1f\x8b"


class BackupRefused(ValueError):
    """The backup cannot be restored here; nothing was changed."""


def backed_up_models() -> list:
    """Every concrete table Django manages, many-to-many tables included, in a stable order."""
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    ]
    return sorted(models, key=lambda model: model._meta.label_lower)


def _columns(model) -> list:
    return list(model._meta.concrete_fields)


def _migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview | bytearray):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    return value


def _line(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def dump(stream, progress: Callable[[str, int, int], None] | None = None) -> dict[str, int]:
    """Write every table to the binary ``stream``; returns the rows written per table."""
    models = backed_up_models()
    stream.write(
        _line(
            {
                "format": FORMAT,
                "version": VERSION,
                "created": timezone.now().isoformat(),
                "engine": connection.vendor,
                "migrations": _migrations(),
                "tables": [model._meta.label_lower for model in models],
            }
        )
    )
    counts: dict[str, int] = {}
    for position, model in enumerate(models, start=1):
        fields = _columns(model)
        names = [field.attname for field in fields]
        queryset = model._base_manager.order_by("pk").values_list(*names)
        label = model._meta.label_lower
        stream.write(_line({"table": label, "columns": names, "rows": queryset.count()}))
        written = 0
        for row in queryset.iterator(chunk_size=CHUNK):
            stream.write(_line([_plain(value) for value in row]))
            written += 1
        counts[label] = written
        if progress:
            progress(label, position, len(models))
    stream.write(_line({"end": True, "tables": len(counts), "rows": sum(counts.values())}))
    return counts


def _lines(stream) -> Iterator[tuple[int, object]]:
    """The JSON values of a (seekable) backup stream, gzip-compressed or not."""
    head = stream.read(2)
    stream.seek(0)
    source = gzip.GzipFile(fileobj=stream, mode="rb") if head == GZIP_MAGIC else stream
    number = 0
    try:
        for number, raw in enumerate(source, start=1):  # noqa: B007 — used after the loop
            if not raw.strip():
                continue
            try:
                yield number, json.loads(raw)
            except ValueError:
                raise BackupRefused(
                    _("The backup file is damaged at line %(line)s.") % {"line": number}
                ) from None
    except (OSError, EOFError, zlib.error):
        raise BackupRefused(
            _("The backup file is damaged at line %(line)s.") % {"line": number + 1}
        ) from None


def restore(
    stream,
    replace: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, int]:
    """Replace the content of every table with the backup's. Call inside a transaction."""
    if not connection.in_atomic_block:
        raise RuntimeError("restore must run inside a transaction.")
    lines = _lines(stream)
    _number, header = next(lines, (0, None))
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupRefused(_("This is not a cyberregions backup."))
    if header.get("version") != VERSION:
        raise BackupRefused(
            _("This backup has format version %(version)s; this platform reads version 1.")
            % {"version": header.get("version")}
        )
    if header.get("migrations") != _migrations():
        raise BackupRefused(
            _(
                "The backup was made with another version of the database schema. Install the "
                "same version of cyberregions, run “cyberregions migrate”, then restore."
            )
        )
    if not replace and _holds_data():
        raise BackupRefused(
            _(
                "This database already holds users or organisations. Restore into an empty "
                "database, or confirm that everything here may be replaced."
            )
        )
    models = {model._meta.label_lower: model for model in backed_up_models()}
    with connection.cursor() as cursor:
        for model in models.values():
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
    counts: dict[str, int] = {}
    current = None
    fields: list = []
    statement = ""
    pending: list[list] = []
    expected = 0
    ended = None

    def flush():
        if pending:
            with connection.cursor() as cursor:
                cursor.executemany(statement, pending)
            pending.clear()

    for number, value in lines:
        if isinstance(value, list):
            if current is None or len(value) != len(fields):
                raise BackupRefused(
                    _("The backup file is damaged at line %(line)s.") % {"line": number}
                )
            pending.append(
                [
                    field.get_db_prep_save(field.to_python(cell), connection)
                    for field, cell in zip(fields, value, strict=True)
                ]
            )
            counts[current._meta.label_lower] += 1
            if len(pending) >= CHUNK:
                flush()
        elif isinstance(value, dict) and "table" in value:
            flush()
            if current is not None:
                _check_count(current, counts, expected)
            current = models.get(value["table"])
            if current is None:
                raise BackupRefused(
                    _("The backup holds a table this platform does not know: %(table)s.")
                    % {"table": value["table"]}
                )
            by_name = {field.attname: field for field in _columns(current)}
            if sorted(value["columns"]) != sorted(by_name):
                raise BackupRefused(
                    _("The columns of %(table)s differ from this platform's.")
                    % {"table": value["table"]}
                )
            fields = [by_name[name] for name in value["columns"]]
            quote = connection.ops.quote_name
            statement = "INSERT INTO {} ({}) VALUES ({})".format(
                quote(current._meta.db_table),
                ", ".join(quote(field.column) for field in fields),
                ", ".join(["%s"] * len(fields)),
            )
            expected = value.get("rows", 0)
            counts[value["table"]] = 0
            if progress:
                progress(value["table"], len(counts), len(models))
        elif isinstance(value, dict) and value.get("end"):
            flush()
            if current is not None:
                _check_count(current, counts, expected)
            ended = value
            break
        else:
            raise BackupRefused(
                _("The backup file is damaged at line %(line)s.") % {"line": number}
            )
    if ended is None or ended.get("rows") != sum(counts.values()):
        raise BackupRefused(_("The backup file is incomplete; nothing was restored."))
    _after_restore(list(models.values()))
    return counts


def _check_count(model, counts: dict[str, int], expected: int) -> None:
    if counts[model._meta.label_lower] != expected:
        raise BackupRefused(_("The backup file is incomplete; nothing was restored."))


def _holds_data() -> bool:
    from cyberregions.organisations.models import Organisation

    return get_user_model().objects.exists() or Organisation.objects.exists()


def _after_restore(models: list) -> None:
    """Sequences, caches and the search index follow the restored rows."""
    from django.contrib.contenttypes.models import ContentType

    from cyberregions.organisations import search
    from cyberregions.organisations.filtersets import reset_vocabulary_cache

    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
    search.rebuild_index()
    ContentType.objects.clear_cache()
    reset_vocabulary_cache()

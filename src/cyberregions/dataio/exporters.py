"""Exports of list pages: the rows a list shows, with the same filters, as CSV, XLSX or JSON.

An app declares what its list exports in its ``exports`` module (found when the apps load)::

    from cyberregions.dataio.exporters import Column, ListExport, register

    register(ListExport(
        name="practices",
        title=_("Good practices"),
        filterset_class=PracticeFilterSet,
        queryset=lambda user: Practice.objects.visible_to(user),
        columns=[Column("title"), Column("region", "region.code"), Column("tags", many=True,
                 value=lambda practice: [tag.code for tag in practice.tags.all()])],
        select_related=["region"],
        prefetch_related=["tags"],
    ))

and its list template includes ``dataio/_export_menu.html`` with ``export="practices"``. The
export is then served at ``/data/export/practices.csv`` (``.xlsx``, ``.json``) with the list's
query string. Text that a spreadsheet would run as a formula is neutralised in CSV and XLSX.
This module imports no app, so any app may use it.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

from .cells import MULTI_SEPARATOR, neutralise

FORMATS = ("csv", "xlsx", "json")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
CHUNK = 2000


@dataclass(frozen=True)
class Column:
    """One column: ``key`` names it in every format; ``value`` is an attribute path
    (``"country.iso"``, the key itself when omitted) or a function of the row's object.
    ``many`` columns hold lists: joined by ``|`` in CSV and XLSX, arrays in JSON."""

    key: str
    value: str | Callable[[Any], Any] | None = None
    many: bool = False

    def get(self, obj) -> Any:
        if callable(self.value):
            return self.value(obj)
        current = obj
        for part in (self.value or self.key).split("."):
            if current is None:
                return None
            current = getattr(current, part)
        return current


@dataclass(frozen=True)
class ListExport:
    """What one list page exports. ``queryset(user)`` gives the rows the user may see; the
    FilterSet of the list narrows them with the request's query string."""

    name: str
    title: Any
    filterset_class: type
    queryset: Callable[[Any], Any]
    columns: Sequence[Column]
    ordering: Sequence[Any] = ()
    select_related: Sequence[str] = ()
    prefetch_related: Sequence[Any] = ()
    allowed: Callable[[Any], bool] = field(default=lambda user: True)
    sort_parameter: str = "sort"

    @property
    def keys(self) -> list[str]:
        return [column.key for column in self.columns]


REGISTRY: dict[str, ListExport] = {}


def register(export: ListExport) -> ListExport:
    REGISTRY[export.name] = export
    return export


class InvalidFilters(ValueError):
    def __init__(self, errors):
        super().__init__(str(errors))
        self.errors = errors


def filtered_queryset(export: ListExport, data, user):
    """The rows the list shows for ``data`` (its query string), every page at once."""
    filterset = export.filterset_class(data, queryset=export.queryset(user))
    if not filterset.is_valid():
        raise InvalidFilters(filterset.errors)
    queryset = filterset.qs
    if export.ordering and not data.get(export.sort_parameter):
        queryset = queryset.order_by(*export.ordering)
    if export.select_related:
        queryset = queryset.select_related(*export.select_related)
    if export.prefetch_related:
        queryset = queryset.prefetch_related(*export.prefetch_related)
    return queryset


def rows(export: ListExport, objects: Iterable) -> Iterator[list]:
    """Plain values per column; ``objects`` is iterated in chunks when it is a queryset."""
    iterator = objects.iterator(chunk_size=CHUNK) if hasattr(objects, "iterator") else objects
    columns = export.columns
    for obj in iterator:
        yield [column.get(obj) for column in columns]


# Cell rendering ------------------------------------------------------------------------------


def spreadsheet_cell(value) -> Any:
    """A value as a spreadsheet cell: yes/no, lists joined by ``|``, formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return neutralise(MULTI_SEPARATOR.join(str(item) for item in value))
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    return value


def json_value(value) -> Any:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    return value


# Responses -----------------------------------------------------------------------------------


class _Line:
    """A file-like object that hands back what the csv writer writes."""

    def write(self, value: str) -> str:
        return value


def csv_lines(keys: Sequence[str], values: Iterable[list], bom: bool = False) -> Iterator[str]:
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield ("\ufeff" if bom else "") + writer.writerow(keys)
    for row in values:
        cells = [spreadsheet_cell(value) for value in row]
        yield writer.writerow(
            [cell.isoformat() if isinstance(cell, datetime.datetime) else cell for cell in cells]
        )


def json_chunks(
    keys: Sequence[str], values: Iterable[list], meta: dict | None = None
) -> Iterator[str]:
    """A JSON array of objects, or ``{**meta, "data": [...]}``, written as it is read."""
    yield (json.dumps(meta, ensure_ascii=False)[:-1] + ', "data": [') if meta else "["
    first = True
    for row in values:
        record = dict(zip(keys, (json_value(value) for value in row), strict=True))
        yield ("" if first else ",") + "\n" + json.dumps(record, ensure_ascii=False)
        first = False
    yield "\n]}" if meta else "\n]"


def xlsx_bytes(keys: Sequence[str], values: Iterable[list], title: str = "Export") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "Export")
    sheet.append(list(keys))
    for row in values:
        cells = []
        for value in row:
            cell = spreadsheet_cell(value)
            if isinstance(cell, str):
                cell = ILLEGAL_CHARACTERS_RE.sub("", cell)
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def response(
    export: ListExport,
    queryset,
    fmt: str,
    *,
    filename: str = "",
    bom: bool = True,
    meta: dict | None = None,
) -> HttpResponse:
    """The download of ``queryset`` in ``fmt``; CSV and JSON are streamed."""
    stem = filename or f"{export.name}-{timezone.localdate().isoformat()}"
    values = rows(export, queryset)
    if fmt == "csv":
        result = StreamingHttpResponse(
            csv_lines(export.keys, values, bom=bom), content_type=CONTENT_TYPES["csv"]
        )
    elif fmt == "json":
        result = StreamingHttpResponse(
            json_chunks(export.keys, values, meta), content_type=CONTENT_TYPES["json"]
        )
    elif fmt == "xlsx":
        result = HttpResponse(
            xlsx_bytes(export.keys, values, title=export.name),
            content_type=CONTENT_TYPES["xlsx"],
        )
    else:
        raise ValueError(fmt)
    result["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return result

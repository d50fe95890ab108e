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
This module imports no app's models (only the name helpers of ``geo`` and ``taxonomy``), so any
app may use it.

Nothing holds the whole list: rows are read in chunks of ``CHUNK`` (each chunk with its
prefetches, so the queries per chunk are fixed), CSV and JSON are streamed as they are written,
and XLSX is written by XlsxWriter's constant-memory mode into a temporary file that is then
streamed.
Codes keep their own columns (``country``, ``actor_type``) so that an export imports again;
their labels sit beside them (``country_name``, ``actor_type_label``, ``domain_labels``) in the
reader's language (country names from CLDR, vocabulary terms from the reference labels),
the language of the request, which stays active while the rows are written after the view
has returned.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import itertools
import json
import operator
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation

from cyberregions.geo import names
from cyberregions.taxonomy.labels import label as term_label

from .cells import FORMULA_STARTS, MULTI_SEPARATOR, NEUTRALISER, neutralise

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

    def __post_init__(self):
        # Split once: ``get`` runs for every cell of an export.
        path = () if callable(self.value) else tuple((self.value or self.key).split("."))
        object.__setattr__(self, "_path", path)

    def get(self, obj) -> Any:
        if not self._path:
            return self.value(obj)
        current = obj
        for part in self._path:
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
    # The fields read (``QuerySet.only``), so that long texts the export never writes stay
    # in the database; empty for every field.
    only: Sequence[str] = ()
    # Called with each chunk of objects before its rows are written: loads what the columns
    # read (tag codes…) in a fixed number of queries, lighter than model prefetches.
    load_chunk: Callable[[list], None] | None = None
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
    if export.only:
        queryset = queryset.only(*export.only)
    return queryset


def rows(export: ListExport, objects: Iterable, language: str | None = None) -> Iterator[list]:
    """Plain values per column; ``objects`` is iterated in chunks when it is a queryset.
    Labels are written in ``language`` (the active one when None), even when the rows are
    read after the request's language has been put back, as a streamed response does."""
    # Read now, not when the generator first runs: by then the view has returned.
    language = language or translation.get_language()
    iterator = objects.iterator(chunk_size=CHUNK) if hasattr(objects, "iterator") else objects
    return _values(export, iterator, language)


def _getter(column: Column) -> Callable[[Any], Any]:
    """The fastest way to read ``column`` of a row: a plain field through the C attribute
    getter; a path that may meet a missing relation (``region.code``) step by step."""
    if not column._path:
        return column.value
    if len(column._path) == 1:
        return operator.attrgetter(column._path[0])
    return column.get


def _values(export: ListExport, objects: Iterable, language: str) -> Iterator[list]:
    getters = [_getter(column) for column in export.columns]
    objects = iter(objects)
    with translation.override(language):
        while chunk := list(itertools.islice(objects, CHUNK)):
            if export.load_chunk:
                export.load_chunk(chunk)
            for obj in chunk:
                yield [get(obj) for get in getters]


# Labels beside codes ---------------------------------------------------------------------------


def country_name(iso: str | None) -> str:
    """The name of the country with ISO code ``iso`` in the active language (CLDR, through
    Babel), so that a French reader reads « Italie » beside ``IT``."""
    return names.country_name(iso)


def country_name_of(path: str) -> Callable[[Any], str]:
    """A column value: the name of the country whose code is at ``path`` (``"country.iso"``)."""
    column = Column(path)
    return lambda obj: country_name(column.get(obj))


def term_labels(vocabulary: str, codes: Callable[[Any], list[str]]) -> Callable[[Any], list]:
    """A column value: the labels, in the active language, of the vocabulary terms whose codes
    ``codes(obj)`` gives (``vocabulary`` is the term model's name: ``"domain"``…)."""
    return lambda obj: [term_label(vocabulary, code) for code in codes(obj)]


def choice_label(field_name: str) -> Callable[[Any], str]:
    """A column value: the label of a choice field in the active language, as ``get_…_display``
    gives it, but translated once per language rather than once per row."""
    labels: dict[str, dict] = {}

    def label(obj) -> str:
        language = translation.get_language() or ""
        if language not in labels:
            field = obj._meta.get_field(field_name)
            labels[language] = {key: str(text) for key, text in field.flatchoices}
        value = getattr(obj, field_name)
        return labels[language].get(value, value)

    return label


# Cell rendering ------------------------------------------------------------------------------


def spreadsheet_cell(value) -> Any:
    """A value as a spreadsheet cell: yes/no, lists joined by ``|``, formulas neutralised."""
    # The most frequent kinds first: this runs for every cell.
    if isinstance(value, str):
        return NEUTRALISER + value if value.startswith(FORMULA_STARTS) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return neutralise(MULTI_SEPARATOR.join(str(item) for item in value))
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
    keys: Sequence[str], values: Iterable[list], meta: dict | None = None, key: str = "data"
) -> Iterator[str]:
    """A JSON array of objects, or ``{**meta, key: [...]}`` when ``meta`` is given (even
    empty), written as it is read."""
    if meta is None:
        yield "["
    else:
        opening = json.dumps({**meta, key: []}, ensure_ascii=False)
        yield opening[: opening.rindex("[]")] + "["
    first = True
    for row in values:
        record = dict(zip(keys, (json_value(value) for value in row), strict=True))
        yield ("" if first else ",") + "\n" + json.dumps(record, ensure_ascii=False)
        first = False
    yield "\n]" if meta is None else "\n]}"


# Characters XML 1.0 cannot hold; a spreadsheet cell loses them.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xlsx_file(keys: Sequence[str], values: Iterable[list], title: str = "Export"):
    """The workbook in a temporary file (at its start), written row by row. XlsxWriter's
    constant-memory mode flushes each row as it is written and costs about half of openpyxl's
    write-only mode per cell (openpyxl still reads the imports)."""
    import xlsxwriter

    output = tempfile.TemporaryFile()  # noqa: SIM115 — the response closes it when sent
    workbook = xlsxwriter.Workbook(
        output,
        {
            "constant_memory": True,
            # Text stays text: no formula, link or number is made of what a person typed.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "default_date_format": "yyyy-mm-dd hh:mm",
            "tmpdir": tempfile.gettempdir(),
        },
    )
    sheet = workbook.add_worksheet(title[:31] or "Export")
    sheet.write_row(0, 0, list(keys))
    for number, row in enumerate(values, start=1):
        cells = []
        for value in row:
            cell = spreadsheet_cell(value)
            if isinstance(cell, str):
                cell = XML_ILLEGAL.sub("", cell)
            elif isinstance(cell, datetime.date) and not isinstance(cell, datetime.datetime):
                cell = datetime.datetime.combine(cell, datetime.time())
            cells.append(cell)
        sheet.write_row(number, 0, cells)
    workbook.close()
    output.seek(0)
    return output


def response(
    export: ListExport,
    queryset,
    fmt: str,
    *,
    filename: str = "",
    bom: bool = True,
    meta: dict | None = None,
    json_key: str = "data",
) -> StreamingHttpResponse:
    """The download of ``queryset`` in ``fmt``: CSV and JSON streamed as the rows are read,
    XLSX streamed from the temporary file it was written to."""
    stem = filename or f"{export.name}-{timezone.localdate().isoformat()}"
    values = rows(export, queryset)
    if fmt == "csv":
        result = StreamingHttpResponse(
            csv_lines(export.keys, values, bom=bom), content_type=CONTENT_TYPES["csv"]
        )
    elif fmt == "json":
        result = StreamingHttpResponse(
            json_chunks(export.keys, values, meta, key=json_key), content_type=CONTENT_TYPES["json"]
        )
    elif fmt == "xlsx":
        result = FileResponse(
            xlsx_file(export.keys, values, title=export.name), content_type=CONTENT_TYPES["xlsx"]
        )
    else:
        raise ValueError(fmt)
    result["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return result

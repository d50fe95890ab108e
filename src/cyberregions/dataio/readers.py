"""Reading an uploaded table: the format is recognised by content, never by file name.

CSV (comma, semicolon or tab; UTF-8 with or without BOM, UTF-16 with BOM, or a Windows
code page recognised by elimination) and XLSX (the first sheet) become a ``Table``: header
names and rows of cell values, each row with the number a spreadsheet shows for it (the
header is row 1). Anything else is refused with a ``FileRefused`` whose message says what to
do.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .cells import Formula

MAX_ROWS = 250_000
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary Excel (.xls) and Word files
# Spreadsheet programs in the partner countries save "CSV" in these code pages; when a file is
# not UTF-8, the first of them that decodes it without implausible characters is chosen.
LEGACY_ENCODINGS = ("cp1252", "cp1250", "cp1257")
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (BOM)",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252 (Western European)",
    "cp1250": "Windows-1250 (Central European)",
    "cp1257": "Windows-1257 (Baltic)",
    "iso-8859-1": "ISO-8859-1",
    "iso-8859-2": "ISO-8859-2",
    "iso-8859-15": "ISO-8859-15",
}
DELIMITERS = (",", ";", "\t")


CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
NOT_A_TABLE = _(
    "This is not a CSV or XLSX file, or its text encoding cannot be recognised. "
    "Save it as “CSV UTF-8” or as an Excel workbook (.xlsx)."
)


class FileRefused(ValueError):
    """The file cannot be read at all; ``message`` tells the person what to do."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass
class Table:
    """A read table: ``rows`` holds (row number, cell values) with empty rows left out."""

    format: str
    headers: list[str]
    rows: list[tuple[int, list]] = field(default_factory=list)
    encoding: str = ""
    encoding_detected: bool = False
    delimiter: str = ""

    @property
    def encoding_name(self) -> str:
        return ENCODING_NAMES.get(self.encoding, self.encoding)


def read_table(data: bytes, encoding: str = "") -> Table:
    """Recognise and read ``data``; raise ``FileRefused`` when it is not a usable table."""
    if not data or not data.strip(b" \t\r\n\x00" + codecs.BOM_UTF8):
        raise FileRefused(_("The file is empty."))
    if data.startswith(XLSX_MAGIC):
        table = _read_xlsx(data)
    elif data.startswith(OLE_MAGIC):
        raise FileRefused(
            _(
                "This is an old Excel workbook (.xls). Save it as an Excel workbook (.xlsx) "
                "or as CSV UTF-8, then upload it again."
            )
        )
    else:
        table = _read_csv(data, encoding)
    if not any(header for header in table.headers):
        raise FileRefused(_("The first row must hold the column names; it is empty."))
    if not table.rows:
        raise FileRefused(_("The file has column names but no rows of data."))
    return table


# CSV -----------------------------------------------------------------------------------------


def decode(data: bytes, encoding: str = "") -> tuple[str, str, bool]:
    """The text of ``data``, the encoding used, and whether it was detected (not declared)."""
    if encoding:
        try:
            return data.decode(encoding), encoding, False
        except (UnicodeDecodeError, LookupError):
            raise FileRefused(
                _("The file cannot be read as %(encoding)s.")
                % {"encoding": ENCODING_NAMES.get(encoding, encoding)}
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig", False
        except UnicodeDecodeError:
            raise FileRefused(
                _("The file announces UTF-8 but holds bytes that are not UTF-8.")
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", False
        except UnicodeDecodeError:
            raise FileRefused(_("The file announces UTF-16 but cannot be read as such.")) from None
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:65536]:
        raise FileRefused(NOT_A_TABLE)
    for candidate in LEGACY_ENCODINGS:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, candidate, True
    raise FileRefused(
        _(
            "The file is not in UTF-8 and its text encoding could not be recognised. "
            "Save it as “CSV UTF-8”, or choose its encoding."
        )
    )


def _plausible(text: str) -> bool:
    """Text decoded with the wrong code page shows control characters and stray symbols."""
    odd = 0
    for char in set(text):
        if ord(char) < 128:
            if char < " " and char not in "\t\r\n":
                return False
            continue
        category = unicodedata.category(char)
        if category[0] == "C":
            return False
        if category in ("So", "Sk", "No", "Sc") and char not in "€£©®°":
            odd += 1
    return odd <= 2


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: whichever of comma, semicolon or tab occurs most
    often outside quotes."""
    first_line, in_quotes = [], False
    for char in text[:65536]:
        if char == '"':
            in_quotes = not in_quotes
        elif char in "\r\n" and not in_quotes:
            break
        first_line.append(char)
    line = "".join(first_line)
    counts = {delimiter: _count_outside_quotes(line, delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, in_quotes = 0, False
    for char in line:
        if char == '"':
            in_quotes = not in_quotes
        elif char == delimiter and not in_quotes:
            count += 1
    return count


def _read_csv(data: bytes, encoding: str) -> Table:
    text, used, detected = decode(data, encoding)
    text = text.removeprefix("\ufeff")
    if CONTROL.search(text, 0, 65536):
        # Valid UTF-8 can still be binary: a PDF, an image, an archive…
        raise FileRefused(NOT_A_TABLE)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        headers = next(reader, [])
        rows = []
        for number, values in enumerate(reader, start=2):
            if not any(value.strip() for value in values):
                continue
            rows.append(
                (number, [Formula(value) if value.startswith("=") else value for value in values])
            )
            if len(rows) > MAX_ROWS:
                raise FileRefused(
                    _("The file has more than %(limit)s rows; split it.") % {"limit": MAX_ROWS}
                )
    except csv.Error as error:
        raise FileRefused(
            _("The CSV file is malformed near row %(row)s: %(error)s")
            % {"row": reader.line_num, "error": error}
        ) from None
    return Table(
        format="csv",
        headers=[header.strip() for header in headers],
        rows=rows,
        encoding=used,
        encoding_detected=detected,
        delimiter=delimiter,
    )


# XLSX ----------------------------------------------------------------------------------------


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                raise FileRefused(
                    _("This archive is not an Excel workbook (.xlsx); upload CSV or XLSX.")
                )
            # A small file may unpack to gigabytes: refuse before reading any of it.
            if sum(entry.file_size for entry in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise FileRefused(
                    _("The workbook is too large once unpacked; split it or save it as CSV.")
                )
    except zipfile.BadZipFile:
        raise FileRefused(_("The Excel workbook is damaged and cannot be opened.")) from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 — openpyxl raises many kinds on damaged files
        raise FileRefused(_("The Excel workbook is damaged and cannot be opened.")) from None
    try:
        sheet = workbook.worksheets[0]
        headers: list[str] = []
        rows = []
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            values = [_xlsx_value(cell) for cell in cells]
            if number == 1:
                headers = ["" if value is None else str(value).strip() for value in values]
                continue
            if all(value is None or value == "" for value in values):
                continue
            rows.append((number, values))
            if len(rows) > MAX_ROWS:
                raise FileRefused(
                    _("The file has more than %(limit)s rows; split it.") % {"limit": MAX_ROWS}
                )
    finally:
        workbook.close()
    while headers and not headers[-1]:
        headers.pop()
    return Table(format="xlsx", headers=headers, rows=rows)


def _xlsx_value(cell):
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f":
        return Formula(str(getattr(value, "text", value)))
    return value

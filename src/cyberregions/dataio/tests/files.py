"""Files for the import tests, built in memory: CSV in any encoding and delimiter, XLSX."""

from __future__ import annotations

import io

from cyberregions.dataio.importer import plan_import
from cyberregions.dataio.readers import read_table

HEADER = ["name", "country", "region", "city", "website", "actor_type", "employees", "domains"]
BRETON = ["Brest Cyber Ports", "FR", "FRH0", "Brest", "brest-ports.example", "sme", "14", "NDS"]
RENNES = ["Rennes Trust Lab", "FR", "FRH0", "Rennes", "", "rto", "", "CRY|ihf"]


def csv_bytes(
    rows: list[list],
    header: list[str] | None = None,
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
) -> bytes:
    lines = [header or HEADER, *rows]

    def cell(value) -> str:
        text = "" if value is None else str(value)
        if any(char in text for char in (delimiter, '"', "\n", "\r")):
            text = '"' + text.replace('"', '""') + '"'
        return text

    text = "\r\n".join(delimiter.join(cell(value) for value in row) for row in lines) + "\r\n"
    data = text.encode(encoding)
    return ("\ufeff".encode(encoding) if bom else b"") + data


def xlsx_bytes(rows: list[list], header: list[str] | None = None) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header or HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def plan(data: bytes, actor, region=None, encoding: str = ""):
    return plan_import(read_table(data, encoding), actor, region)


def errors_of(result) -> set[tuple[int, str]]:
    """(row, column) of every error of a plan."""
    return {(error.row, error.column) for error in result.errors}

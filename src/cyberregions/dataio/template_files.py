"""The downloadable import template: the header row, and in the workbook a sheet that explains
each column and a sheet with every code a column accepts."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from .columns import IMPORT_COLUMNS, TEMPLATE_COLUMNS


def template_csv() -> bytes:
    """UTF-8 with a BOM, so that spreadsheet programs open the accents right."""
    return ("\ufeff" + ",".join(TEMPLATE_COLUMNS) + "\r\n").encode("utf-8")


def accepted_codes() -> list[tuple[str, str, str]]:
    from cyberregions.geo.models import Country, Region
    from cyberregions.geo.names import country_name
    from cyberregions.organisations.choices import ActorType, Status
    from cyberregions.taxonomy.labels import label_map
    from cyberregions.taxonomy.models import Domain, Sector, Technology

    rows: list[tuple[str, str, str]] = []
    rows += [
        ("country", iso, country_name(iso, name))
        for iso, name in Country.objects.values_list("iso", "name")
    ]
    rows += [
        ("region", code, name)
        for code, name in Region.objects.order_by("code").values_list("code", "name")
    ]
    rows += [("actor_type", value, str(label)) for value, label in ActorType.choices]
    rows += [("status", value, str(label)) for value, label in Status.choices]
    for column, model in (("domains", Domain), ("sectors", Sector), ("technologies", Technology)):
        rows += [(column, code, str(label)) for code, label in label_map(model).items()]
    return rows


def template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Organisations")[:31]
    sheet.append(TEMPLATE_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"

    columns = workbook.create_sheet(_("Columns")[:31])
    columns.append([_("Column"), _("Required"), _("What to write"), _("Example")])
    for column in IMPORT_COLUMNS:
        columns.append(
            [column.name, _("yes") if column.required else "", str(column.help), column.example]
        )
    codes = workbook.create_sheet(_("Codes")[:31])
    codes.append([_("Column"), _("Code"), _("Label")])
    for row in accepted_codes():
        codes.append(list(row))
    for extra in (columns, codes):
        for cell in extra[1]:
            cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

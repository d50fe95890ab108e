"""The XLSX writer keeps each kind of value as a spreadsheet reads it: dates as dates,
numbers as numbers, text as text (never a formula), without the characters XML cannot hold."""

import datetime
import decimal

import openpyxl
from django.test import SimpleTestCase

from cyberregions.dataio.exporters import xlsx_file


class XlsxCellTests(SimpleTestCase):
    def test_each_kind_of_value_reads_back_as_written(self):
        output = xlsx_file(
            ["when", "day", "amount", "empty", "flag", "formula", "control", "list", "number"],
            [
                [
                    datetime.datetime(2026, 1, 2, 3, 4),
                    datetime.date(2025, 5, 6),
                    decimal.Decimal("1.50"),
                    None,
                    True,
                    '=HYPERLINK("http://evil")',
                    "a\x01b\x0bc",
                    ["x", "y"],
                    "0042",
                ]
            ],
            title="organisations",
        )
        sheet = openpyxl.load_workbook(output).active
        self.assertEqual(sheet.title, "organisations")
        header, row = list(sheet.iter_rows(values_only=True))
        self.assertEqual(header[0], "when")
        self.assertEqual(
            row,
            (
                datetime.datetime(2026, 1, 2, 3, 4),
                datetime.datetime(2025, 5, 6),
                1.5,
                None,
                "yes",
                '\'=HYPERLINK("http://evil")',
                "abc",
                "x|y",
                "0042",
            ),
        )

"""The Export menu of the library: what the list shows, with its filters, as CSV, XLSX and
JSON; a visitor never exports an unpublished practice; formulas are neutralised."""

import csv
import io
import json

from openpyxl import load_workbook

from cyberregions.dataio.exporters import CONTENT_TYPES
from cyberregions.practices.exports import PRACTICE_COLUMNS

from .helpers import PracticeTestCase, make_practice

URL = "/data/export/practices"
KEYS = [column.key for column in PRACTICE_COLUMNS]
FORMULA = '=HYPERLINK("http://evil.example","Click")'


def csv_rows(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


class PracticeListExportTests(PracticeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.sly = make_practice(FORMULA, cls.tuscany, slug="sly", summary="@SUM(1+1)")

    def test_each_format_downloads_with_its_content_type(self):
        for fmt in ("csv", "xlsx", "json"):
            response = self.client.get(f"{URL}.{fmt}")
            self.assertEqual(response.status_code, 200, fmt)
            self.assertEqual(response["Content-Type"], CONTENT_TYPES[fmt], fmt)
            self.assertIn("attachment;", response["Content-Disposition"])
        rows = list(
            load_workbook(io.BytesIO(self.client.get(f"{URL}.xlsx").getvalue())).active.iter_rows(
                values_only=True
            )
        )
        self.assertEqual(list(rows[0]), KEYS)
        self.assertEqual(len(rows), 4)  # header and the three published practices
        records = json.loads(b"".join(self.client.get(f"{URL}.json").streaming_content))
        self.assertEqual(
            [record["slug"] for record in records],
            ["sly", "competence-centre-vouchers", "cyber-voucher-for-smes"],  # by title
        )

    def test_the_list_filters_are_honoured(self):
        every = csv_rows(self.client.get(f"{URL}.csv"))
        filtered = csv_rows(self.client.get(f"{URL}.csv", {"domain": "CRY", "page": 2}))
        self.assertLess(len(filtered), len(every))
        self.assertEqual([row["slug"] for row in filtered], ["competence-centre-vouchers"])
        by_region = csv_rows(self.client.get(f"{URL}.csv", {"region": "FRH0"}))
        self.assertEqual([row["slug"] for row in by_region], ["cyber-voucher-for-smes"])

    def test_a_visitor_never_exports_an_unpublished_practice(self):
        for fmt in ("csv", "json"):
            response = self.client.get(f"{URL}.{fmt}", {"region": "FRH0"})
            body = b"".join(response.streaming_content).decode("utf-8-sig")
            self.assertNotIn(self.draft.slug, body, fmt)
            self.assertNotIn(self.submitted.slug, body, fmt)
        statuses = {row["status"] for row in csv_rows(self.client.get(f"{URL}.csv"))}
        self.assertEqual(statuses, {"published"})
        # Its coordinator, who sees them on the list, exports them too.
        self.client.force_login(self.coordinator)
        slugs = [row["slug"] for row in csv_rows(self.client.get(f"{URL}.csv"))]
        self.assertIn(self.draft.slug, slugs)

    def test_formulas_are_neutralised_in_csv(self):
        sly = next(row for row in csv_rows(self.client.get(f"{URL}.csv")) if row["slug"] == "sly")
        self.assertEqual(sly["title"], "'" + FORMULA)
        self.assertEqual(sly["summary"], "'@SUM(1+1)")

    def test_the_list_page_offers_the_menu_with_its_filters(self):
        response = self.client.get("/practices/", {"domain": "CRY", "page": 1})
        self.assertContains(response, 'href="/data/export/practices.xlsx?domain=CRY"')

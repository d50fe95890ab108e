"""The Export menu of the action-plans list: what the list shows, with its filters, as CSV,
XLSX and JSON; a visitor never exports a plan before its endorsement; formulas neutralised."""

import csv
import io
import json

from openpyxl import load_workbook

from cyberregions.dataio.exporters import CONTENT_TYPES
from cyberregions.plans.exports import PLAN_COLUMNS

from .helpers import PlanTestCase, make_plan

URL = "/data/export/plans"
KEYS = [column.key for column in PLAN_COLUMNS]
FORMULA = '=HYPERLINK("http://evil.example","Click")'


def csv_rows(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


class PlanListExportTests(PlanTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.sly = make_plan(cls.tuscany, "endorsed", FORMULA, instrument_name="+39 programme")

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
        self.assertEqual(len(rows), 3)  # header and the two public plans
        records = json.loads(b"".join(self.client.get(f"{URL}.json").streaming_content))
        self.assertEqual(
            [record["id"] for record in records], [self.running.pk, self.sly.pk]
        )  # by region: Brittany, then Tuscany

    def test_the_list_filters_are_honoured(self):
        every = csv_rows(self.client.get(f"{URL}.csv"))
        filtered = csv_rows(self.client.get(f"{URL}.csv", {"region": "ITI1", "page": 2}))
        self.assertLess(len(filtered), len(every))
        self.assertEqual([row["id"] for row in filtered], [str(self.sly.pk)])
        by_status = csv_rows(self.client.get(f"{URL}.csv", {"status": "in_implementation"}))
        self.assertEqual([row["id"] for row in by_status], [str(self.running.pk)])

    def test_a_visitor_never_exports_a_draft_plan(self):
        for fmt in ("csv", "json"):
            response = self.client.get(f"{URL}.{fmt}", {"region": "FRH0"})
            body = b"".join(response.streaming_content).decode("utf-8-sig")
            self.assertNotIn(self.draft.title, body, fmt)
        statuses = {row["status"] for row in csv_rows(self.client.get(f"{URL}.csv"))}
        self.assertEqual(statuses, {"in_implementation", "endorsed"})
        # The region's coordinator sees the draft on the list, and exports it too.
        self.client.force_login(self.coordinator)
        ids = [row["id"] for row in csv_rows(self.client.get(f"{URL}.csv"))]
        self.assertIn(str(self.draft.pk), ids)

    def test_formulas_are_neutralised_in_csv(self):
        sly = csv_rows(self.client.get(f"{URL}.csv", {"region": "ITI1"}))[0]
        self.assertEqual(sly["title"], "'" + FORMULA)
        self.assertEqual(sly["instrument_name"], "'+39 programme")

    def test_the_list_page_offers_the_menu_with_its_filters(self):
        response = self.client.get("/plans/", {"region": "ITI1"})
        self.assertContains(response, 'href="/data/export/plans.csv?region=ITI1"')

    def test_labels_are_in_the_reader_language_beside_the_codes(self):
        self.client.cookies["django_language"] = "fr"
        sly = next(
            row for row in csv_rows(self.client.get(f"{URL}.csv")) if row["title"] == "'" + FORMULA
        )
        self.assertEqual((sly["status"], sly["status_label"]), ("endorsed", "Approuvé"))
        self.assertEqual((sly["country"], sly["country_name"]), ("IT", "Italie"))
        self.assertEqual(sly["region"], "ITI1")

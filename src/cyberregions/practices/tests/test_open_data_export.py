"""The library's open data (/practices/export.csv and .json) goes through the shared exporter:
no cell starts a spreadsheet formula, list items included; it is streamed; published practices
only, whoever asks; its labels follow the reader's language beside the codes."""

import csv
import io
import json

from django.http import StreamingHttpResponse

from cyberregions.dataio.cells import FORMULA_STARTS

from .helpers import PracticeTestCase, make_practice

CSV_URL = "/practices/export.csv"
JSON_URL = "/practices/export.json"


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


class OpenDataExportTests(PracticeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.sly = make_practice(
            "Sly practice",
            cls.tuscany,
            slug="sly",
            summary="\t=1+1",
            keywords='=HYPERLINK("http://evil.example"), vouchers',
            policy_instruments="=cmd|' /C calc'!A0\nRegional fund",
            links="-2+3\nhttps://example.org",
        )

    def test_no_cell_starts_a_formula_lists_included(self):
        rows = csv_rows(self.client.get(CSV_URL))
        sly = next(row for row in rows if row["slug"] == "sly")
        cells = [value for row in rows for value in row.values()]
        self.assertFalse([cell for cell in cells if cell.startswith(FORMULA_STARTS)])
        self.assertEqual(sly["keywords"], '\'=HYPERLINK("http://evil.example")|vouchers')
        self.assertEqual(sly["policy_instruments"], "'=cmd|' /C calc'!A0|Regional fund")
        self.assertEqual(sly["summary"], "'\t=1+1")

    def test_both_formats_are_streamed(self):
        for url in (CSV_URL, JSON_URL):
            response = self.client.get(url)
            self.assertIsInstance(response, StreamingHttpResponse, url)
            self.assertIn("attachment;", response["Content-Disposition"])
        data = json.loads(self.client.get(JSON_URL).getvalue())
        sly = next(row for row in data["practices"] if row["slug"] == "sly")
        # JSON is not a spreadsheet: the values stay as they were written.
        self.assertEqual(sly["keywords"], ['=HYPERLINK("http://evil.example")', "vouchers"])
        self.assertEqual(sly["url"], "http://testserver/practices/sly/")

    def test_published_practices_only_even_for_their_coordinator(self):
        self.login(self.coordinator)
        slugs = {row["slug"] for row in csv_rows(self.client.get(CSV_URL))}
        self.assertIn(self.published.slug, slugs)
        self.assertNotIn(self.draft.slug, slugs)
        self.assertNotIn(self.submitted.slug, slugs)

    def test_country_names_follow_the_reader_language_beside_the_codes(self):
        self.client.cookies["django_language"] = "fr"
        sly = next(row for row in csv_rows(self.client.get(CSV_URL)) if row["slug"] == "sly")
        self.assertEqual((sly["country"], sly["country_name"]), ("IT", "Italie"))
        self.assertEqual(sly["region_code"], "ITI1")

    def test_bad_filters_and_writes_are_refused(self):
        response = self.client.get(CSV_URL, {"region": "XX99"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("region", response.json())
        self.assertEqual(self.client.post(CSV_URL).status_code, 405)

"""Exports of the atlas list: what it shows, with the same filters, every page at once, as CSV,
XLSX and JSON; formulas neutralised; an export imports again unchanged."""

import csv
import io
import json

from openpyxl import load_workbook

from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.dataio.columns import LABEL_COLUMNS
from cyberregions.dataio.exports import ORGANISATION_COLUMNS
from cyberregions.organisations.filtersets import vocabulary_choices
from cyberregions.organisations.models import OfferOrNeed
from cyberregions.organisations.views import PAGE_SIZE
from cyberregions.testing import PersonaTestCase, make_organisation

from .files import plan

KEYS = [column.key for column in ORGANISATION_COLUMNS]
# The organisations (in chunks), then their domains, sectors, technologies, offers and needs.
EXPORT_QUERIES = 5


def csv_rows(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


class ExportTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.sly = make_organisation(
            '=HYPERLINK("http://evil.example","Click")',
            "FR",
            "FRH0",
            slug="sly",
            city="+33 Brest",
            description="@SUM(1+1)",
        )
        OfferOrNeed.objects.create(organisation=cls.breton_sme, kind="offer", title="-Red teaming")
        OfferOrNeed.objects.create(organisation=cls.breton_sme, kind="need", title="Investors")

    def setUp(self):
        vocabulary_choices()

    def test_csv_has_the_list_filters_and_every_page(self):
        response = self.client.get("/data/export/organisations.csv", {"country": "FR", "page": 3})
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment;", response["Content-Disposition"])
        rows = csv_rows(response)
        self.assertEqual(list(rows[0]), KEYS)
        self.assertEqual([row["slug"] for row in rows], ["sly", "armor-cyber-defence"])
        armor = rows[1]
        self.assertEqual((armor["country"], armor["region"]), ("FR", "FRH0"))
        self.assertEqual((armor["domains"], armor["core_business"]), ("IHF|NDS", "yes"))
        self.assertEqual((armor["offers"], armor["needs"]), ("'-Red teaming", "Investors"))

    def test_formulas_are_neutralised_in_csv_and_xlsx(self):
        sly = csv_rows(self.client.get("/data/export/organisations.csv", {"q": "brest"}))
        sly = next(row for row in sly if row["slug"] == "sly")
        self.assertEqual(sly["name"], '\'=HYPERLINK("http://evil.example","Click")')
        self.assertEqual(sly["city"], "'+33 Brest")
        self.assertEqual(sly["description"], "'@SUM(1+1)")
        response = self.client.get("/data/export/organisations.xlsx", {"country": "FR"})
        sheet = load_workbook(io.BytesIO(response.getvalue())).active
        cells = [cell for row in sheet.iter_rows() for cell in row]
        self.assertFalse([cell.coordinate for cell in cells if cell.data_type == "f"])
        self.assertIn('\'=HYPERLINK("http://evil.example","Click")', [cell.value for cell in cells])

    def test_xlsx_and_json_hold_the_same_rows(self):
        response = self.client.get("/data/export/organisations.xlsx", {"actor_type": "sme"})
        self.assertEqual(
            response["Content-Type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        rows = list(
            load_workbook(io.BytesIO(response.getvalue())).active.iter_rows(values_only=True)
        )
        self.assertEqual(list(rows[0]), KEYS)
        self.assertEqual(len(rows), 4)  # header, Armor, Firenze, the sly one
        response = self.client.get("/data/export/organisations.json", {"actor_type": "sme"})
        records = json.loads(b"".join(response.streaming_content))
        self.assertEqual(len(records), 3)
        armor = next(record for record in records if record["slug"] == "armor-cyber-defence")
        self.assertEqual(armor["domains"], ["IHF", "NDS"])
        self.assertIs(armor["core_business"], True)
        self.assertEqual(armor["employees"], 12)
        self.assertEqual(armor["offers"], ["-Red teaming"])  # JSON is not a spreadsheet

    def test_the_export_pins_its_queries_whatever_the_size(self):
        for number in range(30):
            make_organisation(
                f"Many {number}", "EE", "EE00", domains=["CRY"], sectors=["SEC.energy"]
            )
        with self.assertNumQueries(EXPORT_QUERIES):
            rows = csv_rows(self.client.get("/data/export/organisations.csv"))
        self.assertEqual(len(rows), 34)
        self.assertGreater(len(rows), PAGE_SIZE)

    def test_an_export_imports_again_unchanged(self):
        data = b"".join(self.client.get("/data/export/organisations.csv").streaming_content)
        result = plan(data, COMMAND_LINE)
        self.assertEqual(result.errors, [])
        self.assertEqual(
            result.ignored_columns, [*LABEL_COLUMNS[:4], "size_class", *LABEL_COLUMNS[4:]]
        )
        self.assertEqual(result.counts()["unchanged"], 4)
        response = self.client.get("/data/export/organisations.xlsx")
        self.assertEqual(plan(response.getvalue(), COMMAND_LINE).counts()["unchanged"], 4)

    def test_unknown_lists_formats_bad_filters_and_methods(self):
        self.assertEqual(self.client.get("/data/export/organisations.pdf").status_code, 404)
        self.assertEqual(self.client.get("/data/export/secrets.csv").status_code, 404)
        response = self.client.get("/data/export/organisations.csv", {"country": "XX"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("country", response.json())
        self.assertEqual(self.client.post("/data/export/organisations.csv").status_code, 405)

    def test_the_atlas_list_offers_the_export_menu_with_its_filters(self):
        response = self.client.get("/organisations/", {"country": "IT", "page": "1"})
        self.assertContains(response, 'href="/data/export/organisations.csv?country=IT"')
        self.assertContains(response, 'href="/data/export/organisations.xlsx?country=IT"')
        self.assertContains(response, 'href="/data/export/organisations.json?country=IT"')
        self.assertContains(response, 'src="/static/dataio/export-menu.js"')

"""Exports are streamed, never held whole: CSV and JSON are written as the rows are read in
chunks, XLSX from a write-only workbook on disk. What they hold is what the list held when it
was rendered at once; labels follow the reader's language beside the codes; the queries do
not grow with the rows."""

import csv
import io
import json
from unittest import mock
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.http import FileResponse, QueryDict, StreamingHttpResponse
from openpyxl import load_workbook

from cyberregions.dataio import exporters
from cyberregions.dataio.exports import ORGANISATION_COLUMNS, ORGANISATIONS
from cyberregions.organisations.filtersets import vocabulary_choices
from cyberregions.organisations.models import OfferOrNeed, Organisation
from cyberregions.testing import PersonaTestCase, make_organisation

URL = "/data/export/organisations"
KEYS = [column.key for column in ORGANISATION_COLUMNS]
# The organisations, then their domains, sectors, technologies and offers or needs: per chunk.
QUERIES_PER_CHUNK = 5


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def whole_list_csv(data: dict) -> bytes:
    """The export as it was made before streaming: the whole list read at once, then written."""
    query = QueryDict(urlencode(data, doseq=True))
    queryset = exporters.filtered_queryset(ORGANISATIONS, query, AnonymousUser())
    objects = list(queryset)
    ORGANISATIONS.load_chunk(objects)
    values = [[column.get(obj) for column in ORGANISATION_COLUMNS] for obj in objects]
    return "".join(exporters.csv_lines(KEYS, values, bom=True)).encode("utf-8")


class StreamedExportTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        OfferOrNeed.objects.create(organisation=cls.breton_sme, kind="offer", title="SOC")
        OfferOrNeed.objects.create(organisation=cls.tuscan_sme, kind="need", title="=Investors")
        for number in range(7):
            make_organisation(
                f"Baltic {number}", "EE", "EE00", domains=["CRY", "NDS"], sectors=["SEC.energy"]
            )

    def setUp(self):
        vocabulary_choices()

    def test_csv_and_json_stream_and_xlsx_streams_its_file(self):
        for fmt, kind in (("csv", StreamingHttpResponse), ("json", StreamingHttpResponse)):
            response = self.client.get(f"{URL}.{fmt}")
            self.assertIs(type(response), kind, fmt)
        response = self.client.get(f"{URL}.xlsx")
        self.assertIsInstance(response, FileResponse)
        self.assertEqual(response["Content-Type"], exporters.CONTENT_TYPES["xlsx"])

    def test_streamed_chunks_hold_what_the_whole_list_held(self):
        # Chunks of two rows: the prefetches of every chunk must still find their rows.
        with mock.patch.object(exporters, "CHUNK", 2):
            for data in ({}, {"country": "EE"}, {"sort": "-name"}):
                streamed = self.client.get(f"{URL}.csv", data).getvalue()
                self.assertEqual(streamed, whole_list_csv(data), data)
            records = json.loads(self.client.get(f"{URL}.json").getvalue())
        rows = csv.DictReader(io.StringIO(whole_list_csv({}).decode("utf-8-sig")))
        self.assertEqual([record["slug"] for record in records], [row["slug"] for row in rows])
        baltic = next(record for record in records if record["slug"] == "baltic-3")
        self.assertEqual((baltic["domains"], baltic["sectors"]), (["CRY", "NDS"], ["SEC.energy"]))

    def test_xlsx_opens_and_holds_the_rows_of_the_csv(self):
        response = self.client.get(f"{URL}.xlsx", {"country": ["FR", "IT"]})
        sheet = load_workbook(io.BytesIO(response.getvalue())).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(list(rows[0]), KEYS)
        csv_slugs = [
            row["slug"]
            for row in csv_rows(self.client.get(f"{URL}.csv", {"country": ["FR", "IT"]}))
        ]
        self.assertEqual([row[0] for row in rows[1:]], csv_slugs)
        tuscan = dict(
            zip(KEYS, next(row for row in rows if row[0] == "firenze-secure-systems"), strict=True)
        )
        self.assertEqual((tuscan["country"], tuscan["country_name"]), ("IT", "Italy"))
        self.assertEqual(tuscan["needs"], "'=Investors")

    def test_labels_are_in_the_reader_language_beside_the_codes(self):
        self.client.cookies["django_language"] = "fr"
        rows = {row["slug"]: row for row in csv_rows(self.client.get(f"{URL}.csv"))}
        armor = rows["armor-cyber-defence"]
        self.assertEqual((armor["country"], armor["country_name"]), ("FR", "France"))
        self.assertEqual((armor["region"], armor["region_name"]), ("FRH0", "Bretagne (Brittany)"))
        self.assertEqual(armor["actor_type"], "sme")
        self.assertEqual(armor["actor_type_label"], "Micro-entreprise ou PME")
        self.assertEqual((armor["size_class"], armor["size_class_label"]), ("small", "Petite"))
        self.assertEqual(rows["firenze-secure-systems"]["country_name"], "Italie")
        self.assertEqual(
            rows["tallinn-cyber-research-institute"]["actor_type_label"],
            "Organisme de recherche et de technologie",
        )
        records = json.loads(self.client.get(f"{URL}.json").getvalue())
        self.assertEqual(
            next(r for r in records if r["slug"] == "baltic-0")["country_name"], "Estonie"
        )
        # The same list in English.
        self.client.cookies["django_language"] = "en"
        armor = next(
            row
            for row in csv_rows(self.client.get(f"{URL}.csv"))
            if row["slug"] == "armor-cyber-defence"
        )
        self.assertEqual(
            (armor["country_name"], armor["actor_type_label"]),
            ("France", "Micro-enterprise or SME"),
        )

    def test_queries_do_not_grow_with_the_rows(self):
        for fmt in ("csv", "json", "xlsx"):
            with self.assertNumQueries(QUERIES_PER_CHUNK):
                few = self.client.get(f"{URL}.{fmt}", {"country": "FR"}).getvalue()
            with self.assertNumQueries(QUERIES_PER_CHUNK):
                many = self.client.get(f"{URL}.{fmt}").getvalue()
            self.assertLess(len(few), len(many), fmt)
        for number in range(43):
            make_organisation(f"More {number}", "SI", "SI0", domains=["CRY"])
        with self.assertNumQueries(QUERIES_PER_CHUNK):
            rows = csv_rows(self.client.get(f"{URL}.csv"))
        self.assertEqual(len(rows), Organisation.objects.count())
        self.assertGreater(len(rows), 50)

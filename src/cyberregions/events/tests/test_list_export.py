"""The Export menu of the calendar: what it shows, with its filters (upcoming events unless
asked otherwise), as CSV, XLSX and JSON; public events only; formulas neutralised."""

import csv
import io
import json

from openpyxl import load_workbook

from cyberregions.dataio.exporters import CONTENT_TYPES
from cyberregions.events.exports import EVENT_COLUMNS
from cyberregions.events.tests.factories import make_event
from cyberregions.organisations.filtersets import vocabulary_choices
from cyberregions.testing import PersonaTestCase

URL = "/data/export/events"
KEYS = [column.key for column in EVENT_COLUMNS]
FORMULA = '=HYPERLINK("http://evil.example","Click")'


def csv_rows(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


class EventListExportTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.seminar = make_event(title="NIS2 seminar", event_type="seminar", days=10)
        cls.sly = make_event(
            title=FORMULA, slug="sly", event_type="brokerage", days=40, venue="-1 floor"
        )
        cls.past = make_event(title="Skills workshop", region="ITI1", days=-30)
        cls.draft = make_event(
            title="Draft visit", status="draft", created_by=cls.coordinator, days=20
        )
        cls.cancelled = make_event(title="Cancelled review", status="cancelled", days=15)

    def setUp(self):
        vocabulary_choices()

    def slugs(self, response):
        return [row["slug"] for row in csv_rows(response)]

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
        self.assertEqual(len(rows), 4)  # header and the three upcoming public events
        records = json.loads(b"".join(self.client.get(f"{URL}.json").streaming_content))
        self.assertEqual(
            [record["slug"] for record in records],
            [self.seminar.slug, self.cancelled.slug, "sly"],
        )

    def test_the_calendar_filters_are_honoured(self):
        upcoming = self.slugs(self.client.get(f"{URL}.csv"))
        filtered = self.slugs(self.client.get(f"{URL}.csv", {"event_type": "seminar"}))
        self.assertLess(len(filtered), len(upcoming))
        self.assertEqual(filtered, [self.seminar.slug])
        self.assertEqual(
            self.slugs(self.client.get(f"{URL}.csv", {"when": "past", "page": 2})),
            [self.past.slug],
        )

    def test_an_export_never_holds_a_draft_event(self):
        for user in (None, self.coordinator, self.admin):
            self.client.logout()
            if user is not None:
                self.client.force_login(user)
            for fmt in ("csv", "json"):
                response = self.client.get(f"{URL}.{fmt}", {"when": ""})
                body = b"".join(response.streaming_content).decode("utf-8-sig")
                self.assertNotIn("Draft visit", body, (user, fmt))
                self.assertIn("Skills workshop", body, (user, fmt))

    def test_formulas_are_neutralised_in_csv(self):
        sly = csv_rows(self.client.get(f"{URL}.csv", {"event_type": "brokerage"}))[0]
        self.assertEqual(sly["title"], "'" + FORMULA)
        self.assertEqual(sly["venue"], "'-1 floor")

    def test_the_calendar_offers_the_menu_with_its_filters(self):
        response = self.client.get("/events/", {"when": "past"})
        self.assertContains(response, 'href="/data/export/events.json?when=past"')

    def test_labels_are_in_the_reader_language_beside_the_codes(self):
        self.client.cookies["django_language"] = "fr"
        rows = {row["slug"]: row for row in csv_rows(self.client.get(f"{URL}.csv"))}
        seminar = rows[self.seminar.slug]
        self.assertEqual(
            (seminar["event_type"], seminar["event_type_label"]),
            ("seminar", "Séminaire thématique"),
        )
        self.assertEqual((seminar["country"], seminar["country_name"]), ("FR", "France"))
        self.assertEqual(rows["sly"]["event_type_label"], "Rencontres d'affaires B2B")

"""The public calendar of events: upcoming by default, past on request, drafts hidden."""

import icalendar

from cyberregions.events.tests.factories import make_event
from cyberregions.organisations.filtersets import vocabulary_choices
from cyberregions.testing import PersonaTestCase

URL = "/events/"
# Session/user lookups are not needed for visitors: count and page rows.
LIST_QUERIES = 2


class CalendarTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.seminar = make_event(title="NIS2 seminar", event_type="seminar", days=10)
        cls.brokerage = make_event(title="B2B Rennes", event_type="brokerage", days=40)
        cls.past = make_event(title="Skills workshop", region="ITI1", days=-30)
        cls.draft = make_event(
            title="Draft visit", status="draft", created_by=cls.coordinator, days=20
        )
        cls.cancelled = make_event(title="Cancelled review", status="cancelled", days=15)

    def setUp(self):
        vocabulary_choices()

    def titles(self, response):
        return [event.title for month in response.context["months"] for event in month["events"]]

    def test_it_lists_upcoming_events_in_date_order_for_visitors(self):
        with self.assertNumQueries(LIST_QUERIES):
            response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.titles(response), ["NIS2 seminar", "Cancelled review", "B2B Rennes"])
        self.assertContains(response, "Cancelled")
        self.assertNotContains(response, "Draft visit")

    def test_it_lists_past_events_on_request(self):
        response = self.client.get(URL, {"when": "past"})
        self.assertEqual(self.titles(response), ["Skills workshop"])

    def test_it_filters_by_type_region_and_words(self):
        self.assertEqual(
            self.titles(self.client.get(URL, {"event_type": "brokerage"})), ["B2B Rennes"]
        )
        self.assertEqual(
            self.titles(self.client.get(URL, {"when": "past", "region": "ITI1"})),
            ["Skills workshop"],
        )
        self.assertEqual(self.titles(self.client.get(URL, {"q": "nis2"})), ["NIS2 seminar"])

    def test_drafts_show_to_their_organisers_only(self):
        for user in (self.member, self.registered):
            self.login(user)
            self.assertNotIn("Draft visit", self.titles(self.client.get(URL)), user)
        for user in (self.coordinator, self.staff, self.admin):
            self.login(user)
            self.assertIn("Draft visit", self.titles(self.client.get(URL)), user)

    def test_the_organise_button_shows_to_coordinators_only(self):
        self.assertNotContains(self.client.get(URL), "/events/new/")
        self.login(self.coordinator)
        self.assertContains(self.client.get(URL), "/events/new/")

    def test_the_calendar_feed_holds_the_upcoming_published_events(self):
        response = self.client.get("/events/calendar.ics")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        calendar = icalendar.Calendar.from_ical(response.content)
        summaries = sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))
        self.assertEqual(summaries, ["B2B Rennes", "NIS2 seminar"])

    def test_the_calendar_refuses_writes(self):
        self.assertEqual(self.client.post(URL).status_code, 405)
        self.assertEqual(self.client.post("/events/calendar.ics").status_code, 405)

    def test_the_api_lists_visible_events_in_a_fixed_number_of_queries(self):
        with self.assertNumQueries(3):  # count, rows, agenda sessions
            response = self.client.get("/api/events/")
        slugs = [row["slug"] for row in response.json()["results"]]
        self.assertNotIn(self.draft.slug, slugs)
        self.assertIn(self.past.slug, slugs)
        self.assertEqual(len(slugs), 4)
        upcoming = self.client.get("/api/events/", {"when": "upcoming", "event_type": "seminar"})
        self.assertEqual([row["title"] for row in upcoming.json()["results"]], ["NIS2 seminar"])
        self.assertNotIn("online_url", response.json()["results"][0])
        self.assertEqual(self.client.get(f"/api/events/{self.draft.slug}/").status_code, 404)
        self.assertEqual(self.client.post("/api/events/", {}).status_code, 401)
        self.login(self.coordinator)
        self.assertEqual(self.client.get(f"/api/events/{self.draft.slug}/").status_code, 200)
        self.assertEqual(self.client.post("/api/events/", {}).status_code, 405)

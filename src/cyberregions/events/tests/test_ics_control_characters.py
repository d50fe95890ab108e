"""Control characters typed into an event never break its calendar files: an event's
``event.ics``, the public feed and a participant's agenda answer 200 with a calendar that
parses back, titles on one line and nothing of the control characters left."""

import icalendar

from cyberregions.events import ics, services
from cyberregions.events.models import MeetingRequest
from cyberregions.events.tests.factories import make_brokerage, make_event, make_user, register
from cyberregions.testing import PersonaTestCase, make_organisation

# No NUL: PostgreSQL text cannot hold it (the pure functions are tested with it below).
HOSTILE_TITLE = "Line\r\nBreak\x07"
CONTROLS = {chr(code) for code in range(32) if chr(code) not in "\n"} | {"\x7f"}


class IcsControlCharacterTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_event(
            title=HOSTILE_TITLE,
            slug="line-break",
            summary="First\rsecond\r\nthird\x1b[31m",
            venue="Hall\x0bA",
            address="Quai\r\n1",
            days=12,
        )
        cls.brokerage = make_brokerage(
            cls.coordinator, slots=2, tables=1, title="B2B\r\nRennes", slug="b2b-rennes"
        )
        cls.tuscan = register(cls.brokerage, cls.member, cls.tuscan_sme)
        breton_org = make_organisation("Breizh\r\nCyber\x07", "FR", "FRH0", slug="breizh-cyber")
        cls.breton = register(cls.brokerage, make_user("breton"), breton_org)
        MeetingRequest.objects.create(
            event=cls.brokerage, requester=cls.tuscan, recipient=cls.breton, status="accepted"
        )
        services.schedule_meetings(cls.coordinator, cls.brokerage, time_limit=5)
        services.publish_schedule(cls.coordinator, cls.brokerage)

    def calendar(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        body = response.content.decode()
        # Every line of the file ends with CRLF and holds no other control character.
        for content_line in body.split("\r\n"):
            self.assertFalse(CONTROLS & set(content_line), repr(content_line))
        return icalendar.Calendar.from_ical(response.content)

    def test_an_events_file_with_a_hostile_title_is_a_valid_calendar(self):
        calendar = self.calendar("/events/line-break/event.ics")
        (entry,) = calendar.walk("VEVENT")
        self.assertEqual(str(entry["SUMMARY"]), "Line Break")
        self.assertEqual(str(calendar["X-WR-CALNAME"]), "Line Break")
        self.assertTrue(str(entry["DESCRIPTION"]).startswith("First\nsecond\nthird[31m\n\n"))
        self.assertEqual(str(entry["LOCATION"]), "Hall A, Quai 1")

    def test_the_public_feed_holds_the_hostile_event(self):
        calendar = self.calendar("/events/calendar.ics")
        self.assertIn("Line Break", [str(entry["SUMMARY"]) for entry in calendar.walk("VEVENT")])

    def test_an_agenda_with_hostile_names_is_a_valid_calendar(self):
        self.login(self.member)
        url = f"/events/{self.brokerage.slug}/b2b/agenda/{self.tuscan.pk}/agenda.ics"
        calendar = self.calendar(url)
        self.assertEqual(str(calendar["X-WR-CALNAME"]), "B2B Rennes – my meetings")
        (entry,) = calendar.walk("VEVENT")
        self.assertEqual(str(entry["SUMMARY"]), "B2B meeting with Breizh Cyber")

    def test_text_keeps_line_breaks_and_line_keeps_one_line(self):
        self.assertEqual(ics.text("a\r\nb\rc\nd\u2028e\x00\x1b\t"), "a\nb\nc\nd\ne ")
        self.assertEqual(ics.line(" a\r\nb\x85c\x00 "), "a b c")

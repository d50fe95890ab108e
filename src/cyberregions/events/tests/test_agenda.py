"""A participant's agenda as a page, a PDF and an .ics file: its own published meetings only;
organisers see any participant's, published or not."""

import icalendar

from cyberregions.events import services
from cyberregions.events.models import Meeting, MeetingRequest
from cyberregions.events.tests.factories import make_brokerage, make_user, register
from cyberregions.testing import PersonaTestCase, make_organisation

# session, user, event, registration, region memberships (rules), meetings, slots,
# sessions, organisation memberships (navigation).
AGENDA_QUERIES = 9


class AgendaTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_brokerage(cls.coordinator, slots=3, tables=2)
        cls.tuscan = register(cls.event, cls.member, cls.tuscan_sme)
        cls.breton_user = make_user("breton")
        cls.breton = register(cls.event, cls.breton_user, cls.breton_sme)
        cls.estonian = register(cls.event, make_user("tallinn"), cls.estonian_rto)
        for requester, recipient in ((cls.tuscan, cls.breton), (cls.tuscan, cls.estonian)):
            MeetingRequest.objects.create(
                event=cls.event, requester=requester, recipient=recipient, status="accepted"
            )
        services.schedule_meetings(cls.coordinator, cls.event, time_limit=5)

    def url(self, registration, suffix=""):
        return f"/events/{self.event.slug}/b2b/agenda/{registration.pk}/{suffix}"

    def shown(self, response):
        return [
            row["meeting"].other.display_name for row in response.context["rows"] if row["meeting"]
        ]

    def test_meetings_appear_once_published(self):
        self.login(self.member)
        response = self.client.get(self.url(self.tuscan))
        self.assertEqual(self.shown(response), [])
        self.assertContains(response, "has not published the meeting schedule yet")
        services.publish_schedule(self.coordinator, self.event)
        with self.assertNumQueries(AGENDA_QUERIES):
            response = self.client.get(self.url(self.tuscan))
        self.assertEqual(
            sorted(self.shown(response)),
            ["Armor Cyber Defence", "Tallinn Cyber Research Institute"],
        )
        self.assertEqual(len(response.context["rows"]), 3)  # one row per slot

    def test_the_query_count_does_not_grow_with_the_meetings(self):
        services.publish_schedule(self.coordinator, self.event)
        extra = register(self.event, make_user("ljubljana"), make_organisation("Lj", "SI", "SI0"))
        MeetingRequest.objects.create(
            event=self.event, requester=extra, recipient=self.tuscan, status="accepted"
        )
        services.schedule_meetings(self.coordinator, self.event, time_limit=5)
        services.publish_schedule(self.coordinator, self.event)
        self.login(self.member)
        with self.assertNumQueries(AGENDA_QUERIES):
            response = self.client.get(self.url(self.tuscan))
        self.assertEqual(len(self.shown(response)), 3)

    def test_organisers_see_unpublished_meetings_of_anyone(self):
        self.login(self.coordinator)
        response = self.client.get(self.url(self.breton))
        self.assertEqual(self.shown(response), ["Firenze Secure Systems"])
        self.assertContains(response, "not published")

    def test_nobody_else_sees_an_agenda(self):
        for user in (self.breton_user, self.registered):
            self.login(user)
            for suffix in ("", "agenda.ics", "agenda.pdf"):
                self.assertEqual(self.client.get(self.url(self.tuscan, suffix)).status_code, 403)
        self.client.logout()
        self.assertEqual(self.client.get(self.url(self.tuscan)).status_code, 302)

    def test_the_ics_file_holds_one_entry_per_meeting_in_the_events_zone(self):
        services.publish_schedule(self.coordinator, self.event)
        self.login(self.member)
        response = self.client.get(self.url(self.tuscan, "agenda.ics"))
        calendar = icalendar.Calendar.from_ical(response.content)
        entries = calendar.walk("VEVENT")
        self.assertEqual(len(entries), 2)
        meetings = {m.request_id: m for m in Meeting.objects.select_related("slot")}
        for entry in entries:
            request_id = int(str(entry["UID"]).split("@")[0].removeprefix("meeting-"))
            self.assertEqual(entry.decoded("DTSTART"), meetings[request_id].slot.starts_at)
            self.assertEqual(entry["DTSTART"].params["TZID"], "Europe/Paris")
            self.assertIn("B2B meeting with", str(entry["SUMMARY"]))

    def test_the_pdf_is_a_pdf(self):
        services.publish_schedule(self.coordinator, self.event)
        self.login(self.member)
        response = self.client.get(self.url(self.tuscan, "agenda.pdf"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"))

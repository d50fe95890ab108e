"""An event's page and its .ics file: public once published, times in the event's zone."""

import datetime

import icalendar

from cyberregions.events.models import AgendaSession
from cyberregions.events.tests.factories import make_event, register
from cyberregions.testing import PersonaTestCase

# event, sessions, barriers, domains, registration counts (visitor: no own registration,
# no audit history).
DETAIL_QUERIES_VISITOR = 5


def url(event, suffix=""):
    return f"/events/{event.slug}/{suffix}"


class EventDetailTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_event(
            title="Peer review Tallinn",
            region="EE00",
            time_zone="Europe/Tallinn",
            venue="Tehnopol",
            online_url="https://meet.example.org/review",
            capacity=2,
            created_by=cls.coordinator,
        )
        AgendaSession.objects.create(
            event=cls.event,
            title="Peer interviews",
            starts_at=cls.event.starts_at,
            ends_at=cls.event.starts_at + datetime.timedelta(hours=2),
        )
        cls.draft = make_event(title="Secret draft", status="draft", created_by=cls.coordinator)

    def test_it_shows_a_published_event_to_visitors_in_its_own_time_zone(self):
        with self.assertNumQueries(DETAIL_QUERIES_VISITOR):
            response = self.client.get(url(self.event))
        self.assertEqual(response.status_code, 200)
        local = self.event.starts_at.astimezone(self.event.tz)
        self.assertContains(response, "Europe/Tallinn")
        self.assertContains(response, local.isoformat())
        self.assertContains(response, "Peer interviews")
        self.assertContains(response, "0 of 2 taken")

    def test_the_online_link_shows_to_confirmed_participants_and_organisers_only(self):
        link = "https://meet.example.org/review"
        self.assertNotContains(self.client.get(url(self.event)), link)
        waiting = register(self.event, self.registered, status="waitlisted")
        self.login(self.registered)
        self.assertNotContains(self.client.get(url(self.event)), link)
        waiting.status = "confirmed"
        waiting.save()
        self.assertContains(self.client.get(url(self.event)), link)
        self.login(self.coordinator)
        self.assertContains(self.client.get(url(self.event)), link)

    def test_a_draft_is_not_found_except_by_its_organisers(self):
        for user in (None, self.member, self.registered):
            if user:
                self.login(user)
            self.assertEqual(self.client.get(url(self.draft)).status_code, 404, user)
            self.assertEqual(self.client.get(url(self.draft, "event.ics")).status_code, 404)
        for user in (self.coordinator, self.staff, self.admin):
            self.login(user)
            self.assertEqual(self.client.get(url(self.draft)).status_code, 200, user)

    def test_the_ics_file_carries_the_event_with_its_time_zone(self):
        response = self.client.get(url(self.event, "event.ics"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response["Content-Disposition"])
        calendar = icalendar.Calendar.from_ical(response.content)
        (vevent,) = calendar.walk("VEVENT")
        self.assertEqual(str(vevent["SUMMARY"]), "Peer review Tallinn")
        self.assertEqual(vevent.decoded("DTSTART"), self.event.starts_at)
        self.assertEqual(vevent["DTSTART"].params["TZID"], "Europe/Tallinn")
        self.assertEqual(len(calendar.walk("VTIMEZONE")), 1)
        self.assertNotIn("meet.example.org", response.content.decode())

    def test_an_unknown_event_is_not_found(self):
        self.assertEqual(self.client.get("/events/nothing-here/").status_code, 404)

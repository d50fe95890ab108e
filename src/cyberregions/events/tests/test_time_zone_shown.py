"""An event's time zone is shown wherever its times are: the list, and on the detail page
its dates, every agenda row and the registration deadline."""

import datetime

from cyberregions.events.models import AgendaSession
from cyberregions.events.tests.factories import make_event
from cyberregions.testing import PersonaTestCase


class EventTimeZoneShownTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_event(
            title="Tallinn Cyber Week",
            region="EE00",
            time_zone="Europe/Tallinn",
            created_by=cls.coordinator,
        )
        cls.event.registration_deadline = cls.event.starts_at - datetime.timedelta(days=2)
        cls.event.save(update_fields=["registration_deadline"])
        AgendaSession.objects.create(
            event=cls.event,
            title="Opening",
            starts_at=cls.event.starts_at,
            ends_at=cls.event.starts_at + datetime.timedelta(hours=1),
        )

    def test_it_shows_the_zone_beside_every_time_on_the_detail_page(self):
        page = self.client.get(f"/events/{self.event.slug}/").content.decode()
        self.assertIn("Time zone: Europe/Tallinn", page)  # beside the dates
        # beside the agenda row and the registration deadline
        self.assertEqual(page.count("(Europe/Tallinn)"), 2)

    def test_it_shows_the_zone_in_the_list(self):
        self.assertIn("Europe/Tallinn", self.client.get("/events/").content.decode())

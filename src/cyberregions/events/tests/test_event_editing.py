"""Organising an event: create, edit, publish, cancel, agenda sessions; who may, and the trail."""

import datetime
import zoneinfo

from cyberregions.core.models import AuditEntry
from cyberregions.events.models import AgendaSession, Event
from cyberregions.events.tests.factories import make_event
from cyberregions.testing import PersonaTestCase

CREATE = "/events/new/"


def form_data(**overrides):
    data = {
        "title": "Cyber-skills workshop",
        "event_type": "workshop",
        "summary": "Skills for SMEs",
        "description": "",
        "host_region": "",
        "time_zone": "Europe/Lisbon",
        "starts_at": "2031-03-10T09:00",
        "ends_at": "2031-03-10T17:00",
        "venue": "",
        "address": "",
        "online_url": "",
        "capacity": "30",
        "registration_deadline": "",
        "request_cap": "",
    }
    data.update(overrides)
    return data


class EventEditingTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_event(title="Brittany workshop", status="draft")

    def test_a_coordinator_creates_a_draft_in_its_region_with_local_times(self):
        self.login(self.coordinator)
        self.assertEqual(self.client.get(CREATE).status_code, 200)
        response = self.client.post(CREATE, form_data(host_region=self.brittany.pk))
        event = Event.objects.get(title="Cyber-skills workshop")
        self.assertRedirects(response, f"/events/{event.slug}/")
        self.assertEqual((event.status, event.created_by), ("draft", self.coordinator))
        lisbon = zoneinfo.ZoneInfo("Europe/Lisbon")
        self.assertEqual(event.starts_at, datetime.datetime(2031, 3, 10, 9, 0, tzinfo=lisbon))
        entry = AuditEntry.objects.get(action="event.create")
        self.assertEqual((entry.actor, entry.object_id), (self.coordinator, str(event.pk)))

    def test_a_coordinator_cannot_host_in_another_region(self):
        self.login(self.coordinator)
        response = self.client.post(CREATE, form_data(host_region=self.tuscany.pk))
        self.assertEqual(response.status_code, 200)
        self.assertIn("host_region", response.context["form"].errors)
        self.assertFalse(Event.objects.filter(title="Cyber-skills workshop").exists())

    def test_the_end_must_follow_the_start(self):
        self.login(self.coordinator)
        response = self.client.post(
            CREATE, form_data(host_region=self.brittany.pk, ends_at="2031-03-10T08:00")
        )
        self.assertIn("ends_at", response.context["form"].errors)

    def test_people_without_a_region_cannot_organise(self):
        for user in (self.member, self.registered, self.staff):
            self.login(user)
            self.assertEqual(self.client.get(CREATE).status_code, 403, user)
            response = self.client.post(CREATE, form_data(host_region=self.brittany.pk))
            self.assertEqual(response.status_code, 403, user)
        self.client.logout()
        self.assertEqual(self.client.get(CREATE).status_code, 302)
        self.assertFalse(Event.objects.filter(title="Cyber-skills workshop").exists())

    def test_the_organiser_edits_publishes_and_cancels(self):
        self.login(self.coordinator)
        edit = f"/events/{self.event.slug}/edit/"
        self.assertEqual(self.client.get(edit).status_code, 200)
        response = self.client.post(
            edit, form_data(title="Brittany workshop", host_region=self.brittany.pk, capacity="")
        )
        self.assertRedirects(response, f"/events/{self.event.slug}/")
        self.event.refresh_from_db()
        self.assertIsNone(self.event.capacity)
        status = f"/events/{self.event.slug}/status/"
        self.client.post(status, {"status": "published"})
        self.event.refresh_from_db()
        self.assertEqual(self.event.status, "published")
        self.client.post(status, {"status": "cancelled"})
        self.event.refresh_from_db()
        self.assertEqual(self.event.status, "cancelled")
        self.assertEqual(
            list(
                AuditEntry.objects.filter(object_id=str(self.event.pk))
                .order_by("id")
                .values_list("action", flat=True)
            ),
            ["event.update", "event.published", "event.cancelled"],
        )
        self.assertEqual(self.client.get(status).status_code, 405)

    def test_others_cannot_edit_or_change_the_status(self):
        self.event.status = "published"
        self.event.save()
        for user in (self.member, self.registered):
            self.login(user)
            self.assertEqual(self.client.get(f"/events/{self.event.slug}/edit/").status_code, 403)
            response = self.client.post(
                f"/events/{self.event.slug}/status/", {"status": "cancelled"}
            )
            self.assertEqual(response.status_code, 403, user)
        self.event.refresh_from_db()
        self.assertEqual(self.event.status, "published")

    def test_the_organiser_adds_and_removes_agenda_sessions(self):
        self.login(self.coordinator)
        local = self.event.starts_at.astimezone(self.event.tz)
        start = local.strftime("%Y-%m-%dT%H:%M")
        end = (local + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
        self.client.post(
            f"/events/{self.event.slug}/sessions/",
            {"title": "Keynote", "starts_at": start, "ends_at": end},
        )
        session = AgendaSession.objects.get(event=self.event)
        self.assertEqual(session.starts_at, self.event.starts_at)
        # Outside the event's dates: refused.
        late = (local + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
        self.client.post(
            f"/events/{self.event.slug}/sessions/",
            {"title": "Too late", "starts_at": late, "ends_at": late.replace("T09", "T23")},
        )
        self.assertEqual(AgendaSession.objects.filter(event=self.event).count(), 1)
        self.login(self.member)
        delete = f"/events/{self.event.slug}/sessions/{session.pk}/delete/"
        self.assertEqual(self.client.post(delete).status_code, 404)  # a draft: not found
        self.login(self.coordinator)
        self.assertEqual(self.client.get(delete).status_code, 405)
        self.client.post(delete)
        self.assertFalse(AgendaSession.objects.filter(event=self.event).exists())

"""The organiser's meeting grid (sessions, slot length, tables) and each participant's
availability per slot."""

import datetime

from django.core.exceptions import PermissionDenied

from cyberregions.events import services
from cyberregions.events.models import Meeting, MeetingRequest, MeetingSlot, Unavailability
from cyberregions.events.tests.factories import make_brokerage, make_user, register
from cyberregions.testing import PersonaTestCase


class GridTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_brokerage(cls.coordinator, slots=4, tables=2)
        cls.tuscan = register(cls.event, cls.member, cls.tuscan_sme)
        cls.breton_user = make_user("breton")
        cls.breton = register(cls.event, cls.breton_user, cls.breton_sme)

    def slots(self):
        return list(MeetingSlot.objects.filter(event=self.event).order_by("starts_at"))

    def session(self, start_offset=0, slots=4, minutes=30):
        start = self.event.starts_at + datetime.timedelta(hours=1, minutes=start_offset)
        return services.SessionSpec(
            "Morning", start, start + datetime.timedelta(minutes=minutes * slots)
        )

    def meeting_in(self, slot, table=1, **fields):
        request, _created = MeetingRequest.objects.get_or_create(
            event=self.event, requester=self.tuscan, recipient=self.breton, status="accepted"
        )
        return Meeting.objects.create(request=request, slot=slot, table=table, **fields)

    def test_the_grid_cuts_sessions_into_slots(self):
        slots = self.slots()
        self.assertEqual(len(slots), 4)
        self.assertEqual(slots[0].starts_at, self.event.starts_at + datetime.timedelta(hours=1))
        self.assertEqual(
            [s.ends_at - s.starts_at for s in slots], [datetime.timedelta(minutes=30)] * 4
        )

    def test_slots_that_stay_keep_their_meetings(self):
        meeting = self.meeting_in(self.slots()[1])
        summary = services.set_grid(self.coordinator, self.event, 30, 2, [self.session(slots=6)])
        self.assertEqual(
            (summary["slots"], summary["slots_created"], summary["meetings_removed"]), (6, 2, 0)
        )
        self.assertTrue(Meeting.objects.filter(pk=meeting.pk).exists())

    def test_meetings_lose_removed_slots_and_tables(self):
        first = self.meeting_in(self.slots()[0], table=2)
        summary = services.set_grid(self.coordinator, self.event, 30, 1, [self.session(slots=4)])
        self.assertEqual(summary["meetings_removed"], 1)
        self.assertFalse(Meeting.objects.filter(pk=first.pk).exists())
        self.meeting_in(self.slots()[3], table=1)
        summary = services.set_grid(self.coordinator, self.event, 30, 1, [self.session(slots=2)])
        self.assertEqual((summary["slots_removed"], summary["meetings_removed"]), (2, 1))

    def test_sessions_must_fit_the_event_and_not_overlap(self):
        with self.assertRaises(services.EventError):
            services.set_grid(
                self.coordinator, self.event, 30, 2, [self.session(), self.session(30)]
            )
        with self.assertRaises(services.EventError):
            services.set_grid(
                self.coordinator, self.event, 30, 2, [self.session(start_offset=-600)]
            )
        with self.assertRaises(services.EventError):
            services.set_grid(self.coordinator, self.event, 2, 2, [self.session()])

    def test_only_the_organiser_sets_the_grid(self):
        for user in (self.member, self.registered):
            with self.assertRaises(PermissionDenied):
                services.set_grid(user, self.event, 30, 2, [self.session()])
            self.login(user)
            response = self.client.get(f"/events/{self.event.slug}/b2b/organiser/grid/")
            self.assertEqual(response.status_code, 403, user)

    def test_the_grid_page_saves_sessions_in_the_events_zone(self):
        self.login(self.coordinator)
        url = f"/events/{self.event.slug}/b2b/organiser/grid/"
        self.assertEqual(self.client.get(url).status_code, 200)
        local = self.event.starts_at.astimezone(self.event.tz)
        response = self.client.post(
            url,
            {
                "meeting_minutes": "20",
                "meeting_tables": "5",
                "sessions-TOTAL_FORMS": "1",
                "sessions-INITIAL_FORMS": "0",
                "sessions-0-label": "Afternoon",
                "sessions-0-starts_at": local.replace(hour=14).strftime("%Y-%m-%dT%H:%M"),
                "sessions-0-ends_at": local.replace(hour=15).strftime("%Y-%m-%dT%H:%M"),
            },
        )
        self.assertRedirects(response, f"/events/{self.event.slug}/b2b/organiser/")
        slots = self.slots()
        self.assertEqual(len(slots), 3)
        self.assertEqual(slots[0].starts_at, local.replace(hour=14))
        self.event.refresh_from_db()
        self.assertEqual((self.event.meeting_minutes, self.event.meeting_tables), (20, 5))

    def test_a_participant_marks_slots_unavailable(self):
        slots = self.slots()
        self.login(self.member)
        url = f"/events/{self.event.slug}/b2b/availability/"
        self.assertEqual(self.client.get(url).status_code, 200)
        self.client.post(url, {"available": [slots[0].pk, slots[3].pk]})
        self.assertEqual(
            set(Unavailability.objects.values_list("slot_id", flat=True)),
            {slots[1].pk, slots[2].pk},
        )
        self.client.post(url, {"available": [s.pk for s in slots]})
        self.assertFalse(Unavailability.objects.exists())

    def test_a_placed_meeting_yields_but_a_locked_one_holds(self):
        slots = self.slots()
        loose = self.meeting_in(slots[0])
        services.set_availability(self.member, self.tuscan, [slots[0].pk])
        self.assertFalse(Meeting.objects.filter(pk=loose.pk).exists())
        locked = Meeting.objects.create(request=loose.request, slot=slots[1], table=1, locked=True)
        with self.assertRaises(services.EventError):
            services.set_availability(self.member, self.tuscan, [slots[1].pk])
        self.assertTrue(Meeting.objects.filter(pk=locked.pk).exists())

    def test_nobody_sets_another_participants_availability(self):
        with self.assertRaises(PermissionDenied):
            services.set_availability(self.breton_user, self.tuscan, [])
        self.login(self.registered)
        self.assertEqual(
            self.client.get(f"/events/{self.event.slug}/b2b/availability/").status_code, 403
        )

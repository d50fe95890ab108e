"""schedule_meetings: from the database to the scheduler and back, checked by the independent
validator; locks kept, published meetings moved as little as possible, reasons for the rest."""

from django.core.exceptions import PermissionDenied

from cyberregions.core.models import AuditEntry
from cyberregions.events import services
from cyberregions.events.models import Meeting, MeetingRequest, MeetingSlot, Unavailability
from cyberregions.events.scheduling import solve, validate
from cyberregions.events.services.schedule import _store
from cyberregions.events.tests.factories import make_brokerage, make_user, register
from cyberregions.events.weights import meeting_weight
from cyberregions.testing import PersonaTestCase, make_organisation


def stored_result(event, run):
    """The schedule as stored, in the scheduler's format, for the independent validator."""
    meetings = Meeting.objects.filter(slot__event=event).order_by("pk")
    return {
        "meetings": [
            {"request": f"r{m.request_id}", "slot": f"s{m.slot_id}", "table": m.table}
            for m in meetings
        ],
        "unscheduled": [
            {"request": f"r{entry['request']}", "reason": entry["reason"]}
            for entry in run.unscheduled
        ],
        "objective": run.objective,
        "upper_bound": run.upper_bound,
        "optimal": run.optimal,
    }


class ScheduleServiceTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_brokerage(cls.coordinator, slots=3, tables=1)
        cls.slots = list(MeetingSlot.objects.filter(event=cls.event).order_by("starts_at"))
        cls.tuscan = register(cls.event, cls.member, cls.tuscan_sme)
        cls.breton = register(cls.event, make_user("breton"), cls.breton_sme)
        cls.breton_two = register(
            cls.event, make_user("brest"), make_organisation("Brest Secure", "FR", "FRH0")
        )
        cls.estonian = register(cls.event, make_user("tallinn"), cls.estonian_rto)

    def accepted(self, a, b, **fields):
        return MeetingRequest.objects.create(
            event=self.event, requester=a, recipient=b, status="accepted", **fields
        )

    def schedule(self):
        run = services.schedule_meetings(self.coordinator, self.event, time_limit=10)
        built = services.build_instance(self.event)
        self.assertEqual(validate(built.instance, stored_result(self.event, run)), [])
        return run

    def placed(self):
        return {
            m.request_id: (m.slot_id, m.table, m.locked, m.published)
            for m in Meeting.objects.filter(slot__event=self.event)
        }

    def test_weights_reward_mutual_interest_other_regions_and_priority(self):
        plain = self.accepted(self.breton, self.breton_two)
        cross = self.accepted(self.tuscan, self.breton)
        mutual = self.accepted(self.tuscan, self.estonian, mutual=True)
        high = self.accepted(self.breton_two, self.estonian, priority=2)
        weights = {r.id: r.weight for r in services.build_instance(self.event).instance.requests}
        self.assertEqual(weights[f"r{plain.pk}"], 1.0)
        self.assertEqual(weights[f"r{cross.pk}"], meeting_weight(mutual=False, cross_region=True))
        self.assertEqual(weights[f"r{mutual.pk}"], meeting_weight(mutual=True, cross_region=True))
        self.assertEqual(weights[f"r{high.pk}"], 2 * weights[f"r{cross.pk}"])
        self.assertGreater(weights[f"r{mutual.pk}"], weights[f"r{cross.pk}"])
        self.assertGreater(weights[f"r{cross.pk}"], weights[f"r{plain.pk}"])

    def test_it_places_what_fits_and_gives_a_reason_for_the_rest(self):
        requests = [
            self.accepted(self.tuscan, self.breton),
            self.accepted(self.tuscan, self.estonian),
            self.accepted(self.tuscan, self.breton_two),
            self.accepted(self.breton, self.estonian),
        ]
        MeetingRequest.objects.create(
            event=self.event, requester=self.estonian, recipient=self.breton_two
        )  # pending: not scheduled, not reported
        Unavailability.objects.create(registration=self.breton_two, slot=self.slots[0])
        Unavailability.objects.create(registration=self.breton_two, slot=self.slots[1])
        Unavailability.objects.create(registration=self.tuscan, slot=self.slots[2])
        run = self.schedule()
        # One table, three slots; the Breton pair shares no slot.
        self.assertEqual((run.accepted, run.scheduled), (4, 3))
        self.assertTrue(run.optimal)
        self.assertAlmostEqual(run.objective, run.upper_bound)
        (left_out,) = run.unscheduled
        self.assertEqual(left_out["request"], requests[2].pk)
        self.assertEqual(left_out["code"], "no_common_slot")
        entry = AuditEntry.objects.get(action="b2b.schedule")
        self.assertEqual(entry.after["meetings"], 3)

    def test_locked_meetings_stay_where_the_organiser_put_them(self):
        request = self.accepted(self.tuscan, self.breton)
        self.accepted(self.estonian, self.breton_two)
        services.place_meeting(self.coordinator, request, self.slots[2])
        self.schedule()
        self.assertEqual(self.placed()[request.pk][:3], (self.slots[2].pk, 1, True))

    def test_a_new_run_keeps_published_meetings_in_place(self):
        first = [
            self.accepted(self.tuscan, self.breton),
            self.accepted(self.estonian, self.breton_two),
        ]
        self.schedule()
        services.publish_schedule(self.coordinator, self.event)
        before = self.placed()
        self.accepted(self.tuscan, self.estonian)
        run = self.schedule()
        after = self.placed()
        for request in first:
            self.assertEqual(after[request.pk], before[request.pk])
        self.assertEqual(run.changes, {"kept": 2, "moved": 0, "dropped": 0, "added": 1})
        self.assertEqual(sum(1 for value in after.values() if not value[3]), 1)

    def test_a_lock_made_impossible_is_released_and_said_so(self):
        request = self.accepted(self.tuscan, self.breton)
        services.place_meeting(self.coordinator, request, self.slots[0])
        Unavailability.objects.create(registration=self.breton, slot=self.slots[0])
        run = self.schedule()
        self.assertEqual(run.warnings, [{"request": request.pk, "code": "unavailable"}])
        slot, _table, locked, _published = self.placed()[request.pk]
        self.assertNotEqual(slot, self.slots[0].pk)
        self.assertFalse(locked)

    def test_changes_made_while_solving_are_not_overwritten(self):
        self.accepted(self.tuscan, self.breton)
        built = services.build_instance(self.event)
        result = solve(built.instance, time_limit=5)
        Unavailability.objects.create(registration=self.breton, slot=self.slots[0])
        with self.assertRaises(services.EventError):
            _store(self.coordinator, self.event, built, result)
        self.assertFalse(Meeting.objects.exists())

    def test_only_organisers_schedule(self):
        self.accepted(self.tuscan, self.breton)
        other_coordinator = make_user("giulia")
        other_coordinator.region_memberships.create(region=self.tuscany)
        for user in (self.member, self.registered, other_coordinator):
            with self.assertRaises(PermissionDenied):
                services.schedule_meetings(user, self.event)
            self.login(user)
            url = f"/events/{self.event.slug}/b2b/organiser/schedule/"
            self.assertEqual(self.client.post(url).status_code, 403, user)
        self.assertFalse(Meeting.objects.exists())
        services.schedule_meetings(self.admin, self.event)
        self.assertEqual(Meeting.objects.count(), 1)

    def test_without_a_grid_there_is_nothing_to_schedule(self):
        MeetingSlot.objects.filter(event=self.event).delete()
        with self.assertRaises(services.EventError):
            services.schedule_meetings(self.coordinator, self.event)

    def test_the_organiser_moves_and_removes_meetings_within_the_rules(self):
        request = self.accepted(self.tuscan, self.breton)
        other = self.accepted(self.tuscan, self.estonian)
        services.place_meeting(self.coordinator, request, self.slots[1])
        with self.assertRaises(services.EventError):  # the Tuscan SME is busy then
            services.place_meeting(self.coordinator, other, self.slots[1])
        Unavailability.objects.create(registration=self.estonian, slot=self.slots[2])
        with self.assertRaises(services.EventError):  # the Estonian RTO is not available
            services.place_meeting(self.coordinator, other, self.slots[2])
        with self.assertRaises(services.EventError):  # one table only
            services.place_meeting(self.coordinator, other, self.slots[0], table=2)
        with self.assertRaises(PermissionDenied):
            services.place_meeting(self.member, other, self.slots[0])
        meeting = services.place_meeting(self.coordinator, other, self.slots[0])
        services.remove_meeting(self.coordinator, meeting)
        self.assertEqual(list(self.placed()), [request.pk])

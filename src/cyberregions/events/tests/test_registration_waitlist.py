"""Registration with a capacity: the waiting list fills beyond it and moves up by itself."""

from django.core.exceptions import PermissionDenied

from cyberregions.core.models import AuditEntry
from cyberregions.events import services
from cyberregions.events.models import CooperationProfile, Registration
from cyberregions.events.tests.factories import make_event, make_user
from cyberregions.testing import PersonaTestCase


class RegistrationTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_event(title="Seminar", capacity=2, created_by=cls.coordinator)
        cls.people = [make_user(f"person{n}") for n in range(4)]

    def register(self, user, **kwargs):
        return services.register(user, self.event, **kwargs)

    def statuses(self):
        return list(
            Registration.objects.filter(event=self.event)
            .order_by("pk")
            .values_list("user__username", "status")
        )

    def test_it_confirms_up_to_the_capacity_then_waitlists(self):
        results = [self.register(user).status for user in self.people[:3]]
        self.assertEqual(results, ["confirmed", "confirmed", "waitlisted"])

    def test_a_cancellation_promotes_the_first_on_the_waiting_list(self):
        first, _second, *_ = [self.register(user) for user in self.people]
        promoted = services.cancel_registration(self.people[0], first)
        self.assertEqual([r.user for r in promoted], [self.people[2]])
        self.assertEqual(
            self.statuses(),
            [
                ("person0", "cancelled"),
                ("person1", "confirmed"),
                ("person2", "confirmed"),
                ("person3", "waitlisted"),
            ],
        )
        entry = AuditEntry.objects.get(action="registration.promote")
        self.assertEqual(entry.after, {"status": "confirmed"})

    def test_a_larger_capacity_promotes_as_many_as_it_frees(self):
        for user in self.people:
            self.register(user)
        services.update_event(self.coordinator, self.event, {"capacity": 3})
        self.assertEqual([status for _user, status in self.statuses()].count("confirmed"), 3)
        services.update_event(self.coordinator, self.event, {"capacity": None})
        self.assertEqual([status for _user, status in self.statuses()].count("confirmed"), 4)

    def test_one_active_registration_per_person(self):
        self.register(self.people[0])
        with self.assertRaises(services.EventError):
            self.register(self.people[0])
        services.cancel_registration(self.people[0], Registration.objects.get())
        self.assertEqual(self.register(self.people[0]).status, "confirmed")

    def test_the_page_registers_and_cancels(self):
        self.login(self.registered)
        page = f"/events/{self.event.slug}/register/"
        self.assertEqual(self.client.get(page).status_code, 200)
        response = self.client.post(page, {"organisation": ""})
        self.assertRedirects(response, f"/events/{self.event.slug}/")
        registration = Registration.objects.get(user=self.registered)
        self.assertEqual(registration.status, "confirmed")
        self.assertEqual(self.client.get(f"/events/{self.event.slug}/cancel/").status_code, 405)
        self.client.post(f"/events/{self.event.slug}/cancel/")
        registration.refresh_from_db()
        self.assertEqual(registration.status, "cancelled")

    def test_visitors_are_sent_to_log_in(self):
        response = self.client.post(f"/events/{self.event.slug}/register/")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/accounts/login/"))
        self.assertFalse(Registration.objects.exists())

    def test_one_represents_only_an_organisation_one_acts_for(self):
        with self.assertRaises(PermissionDenied):
            self.register(self.member, organisation=self.breton_sme)
        registration = self.register(self.member, organisation=self.tuscan_sme)
        self.assertEqual(registration.organisation, self.tuscan_sme)
        # a coordinator may register organisations of its region
        self.register(self.coordinator, organisation=self.breton_sme)

    def test_a_brokerage_event_needs_an_organisation_and_opens_a_profile(self):
        brokerage = make_event(title="B2B", event_type="brokerage")
        with self.assertRaises(services.EventError):
            services.register(self.registered, brokerage)
        registration = services.register(self.member, brokerage, organisation=self.tuscan_sme)
        self.assertTrue(CooperationProfile.objects.filter(registration=registration).exists())

    def test_registration_closes_with_the_deadline_the_start_and_drafts(self):
        for fields in (
            {"starts_at": self.event.starts_at.replace(year=2000), "ends_at": self.event.ends_at},
            {"registration_deadline": self.event.starts_at.replace(year=2000)},
        ):
            event = make_event(title=f"Closed {len(fields)}", slug=None, **fields)
            with self.assertRaises(services.EventError):
                services.register(self.registered, event)
        draft = make_event(title="Draft", status="draft")
        with self.assertRaises(PermissionDenied):
            services.register(self.registered, draft)

    def test_the_organiser_lists_registrations_others_may_not(self):
        self.register(self.people[0])
        self.login(self.coordinator)
        page = f"/events/{self.event.slug}/registrations/"
        # session, user, region and organisation memberships, event, counts, rows
        with self.assertNumQueries(7):
            response = self.client.get(page)
        self.assertContains(response, "person0@example.org")
        for user in (self.people[0], self.member):
            self.login(user)
            self.assertEqual(self.client.get(page).status_code, 403, user)

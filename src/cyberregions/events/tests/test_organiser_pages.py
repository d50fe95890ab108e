"""The organiser's pages of a brokerage event: schedule, requests, meetings, table plan,
statistics. Organisers only; query counts do not grow with the event."""

from cyberregions.events import services
from cyberregions.events.models import Meeting, MeetingRequest, MeetingSlot
from cyberregions.events.tests.factories import make_brokerage, make_event, make_user, register
from cyberregions.testing import PersonaTestCase, make_organisation

PAGES = {
    # Every page: session, user, region memberships (rules), event, organisation memberships
    # (navigation); then its own reads.
    "": 12,  # last run, request counts, participants, meetings, slots, meeting counts ×2
    "requests/": 7,  # count, rows
    "meetings/": 7,  # count, rows
    "tables/": 6,  # meetings
    "statistics/": 10,  # request counts, participants, meetings, last run, slots
}


class OrganiserPageTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_brokerage(cls.coordinator, slots=4, tables=2)
        cls.people = [
            register(cls.event, cls.member, cls.tuscan_sme),
            register(cls.event, make_user("breton"), cls.breton_sme),
            register(cls.event, make_user("tallinn"), cls.estonian_rto),
        ]
        for a, b in ((0, 1), (0, 2), (1, 2)):
            MeetingRequest.objects.create(
                event=cls.event, requester=cls.people[a], recipient=cls.people[b], status="accepted"
            )
        services.schedule_meetings(cls.coordinator, cls.event, time_limit=5)

    def url(self, page=""):
        return f"/events/{self.event.slug}/b2b/organiser/{page}"

    def grow(self):
        """More participants, requests and meetings: the query counts must not move."""
        for n in range(4):
            registration = register(
                self.event, make_user(f"more{n}"), make_organisation(f"More {n}", "SI", "SI0")
            )
            MeetingRequest.objects.create(
                event=self.event,
                requester=registration,
                recipient=self.people[n % 3],
                status="accepted",
            )
        services.schedule_meetings(self.coordinator, self.event, time_limit=5)

    def test_the_organiser_sees_every_page_in_a_fixed_number_of_queries(self):
        self.login(self.coordinator)
        for page, queries in PAGES.items():
            with self.assertNumQueries(queries):
                self.assertEqual(self.client.get(self.url(page)).status_code, 200, page)
        self.grow()
        for page, queries in PAGES.items():
            with self.assertNumQueries(queries):
                self.client.get(self.url(page))

    def test_the_schedule_page_shows_the_bound_and_the_figures(self):
        self.login(self.coordinator)
        response = self.client.get(self.url())
        stats = response.context["stats"]
        self.assertEqual((stats["accepted"], stats["meetings"]), (3, 3))
        self.assertEqual(stats["bound_ratio"], 1.0)
        self.assertContains(response, "Proven optimal")

    def test_programme_staff_see_the_organiser_pages(self):
        self.login(self.staff)
        for page in [*PAGES, "grid/", "tables/tables.pdf"]:
            self.assertEqual(self.client.get(self.url(page)).status_code, 200, page)
        response = self.client.get(f"/events/{self.event.slug}/registrations/")
        self.assertEqual(response.status_code, 200)

    def test_nobody_else_sees_the_organiser_pages(self):
        for user in (self.member, self.registered):
            self.login(user)
            for page in [*PAGES, "grid/", "tables/tables.pdf"]:
                self.assertEqual(self.client.get(self.url(page)).status_code, 403, (user, page))
        self.client.logout()
        self.assertEqual(self.client.get(self.url()).status_code, 302)
        workshop = make_event(title="Workshop", created_by=self.coordinator)
        self.login(self.coordinator)
        self.assertEqual(
            self.client.get(f"/events/{workshop.slug}/b2b/organiser/").status_code, 404
        )

    def test_actions_are_posts_for_organisers(self):
        meeting = Meeting.objects.filter(slot__event=self.event).first()
        actions = [
            self.url("schedule/"),
            self.url("publish/"),
            self.url(f"meetings/{meeting.pk}/lock/"),
            self.url(f"meetings/{meeting.pk}/remove/"),
            self.url(f"requests/{meeting.request_id}/priority/"),
        ]
        self.login(self.coordinator)
        for url in actions:
            self.assertEqual(self.client.get(url).status_code, 405, url)
        self.login(self.member)
        for url in actions:
            self.assertEqual(self.client.post(url, {"priority": 2}).status_code, 403, url)
        self.assertTrue(Meeting.objects.filter(pk=meeting.pk).exists())

    def test_the_organiser_publishes_locks_prioritises_and_places(self):
        self.login(self.coordinator)
        self.client.post(self.url("publish/"))
        self.assertFalse(Meeting.objects.filter(published=False).exists())
        meeting = Meeting.objects.filter(slot__event=self.event).first()
        self.client.post(self.url(f"meetings/{meeting.pk}/lock/"), {"locked": "1"})
        meeting.refresh_from_db()
        self.assertTrue(meeting.locked)
        self.client.post(self.url(f"requests/{meeting.request_id}/priority/"), {"priority": "2"})
        self.assertEqual(MeetingRequest.objects.get(pk=meeting.request_id).priority, 2)
        free_slot = (
            MeetingSlot.objects.filter(event=self.event).exclude(meetings__isnull=False).first()
        )
        place = self.url(f"requests/{meeting.request_id}/place/")
        self.assertEqual(self.client.get(place).status_code, 200)
        self.client.post(place, {"slot": free_slot.pk, "table": ""})
        meeting.refresh_from_db()
        self.assertEqual(
            (meeting.slot, meeting.locked, meeting.published), (free_slot, True, False)
        )
        self.client.post(self.url(f"meetings/{meeting.pk}/remove/"))
        self.assertFalse(Meeting.objects.filter(pk=meeting.pk).exists())

    def test_the_table_plan_prints_as_pdf(self):
        self.login(self.coordinator)
        response = self.client.get(self.url("tables/tables.pdf"))
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"))

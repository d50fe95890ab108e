"""The start page (/me/): each persona sees what waits for them, and nothing of others."""

from __future__ import annotations

from django.urls import reverse

from cyberregions.analysis.models import NeedsSurvey
from cyberregions.events.models import MeetingRequest
from cyberregions.events.tests.factories import make_brokerage, make_event, register
from cyberregions.home import sections as registry
from cyberregions.organisations.models import ClaimRequest, OrganisationMembership
from cyberregions.practices.tests.helpers import make_practice

from .helpers import StartPageTestCase

URL = "/me/"


def read(response) -> dict[str, dict[str, int | None]]:
    """{section key: {item label: count}} of a start page response."""
    return {
        section.key: {str(item.label): item.count for item in section.items}
        for section in response.context["sections"]
    }


class StartPageTests(StartPageTestCase):
    def test_it_sends_visitors_to_the_login_page(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("accounts:login")))

    def test_it_answers_405_to_a_post(self):
        self.login(self.member)
        self.assertEqual(self.client.post(URL).status_code, 405)

    def test_it_shows_programme_staff_the_review_queues(self):
        self.login(self.staff)
        page = read(self.client.get(URL))
        queue = page["home.review"]
        self.assertEqual(queue["Good practices to validate"], 2)
        self.assertEqual(queue["Action plans to validate"], 1)
        self.assertEqual(queue["Monitoring reports to decide"], 1)
        # Brittany's registration goes to its coordinator; the one without a region to staff.
        self.assertEqual(queue["Organisation registrations to decide"], 1)
        # Claims are decided by coordinators: staff who coordinate nothing have none to decide.
        self.assertNotIn("Claims of organisations to decide", queue)
        self.assertGreaterEqual(queue["Late monitoring reports"], 1)
        self.assertNotIn("home.region", page)
        self.assertNotIn("home.organisation", page)

    def test_it_shows_the_administrator_every_claim(self):
        self.login(self.admin)
        queue = read(self.client.get(URL))["home.review"]
        self.assertEqual(queue["Claims of organisations to decide"], 2)
        self.assertEqual(queue["Organisation registrations to decide"], 2)

    def test_it_shows_the_coordinator_their_region_and_not_another(self):
        self.login(self.coordinator)
        response = self.client.get(URL)
        page = read(response)
        region = {
            label.replace(f"{self.brittany.name}:", "Brittany:"): count
            for label, count in page["home.region"].items()
        }
        self.assertEqual(region["Brittany: claims of organisations to decide"], 1)
        self.assertEqual(region["Brittany: organisation registrations to decide"], 1)
        self.assertEqual(region["Brittany: published good practices"], 0)
        self.assertEqual(region["Brittany: organisations in the atlas"], 1)
        self.assertGreaterEqual(region["Brittany: monitoring reports due"], 1)
        self.assertEqual(region["Survey “Breton needs”: answers received"], 0)
        self.assertNotIn("home.review", page)
        self.assertFalse(any(self.tuscany.name in label for label in page["home.region"]))
        self.assertNotContains(response, "Firenze seminar")
        events = page["home.events_to_run"]
        self.assertIn("Rennes workshop", events)
        self.assertIn("B2B days", events)

    def test_a_member_sees_their_organisation_events_and_requests_and_no_queue(self):
        self.login(self.member)
        response = self.client.get(URL)
        page = read(response)
        self.assertEqual(
            set(page),
            {"home.organisation", "home.my_events", "gethelp", "skills", "home.notifications"},
        )
        self.assertEqual(page["gethelp"], {"Help requests waiting for your answer": 0})
        self.assertEqual(page["skills"]["Open vacancies"], 0)
        (profile,) = page["home.organisation"]
        self.assertIn("Firenze Secure Systems: profile", profile)
        self.assertEqual(page["home.my_events"]["Meeting requests waiting for your answer"], 1)
        self.assertEqual(page["home.my_events"]["Your meetings"], 0)
        self.assertEqual(page["home.notifications"]["Unread notifications"], 1)
        # The forbidden path: never a region's queue, nor another organisation.
        self.assertNotContains(response, "claims of organisations")
        self.assertNotContains(response, "Armor Cyber Defence")
        self.assertNotContains(response, f"{self.brittany.name}:")

    def test_a_registered_user_without_role_sees_only_their_own_sections(self):
        self.login(self.registered)
        page = read(self.client.get(URL))
        self.assertEqual(set(page), {"home.my_events", "home.notifications"})
        self.assertEqual(page["home.my_events"], {})

    def test_it_reads_in_a_fixed_number_of_queries_per_persona(self):
        # session + user, then each section's queries; the counts do not grow with the data
        # (the queues are counted, the lists are sliced): more of everything, same count.
        expected = {"member": 13, "coordinator": 19, "staff": 13, "admin": 14, "registered": 7}
        for round_ in ("as built", "with more data"):
            if round_ == "with more data":
                self.add_more_of_everything()
            for persona, queries in expected.items():
                with self.subTest(persona=persona, data=round_):
                    self.client.force_login(getattr(self, persona))
                    with self.assertNumQueries(queries):
                        self.client.get(URL)

    def add_more_of_everything(self):
        for number in range(3):
            make_practice(f"More {number}", self.brittany, status="submitted")
            make_event(self.coordinator, title=f"More event {number}", days=10 + number)
            event = make_brokerage(self.coordinator, slots=1, tables=1, slug=f"more-{number}")
            mine = register(event, self.member, self.tuscan_sme)
            other = register(event, self.partner, self.breton_sme)
            MeetingRequest.objects.create(event=event, requester=other, recipient=mine)
            ClaimRequest.objects.create(organisation=self.breton_sme, user=self.partner)
            ClaimRequest.objects.filter(user=self.partner).update(status="refused")
        NeedsSurvey.objects.create(region=self.brittany, title="More needs", status="open")
        OrganisationMembership.objects.create(user=self.member, organisation=self.estonian_rto)


class SectionHookTests(StartPageTestCase):
    def test_a_provider_registered_by_another_app_adds_its_section(self):
        def courses(user):
            return registry.Section(
                key="skills.courses",
                title="My courses",
                items=[registry.Item("Courses you follow", "/skills/", 2)],
            )

        registry.register(position=60)(courses)
        self.addCleanup(registry.unregister, courses)
        self.login(self.member)
        page = read(self.client.get(URL))
        self.assertEqual(page["skills.courses"], {"Courses you follow": 2})
        keys = list(page)
        self.assertLess(keys.index("home.organisation"), keys.index("skills.courses"))
        self.assertLess(keys.index("skills.courses"), keys.index("home.notifications"))

    def test_registering_twice_keeps_one_section(self):
        def extra(user):
            return registry.Section(key="extra", title="Extra")

        registry.register()(extra)
        registry.register()(extra)
        self.addCleanup(registry.unregister, extra)
        self.assertEqual(registry.providers().count(extra), 1)

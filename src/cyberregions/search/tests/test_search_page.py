"""One search for everything: a group per kind, visibility as on each kind's own pages,
counts that agree with the kind's own filtered list, and any input answered."""

from cyberregions.events.tests.factories import make_event
from cyberregions.plans.tests.helpers import make_plan
from cyberregions.practices.tests.helpers import make_practice
from cyberregions.testing import PersonaTestCase

URL = "/search/"


class SearchPageTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.public = make_practice(
            "Ransomware drills for municipalities",
            cls.brittany,
            summary="Tabletop ransomware exercises.",
        )
        cls.draft = make_practice(
            "Ransomware insurance pool", cls.brittany, status="draft", summary="Mutual fund."
        )
        cls.event = make_event(cls.coordinator, title="Ransomware response day", slug="ransom-day")
        cls.draft_event = make_event(
            cls.coordinator, title="Ransomware board game", slug="ransom-game", status="draft"
        )
        cls.plan = make_plan(cls.brittany, "endorsed", "Plan against ransomware")

    def groups(self, response):
        return {group.key: group for group in response.context["groups"]}

    def test_it_groups_every_kind_with_counts_and_links_to_each_list(self):
        response = self.client.get(URL, {"q": "ransomware"})
        self.assertEqual(response.status_code, 200)
        groups = self.groups(response)
        self.assertEqual(
            list(groups),
            [
                "organisations",
                "services",
                "practices",
                "plans",
                "events",
                "courses",
                "vocabularies",
            ],
        )
        self.assertEqual([hit.title for hit in groups["practices"].hits], [self.public.title])
        self.assertEqual([hit.title for hit in groups["events"].hits], [self.event.title])
        self.assertEqual([hit.title for hit in groups["plans"].hits], [self.plan.title])
        self.assertEqual(groups["practices"].list_url, "/practices/?q=ransomware")
        self.assertContains(response, "Tabletop <mark>ransomware</mark> exercises.")

    def test_a_kind_counts_what_its_own_list_shows(self):
        groups = self.groups(self.client.get(URL, {"q": "ransomware"}))
        listed = self.client.get("/practices/", {"q": "ransomware"})
        self.assertEqual(groups["practices"].count, listed.context["page"].paginator.count)
        atlas = self.client.get("/organisations/", {"q": "ransomware"})
        self.assertEqual(groups["organisations"].count, atlas.context["page"].paginator.count)

    def test_what_a_visitor_may_not_see_stays_hidden_and_its_authors_find_it(self):
        visitor = self.groups(self.client.get(URL, {"q": "ransomware"}))
        self.assertNotIn(self.draft.title, [hit.title for hit in visitor["practices"].hits])
        self.assertNotIn(self.draft_event.title, [hit.title for hit in visitor["events"].hits])
        self.client.force_login(self.coordinator)
        coordinator = self.groups(self.client.get(URL, {"q": "ransomware"}))
        self.assertIn(self.draft.title, [hit.title for hit in coordinator["practices"].hits])
        self.assertIn(self.draft_event.title, [hit.title for hit in coordinator["events"].hits])

    def test_vocabularies_are_found_in_every_language(self):
        groups = self.groups(self.client.get(URL, {"q": "cryptologie"}))
        self.assertIn("CRY", [hit.context.split("· ")[-1] for hit in groups["vocabularies"].hits])

    def test_any_input_gets_a_page(self):
        for text in ("", '"', "OR", "-ransomware", "x" * 10_000, "🙂", "(ransomware"):
            with self.subTest(text=text[:10]):
                self.assertEqual(self.client.get(URL, {"q": text}).status_code, 200)
        # NUL characters are refused everywhere, with a page that says so (core.security).
        refused = self.client.get(URL, {"q": "ransom\x00ware"})
        self.assertContains(refused, "holds a null character", status_code=400)
        self.assertContains(
            self.client.get(URL, {"q": "-ransomware"}), "exclusions (-word) alone cannot be run"
        )
        self.assertContains(self.client.get(URL), "Type what you are looking for")
        self.assertEqual(self.client.post(URL, {"q": "x"}).status_code, 405)

    def test_every_page_has_the_search_box(self):
        self.assertContains(self.client.get("/"), 'action="/search/"')


class SearchApiTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_practice("Ransomware drills", cls.brittany, summary="Tabletop ransomware day.")
        make_practice("Ransomware pool", cls.brittany, status="draft", summary="Draft.")

    def test_it_gives_the_groups_with_what_the_reader_may_see(self):
        body = self.client.get("/api/search/", {"q": "ransomware"}).json()
        practices = next(group for group in body if group["kind"] == "practices")
        self.assertEqual(practices["count"], 1)
        self.assertEqual(practices["results"][0]["title"], "Ransomware drills")
        self.assertEqual(practices["results"][0]["snippet"], "Tabletop ransomware day.")
        self.assertEqual(self.client.get("/api/search/", {"q": "OR"}).json(), [])


class SearchOtherModulesTests(PersonaTestCase):
    def test_services_lead_to_their_providers_in_every_language(self):
        groups = {
            group.key: group for group in self.client.get(URL, {"q": "forensics"}).context["groups"]
        }
        urls = [hit.url for hit in groups["services"].hits]
        self.assertTrue(
            urls and all(url.startswith("/get-help/providers/?service=") for url in urls)
        )

"""Searching the atlas: relevance order, scopes, the field's vocabulary, snippets, spelling
suggestions and bad input, on the pages and in the API. Runs on both engines."""

from cyberregions.organisations.models import OfferOrNeed
from cyberregions.organisations.services import refresh_search
from cyberregions.testing import PersonaTestCase, make_organisation

URL = "/organisations/"
API = "/api/organisations/"
LIST_QUERIES = 4


def offer(organisation, title, kind="offer", description=""):
    OfferOrNeed.objects.create(
        organisation=organisation, kind=kind, title=title, description=description
    )
    refresh_search(organisation)


class SearchRelevanceTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.responder = make_organisation("Rescue Lab", "FR", "FRH0", description="A small firm.")
        offer(cls.responder, "24/7 incident response retainer")
        cls.needer = make_organisation("Hospital of Rennes", "FR", "FRH0")
        offer(cls.needer, "Recruiting incident responders", kind="need")
        cls.named = make_organisation("Incident Response Partners", "IT", "ITI1")
        cls.mentioning = make_organisation(
            "Nordic Data", "EE", "EE00", description="We once handled an incident response case."
        )
        cls.tester = make_organisation("Breizh Audit", "FR", "FRH0")
        offer(cls.tester, "Penetration testing of web applications")
        cls.german = make_organisation(
            "Rhein Schutz", "DE", None, description="Cybersicherheit für den Mittelstand."
        )
        cls.crypto = make_organisation("Quiet Ciphers", "IT", "ITI1", domains=["CRY"])
        cls.consultant = make_organisation("Cloud Advice", "FR", "FRH0")
        offer(cls.consultant, "Cloud security consulting")
        cls.hoster = make_organisation("Secure Hosting", "FR", "FRH0")
        offer(cls.hoster, "Cloud security monitoring")

    def names(self, response):
        return [organisation.name for organisation in response.context["page"].object_list]

    def test_a_query_orders_by_relevance_name_first_then_offers_then_description(self):
        response = self.client.get(URL, {"q": "incident response"})
        self.assertEqual(response.context["current_sort"], "relevance")
        names = self.names(response)
        # The persona's Armor Cyber Defence says it in its description, as Nordic Data does.
        self.assertEqual(names[:2], ["Incident Response Partners", "Rescue Lab"])
        self.assertEqual(set(names[2:]), {"Nordic Data", "Armor Cyber Defence"})
        by_name = self.client.get(URL, {"q": "incident response", "sort": "name"})
        self.assertEqual(self.names(by_name), sorted(names))

    def test_a_provider_search_never_returns_an_organisation_for_what_it_needs(self):
        self.assertNotIn(
            "Hospital of Rennes", self.names(self.client.get(URL, {"q": "incident responders"}))
        )
        needs = self.client.get(URL, {"q": "incident responders", "scope": "needs"})
        self.assertEqual(self.names(needs), ["Hospital of Rennes"])
        anywhere = self.client.get(URL, {"q": "incident responders", "scope": "all"})
        self.assertIn("Hospital of Rennes", self.names(anywhere))

    def test_phrases_or_and_exclusions(self):
        self.assertEqual(
            self.names(self.client.get(URL, {"q": '"cloud security" -consulting'})),
            ["Secure Hosting"],
        )
        self.assertEqual(
            sorted(self.names(self.client.get(URL, {"q": "consulting OR monitoring"}))),
            ["Cloud Advice", "Secure Hosting"],
        )
        self.assertEqual(self.names(self.client.get(URL, {"q": '"security cloud"'})), [])

    def test_the_vocabulary_finds_abbreviations_other_languages_and_tagged_domains(self):
        testers = ["Breizh Audit", "Armor Cyber Defence"]
        self.assertEqual(self.names(self.client.get(URL, {"q": "pentest"})), testers)
        self.assertEqual(self.names(self.client.get(URL, {"q": "test d'intrusion"})), testers)
        self.assertEqual(self.names(self.client.get(URL, {"q": "cybersecurity"})), ["Rhein Schutz"])
        self.assertEqual(
            self.names(self.client.get(URL, {"q": "ciberseguridad"})), ["Rhein Schutz"]
        )
        # Its text never says it: the domain tag does.
        self.assertIn("Quiet Ciphers", self.names(self.client.get(URL, {"q": "cryptology"})))
        self.assertNotIn("crypt", self.crypto.search_document.split("\x1f")[0])
        self.assertEqual(
            self.names(self.client.get(URL, {"q": "emergency"})),
            self.names(self.client.get(URL, {"q": "incident response"})),
        )

    def test_each_result_shows_what_matched_with_the_words_marked_and_escaped(self):
        offer(self.tester, "<b>Honeypot farms</b> for banks")
        response = self.client.get(URL, {"q": "pentest"})
        self.assertContains(
            response, "<mark>Penetration testing</mark> of web applications", html=True
        )
        farms = self.client.get(URL, {"q": "honeypot farm"})
        self.assertContains(farms, "&lt;b&gt;<mark>Honeypot</mark> <mark>farms</mark>&lt;/b&gt;")
        self.assertNotContains(farms, "<b>Honeypot")

    def test_a_misspelt_query_gets_a_suggestion_that_finds_something(self):
        response = self.client.get(URL, {"q": "cryptograhpy"})
        self.assertEqual(self.names(response), [])
        self.assertEqual(response.context["suggestion"], "cryptography")
        self.assertContains(response, 'href="?q=cryptography"')
        self.assertIsNone(self.client.get(URL, {"q": "zzzzqqq"}).context["suggestion"])

    def test_any_input_gives_results_or_a_message_never_an_error(self):
        for text in (
            '"',
            '"unbalanced',
            "OR",
            "- -",
            "*",
            "AND NOT",
            "x" * 10_000,
            "🙂 cloud",
            "(",
            "\\",
        ):
            with self.subTest(text=text[:20]):
                self.assertEqual(self.client.get(URL, {"q": text}).status_code, 200)
                self.assertEqual(self.client.get(API, {"q": text}).status_code, 200)
        only_exclusions = self.client.get(URL, {"q": "-cloud"})
        self.assertContains(only_exclusions, "exclusions (-word) alone cannot be run")

    def test_the_api_orders_a_search_by_relevance_and_pages_it(self):
        page = self.client.get(URL, {"q": "incident response"})
        body = self.client.get(API, {"q": "incident response"}).json()
        self.assertEqual(body["count"], 4)
        self.assertEqual([row["name"] for row in body["results"]], self.names(page))
        second = self.client.get(API, {"q": "incident response", "page": 2}).status_code
        self.assertEqual(second, 404)
        by_name = self.client.get(API, {"q": "incident response", "sort": "name"}).json()
        self.assertEqual([row["name"] for row in by_name["results"]], sorted(self.names(page)))
        needs = self.client.get(API, {"q": "incident responders", "scope": "needs"}).json()
        self.assertEqual([row["name"] for row in needs["results"]], ["Hospital of Rennes"])
        self.assertEqual(self.client.get(API, {"scope": "elsewhere"}).status_code, 400)

    def test_a_search_page_costs_a_fixed_number_of_queries(self):
        self.client.get(URL, {"q": "cloud"})  # vocabulary caches
        # The facet statement with the ranked window, the page's rows, its snippets' texts
        # (offers and needs, descriptions) and the persona's session.
        with self.assertNumQueries(LIST_QUERIES):
            self.client.get(URL, {"q": "cloud security"})

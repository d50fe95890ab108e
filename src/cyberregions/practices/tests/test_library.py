"""The library: full-text search in title, summary and description, the filters (barrier,
domain, region, status, year), card and table views, sorting, and pinned query counts."""

import datetime

from cyberregions.practices.filtersets import (
    PracticeFilterSet,
    reset_vocabulary_cache,
    vocabulary_choices,
)
from cyberregions.practices.views import PAGE_SIZE

from .helpers import PracticeTestCase, make_practice

URL = "/practices/"
# count, page rows, barriers and domains of the page's practices.
LIST_QUERIES = 4


class LibraryTests(PracticeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.formation = make_practice(
            "Écoles de cybersécurité",
            cls.estonia,
            summary="Formation des techniciens.",
            description="Un réseau d'établissements et d'entreprises.",
            barriers=("skills",),
            domains=("EDU",),
            start_date=datetime.date(2016, 1, 1),
            end_date=datetime.date(2017, 6, 30),
        )

    def setUp(self):
        # Kept per process: fill it now so that query counts do not depend on the test order.
        reset_vocabulary_cache()
        vocabulary_choices()

    def titles(self, response):
        return [practice.title for practice in response.context["page"].object_list]

    def test_a_visitor_sees_published_practices_only(self):
        self.assertEqual(
            self.titles(self.client.get(URL)),
            ["Competence centre vouchers", "Cyber voucher for SMEs", "Écoles de cybersécurité"],
        )

    def test_coordinators_and_staff_see_more(self):
        self.login(self.coordinator)
        self.assertIn("Regional incident line", self.titles(self.client.get(URL)))
        self.login(self.staff)
        titles = self.titles(self.client.get(URL))
        self.assertIn("Cyber campus network", titles)
        self.assertNotIn("Regional incident line", titles)
        self.assertEqual(
            self.titles(self.client.get(URL, {"status": "submitted"})), ["Cyber campus network"]
        )

    def test_it_searches_title_summary_and_description_without_accents_or_case(self):
        cases = {
            "voucher": ["Competence centre vouchers", "Cyber voucher for SMEs"],
            "ECOLES": ["Écoles de cybersécurité"],
            "cybersecurite": ["Écoles de cybersécurité"],
            "formation techniciens": ["Écoles de cybersécurité"],  # summary, every word
            "etablissements": ["Écoles de cybersécurité"],  # description
            "voucher techniciens": [],
            "draft": [],
        }
        for query, expected in cases.items():
            self.assertEqual(self.titles(self.client.get(URL, {"q": query})), expected, query)

    def test_search_syntax_is_harmless(self):
        for query in ("%", "_", "'; --", "a%b", "\\", '"'):
            response = self.client.get(URL, {"q": query})
            self.assertEqual(response.status_code, 200, query)
        # punctuation is not a word: the query is ignored rather than used as a pattern.
        self.assertEqual(len(self.titles(self.client.get(URL, {"q": "%"}))), 3)

    def test_it_filters(self):
        cases = [
            ({"barrier": "fragmentation"}, ["Cyber voucher for SMEs"]),
            (
                {"barrier": ["fragmentation", "skills"]},
                ["Competence centre vouchers", "Cyber voucher for SMEs", "Écoles de cybersécurité"],
            ),
            ({"domain": "CRY"}, ["Competence centre vouchers"]),
            ({"region": "EE00"}, ["Écoles de cybersécurité"]),
            ({"year": "2020"}, ["Cyber voucher for SMEs"]),
            ({"year": "2016"}, ["Écoles de cybersécurité"]),
            ({"year": "2015"}, []),
            ({"region": "FRH0", "barrier": "skills"}, ["Cyber voucher for SMEs"]),
            ({"status": "draft"}, []),  # a visitor's list holds no draft, whatever the filter
        ]
        for params, expected in cases:
            response = self.client.get(URL, params)
            self.assertEqual(response.status_code, 200, params)
            self.assertEqual(self.titles(response), expected, params)

    def test_the_filters_survive_the_schema_reading_the_filter_fields(self):
        # drf-spectacular builds the class's form fields when it writes the OpenAPI document;
        # a page filtered afterwards must still know the choices.
        self.assertEqual(self.client.get("/api/schema/").status_code, 200)
        for name in ("barrier", "domain", "region", "year"):
            PracticeFilterSet.base_filters[name].field  # noqa: B018 — what the schema does
        self.assertEqual(
            self.titles(self.client.get(URL, {"barrier": "fragmentation", "year": "2020"})),
            ["Cyber voucher for SMEs"],
        )

    def test_invalid_filters_give_an_empty_list(self):
        for params in ({"barrier": "nope"}, {"region": "XX"}, {"year": "abc"}, {"sort": "x"}):
            response = self.client.get(URL, params)
            self.assertEqual(response.status_code, 200, params)
            self.assertEqual(self.titles(response), [], params)

    def test_card_and_table_views_keep_the_filters(self):
        cards = self.client.get(URL, {"region": "FRH0"})
        self.assertContains(cards, 'class="card h-100 practice-card"')
        self.assertNotContains(cards, "<table")
        self.assertContains(cards, "?region=FRH0&amp;view=table")
        table = self.client.get(URL, {"region": "FRH0", "view": "table"})
        self.assertContains(table, "<caption")
        self.assertContains(table, "Cyber voucher for SMEs")
        self.assertNotContains(table, "practice-card")

    def test_it_sorts(self):
        self.published.published_at = self.published.published_at.replace(year=2030)
        self.published.save()
        self.assertEqual(
            self.titles(self.client.get(URL, {"sort": "-published"}))[0], "Cyber voucher for SMEs"
        )
        self.assertEqual(
            self.titles(self.client.get(URL, {"sort": "-start"}))[0], "Cyber voucher for SMEs"
        )

    def test_it_speaks_french(self):
        response = self.client.get(URL, headers={"Accept-Language": "fr"})
        self.assertContains(response, '<h1 class="h2 mb-0">Bonnes pratiques</h1>', html=False)
        self.assertContains(response, "3 bonnes pratiques")
        self.assertContains(response, "Données ouvertes (CSV)")

    def test_it_refuses_writes(self):
        self.login(self.admin)
        for method in ("post", "put", "patch", "delete"):
            self.assertEqual(getattr(self.client, method)(URL).status_code, 405, method)

    def test_the_list_pins_its_queries_whatever_the_rows(self):
        with self.assertNumQueries(LIST_QUERIES):
            self.client.get(URL)
        for number in range(PAGE_SIZE + 5):
            make_practice(
                f"Filler {number:02d}",
                self.tuscany,
                barriers=("skills", "coordination"),
                domains=("EDU", "CRY"),
            )
        with self.assertNumQueries(LIST_QUERIES):
            self.client.get(URL, {"view": "table"})
        with self.assertNumQueries(LIST_QUERIES):
            self.client.get(URL, {"page": "2", "barrier": "skills"})

    def test_a_logged_in_coordinator_adds_only_session_and_role_lookups(self):
        self.login(self.coordinator)
        # session, user, region memberships (read once), organisation memberships (role badge).
        with self.assertNumQueries(LIST_QUERIES + 4):
            self.client.get(URL)

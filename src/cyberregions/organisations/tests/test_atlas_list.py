"""The atlas list: search, facet filters and counts, sorting, pagination, htmx partials."""

from django.utils import translation

from cyberregions.organisations.filtersets import vocabulary_choices
from cyberregions.organisations.models import OfferOrNeed
from cyberregions.organisations.services import refresh_search
from cyberregions.organisations.views import PAGE_SIZE
from cyberregions.taxonomy.models import Technology
from cyberregions.testing import PersonaTestCase, make_organisation

URL = "/organisations/"

# One statement for every facet and the total, and the page of results, whatever is chosen.
LIST_QUERIES = 2


class AtlasListTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.breton_rto = make_organisation(
            "Institut Sécurité Bretagne",
            "FR",
            "FRH0",
            slug="institut-securite-bretagne",
            actor_type="rto",
            city="Brest",
            founded=1990,
            description="Recherche en sécurité des systèmes embarqués.",
            domains=["NDS"],
            technologies=["TUC.artificial-intelligence"],
        )
        cls.tuscan_sme.founded = 2015
        cls.tuscan_sme.save()
        cls.breton_sme.founded = 2005
        cls.breton_sme.save()

    def setUp(self):
        vocabulary_choices()  # filled once per process; keep query counts independent of order

    def names(self, response):
        return [organisation.name for organisation in response.context["page"].object_list]

    def facet(self, response, name):
        panel = next(panel for panel in response.context["facets"] if panel["name"] == name)
        return {entry["value"]: entry["count"] for entry in panel["entries"]}

    # Search ----------------------------------------------------------------------------------

    def test_it_lists_every_organisation_by_name(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self.names(response),
            [
                "Armor Cyber Defence",
                "Firenze Secure Systems",
                "Institut Sécurité Bretagne",
                "Tallinn Cyber Research Institute",
            ],
        )
        self.assertContains(response, "4 organisations")

    def test_rows_show_the_labels_of_their_choices_in_the_page_language(self):
        self.breton_sme.status = "inactive"
        self.breton_sme.save()
        response = self.client.get(URL, {"status": "inactive"})
        row = "<td>Micro-enterprise or SME</td>"
        self.assertContains(response, row, html=True)
        self.assertContains(response, '<span class="badge text-bg-secondary">Inactive</span>')
        # LocaleMiddleware leaves the request's language active: put back the one before.
        self.addCleanup(translation.activate, translation.get_language())
        self.client.cookies["django_language"] = "fr"
        french = self.client.get(URL, {"status": "inactive"})
        self.assertNotContains(french, row, html=True)
        self.assertContains(french, "<td>Micro-entreprise ou PME</td>", html=True)

    def test_it_searches_whole_words(self):
        response = self.client.get(URL, {"q": "tallinn"})
        self.assertEqual(self.names(response), ["Tallinn Cyber Research Institute"])

    def test_it_searches_whole_words_and_prefixes_only_when_asked(self):
        self.assertEqual(self.names(self.client.get(URL, {"q": "crypt"})), [])
        self.assertEqual(
            self.names(self.client.get(URL, {"q": "crypt*"})), ["Firenze Secure Systems"]
        )
        self.assertEqual(
            self.names(self.client.get(URL, {"q": "cyb*", "sort": "name"})),
            ["Armor Cyber Defence", "Tallinn Cyber Research Institute"],
        )

    def test_the_word_being_typed_matches_as_a_prefix(self):
        typed = self.client.get(
            URL, {"q": "cyber tall"}, headers={"HX-Request": "true", "HX-Trigger-Name": "q"}
        )
        self.assertEqual(self.names(typed), ["Tallinn Cyber Research Institute"])
        submitted = self.client.get(URL, {"q": "cyber tall"})
        self.assertEqual(self.names(submitted), [])

    def test_every_word_must_match(self):
        self.assertEqual(self.names(self.client.get(URL, {"q": "cyber firenze"})), [])

    def test_it_searches_without_regard_to_accents_or_case(self):
        for query in ("securite", "SÉCURITÉ", "sécurit*", "Recherche", "systemes embarques"):
            self.assertEqual(
                self.names(self.client.get(URL, {"q": query})),
                ["Institut Sécurité Bretagne"],
                query,
            )

    def test_it_searches_the_titles_of_offers_and_needs(self):
        OfferOrNeed.objects.create(organisation=self.breton_sme, kind="offer", title="Honeypots")
        refresh_search(self.breton_sme)
        self.assertEqual(
            self.names(self.client.get(URL, {"q": "honeypot"})), ["Armor Cyber Defence"]
        )

    def test_search_syntax_in_the_query_is_harmless(self):
        for query in ('"', "crypt*", "a OR b", "NOT", "(x", "-crypt", "NEAR(a b)", "'; --"):
            response = self.client.get(URL, {"q": query})
            self.assertEqual(response.status_code, 200, query)

    # Facet filters ---------------------------------------------------------------------------

    def test_it_filters_by_each_facet(self):
        cases = [
            ({"country": "IT"}, ["Firenze Secure Systems"]),
            (
                {"country": ["IT", "EE"]},
                ["Firenze Secure Systems", "Tallinn Cyber Research Institute"],
            ),
            ({"region": "FRH0"}, ["Armor Cyber Defence", "Institut Sécurité Bretagne"]),
            (
                {"actor_type": "rto"},
                ["Institut Sécurité Bretagne", "Tallinn Cyber Research Institute"],
            ),
            ({"size_class": "small"}, ["Armor Cyber Defence"]),
            ({"size_class": "micro"}, ["Firenze Secure Systems"]),
            ({"status": "inactive"}, []),
            ({"domain": "NDS"}, ["Armor Cyber Defence", "Institut Sécurité Bretagne"]),
            ({"domain": ["CRY", "IHF"]}, ["Armor Cyber Defence", "Firenze Secure Systems"]),
            ({"sector": "SEC.transportation"}, ["Armor Cyber Defence"]),
            ({"technology": "TUC.artificial-intelligence"}, ["Institut Sécurité Bretagne"]),
            ({"core_business": "true"}, ["Armor Cyber Defence", "Firenze Secure Systems"]),
            (
                {"core_business": "false"},
                ["Institut Sécurité Bretagne", "Tallinn Cyber Research Institute"],
            ),
            ({"region": "FRH0", "actor_type": "sme"}, ["Armor Cyber Defence"]),
            ({"q": "cyber", "country": "EE"}, ["Tallinn Cyber Research Institute"]),
        ]
        for params, expected in cases:
            response = self.client.get(URL, params)
            self.assertEqual(response.status_code, 200, params)
            self.assertEqual(self.names(response), expected, params)

    def test_invalid_filter_values_give_an_empty_list_not_an_error(self):
        for params in (
            {"country": "XX"},
            {"region": "ZZ9"},
            {"actor_type": "pirate"},
            {"size_class": "huge"},
            {"status": "gone"},
            {"domain": "NOPE"},
            {"sector": "SEC.nope"},
            {"technology": "TUC.nope"},
            {"sort": "password"},
        ):
            response = self.client.get(URL, params)
            self.assertEqual(response.status_code, 200, params)
            self.assertEqual(self.names(response), [], params)
            self.assertContains(response, "No organisation matches these filters.")
            response = self.client.get(URL, params, headers={"HX-Request": "true"})
            self.assertEqual(response.status_code, 200, params)

    def test_a_bad_page_number_falls_back_to_a_valid_page(self):
        for page in ("abc", "0", "-3", "999"):
            response = self.client.get(URL, {"page": page})
            self.assertEqual(response.status_code, 200, page)
            self.assertEqual(response.context["page"].number, 1, page)

    # Facet counts ----------------------------------------------------------------------------

    def test_facet_counts_cover_all_results_without_selection(self):
        response = self.client.get(URL)
        self.assertEqual(self.facet(response, "country"), {"FR": 2, "IT": 1, "EE": 1})
        self.assertEqual(self.facet(response, "actor_type"), {"sme": 2, "rto": 2})
        self.assertEqual(self.facet(response, "domain"), {"NDS": 2, "IHF": 1, "CRY": 1})
        self.assertEqual(self.facet(response, "core_business"), {"true": 2, "false": 2})

    def test_a_facet_ignores_its_own_selection_but_respects_the_others(self):
        response = self.client.get(URL, {"country": "FR", "actor_type": "sme"})
        self.assertEqual(self.names(response), ["Armor Cyber Defence"])
        # country: filtered by actor_type=sme only, so Italy stays visible as an alternative.
        self.assertEqual(self.facet(response, "country"), {"FR": 1, "IT": 1})
        # actor_type: filtered by country=FR only.
        self.assertEqual(self.facet(response, "actor_type"), {"sme": 1, "rto": 1})
        # every other facet follows both selections.
        self.assertEqual(self.facet(response, "domain"), {"NDS": 1, "IHF": 1})
        self.assertEqual(self.facet(response, "region"), {"FRH0": 1})

    def test_facet_counts_follow_the_search(self):
        response = self.client.get(URL, {"q": "cyber"})
        self.assertEqual(self.facet(response, "country"), {"FR": 1, "EE": 1})

    def test_the_selected_facet_values_are_checked(self):
        response = self.client.get(URL, {"country": "IT"})
        panel = next(p for p in response.context["facets"] if p["name"] == "country")
        selected = {entry["value"] for entry in panel["entries"] if entry["selected"]}
        self.assertEqual(selected, {"IT"})
        self.assertContains(response, 'name="country" value="IT" id="f-country-', count=1)
        self.assertRegex(response.content.decode(), r'name="country" value="IT"[^>]*checked')

    # Sorting and pagination ------------------------------------------------------------------

    def test_it_sorts(self):
        cases = {
            "-name": [
                "Tallinn Cyber Research Institute",
                "Institut Sécurité Bretagne",
                "Firenze Secure Systems",
                "Armor Cyber Defence",
            ],
            "country": [
                "Tallinn Cyber Research Institute",
                "Armor Cyber Defence",
                "Institut Sécurité Bretagne",
                "Firenze Secure Systems",
            ],
            # unknown years and staff counts come last whatever the direction or engine.
            "founded": [
                "Institut Sécurité Bretagne",
                "Armor Cyber Defence",
                "Firenze Secure Systems",
                "Tallinn Cyber Research Institute",
            ],
            "-founded": [
                "Firenze Secure Systems",
                "Armor Cyber Defence",
                "Institut Sécurité Bretagne",
                "Tallinn Cyber Research Institute",
            ],
            "-employees": [
                "Armor Cyber Defence",
                "Firenze Secure Systems",
                "Institut Sécurité Bretagne",
                "Tallinn Cyber Research Institute",
            ],
        }
        for sort, expected in cases.items():
            self.assertEqual(self.names(self.client.get(URL, {"sort": sort})), expected, sort)

    def test_it_paginates_and_keeps_the_filters_in_the_page_links(self):
        for number in range(PAGE_SIZE):
            make_organisation(f"Filler {number:02d}", "IT", "ITI1")
        response = self.client.get(URL, {"country": "IT"})
        page = response.context["page"]
        self.assertEqual((page.paginator.count, page.paginator.num_pages), (PAGE_SIZE + 1, 2))
        self.assertEqual(len(page.object_list), PAGE_SIZE)
        self.assertContains(response, "?country=IT&amp;page=2")
        second = self.client.get(URL, {"country": "IT", "page": "2"})
        self.assertEqual(self.names(second), ["Firenze Secure Systems"])
        self.assertContains(second, "?country=IT&amp;page=1")
        self.assertNotContains(second, "page=3")

    # Shareable URLs and htmx -----------------------------------------------------------------

    def test_a_filtered_url_renders_the_full_page_with_its_state(self):
        response = self.client.get(URL + "?q=cyber&country=EE&sort=-name")
        self.assertContains(response, "<html", count=1)
        self.assertEqual(self.names(response), ["Tallinn Cyber Research Institute"])
        self.assertContains(response, 'value="cyber"')
        self.assertRegex(response.content.decode(), r'<option value="-name" selected>')
        # the map link carries the same filters, so the view can be shared or switched.
        self.assertContains(response, "/organisations/map/?q=cyber&amp;country=EE&amp;sort=-name")

    def test_the_htmx_partial_holds_results_and_out_of_band_facets(self):
        response = self.client.get(URL, {"country": "IT"}, headers={"HX-Request": "true"})
        self.assertEqual(response.status_code, 200)
        body = response.content.decode()
        self.assertNotIn("<html", body)
        self.assertNotIn('id="atlas-filters"', body)
        self.assertIn("Firenze Secure Systems", body)
        self.assertNotIn("Armor Cyber Defence", body)
        self.assertIn('<div id="atlas-facets" hx-swap-oob="true">', body)
        self.assertRegex(body, r'name="country" value="IT"[^>]*checked')
        self.assertIn('name="actor_type" value="sme"', body)

    def test_the_full_page_has_no_out_of_band_swap(self):
        response = self.client.get(URL)
        self.assertNotContains(response, "hx-swap-oob")
        self.assertContains(response, 'id="atlas-results"')

    # Links for editors -----------------------------------------------------------------------

    def test_the_add_button_shows_for_those_who_may_create(self):
        self.assertNotContains(self.client.get(URL), "/organisations/new/")
        self.login(self.member)
        self.assertNotContains(self.client.get(URL), "/organisations/new/")
        self.login(self.coordinator)
        self.assertContains(self.client.get(URL), "/organisations/new/")

    def test_it_refuses_writes(self):
        self.login(self.admin)
        for method in ("post", "put", "patch", "delete"):
            self.assertEqual(getattr(self.client, method)(URL).status_code, 405, method)

    # Query counts ----------------------------------------------------------------------------

    def test_the_list_page_pins_its_queries(self):
        with self.assertNumQueries(LIST_QUERIES):
            self.client.get(URL)

    def test_the_htmx_partial_pins_its_queries(self):
        with self.assertNumQueries(LIST_QUERIES):
            self.client.get(URL, {"country": "FR"}, headers={"HX-Request": "true"})

    def test_the_query_count_does_not_grow_with_the_rows(self):
        technology = Technology.objects.get(code="TUC.artificial-intelligence")
        for number in range(30):
            make_organisation(
                f"More {number:02d}",
                "EE",
                "EE00",
                domains=["CRY"],
                sectors=["SEC.energy"],
            ).technologies.add(technology)
        with self.assertNumQueries(LIST_QUERIES):
            self.client.get(URL)
        with self.assertNumQueries(LIST_QUERIES):
            self.client.get(URL, {"page": "2", "domain": "CRY"}, headers={"HX-Request": "true"})

    def test_a_logged_in_user_adds_only_session_and_role_lookups(self):
        self.login(self.coordinator)
        # session, user, then region and organisation memberships (add button, role badge),
        # each read once per request whatever the number of rows.
        with self.assertNumQueries(LIST_QUERIES + 4):
            self.client.get(URL)

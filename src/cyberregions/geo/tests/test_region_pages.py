"""The regions pages: partner territories, partners, member states, one region's figures."""

from cyberregions.testing import PersonaTestCase, make_organisation


class RegionListTests(PersonaTestCase):
    def test_it_lists_territories_partners_and_countries_with_their_atlas_counts(self):
        response = self.client.get("/regions/")
        self.assertEqual(response.status_code, 200)
        territories = {region.code: region for region in response.context["territories"]}
        self.assertEqual(set(territories), {"FRH0", "BE3", "ITI1", "ES41", "SI0", "EE00", "SK042"})
        self.assertEqual(territories["FRH0"].organisation_count, 1)
        self.assertEqual(territories["SK042"].organisation_count, 0)
        self.assertEqual(len(response.context["partners"]), 9)
        countries = {country.iso: country for country in response.context["countries"]}
        self.assertEqual(len(countries), 27)
        self.assertEqual(
            (countries["FR"].organisation_count, countries["DE"].organisation_count), (1, 0)
        )
        self.assertContains(response, '<a href="/regions/FRH0/">Bretagne (Brittany)</a>', html=True)
        self.assertContains(response, 'href="/organisations/?region=FRH0"')
        self.assertContains(
            response, "European Cyber Security Organisation (ECSO) — Advisory partner"
        )

    def test_the_list_pins_its_queries(self):
        with self.assertNumQueries(3):  # territories, partners, countries
            self.client.get("/regions/")
        for number in range(5):
            make_organisation(f"Extra {number}", "SK", "SK042")
        with self.assertNumQueries(3):
            response = self.client.get("/regions/")
        territories = {region.code: region for region in response.context["territories"]}
        self.assertEqual(territories["SK042"].organisation_count, 5)

    def test_it_refuses_writes(self):
        self.login(self.admin)
        for method in ("post", "put", "delete"):
            self.assertEqual(getattr(self.client, method)("/regions/").status_code, 405)


class RegionDetailTests(PersonaTestCase):
    def test_a_territory_shows_its_figures_partners_and_sub_regions(self):
        make_organisation("Breizh Labs", "FR", "FRH0", actor_type="rto")
        response = self.client.get("/regions/FRH0/")
        self.assertEqual(response.status_code, 200)
        region = response.context["region"]
        self.assertEqual((region.organisation_count, region.company_count), (2, 1))
        self.assertAlmostEqual(response.context["per_million"], 2 * 1_000_000 / 3_422_845)
        self.assertContains(response, "Rennes")
        self.assertContains(response, "3,422,845")
        self.assertContains(response, "INSEE")
        self.assertEqual(
            {partner.key for partner in response.context["partners"]},
            {"P1-BDI", "P2-BRETAGNE-REGION"},
        )
        self.assertEqual(
            [sub.code for sub in response.context["subregions"]],
            ["FRH01", "FRH02", "FRH03", "FRH04"],
        )
        self.assertContains(response, 'href="/organisations/?region=FRH0"')

    def test_a_sub_region_links_back_to_its_territory(self):
        response = self.client.get("/regions/FRH03/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Ille-et-Vilaine")
        self.assertContains(response, '<a href="/regions/FRH0/">Bretagne (Brittany)</a>', html=True)
        self.assertIsNone(response.context["per_million"])

    def test_a_territory_without_organisations_shows_zero(self):
        response = self.client.get("/regions/SK042/")
        region = response.context["region"]
        self.assertEqual((region.organisation_count, region.company_count), (0, 0))
        self.assertEqual(response.context["per_million"], 0)
        self.assertNotContains(response, "per million inhabitants")
        self.assertEqual(list(response.context["subregions"]), [])

    def test_an_unknown_code_is_404(self):
        self.assertEqual(self.client.get("/regions/XX99/").status_code, 404)
        self.assertEqual(self.client.get("/regions/frh0/").status_code, 404)

    def test_it_refuses_writes(self):
        self.login(self.admin)
        for method in ("post", "put", "delete"):
            self.assertEqual(getattr(self.client, method)("/regions/FRH0/").status_code, 405)

    def test_the_page_pins_its_queries(self):
        with self.assertNumQueries(3):  # region with counts, sub-regions, partners
            self.client.get("/regions/FRH0/")

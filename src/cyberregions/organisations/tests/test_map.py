"""The map page and its data: a server-side table, and JSON that follows the atlas filters."""

from cyberregions.organisations.filtersets import vocabulary_choices
from cyberregions.organisations.models import Organisation
from cyberregions.testing import PersonaTestCase, make_organisation

PAGE = "/organisations/map/"
DATA = "/organisations/map/data.json"


class MapTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Organisation.objects.filter(pk=cls.breton_sme.pk).update(latitude=48.11, longitude=-1.68)
        Organisation.objects.filter(pk=cls.tuscan_sme.pk).update(
            latitude=43.769612, longitude=11.255814
        )
        make_organisation("Lyon Cyber Campus", "FR", city="Lyon", actor_type="training")

    def setUp(self):
        vocabulary_choices()

    def rows(self, response):
        return {
            **{row["region__code"]: row["n"] for row in response.context["territories"]},
            **{row["country__iso"]: row["n"] for row in response.context["countries"]},
        }

    def test_the_page_renders_its_table_on_the_server(self):
        response = self.client.get(PAGE)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self.rows(response), {"FRH0": 1, "ITI1": 1, "EE00": 1, "FR": 2, "IT": 1, "EE": 1}
        )
        self.assertContains(response, 'id="atlas-map-table"')
        self.assertContains(response, "<td>Bretagne (Brittany) (FRH0)</td>", html=False)
        self.assertContains(response, '<td>France</td><td class="text-end">2</td>', html=False)
        self.assertContains(response, 'data-map-url="/organisations/map/data.json"')

    def test_the_page_follows_the_filters_and_passes_them_to_the_data_url(self):
        response = self.client.get(PAGE, {"country": "FR"})
        self.assertEqual(self.rows(response), {"FRH0": 1, "FR": 2})
        self.assertContains(response, 'data-map-url="/organisations/map/data.json?country=FR"')
        self.assertContains(response, 'href="/organisations/?country=FR"')

    def test_the_page_with_invalid_filters_shows_an_empty_table(self):
        response = self.client.get(PAGE, {"country": "XX"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.rows(response), {})

    def test_the_data_gives_countries_regions_and_points(self):
        response = self.client.get(DATA)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        data = response.json()
        self.assertEqual(data["total"], 4)
        self.assertEqual(
            {row["code"]: row["count"] for row in data["countries"]}, {"FR": 2, "IT": 1, "EE": 1}
        )
        brittany = next(row for row in data["regions"] if row["code"] == "FRH0")
        self.assertEqual(
            brittany,
            {
                "code": "FRH0",
                "name": "Bretagne (Brittany)",
                "lat": 48.1173,
                "lon": -1.6778,
                "count": 1,
            },
        )
        self.assertEqual(len(data["regions"]), 3)
        self.assertCountEqual(
            data["points"],
            [
                [-1.68, 48.11, "Armor Cyber Defence", "armor-cyber-defence", "sme"],
                [11.2558, 43.7696, "Firenze Secure Systems", "firenze-secure-systems", "sme"],
            ],
        )
        self.assertFalse(data["points_truncated"])

    def test_the_data_honours_the_filters(self):
        data = self.client.get(DATA, {"country": "FR", "actor_type": "sme"}).json()
        self.assertEqual(data["total"], 1)
        self.assertEqual([row["code"] for row in data["countries"]], ["FR"])
        self.assertEqual([row["code"] for row in data["regions"]], ["FRH0"])
        self.assertEqual([point[3] for point in data["points"]], ["armor-cyber-defence"])
        data = self.client.get(DATA, {"q": "crypt*"}).json()
        self.assertEqual([point[3] for point in data["points"]], ["firenze-secure-systems"])
        data = self.client.get(DATA, {"domain": "NDS"}).json()
        self.assertEqual(data["total"], 1)
        data = self.client.get(DATA, {"actor_type": "training"}).json()
        self.assertEqual((data["total"], data["regions"], data["points"]), (1, [], []))

    def test_the_data_answers_400_on_invalid_filters(self):
        for params in ({"country": "XX"}, {"size_class": "huge"}, {"domain": "NOPE"}):
            response = self.client.get(DATA, params)
            self.assertEqual(response.status_code, 400, params)
            self.assertIn(next(iter(params)), response.json()["errors"])

    def test_the_data_pins_its_queries(self):
        with self.assertNumQueries(3):  # regions, countries, points
            self.client.get(DATA)
        for number in range(10):
            make_organisation(f"Point {number}", "EE", "EE00", latitude=59.0, longitude=24.0)
        with self.assertNumQueries(3):
            data = self.client.get(DATA).json()
        self.assertEqual(len(data["points"]), 12)

    def test_the_page_pins_its_queries(self):
        with self.assertNumQueries(2):  # territories, countries
            self.client.get(PAGE)

    def test_both_refuse_writes(self):
        self.login(self.admin)
        for url in (PAGE, DATA):
            for method in ("post", "put", "delete"):
                self.assertEqual(getattr(self.client, method)(url).status_code, 405, (method, url))

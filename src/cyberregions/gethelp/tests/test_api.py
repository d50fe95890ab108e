"""The get-help API: read-only lists with pinned query counts, filters, refusals."""

from django.urls import reverse

from cyberregions.testing import api_token

from .base import GetHelpTestCase


class ApiTests(GetHelpTestCase):
    def test_it_lists_service_categories_with_their_taxonomy_codes(self):
        with self.assertNumQueries(4):
            response = self.client.get(reverse("api:service-category-list"))
        rows = {row["code"]: row for row in response.json()["results"]}
        self.assertEqual(len(rows), 14)
        self.assertIn(
            "IHF.incident-analysis-communication-documentation",
            rows["incident_response"]["subdomains"],
        )
        self.assertEqual(rows["incident_response"]["nist_functions"], ["RS"])

    def test_it_lists_providers_nearest_first_with_pinned_queries(self):
        url = reverse("api:provider-list")
        with self.assertNumQueries(5):
            response = self.client.get(url, {"service": "incident_response", "region": "FRH0"})
        rows = response.json()["results"]
        self.assertEqual(
            [(row["name"], row["proximity"]) for row in rows],
            [
                ("Armor Cyber Defence", 0),
                ("Brest Secure", 0),
                ("Paris Incident Team", 1),
                ("Tallinn Cyber Research Institute", 2),
            ],
        )
        self.assertTrue(rows[0]["has_valid_label"])
        self.assertEqual(rows[0]["languages"], ["en", "fr"])

    def test_it_refuses_unknown_filter_values_with_400(self):
        response = self.client.get(
            reverse("api:provider-list"), {"service": "astrology", "labelled": "perhaps"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("labelled", response.json())

    def test_it_gives_a_csirt_per_country_and_404_otherwise(self):
        response = self.client.get(reverse("api:csirt-detail", args=["fr"]))
        self.assertEqual(response.json()["name"], "CERT-FR (ANSSI)")
        self.assertEqual(self.client.get(reverse("api:csirt-detail", args=["US"])).status_code, 404)
        self.assertEqual(len(self.client.get(reverse("api:csirt-list")).json()), 27)

    def test_it_is_read_only_for_every_persona(self):
        token = api_token(self.admin)
        for name in ("api:provider-list", "api:service-category-list", "api:label-list"):
            with self.subTest(name=name):
                anonymous = self.client.post(reverse(name), {})
                self.assertEqual(anonymous.status_code, 401)
                admin = self.client.post(reverse(name), {}, HTTP_AUTHORIZATION=f"Bearer {token}")
                self.assertEqual(admin.status_code, 405)

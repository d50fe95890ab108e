"""All indicators as CSV and through the API."""

import csv
import io

from .base import AnalysisTestCase

API = "/api/analysis/indicators/"


class ExportTests(AnalysisTestCase):
    def rows(self):
        response = self.client.get("/analysis/indicators.csv")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/csv"))
        text = response.content.decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text)))

    def test_it_exports_every_indicator_of_every_scope_as_csv(self):
        rows = self.rows()
        scopes = {(row["scope"], row["code"]) for row in rows}
        self.assertIn(("eu", "EU"), scopes)
        self.assertIn(("country", "FR"), scopes)
        self.assertIn(("region", "FRH01"), scopes)
        self.assertEqual(len(scopes), 1 + 27 + 54)

        def value(code, indicator, key=""):
            return next(
                row["value"]
                for row in rows
                if row["code"] == code and row["indicator"] == indicator and row["key"] == key
            )

        self.assertEqual(value("FRH0", "organisations"), "4")
        self.assertEqual(value("FRH0", "sme_share"), "0.5")
        self.assertEqual(value("FRH0", "specialisation", "NDS"), "1.75")
        self.assertEqual(value("FRH0", "by_actor_type", "csirt"), "1")
        self.assertEqual(value("FRH0", "biggest_gaps", "1:CRY"), "0.166667")
        self.assertEqual(value("FRH01", "organisations_per_million"), "")

    def test_the_export_runs_six_queries_and_refuses_writes(self):
        self.client.get("/analysis/indicators.csv")
        with self.assertNumQueries(6):
            self.client.get("/analysis/indicators.csv")
        self.assertEqual(self.client.post("/analysis/indicators.csv").status_code, 405)


class IndicatorApiTests(AnalysisTestCase):
    def test_it_lists_every_scope_with_its_indicators(self):
        self.client.get(API)
        with self.assertNumQueries(6):
            data = self.client.get(API).json()
        self.assertEqual(data["count"], 82)
        first = data["results"][0]
        self.assertEqual((first["key"], first["scope"]), ("eu-EU", "eu"))
        self.assertEqual(first["indicators"]["organisations"], 7)

    def test_it_filters_by_scope(self):
        data = self.client.get(API, {"scope": "country"}).json()
        self.assertEqual(data["count"], 27)
        self.assertEqual(self.client.get(API, {"scope": "planet"}).status_code, 400)

    def test_it_retrieves_one_scope(self):
        data = self.client.get(f"{API}region-FRH0/").json()
        self.assertEqual(data["name"], "Bretagne (Brittany)")
        self.assertEqual(data["indicators"]["companies"], 2)
        self.assertEqual(data["indicators"]["biggest_gaps"][0][0], "CRY")
        self.assertEqual(self.client.get(f"{API}country-FR/").json()["indicators"]["companies"], 3)
        self.assertEqual(self.client.get(f"{API}eu-EU/").json()["population"], 449_145_000)
        self.assertEqual(self.client.get(f"{API}region-XX99/").status_code, 404)
        self.assertEqual(self.client.get(f"{API}country-XX/").status_code, 404)

    def test_it_is_read_only_for_every_persona(self):
        for method in ("post", "put", "patch", "delete"):
            for url in (API, f"{API}region-FRH0/"):
                self.client.logout()
                self.assertIn(getattr(self.client, method)(url).status_code, (401, 403), url)
                for user in (self.admin, self.coordinator, self.member):
                    self.client.force_login(user)
                    self.assertEqual(getattr(self.client, method)(url).status_code, 405, url)

    def test_it_is_in_the_openapi_document(self):
        paths = self.client.get("/api/schema/", {"format": "json"}).json()["paths"]
        self.assertIn("/api/analysis/indicators/", paths)
        self.assertIn("/api/analysis/indicators/{key}/", paths)
        self.assertIn("/api/analysis/swot/", paths)

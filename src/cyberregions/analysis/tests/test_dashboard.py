"""The region dashboard: figures with definitions, a chart and a table for each breakdown,
the region on the map, a fixed number of queries."""

import json
import re

from .base import AnalysisTestCase

URL = "/analysis/regions/FRH0/"
# Six aggregate queries on the region, three for the survey results, one for the SWOT; three
# more for the EU reference when it is not in the cache.
DASHBOARD_QUERIES = 10


class DashboardTests(AnalysisTestCase):
    def test_it_renders_every_section_with_definitions(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        for text in (
            "Territorial analysis of Bretagne",
            "Specialisation index (location quotient)",
            "divided by its share of the EU",
            "Share of micro-enterprises and SMEs",
            "Supply and demand",
            "SWOT analysis",
        ):
            self.assertContains(response, text)
        headline = {row["key"]: row["display"] for row in response.context["tables"]["headline"]}
        self.assertEqual(headline["organisations"], "4")
        self.assertEqual(headline["sme_share"], "50.0 %")

    def test_every_chart_has_its_data_and_a_table(self):
        response = self.client.get(URL)
        html = response.content.decode()
        charts = json.loads(
            re.search(
                r'<script id="analysis-charts" type="application/json">(.*?)</script>', html, re.S
            ).group(1)
        )
        for chart_id in re.findall(r'<div id="(chart-[a-z-]+)"[^>]* data-chart', html):
            self.assertIn(chart_id, charts)
        self.assertEqual(
            set(charts),
            {
                "chart-actor-types",
                "chart-sizes",
                "chart-domains",
                "chart-specialisation",
                "chart-gaps",
                "chart-map",
            },
        )
        self.assertTrue(charts["chart-gaps"]["labels"][0].startswith("Cryptology"))
        self.assertEqual(charts["chart-map"]["points"][0]["value"], 4)
        self.assertGreaterEqual(html.count("<table"), 10)
        self.assertNotIn("<script>", html)  # no inline script: the CSP forbids it
        self.assertIn("vendor/echarts/echarts.min.js", html)
        self.assertIn("analysis/charts.js", html)

    def test_it_runs_a_fixed_number_of_queries(self):
        with self.assertNumQueries(DASHBOARD_QUERIES + 3):
            self.client.get(URL)
        with self.assertNumQueries(DASHBOARD_QUERIES):
            self.client.get(URL)
        with self.assertNumQueries(DASHBOARD_QUERIES):
            self.client.get("/analysis/regions/EE00/")

    def test_it_offers_management_links_to_the_regions_coordinator_only(self):
        self.client.force_login(self.coordinator)
        self.assertContains(self.client.get(URL), "/analysis/regions/FRH0/swot/")
        self.assertNotContains(
            self.client.get("/analysis/regions/ITI1/"), "/analysis/regions/ITI1/swot/"
        )
        self.client.force_login(self.member)
        self.assertNotContains(self.client.get(URL), "/analysis/regions/FRH0/swot/")

    def test_it_answers_404_for_an_unknown_region_and_405_for_writes(self):
        self.assertEqual(self.client.get("/analysis/regions/XX99/").status_code, 404)
        self.assertEqual(self.client.post(URL).status_code, 405)
        self.client.force_login(self.admin)
        self.assertEqual(self.client.post(URL).status_code, 405)
        self.assertEqual(self.client.delete(URL).status_code, 405)

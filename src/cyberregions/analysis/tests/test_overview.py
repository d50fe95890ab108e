"""The EU overview reproduces the source's market figures from the atlas."""

from .base import AnalysisTestCase

URL = "/analysis/"


class OverviewTests(AnalysisTestCase):
    def test_it_reproduces_the_market_figures_from_the_data(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        market = {
            str(row["label"]): (row["data"], row["source"]) for row in response.context["market"]
        }
        self.assertEqual(market["Cybersecurity companies"], ("4", "12,000"))
        self.assertEqual(market["Share of micro-enterprises and SMEs"], ("75.0 %", "74.0 %"))
        self.assertEqual(market["Market size"], ("EUR 86.4 m", "EUR 25.00 bn"))
        self.assertContains(response, 'id="market-table"')

    def test_it_lists_countries_and_partner_territories(self):
        response = self.client.get(URL)
        self.assertEqual(len(response.context["country_rows"]), 27)
        territories = [row["scope"].code for row in response.context["territory_rows"]]
        self.assertEqual(len(territories), 7)
        self.assertIn("FRH0", territories)
        self.assertContains(response, 'href="/analysis/regions/FRH0/"')
        self.assertContains(response, 'id="chart-eu-countries"')

    def test_it_runs_the_full_recomputation_in_six_queries(self):
        self.client.get(URL)
        with self.assertNumQueries(6):
            self.client.get(URL)

    def test_it_refuses_writes(self):
        self.assertEqual(self.client.post(URL).status_code, 405)

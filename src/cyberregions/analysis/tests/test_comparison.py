"""Two to nine regions side by side."""

from cyberregions.analysis import indicators
from cyberregions.geo.models import Region

from .base import AnalysisTestCase

URL = "/analysis/compare/"


class ComparisonTests(AnalysisTestCase):
    def test_it_puts_regions_side_by_side(self):
        response = self.client.get(URL, {"regions": ["FRH0", "ITI1"]})
        self.assertEqual(response.status_code, 200)
        comparison = response.context["comparison"]
        self.assertEqual([scope.code for scope in comparison["scopes"]], ["FRH0", "ITI1"])
        rows = {row["key"]: row["cells"] for row in comparison["rows"]}
        self.assertEqual(rows["organisations"], ["4", "1"])
        self.assertEqual(rows["sme_share"], ["50.0 %", "100.0 %"])
        specialisation = {row["code"]: row["cells"] for row in comparison["specialisation"]}
        self.assertEqual(specialisation["NDS"], ["1.75", "0.00"])  # (2/4)/(2/7) and 0/1
        self.assertEqual(specialisation["CRY"], ["0.88", "3.50"])  # (1/4)/(2/7), (1/1)/(2/7)
        self.assertContains(response, 'id="comparison-table"')
        self.assertContains(response, 'id="analysis-charts"')

    def test_it_runs_a_fixed_number_of_queries_whatever_the_number_of_regions(self):
        codes = list(
            Region.objects.filter(is_partner_territory=True).values_list("code", flat=True)
        )
        self.assertEqual(len(codes), 7)  # the nine partners share seven territories
        codes += ["FRH01", "ITI11"]
        # The form's region choices, six aggregate queries, three for the EU reference, six
        # for the EU column (cached with the EU reference).
        for chosen in (codes[:2], codes):
            indicators.forget_eu_reference()
            with self.assertNumQueries(17):
                self.client.get(URL, {"regions": chosen})

    def test_it_refuses_fewer_than_two_or_more_than_nine_regions(self):
        response = self.client.get(URL, {"regions": ["FRH0"], "compare": "1"})
        self.assertIsNone(response.context["comparison"])
        self.assertContains(response, "Choose from 2 to 9 regions.")
        ten = list(Region.objects.values_list("code", flat=True)[:10])
        response = self.client.get(URL, {"regions": ten})
        self.assertIsNone(response.context["comparison"])
        response = self.client.get(URL, {"regions": ["FRH0", "NOPE"]})
        self.assertIsNone(response.context["comparison"])

    def test_it_shows_an_empty_form_first_and_refuses_writes(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Choose from 2 to 9 regions.")
        # From a dashboard: its region is ticked, nothing is compared yet, no error.
        response = self.client.get(URL, {"regions": "FRH0"})
        self.assertNotContains(response, "Choose from 2 to 9 regions.")
        self.assertRegex(response.content.decode(), r'value="FRH0"[^>]* checked')
        self.assertIsNone(response.context["comparison"])
        self.assertEqual(self.client.post(URL).status_code, 405)

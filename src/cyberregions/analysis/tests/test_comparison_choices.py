"""The comparison's region choices are grouped by country (in alphabetical order) and
searchable by a small static script, which the page works without; the regions compared sit
beside an EU column."""

import re

from .base import AnalysisTestCase

URL = "/analysis/compare/"


class ComparisonChoiceTests(AnalysisTestCase):
    def test_it_groups_the_regions_by_country(self):
        response = self.client.get(URL)
        html = response.content.decode()
        legends = re.findall(r'<legend class="h6 region-country">([^<]+)</legend>', html)
        self.assertGreater(len(legends), 3)
        self.assertEqual(legends, sorted(legends, key=str.casefold))
        france = html.index(">France<")
        self.assertLess(france, html.index('value="FRH0"'))
        self.assertLess(html.index('value="FRH0"'), html.index(">Italy<"))

    def test_it_offers_a_search_box_without_inline_script(self):
        response = self.client.get(URL)
        self.assertContains(response, 'id="region-filter"')
        self.assertContains(response, '<label class="form-label" for="region-filter">')
        self.assertContains(response, "analysis/compare.js")
        self.assertNotRegex(response.content.decode(), r"<script(?![^>]*\bsrc=)[^>]*>\s*\S")

    def test_it_adds_an_eu_column(self):
        response = self.client.get(URL, {"regions": ["FRH0", "ITI1"]})
        comparison = response.context["comparison"]
        self.assertEqual(comparison["eu"].code, "EU")
        rows = {row["key"]: row for row in comparison["rows"]}
        self.assertEqual(rows["organisations"]["cells"], ["4", "1"])
        self.assertEqual(rows["organisations"]["eu"], "7")
        specialisation = {row["code"]: row for row in comparison["specialisation"]}
        self.assertEqual(specialisation["NDS"]["eu"], "1.00")
        self.assertContains(response, '<th scope="col" class="num">European Union</th>', html=True)
        self.assertEqual(rows["cyber_companies"]["eu"], "4")  # Armor, Naval, Paris, Firenze

"""Two readings of specialisation: per organisation (the location quotient, today's reading)
and on shares of domain mentions, which does not grow when a region's organisations carry
more tags. Pure functions checked against hand-computed figures, then the indicators and the
dashboard, which says which reading its chart uses."""

import unittest

from cyberregions.analysis import formulas, indicators

from .base import AnalysisTestCase


class MentionShareTests(unittest.TestCase):
    # A region of 5 organisations carrying 15 domain tags (3 each) against a reference of 100
    # organisations carrying 100 tags (1 each): per organisation, the region looks more
    # specialised than the reference in every domain, as Brittany did in all 15.
    LOCAL = {"A": 6, "B": 6, "C": 3}
    REFERENCE = {"A": 20, "B": 20, "C": 60}

    def test_per_organisation_every_domain_is_above_one(self):
        for code, count in self.LOCAL.items():
            quotient = formulas.location_quotient(count, 5, self.REFERENCE[code], 100)
            self.assertGreaterEqual(quotient, 1, code)  # A 6.0, B 6.0, C 1.0

    def test_on_mention_shares_the_extra_tags_cancel_out(self):
        index = formulas.mention_specialisation(self.LOCAL, self.REFERENCE)
        # A: (6/15)/(20/100) = 2; B the same; C: (3/15)/(60/100) = 1/3.
        self.assertAlmostEqual(index["A"], 2.0)
        self.assertAlmostEqual(index["B"], 2.0)
        self.assertAlmostEqual(index["C"], 1 / 3)
        # Weighted by the reference's shares, the indices average exactly 1.
        total = sum(self.REFERENCE.values())
        self.assertAlmostEqual(sum(self.REFERENCE[c] / total * index[c] for c in index), 1.0)

    def test_it_is_undefined_without_mentions(self):
        self.assertEqual(formulas.mention_specialisation({}, self.REFERENCE), {})
        index = formulas.mention_specialisation({"A": 0, "D": 2}, {"A": 1})
        self.assertEqual(index, {"A": 0.0, "D": None})


class MentionIndicatorTests(AnalysisTestCase):
    def test_the_indicators_carry_both_readings(self):
        # Brittany: IHF 1, NDS 2, CRY 1 of 4 mentions; EU: IHF 2, NDS 2, CRY 2 of 6.
        summary = indicators.region_indicators([self.brittany.pk])[self.brittany.pk][1]
        self.assertAlmostEqual(summary["specialisation_mentions"]["NDS"], (2 / 4) / (2 / 6))
        self.assertAlmostEqual(summary["specialisation_mentions"]["IHF"], (1 / 4) / (2 / 6))
        self.assertAlmostEqual(summary["specialisation"]["NDS"], (2 / 4) / (2 / 7))

    def test_the_dashboard_shows_both_and_says_which_the_chart_uses(self):
        self.login(self.coordinator)
        response = self.client.get(f"/analysis/regions/{self.brittany.code}/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Specialisation on shares of domain mentions")
        self.assertContains(response, "The chart shows the index per organisation")
        self.assertContains(response, "1.50")  # NDS on mentions

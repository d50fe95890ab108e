"""The pure formulas of the analysis, alone (no database)."""

from collections import Counter

from django.test import SimpleTestCase

from cyberregions.analysis import formulas
from cyberregions.organisations.choices import COMPANY_TYPES, ActorType, SizeClass


class FormulaTests(SimpleTestCase):
    def test_it_computes_the_location_quotient_against_the_reference(self):
        # 2 of 4 local organisations against 2 of 7 in the EU: (2/4) / (2/7) = 1.75.
        self.assertAlmostEqual(formulas.location_quotient(2, 4, 2, 7), 1.75)
        self.assertAlmostEqual(formulas.location_quotient(1, 4, 2, 7), 0.875)
        self.assertEqual(formulas.location_quotient(0, 4, 2, 7), 0)

    def test_it_leaves_the_location_quotient_undefined_without_data(self):
        self.assertIsNone(formulas.location_quotient(0, 0, 2, 7))
        self.assertIsNone(formulas.location_quotient(1, 4, 0, 7))
        self.assertIsNone(formulas.location_quotient(1, 4, 0, 0))

    def test_it_computes_shares_and_densities(self):
        self.assertEqual(formulas.share(3, 4), 0.75)
        self.assertIsNone(formulas.share(3, 0))
        self.assertEqual(formulas.per_million(5, 2_000_000), 2.5)
        self.assertIsNone(formulas.per_million(5, None))
        self.assertIsNone(formulas.per_million(5, 0))

    def test_it_computes_supply_demand_gaps_from_tag_shares(self):
        supply = {"NDS": 1, "IHF": 1, "CRY": 1, "EDU": 0}
        demand = {"CRY": 1, "IHF": 1, "NDS": 0, "EDU": 0}
        gaps = formulas.supply_demand_gaps(supply, demand)
        self.assertEqual(set(gaps), {"CRY", "IHF", "NDS"})
        self.assertAlmostEqual(gaps["CRY"], 1 / 2 - 1 / 3)
        self.assertAlmostEqual(gaps["IHF"], 1 / 2 - 1 / 3)
        self.assertAlmostEqual(gaps["NDS"], -1 / 3)
        self.assertAlmostEqual(sum(gaps.values()), 0)

    def test_it_has_no_gap_without_offers_or_needs(self):
        self.assertEqual(formulas.supply_demand_gaps({"CRY": 0}, {"CRY": 0}), {})
        self.assertEqual(formulas.supply_demand_gaps({}, {"CRY": 2}), {"CRY": 1.0})

    def test_it_ranks_the_biggest_positive_gaps_with_ties_by_code(self):
        gaps = {"NDS": -0.4, "IHF": 0.2, "CRY": 0.2, "EDU": 0.3, "AAC": 0.0}
        self.assertEqual(formulas.biggest_gaps(gaps, limit=2), [("EDU", 0.3), ("CRY", 0.2)])
        self.assertEqual(len(formulas.biggest_gaps(gaps)), 3)

    def test_it_rescales_importance_to_zero_one(self):
        self.assertEqual(formulas.importance_score(1), 0)
        self.assertEqual(formulas.importance_score(5), 1)
        self.assertEqual(formulas.importance_score(3.5), 0.625)

    def test_it_adds_tallies_of_disjoint_scopes(self):
        a = formulas.Tally(organisations=2, domains=Counter({"CRY": 1}), employees=10)
        b = formulas.Tally(organisations=3, domains=Counter({"CRY": 2, "IHF": 1}))
        total = formulas.Tally.total([a, b])
        self.assertEqual(total.organisations, 5)
        self.assertEqual(total.employees, 10)
        self.assertEqual(total.domains, Counter({"CRY": 3, "IHF": 1}))
        self.assertEqual(a.organisations, 2)  # the parts are left as they were

    def test_its_vocabulary_mirrors_match_the_atlas(self):
        self.assertEqual(set(formulas.COMPANY_TYPES), {str(kind) for kind in COMPANY_TYPES})
        sizes = set(SizeClass.values) - {SizeClass.UNKNOWN}
        self.assertEqual(set(formulas.KNOWN_SIZE_CLASSES), sizes)
        kinds = {kind for group in formulas.PRESENCE_GROUPS.values() for kind in group}
        self.assertLessEqual(kinds, set(ActorType.values))

"""The indicators against a fixture computed by hand (no database).

Two regions A and B in one EU, two profiles P and Q:

    demand  A: P 10, Q 30     B: P 20, Q 0     EU: P 30, Q 30  (totals A 40, B 20, EU 60)
    supply  A: P  5, Q 15     B: P 30, Q 10    EU: P 35, Q 25  (totals A 20, B 40, EU 60)

    gap A/P = 10 − 5 = 5;  ratio A/P = 5/10 = 0.5
    demand LQ A/P = (10/40) / (30/60) = 0.25 / 0.5 = 0.5
    demand LQ A/Q = (30/40) / (30/60) = 1.5
    supply LQ B/P = (30/40) / (35/60) = 0.75 / 0.58333 = 1.285714…
    B/Q: demand 0 → ratio None, demand LQ 0 / … = 0.0
"""

import unittest

from .. import indicators

DEMAND = {("A", "P"): 10, ("A", "Q"): 30, ("B", "P"): 20}
SUPPLY = {("A", "P"): 5, ("A", "Q"): 15, ("B", "P"): 30, ("B", "Q"): 10}


def with_eu(values):
    eu = indicators.roll_up(values, {"A": "EU", "B": "EU"})
    return {**values, **eu}


class PureIndicatorTests(unittest.TestCase):
    def setUp(self):
        self.cells = indicators.compute(
            with_eu(DEMAND), with_eu(SUPPLY), ["P", "Q"], ["A", "B", "EU"], "EU"
        )

    def test_it_rolls_regions_up_into_the_eu(self):
        eu = indicators.roll_up(DEMAND, {"A": "EU", "B": "EU"})
        self.assertEqual(eu, {("EU", "P"): 30, ("EU", "Q"): 30})

    def test_it_computes_gap_and_ratio(self):
        cell = self.cells[("A", "P")]
        self.assertEqual((cell.demand, cell.supply, cell.gap), (10, 5, 5))
        self.assertEqual(cell.ratio, 0.5)
        self.assertEqual(self.cells[("B", "P")].gap, -10)
        self.assertEqual(self.cells[("B", "P")].ratio, 1.5)

    def test_it_leaves_the_ratio_undefined_without_demand(self):
        cell = self.cells[("B", "Q")]
        self.assertIsNone(cell.ratio)
        self.assertEqual(cell.gap, -10)
        self.assertEqual(cell.demand_lq, 0.0)

    def test_it_computes_location_quotients_against_the_eu(self):
        self.assertAlmostEqual(self.cells[("A", "P")].demand_lq, 0.5)
        self.assertAlmostEqual(self.cells[("A", "Q")].demand_lq, 1.5)
        self.assertAlmostEqual(self.cells[("B", "P")].supply_lq, 0.75 / (35 / 60))
        self.assertAlmostEqual(self.cells[("EU", "P")].demand_lq, 1.0)

    def test_it_names_the_largest_gaps_first_and_only_positive_ones(self):
        gaps = indicators.largest_gaps(self.cells, "A")
        self.assertEqual([(c.profile, c.gap) for c in gaps], [("Q", 15), ("P", 5)])
        self.assertEqual(indicators.largest_gaps(self.cells, "B"), [])

    def test_it_gives_no_quotient_for_an_area_without_anything(self):
        cells = indicators.compute({}, {}, ["P"], ["C"], "C")
        self.assertIsNone(cells[("C", "P")].demand_lq)
        self.assertEqual(cells[("C", "P")].gap, 0)

    def test_it_computes_the_coverage_share(self):
        self.assertEqual(indicators.coverage({1, 2, 9}, {1, 2, 3, 4}), 0.5)
        self.assertEqual(indicators.coverage({1}, set()), 0.0)

    def test_it_imports_nothing_from_django(self):
        import ast
        from pathlib import Path

        tree = ast.parse(Path(indicators.__file__).read_text())
        modules = [
            node.module if isinstance(node, ast.ImportFrom) else alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        ]
        self.assertFalse([name for name in modules if name and name.startswith("django")])

"""Transferability on relative gaps plus survey demand: a region's real supply–demand gaps are
a few points, so a domain's fit is its gap relative to the region's largest one, combined with
how much the needs survey asks for the domain; one definition and one wording of the gap
(percentage points of shares, never "unmet demand")."""

import unittest

from cyberregions.practices import ranking
from cyberregions.practices.ranking import Candidate, Needs

TARGET, OTHER = 1, 2
CANDIDATES = [
    Candidate(10, OTHER, (), ("EDU",), "Cyber academy"),
    Candidate(11, OTHER, (), ("IHF",), "Incident network"),
    Candidate(12, OTHER, (), ("CRY",), "Crypto desk"),
    Candidate(13, OTHER, (), ("NDS",), "Network watch"),
]


class RelativeGapTests(unittest.TestCase):
    def test_it_scales_small_gaps_to_the_regions_largest(self):
        needs = Needs(domain_gaps={"EDU": 0.03, "IHF": 0.01, "CRY": -0.02, "NDS": 0.0})
        ranked = {row.practice_id: row for row in ranking.rank(TARGET, needs, {}, CANDIDATES)}
        self.assertEqual(ranked[10].gap_fit, 1.0)
        self.assertAlmostEqual(ranked[11].gap_fit, 1 / 3, places=4)
        self.assertEqual((ranked[12].gap_fit, ranked[13].gap_fit), (0.0, 0.0))
        self.assertEqual([r.key for r in ranked[10].reasons], ["gap"])
        self.assertEqual(ranked[10].reasons[0].values["gap"], 0.03)
        self.assertEqual([r.key for r in ranked[11].reasons], ["gap_small"])
        self.assertEqual([r.key for r in ranked[12].reasons], ["no_gap"])
        self.assertEqual(
            ranked[10].reasons[0].describe(),
            "Works on EDU, one of the region's largest supply–demand gaps (+3.0 pt).",
        )

    def test_it_adds_the_demand_of_the_needs_survey(self):
        needs = Needs(
            domain_gaps={"EDU": 0.03, "IHF": 0.01},
            domain_demand={"NDS": 0.8, "EDU": 0.2},
        )
        ranked = {row.practice_id: row for row in ranking.rank(TARGET, needs, {}, CANDIDATES)}
        # Each domain: the mean of its relative gap and its survey demand.
        self.assertAlmostEqual(ranked[10].gap_fit, (1.0 + 0.2) / 2, places=4)
        self.assertAlmostEqual(ranked[13].gap_fit, (0.0 + 0.8) / 2, places=4)
        self.assertIn("demand", [r.key for r in ranked[13].reasons])
        only_survey = Needs(domain_demand={"NDS": 0.8})
        [first, *_rest] = ranking.rank(TARGET, only_survey, {}, CANDIDATES)
        self.assertEqual((first.practice_id, first.gap_fit), (13, 0.8))

    def test_it_never_calls_a_share_gap_unmet_demand(self):
        from cyberregions.analysis.definitions import INDICATORS
        from cyberregions.practices.services.transfer import REASONS

        texts = [*ranking.ENGLISH.values(), *(str(text) for text in REASONS.values())]
        texts.append(str(INDICATORS["gaps"][1]))
        for text in texts:
            self.assertNotIn("unmet demand", text)
            self.assertNotIn("exceeds supply", text)
            self.assertNotIn("do not meet", text)

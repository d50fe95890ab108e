"""The pure transferability ranking, against a small fixture whose right answer is known."""

import unittest

from hypothesis import given, settings
from hypothesis import strategies as st

from cyberregions.practices import ranking
from cyberregions.practices.ranking import Candidate, Context, Needs

TARGET, TWIN, OTHER = 1, 2, 3
# The target region: skills weigh most in its needs survey, then coordination; its demand for
# education (EDU) is far from met, incident handling (IHF) a little, crypto (CRY) oversupplied.
NEEDS = Needs(
    barrier_scores={"skills": 0.9, "coordination": 0.4, "fragmentation": 0.1},
    domain_gaps={"EDU": 0.6, "IHF": 0.2, "CRY": -0.3},
)
# The twin region's ecosystem looks exactly like the target's; the other region's does not.
CONTEXTS = {
    TARGET: Context({"sme": 60, "rto": 20, "public": 20}, {"micro": 30, "small": 20, "medium": 10}),
    TWIN: Context({"sme": 60, "rto": 20, "public": 20}, {"micro": 30, "small": 20, "medium": 10}),
    OTHER: Context({"sme": 10, "large": 40, "university": 50}, {"large": 40, "medium": 10}),
}
CANDIDATES = [
    # skills + education, in the twin region: fits on every count.
    Candidate(10, TWIN, ("skills",), ("EDU",), "Cyber academy"),
    # the same practice in a different ecosystem: second.
    Candidate(11, OTHER, ("skills",), ("EDU",), "Cyber academy abroad"),
    # coordination + incident handling, in the twin region.
    Candidate(12, TWIN, ("coordination",), ("IHF",), "Incident network"),
    # fragmentation + crypto (oversupplied), in the other region: last.
    Candidate(13, OTHER, ("fragmentation",), ("CRY",), "Crypto export desk"),
    # the target's own practice is never ranked for it.
    Candidate(14, TARGET, ("skills",), ("EDU",), "Our own practice"),
]


class RankingFixtureTests(unittest.TestCase):
    def test_it_ranks_the_fixture_in_the_known_order(self):
        ranked = ranking.rank(TARGET, NEEDS, CONTEXTS, CANDIDATES)
        self.assertEqual([row.practice_id for row in ranked], [10, 11, 12, 13])
        self.assertEqual([row.rank for row in ranked], [1, 2, 3, 4])

    def test_the_scores_are_the_weighted_parts(self):
        ranked = {row.practice_id: row for row in ranking.rank(TARGET, NEEDS, CONTEXTS, CANDIDATES)}
        best = ranked[10]
        # EDU is the region's largest gap: a relative gap of 1.
        self.assertEqual((best.barrier_fit, best.gap_fit, best.context_similarity), (0.9, 1.0, 1.0))
        self.assertAlmostEqual(best.score, 0.40 * 0.9 + 0.35 * 1.0 + 0.25 * 1.0, places=4)
        # other region: actor mix 0.1 (shares overlap on sme only), sizes 1/6, same scale.
        abroad = ranked[11]
        self.assertAlmostEqual(
            abroad.context_similarity, 0.5 * 0.1 + 0.3 * 1 / 6 + 0.2 * 1.0, places=4
        )
        worst = ranked[13]
        self.assertEqual((worst.barrier_fit, worst.gap_fit), (0.1, 0.0))

    def test_each_rank_says_why(self):
        ranked = ranking.rank(TARGET, NEEDS, CONTEXTS, CANDIDATES)
        reasons = {row.practice_id: [r.describe() for r in row.reasons] for row in ranked}
        self.assertEqual(
            reasons[10],
            [
                "Addresses skills, rated 90% in the needs survey.",
                "Works on EDU, one of the region's largest supply–demand gaps (+60.0 pt).",
                "Similar ecosystem (100% alike in actors, company sizes and scale).",
            ],
        )
        self.assertIn("Different ecosystem (only 30% alike).", reasons[11])
        self.assertEqual(
            reasons[13][:2],
            [
                "Addresses only barriers rated low in the needs survey (best: 10%).",
                "None of its domains weighs more in the region's needs than in its offers.",
            ],
        )

    def test_missing_survey_data_leaves_the_part_out(self):
        ranked = ranking.rank(TARGET, Needs(), CONTEXTS, CANDIDATES)
        by_id = {row.practice_id: row for row in ranked}
        self.assertIsNone(by_id[10].barrier_fit)
        self.assertIsNone(by_id[10].gap_fit)
        # only the context counts: the twin region's practices come first, by title.
        self.assertEqual([row.practice_id for row in ranked], [10, 12, 13, 11])
        self.assertEqual(by_id[10].score, 1.0)

    def test_a_practice_addressing_no_rated_barrier_says_so(self):
        needs = Needs(barrier_scores={"skills": 0.8})
        ranked = ranking.rank(TARGET, needs, {}, [Candidate(1, TWIN, ("coordination",), ())])
        self.assertEqual(ranked[0].barrier_fit, 0.0)
        self.assertEqual([r.key for r in ranked[0].reasons], ["no_barrier"])

    def test_the_limit_keeps_the_best(self):
        ranked = ranking.rank(TARGET, NEEDS, CONTEXTS, CANDIDATES, limit=2)
        self.assertEqual([row.practice_id for row in ranked], [10, 11])


scores = st.floats(min_value=-1, max_value=1, allow_nan=False)
codes = st.sampled_from(["skills", "coordination", "fragmentation", "EDU", "IHF", "CRY"])
counts = st.dictionaries(st.sampled_from(["sme", "rto", "public", "large"]), st.integers(0, 50))


class RankingPropertyTests(unittest.TestCase):
    @settings(max_examples=60, deadline=None)
    @given(
        barrier_scores=st.dictionaries(codes, scores),
        gaps=st.dictionaries(codes, scores),
        actors=st.lists(counts, min_size=3, max_size=3),
        practices=st.lists(
            st.tuples(st.integers(0, 2), st.lists(codes, max_size=3), st.lists(codes, max_size=3)),
            max_size=8,
        ),
    )
    def test_scores_stay_in_range_and_order_does_not_depend_on_input_order(
        self, barrier_scores, gaps, actors, practices
    ):
        contexts = {index: Context(actors[index], {}) for index in range(3)}
        candidates = [
            Candidate(number, region, tuple(b), tuple(d), f"P{number}")
            for number, (region, b, d) in enumerate(practices)
        ]
        needs = Needs(barrier_scores, gaps)
        forward = ranking.rank(0, needs, contexts, candidates)
        backward = ranking.rank(0, needs, contexts, list(reversed(candidates)))
        self.assertEqual([r.practice_id for r in forward], [r.practice_id for r in backward])
        self.assertTrue(all(0.0 <= row.score <= 1.0 for row in forward))
        own = {c.practice_id for c in candidates if c.region_id == 0}
        self.assertFalse(own & {row.practice_id for row in forward})
        self.assertEqual(
            [row.score for row in forward], sorted((row.score for row in forward), reverse=True)
        )

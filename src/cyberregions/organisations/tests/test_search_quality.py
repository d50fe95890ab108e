"""The atlas search against the project's labelled set (``search_judgments.json``) over a
demo ecosystem: precision@10 of the provider queries stays at 0.9 or above, on each engine.
The figures per category are in docs/benchmarks.md (``benchmarks/bench_search.py``)."""

import statistics

from django.test import TestCase

from cyberregions.organisations.demo_loader import load_demo
from cyberregions.organisations.search_quality import evaluate, judgments


class SearchQualityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo(organisations=1000, seed=2018)

    def test_the_labelled_set_has_at_least_thirty_queries_of_every_category(self):
        queries = judgments()
        self.assertGreaterEqual(len(queries), 30)
        self.assertEqual(
            {query["category"] for query in queries},
            {"provider", "abbreviation", "language", "typo", "needs"},
        )

    def test_provider_queries_keep_a_precision_at_ten_of_at_least_0_9(self):
        outcomes = evaluate()
        provider = [outcome for outcome in outcomes if outcome.category == "provider"]
        report = "\n".join(
            f"{o.query}: P@10 {o.precision:.2f}, nDCG@10 {o.ndcg:.2f}" for o in outcomes
        )
        self.assertGreaterEqual(statistics.mean(o.precision for o in provider), 0.9, report)
        # Every query finds something: a vocabulary or suggestion that stopped working
        # would leave its query with no results.
        self.assertTrue(all(outcome.shown for outcome in outcomes), report)
        for outcome in outcomes:
            if outcome.category == "typo":
                self.assertNotEqual(outcome.ran, outcome.query, report)

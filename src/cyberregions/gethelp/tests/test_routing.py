"""The routing of a help request as a pure function: eligibility, order and fair rotation."""

from collections import Counter

from django.test import SimpleTestCase

from ..routing import Candidate, route


def candidate(id, **fields):
    values = {
        "proximity": 0,
        "covers": 1,
        "speaks": True,
        "labelled": False,
        "capacity": 3,
        "load": 0,
        "last_offered": None,
    }
    values.update(fields)
    return Candidate(id=id, **values)


class RoutingTests(SimpleTestCase):
    def test_it_leaves_out_providers_at_capacity_or_without_the_language(self):
        decision = route(
            [
                candidate(1, load=3),
                candidate(2, speaks=False),
                candidate(3, capacity=0),
                candidate(4),
            ],
            limit=3,
        )
        self.assertEqual(decision.chosen, (4,))
        self.assertEqual((decision.eligible, decision.full, decision.language), (1, 2, 1))

    def test_it_prefers_the_nearest_then_coverage_then_labels_then_load(self):
        decision = route(
            [
                candidate(1, proximity=2, labelled=True),
                candidate(2, proximity=1),
                candidate(3, proximity=0, load=2),
                candidate(4, proximity=0, labelled=True, load=2),
                candidate(5, proximity=0, covers=2, load=2),
                candidate(6, proximity=0, load=1),
            ],
            limit=6,
        )
        self.assertEqual(decision.chosen, (5, 4, 6, 3, 2, 1))

    def test_it_chooses_at_most_the_limit(self):
        decision = route([candidate(n) for n in range(10)], limit=3)
        self.assertEqual(len(decision.chosen), 3)
        self.assertEqual(route([candidate(1)], limit=0).chosen, ())

    def test_it_rotates_fairly_between_equal_providers(self):
        providers = dict.fromkeys(range(1, 7))
        received = Counter()
        for clock in range(1, 31):
            decision = route([candidate(n, last_offered=providers[n]) for n in providers], limit=2)
            for chosen in decision.chosen:
                providers[chosen] = float(clock)
                received[chosen] += 1
        # 30 requests × 2 offers over 6 equal providers: 10 each, nobody flooded.
        self.assertEqual(set(received.values()), {10})

    def test_it_rotates_within_a_tier_and_never_skips_the_nearest(self):
        providers = {1: None, 2: None, 3: None}
        far = candidate(9, proximity=2)
        for clock in range(1, 10):
            chosen = route(
                [candidate(n, last_offered=providers[n]) for n in providers] + [far], limit=1
            ).chosen
            self.assertNotIn(9, chosen)
            providers[chosen[0]] = float(clock)

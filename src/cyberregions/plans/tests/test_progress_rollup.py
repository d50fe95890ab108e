"""The roll-up of a plan's progress from its actions, and the red/amber/green rule (pure)."""

import datetime

from django.test import SimpleTestCase

from cyberregions.plans.progress import ActionState, expected_progress, rag_status, roll_up

ON = datetime.date(2025, 12, 31)
START, END = datetime.date(2025, 1, 1), datetime.date(2026, 12, 31)


def state(status, progress, cost=None, start=START, end=END):
    return ActionState(status=status, progress=progress, cost_eur=cost, start=start, end=end)


class RollupTests(SimpleTestCase):
    def test_it_weights_the_actions_by_their_costs(self):
        rollup = roll_up([state("on_track", 100, 300_000), state("on_track", 0, 100_000)], ON)
        self.assertEqual(rollup.weighting, "cost")
        self.assertEqual(rollup.progress, 75.0)

    def test_it_weighs_every_action_the_same_when_a_cost_is_missing(self):
        rollup = roll_up([state("on_track", 100, 300_000), state("on_track", 0, None)], ON)
        self.assertEqual(rollup.weighting, "equal")
        self.assertEqual(rollup.progress, 50.0)
        zero = roll_up([state("on_track", 100, 300_000), state("on_track", 0, 0)], ON)
        self.assertEqual(zero.weighting, "equal")

    def test_an_implemented_action_counts_fully_and_an_abandoned_one_is_left_out(self):
        rollup = roll_up(
            [
                state("implemented", 40, 100),
                state("abandoned", 0, 900),
                state("on_track", 50, 100),
            ],
            ON,
        )
        self.assertEqual(rollup.progress, 75.0)
        self.assertEqual((rollup.implemented, rollup.abandoned, rollup.actions), (1, 1, 3))

    def test_the_expected_progress_is_linear_over_each_timeframe(self):
        self.assertEqual(expected_progress(START, END, START), 0.0)
        self.assertEqual(expected_progress(START, END, END), 100.0)
        self.assertAlmostEqual(expected_progress(START, END, ON), 49.9, places=1)
        self.assertIsNone(expected_progress(None, END, ON))
        rollup = roll_up([state("on_track", 50, None), state("on_track", 50, None, None, None)], ON)
        self.assertAlmostEqual(rollup.expected, 49.9, places=1)

    def test_the_status_follows_the_documented_rule(self):
        self.assertEqual(rag_status(50, 55, 3, 0, 0), "green")
        self.assertEqual(rag_status(40, 55, 3, 0, 0), "amber")  # 15 points behind
        self.assertEqual(rag_status(50, 55, 4, 1, 0), "amber")  # one action delayed
        self.assertEqual(rag_status(20, 50, 3, 0, 0), "red")  # 30 points behind
        self.assertEqual(rag_status(50, 50, 3, 0, 1), "red")  # a third abandoned
        self.assertEqual(rag_status(None, None, 0, 0, 0), "none")

    def test_a_plan_behind_its_timeframe_turns_red(self):
        late = roll_up([state("on_track", 10, 100), state("on_track", 20, 100)], ON)
        self.assertEqual(late.rag, "red")
        self.assertGreater(late.lag, 25)

"""The roll-up of a plan's progress from its actions, and its red/amber/green status. Pure
Python, no Django import; docs/plans.md states the rules for readers.

Progress
    Each action reports a progress from 0 to 100 % (an implemented action counts 100 %). The
    plan's progress is the mean of its actions' progress weighted by their costs (EUR). When
    any counted action has no cost (or a cost of 0), every action weighs the same instead:
    a partial set of costs would let the costed actions drown the others. Abandoned actions
    are left out of the progress (their money is no longer being spent on the plan), but
    they count against the status below.

Expected progress
    An action is expected to progress linearly over its timeframe: 0 % before its start,
    100 % after its end. The plan's expected progress is weighted as above, over the actions
    that have both dates.

Status
    - red when the progress lags the expected progress by more than 25 points, or when at
      least a third of the actions are delayed or abandoned;
    - amber when it lags by more than 10 points, or when any action is delayed or abandoned;
    - green otherwise. A plan whose report holds no action has no status ("none").
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

RED_LAG = 25.0
AMBER_LAG = 10.0
RED_SHARE = 1 / 3

IMPLEMENTED = "implemented"
DELAYED = "delayed"
ABANDONED = "abandoned"


@dataclass(frozen=True)
class ActionState:
    """One action as a monitoring report sees it."""

    status: str
    progress: int | None
    cost_eur: int | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None


@dataclass(frozen=True)
class Rollup:
    progress: float | None  # 0..100, None when no action counts
    expected: float | None
    rag: str  # "green", "amber", "red" or "none"
    weighting: str  # "cost" or "equal"
    actions: int
    implemented: int
    delayed: int
    abandoned: int

    @property
    def lag(self) -> float | None:
        if self.progress is None or self.expected is None:
            return None
        return self.expected - self.progress


def action_progress(state: ActionState) -> float:
    if state.status == IMPLEMENTED:
        return 100.0
    return float(min(max(state.progress or 0, 0), 100))


def expected_progress(
    start: datetime.date | None, end: datetime.date | None, on: datetime.date
) -> float | None:
    """Linear over the timeframe; None without both dates."""
    if start is None or end is None:
        return None
    if on <= start:
        return 0.0
    if on >= end:
        return 100.0
    return 100.0 * (on - start).days / max((end - start).days, 1)


def weights(states: Sequence[ActionState]) -> tuple[list[float], str]:
    if states and all((state.cost_eur or 0) > 0 for state in states):
        return [float(state.cost_eur) for state in states], "cost"
    return [1.0] * len(states), "equal"


def _weighted_mean(values: Sequence[float], weights_: Sequence[float]) -> float | None:
    total = sum(weights_)
    if not values or total <= 0:
        return None
    return sum(value * weight for value, weight in zip(values, weights_, strict=True)) / total


def rag_status(
    progress: float | None, expected: float | None, actions: int, delayed: int, abandoned: int
) -> str:
    if actions == 0:
        return "none"
    troubled = delayed + abandoned
    lag = None if progress is None or expected is None else expected - progress
    if (lag is not None and lag > RED_LAG) or troubled >= actions * RED_SHARE:
        return "red"
    if (lag is not None and lag > AMBER_LAG) or troubled > 0:
        return "amber"
    return "green"


def roll_up(states: Sequence[ActionState], on: datetime.date) -> Rollup:
    """The plan's progress, expected progress and status on ``on`` (the end of the period)."""
    counted = [state for state in states if state.status != ABANDONED]
    weights_, weighting = weights(counted)
    progress = _weighted_mean([action_progress(state) for state in counted], weights_)
    dated = [
        (value, weight)
        for state, weight in zip(counted, weights_, strict=True)
        if (value := expected_progress(state.start, state.end, on)) is not None
    ]
    expected = _weighted_mean([v for v, _w in dated], [w for _v, w in dated]) if dated else None
    delayed = sum(1 for state in states if state.status == DELAYED)
    abandoned = len(states) - len(counted)
    return Rollup(
        progress=None if progress is None else round(progress, 1),
        expected=None if expected is None else round(expected, 1),
        rag=rag_status(progress, expected, len(states), delayed, abandoned),
        weighting=weighting,
        actions=len(states),
        implemented=sum(1 for state in states if state.status == IMPLEMENTED),
        delayed=delayed,
        abandoned=abandoned,
    )

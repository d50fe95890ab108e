"""Exact MILP over the assignment model with HiGHS.

Phase 1 maximises the scheduled weight. When a previous schedule is given and phase 1 is
proven optimal, phase 2 keeps the weight at its optimum (a row sum w x >= W* - tolerance)
and maximises the number of meetings left in their previous slot: a lexicographic
objective, so stability never costs weight.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import highspy
import numpy as np

from .assignment import Pairs, build_highs
from .model import NOT_PLACED, Model

# HiGHS' default relative gap (1e-4) would call a solution optimal that is not; only an
# absolute gap this small counts as proven.
ABSOLUTE_GAP = 1e-6


@dataclass(frozen=True)
class ExactOutcome:
    slot_of: list[int]  # every request, locked ones included
    objective: float  # free requests only
    dual_bound: float  # free requests only
    proven: bool


def solve_exact(
    model: Model,
    pairs: Pairs,
    *,
    deadline: float,
    start: Sequence[int] | None = None,
    preferred_slot: Mapping[int, int] | None = None,
) -> ExactOutcome | None:
    """Best schedule found before `deadline`, or None when HiGHS found no solution."""
    if pairs.size == 0:
        return ExactOutcome(list(model.locked_slot), 0.0, 0.0, proven=True)
    highs, _ = build_highs(pairs, integer=True)
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.setOptionValue("mip_abs_gap", ABSOLUTE_GAP)
    highs.setOptionValue("random_seed", 0)
    if start is not None:
        _set_start(highs, pairs, start)
    if not _run(highs, deadline):
        return None
    values = np.asarray(highs.getSolution().col_value)
    objective = float(pairs.weight @ (values > 0.5))
    dual_bound = max(float(highs.getInfo().mip_dual_bound), objective)
    proven = (
        highs.getModelStatus() == highspy.HighsModelStatus.kOptimal
        and dual_bound - objective <= ABSOLUTE_GAP * max(1.0, abs(objective))
    )
    if proven and preferred_slot:
        values = _keep_previous(highs, pairs, values, objective, preferred_slot, deadline)
    slot_of = list(model.locked_slot)
    for column in np.flatnonzero(values > 0.5):
        slot_of[int(pairs.request[column])] = int(pairs.slot[column])
    return ExactOutcome(slot_of, float(pairs.weight @ (values > 0.5)), dual_bound, proven)


def _run(highs: highspy.Highs, deadline: float) -> bool:
    remaining = deadline - time.perf_counter()
    if remaining <= 0:
        return False
    highs.setOptionValue("time_limit", remaining)
    highs.run()
    solution = highs.getSolution()
    return bool(solution.value_valid) and len(solution.col_value) == highs.getNumCol()


def _set_start(highs: highspy.Highs, pairs: Pairs, slot_of: Sequence[int]) -> None:
    chosen = np.asarray(slot_of, dtype=np.int64)[pairs.request] == pairs.slot
    start = highspy.HighsSolution()
    start.col_value = chosen.astype(np.float64)
    start.value_valid = True
    highs.setSolution(start)


def _keep_previous(
    highs: highspy.Highs,
    pairs: Pairs,
    values: np.ndarray,
    optimum: float,
    preferred_slot: Mapping[int, int],
    deadline: float,
) -> np.ndarray:
    """Phase 2; falls back to the phase-1 solution if it cannot finish or loses weight."""
    kept = np.array(
        [
            preferred_slot.get(int(r), NOT_PLACED) == s
            for r, s in zip(pairs.request, pairs.slot, strict=True)
        ]
    )
    if not kept.any():
        return values
    # Weights are sums of the same floats; leave room for rounding, never a whole meeting.
    tolerance = min(1e-7 * max(1.0, optimum), float(pairs.weight.min()) / 2)
    columns = np.arange(pairs.size, dtype=np.int32)
    highs.addRow(optimum - tolerance, highspy.kHighsInf, pairs.size, columns, pairs.weight)
    highs.changeColsCost(pairs.size, columns, kept.astype(np.float64))
    phase_one = highspy.HighsSolution()
    phase_one.col_value = values
    phase_one.value_valid = True
    highs.setSolution(phase_one)
    if not _run(highs, deadline):
        return values
    candidate = np.asarray(highs.getSolution().col_value)
    if float(pairs.weight @ (candidate > 0.5)) < optimum - tolerance:
        return values
    return candidate

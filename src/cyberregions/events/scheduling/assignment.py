"""The assignment model over (free request, candidate slot) pairs, as arrays and as HiGHS LP.

x[r, s] = 1 places free request r in slot s. Rows:
  request r:        sum_s x[r, s] <= 1
  person p, slot s: sum over p's requests x[r, s] <= 1
  slot s:           sum_r x[r, s] <= tables left after locks
Rows implied by the column bound x <= 1 (a single pair in the row) are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import highspy
import numpy as np

from .model import Model


@dataclass(frozen=True)
class Pairs:
    free: np.ndarray  # free requests with a candidate slot (model indices), in model order
    start: np.ndarray  # pairs of free[i] are start[i]:start[i + 1]
    request: np.ndarray  # model request index of each pair
    slot: np.ndarray
    person_slot_a: np.ndarray  # flattened person * slot_count + slot
    person_slot_b: np.ndarray
    weight: np.ndarray
    capacity: np.ndarray  # per slot
    slot_count: int
    person_count: int

    @property
    def size(self) -> int:
        return int(self.request.size)


def build_pairs(model: Model) -> Pairs:
    """The whole assignment model: every free request in every candidate slot."""
    # Free requests whose candidate slots were all taken by locks have no column at all.
    free = [r for r in model.free_requests() if model.candidate_slots[r]]
    return restricted_pairs(model, free, [model.candidate_slots[r] for r in free], model.capacity)


def restricted_pairs(
    model: Model,
    requests: Sequence[int],
    slots: Sequence[Sequence[int]],
    capacity: Sequence[int],
) -> Pairs:
    """A sub-model: `requests` (increasing, each with a non-empty `slots` entry) and the
    tables left for them per slot."""
    free = np.asarray(requests, dtype=np.int64)
    lengths = np.array([len(allowed) for allowed in slots], dtype=np.int64)
    start = np.zeros(free.size + 1, dtype=np.int64)
    np.cumsum(lengths, out=start[1:])
    request = np.repeat(free, lengths)
    slot = np.fromiter(
        (s for allowed in slots for s in allowed), dtype=np.int64, count=int(start[-1])
    )
    person_a = np.asarray(model.person_a, dtype=np.int64)
    person_b = np.asarray(model.person_b, dtype=np.int64)
    slot_count = model.slot_count
    return Pairs(
        free=free,
        start=start,
        request=request,
        slot=slot,
        person_slot_a=person_a[request] * slot_count + slot,
        person_slot_b=person_b[request] * slot_count + slot,
        weight=np.asarray(model.weight, dtype=np.float64)[request],
        capacity=np.asarray(capacity, dtype=np.float64),
        slot_count=slot_count,
        person_count=model.person_count,
    )


@dataclass(frozen=True)
class RowMap:
    """Which LP row holds each constraint, so duals can be read back per constraint."""

    person_slot_keys: np.ndarray  # flattened person*slot of each person-slot row
    person_slot_rows: np.ndarray
    slot_keys: np.ndarray
    slot_rows: np.ndarray


def build_highs(pairs: Pairs, *, integer: bool) -> tuple[highspy.Highs, RowMap]:
    """A silent HiGHS instance holding the assignment model (maximisation)."""
    column_count = pairs.size
    columns = np.arange(column_count, dtype=np.int64)
    row_of_entries: list[np.ndarray] = []
    col_of_entries: list[np.ndarray] = []
    upper: list[np.ndarray] = []
    next_row = 0

    free_lengths = np.diff(pairs.start)
    multi = np.flatnonzero(free_lengths > 1)
    if multi.size:
        # Request rows only where a request has several candidate slots.
        pair_group = np.repeat(np.arange(pairs.free.size), free_lengths)
        row_number = np.full(pairs.free.size, -1, dtype=np.int64)
        row_number[multi] = next_row + np.arange(multi.size)
        keep = row_number[pair_group] >= 0
        row_of_entries.append(row_number[pair_group][keep])
        col_of_entries.append(columns[keep])
        upper.append(np.ones(multi.size))
        next_row += multi.size

    keys = np.concatenate([pairs.person_slot_a, pairs.person_slot_b])
    key_columns = np.concatenate([columns, columns])
    unique_keys, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    shared = counts > 1
    person_row = np.full(unique_keys.size, -1, dtype=np.int64)
    person_row[shared] = next_row + np.arange(int(shared.sum()))
    keep = person_row[inverse] >= 0
    row_of_entries.append(person_row[inverse][keep])
    col_of_entries.append(key_columns[keep])
    upper.append(np.ones(int(shared.sum())))
    next_row += int(shared.sum())
    person_slot_keys, person_slot_rows = unique_keys[shared], person_row[shared]

    slot_use = np.bincount(pairs.slot, minlength=pairs.slot_count)
    tight = np.flatnonzero(slot_use > pairs.capacity)
    slot_row = np.full(pairs.slot_count, -1, dtype=np.int64)
    slot_row[tight] = next_row + np.arange(tight.size)
    keep = slot_row[pairs.slot] >= 0
    row_of_entries.append(slot_row[pairs.slot][keep])
    col_of_entries.append(columns[keep])
    upper.append(pairs.capacity[tight])
    next_row += tight.size

    rows = np.concatenate(row_of_entries) if row_of_entries else np.zeros(0, dtype=np.int64)
    cols = np.concatenate(col_of_entries) if col_of_entries else np.zeros(0, dtype=np.int64)
    order = np.lexsort((rows, cols))
    rows, cols = rows[order], cols[order]
    col_start = np.zeros(column_count + 1, dtype=np.int64)
    np.cumsum(np.bincount(cols, minlength=column_count), out=col_start[1:])

    lp = highspy.HighsLp()
    lp.num_col_ = column_count
    lp.num_row_ = next_row
    lp.col_cost_ = pairs.weight.astype(np.float64)
    lp.col_lower_ = np.zeros(column_count)
    lp.col_upper_ = np.ones(column_count)
    lp.row_lower_ = np.full(next_row, -highspy.kHighsInf)
    lp.row_upper_ = np.concatenate(upper) if upper else np.zeros(0)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = col_start.astype(np.int32)
    lp.a_matrix_.index_ = rows.astype(np.int32)
    lp.a_matrix_.value_ = np.ones(rows.size)
    lp.a_matrix_.num_col_ = column_count
    lp.a_matrix_.num_row_ = next_row
    lp.sense_ = highspy.ObjSense.kMaximize
    if integer:
        lp.integrality_ = [highspy.HighsVarType.kInteger] * column_count

    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.passModel(lp)
    row_map = RowMap(person_slot_keys, person_slot_rows, tight, slot_row[tight])
    return highs, row_map

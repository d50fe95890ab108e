"""Entry point: pick the exact MILP or the heuristic, compute a bound, build the result."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Mapping
from typing import Any, Literal

from .assignment import build_pairs
from .bounds import best_bound
from .exact import ABSOLUTE_GAP, solve_exact
from .heuristic import LocalSearch, heuristic_schedule
from .instance import Instance, InstanceError
from .lns import NeighbourhoodSearch
from .model import NOT_PLACED, Model, build_model
from .output import build_result

# Above this many (request, slot) pairs "auto" uses the heuristic. The 300-request
# benchmark has ~2,500 pairs and is proven optimal in well under a second.
EXACT_MAX_PAIRS = 20_000

Method = Literal["auto", "exact", "heuristic"]

logger = logging.getLogger(__name__)


def solve(
    instance: Instance | Mapping[str, Any],
    time_limit: float = 60.0,
    previous: Mapping[str, Any] | list[Any] | None = None,
    *,
    method: Method = "auto",
) -> dict[str, Any]:
    """Schedule the requests of `instance`; see docs/scheduler.md for the result format.

    `previous` is an earlier result (or its "meetings" list): a meeting that can stay in
    its previous slot does, unless moving it lets more weight be scheduled.
    """
    started = time.perf_counter()
    budget = max(float(time_limit), 0.0)

    def at(share: float) -> float:
        return started + share * budget

    if not isinstance(instance, Instance):
        instance = Instance.from_dict(instance)
    if method not in ("auto", "exact", "heuristic"):
        raise ValueError(f"method must be 'auto', 'exact' or 'heuristic', not {method!r}")
    previous_meetings = _read_previous(previous)
    model = build_model(instance, previously_scheduled=previous_meetings)
    previous_slot, preferred_table = _index_previous(model, previous_meetings)
    preferred_slot = _reachable(model, previous_slot)
    pairs = build_pairs(model)
    use_exact = method == "exact" or (method == "auto" and pairs.size <= EXACT_MAX_PAIRS)

    search = _heuristic(model, preferred_slot, at(0.05 if use_exact else 0.15))
    _log_phase(started, "construction", model, search.slot_of)
    bound_value, bound_source = math.inf, ""
    if use_exact:
        outcome = solve_exact(
            model, pairs, deadline=at(0.6), start=search.slot_of, preferred_slot=preferred_slot
        )
        if outcome is not None:
            if outcome.objective > _free_weight(model, search.slot_of) or outcome.proven:
                search = LocalSearch(model, preferred_slot)
                search.load(outcome.slot_of)
            bound_value = outcome.dual_bound
            bound_source = "MILP" if outcome.proven else "MILP dual bound"
        _log_phase(started, "MILP", model, search.slot_of, bound_value)

    objective = _free_weight(model, search.slot_of)
    if not math.isfinite(bound_value) or bound_value - objective > ABSOLUTE_GAP * max(
        1.0, objective
    ):
        bound = best_bound(
            pairs,
            target=objective,
            deadline=max(at(0.35), time.perf_counter() + 0.1 * budget),
        )
        if bound.value < bound_value:
            bound_value, bound_source = bound.value, bound.source
        _log_phase(started, f"bound ({bound.source})", model, search.slot_of, bound_value)
        neighbourhood = NeighbourhoodSearch(model, search)
        neighbourhood.run(at(0.95), bound_value)
        if neighbourhood.whole_bound is not None and neighbourhood.whole_bound < bound_value:
            bound_value, bound_source = neighbourhood.whole_bound, "MILP"
        _log_phase(started, "neighbourhood search", model, search.slot_of, bound_value)
        if preferred_slot:
            search.restore_previous()

    slot_of = search.slot_of
    objective = _free_weight(model, slot_of)
    # The bound is certified; it can only fall below the objective by rounding.
    upper_bound = model.locked_weight() + max(bound_value, objective)
    result = build_result(
        model,
        slot_of,
        upper_bound=upper_bound,
        optimal=bound_value - objective <= ABSOLUTE_GAP * max(1.0, objective),
        method="exact" if use_exact else "heuristic",
        seconds=0.0,
        # A table number only means something in the slot it was given for.
        preferred_table={
            r: table for r, table in preferred_table.items() if slot_of[r] == previous_slot[r]
        },
    )
    result["bound_method"] = bound_source
    if previous is not None:
        result["changes"] = _changes(model, slot_of, previous_slot)
    result["seconds"] = time.perf_counter() - started
    return result


def _log_phase(
    started: float, phase: str, model: Model, slot_of: list[int], bound: float = math.nan
) -> None:
    logger.debug(
        "%.2fs after %s: weight %.6g, bound %.6g",
        time.perf_counter() - started,
        phase,
        _free_weight(model, slot_of),
        bound,
    )


def _free_weight(model: Model, slot_of: list[int]) -> float:
    return sum(model.weight[r] for r in model.free_requests() if slot_of[r] != NOT_PLACED)


def _heuristic(model: Model, preferred_slot: dict[int, int], deadline: float) -> LocalSearch:
    if not preferred_slot:
        return heuristic_schedule(model, deadline)
    # Seeding with the previous schedule keeps most meetings in place but may trap the
    # search; a fresh run may schedule more weight. Weight first, then stability.
    middle = time.perf_counter() + (deadline - time.perf_counter()) / 2
    seeded = heuristic_schedule(model, middle, preferred_slot, seed_previous=True)
    fresh = heuristic_schedule(model, deadline, preferred_slot, seed_previous=False)
    tolerance = 1e-9 * max(1.0, seeded.total)
    if fresh.total > seeded.total + tolerance:
        return fresh
    if seeded.total > fresh.total + tolerance:
        return seeded
    return max(seeded, fresh, key=lambda search: search.kept)


def _read_previous(
    previous: Mapping[str, Any] | list[Any] | None,
) -> dict[str, tuple[str, int | None]]:
    """(slot, table) per request id of an earlier result or of its "meetings" list; the
    first entry wins when a request is listed twice."""
    if previous is None:
        return {}
    meetings = previous.get("meetings") if isinstance(previous, Mapping) else previous
    if not isinstance(meetings, list):
        raise InstanceError("previous: expected a result with a 'meetings' list")
    read: dict[str, tuple[str, int | None]] = {}
    for i, meeting in enumerate(meetings):
        if not isinstance(meeting, Mapping):
            raise InstanceError(f"previous.meetings[{i}]: expected an object")
        for key in ("request", "slot"):
            if not isinstance(meeting.get(key), str):
                raise InstanceError(f"previous.meetings[{i}].{key}: expected a string id")
        table = meeting.get("table")
        if isinstance(table, bool) or not isinstance(table, int):
            table = None
        read.setdefault(meeting["request"], (meeting["slot"], table))
    return read


def _index_previous(
    model: Model, meetings: dict[str, tuple[str, int | None]]
) -> tuple[dict[int, int], dict[int, int]]:
    """Previous slot and table by request index. Requests that no longer exist are
    skipped, and a slot that no longer exists reads as NOT_PLACED: the instance may have
    changed since the previous run."""
    request_index = {request_id: r for r, request_id in enumerate(model.request_ids)}
    slot_index = {slot: s for s, slot in enumerate(model.slot_ids)}
    previous_slot: dict[int, int] = {}
    previous_table: dict[int, int] = {}
    for request_id, (slot, table) in meetings.items():
        r = request_index.get(request_id)
        if r is None:
            continue
        previous_slot[r] = slot_index.get(slot, NOT_PLACED)
        if table is not None:
            previous_table[r] = table
    return previous_slot, previous_table


def _reachable(model: Model, previous_slot: dict[int, int]) -> dict[int, int]:
    """The previous slots a request can still be given."""
    return {
        r: s
        for r, s in previous_slot.items()
        if model.locked_slot[r] == s or (model.is_free(r) and s in model.candidate_slots[r])
    }


def _changes(model: Model, slot_of: list[int], previous_slot: dict[int, int]) -> dict[str, int]:
    """How the new schedule differs from the previous one, per request."""
    kept = sum(1 for r, s in previous_slot.items() if s != NOT_PLACED and slot_of[r] == s)
    dropped = sum(1 for r in previous_slot if slot_of[r] == NOT_PLACED)
    added = sum(
        1 for r in range(model.request_count) if slot_of[r] != NOT_PLACED and r not in previous_slot
    )
    return {
        "kept": kept,
        "moved": len(previous_slot) - kept - dropped,
        "dropped": dropped,
        "added": added,
    }

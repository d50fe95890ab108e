"""Independent check of a result against its instance.

Deliberately shares no code with the solvers (only the parsed `Instance`), so a bug in
the model or the solvers cannot hide itself here.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import Any

from .instance import Instance

OBJECTIVE_TOLERANCE = 1e-6


def validate(instance: Instance | Mapping[str, Any], result: Any) -> list[str]:
    """Return every violation found in `result`; an empty list means it is valid."""
    if not isinstance(instance, Instance):
        instance = Instance.from_dict(instance)
    if not isinstance(result, Mapping):
        return [f"result: expected an object, got {type(result).__name__}"]
    problems: list[str] = []
    meetings = result.get("meetings")
    unscheduled = result.get("unscheduled")
    if not isinstance(meetings, list):
        problems.append("meetings: missing or not a list")
        meetings = []
    if not isinstance(unscheduled, list):
        problems.append("unscheduled: missing or not a list")
        unscheduled = []

    requests = {request.id: request for request in instance.requests}
    available = {p.id: p.available for p in instance.participants}
    slots = set(instance.slots)
    scheduled_weight = 0.0
    placed_slot: dict[str, str] = {}
    person_slot: dict[tuple[str, str], str] = {}
    table_slot: dict[tuple[str, int], str] = {}
    per_slot: Counter[str] = Counter()
    pairs_met: dict[frozenset[str], str] = {}

    for i, meeting in enumerate(meetings):
        where = f"meetings[{i}]"
        if not isinstance(meeting, Mapping):
            problems.append(f"{where}: not an object")
            continue
        request_id, slot, table = meeting.get("request"), meeting.get("slot"), meeting.get("table")
        request = requests.get(request_id) if isinstance(request_id, str) else None
        if request is None:
            problems.append(f"{where}: unknown request {request_id!r}")
            continue
        where = f"{where} ({request_id})"
        if request_id in placed_slot:
            problems.append(f"{where}: request scheduled more than once")
            continue
        if slot not in slots:
            problems.append(f"{where}: unknown slot {slot!r}")
            continue
        placed_slot[request_id] = slot
        scheduled_weight += request.weight
        per_slot[slot] += 1
        if request.a == request.b:
            problems.append(f"{where}: a and b are the same participant")
        for person in {request.a, request.b}:
            if person not in available:
                problems.append(f"{where}: unknown participant {person!r}")
            elif slot not in available[person]:
                problems.append(f"{where}: {person} is not available in {slot}")
            other = person_slot.setdefault((person, slot), request_id)
            if other != request_id:
                problems.append(f"{where}: {person} is double-booked in {slot} with {other}")
        pair = frozenset((request.a, request.b))
        other = pairs_met.setdefault(pair, request_id)
        if other != request_id:
            problems.append(f"{where}: {request.a} and {request.b} already meet in {other}")
        if isinstance(table, bool) or not isinstance(table, int):
            problems.append(f"{where}: table {table!r} is not an integer")
        elif not 1 <= table <= instance.tables:
            problems.append(f"{where}: table {table} outside 1..{instance.tables}")
        else:
            other = table_slot.setdefault((slot, table), request_id)
            if other != request_id:
                problems.append(f"{where}: table {table} in {slot} already used by {other}")

    for slot, count in sorted(per_slot.items()):
        if count > instance.tables:
            problems.append(f"slot {slot}: {count} meetings for {instance.tables} tables")

    unscheduled_ids: set[str] = set()
    for i, entry in enumerate(unscheduled):
        where = f"unscheduled[{i}]"
        if not isinstance(entry, Mapping):
            problems.append(f"{where}: not an object")
            continue
        request_id = entry.get("request")
        if request_id not in requests:
            problems.append(f"{where}: unknown request {request_id!r}")
            continue
        if request_id in unscheduled_ids:
            problems.append(f"{where}: {request_id} listed as unscheduled more than once")
        if request_id in placed_slot:
            problems.append(f"{where}: {request_id} is both scheduled and unscheduled")
        unscheduled_ids.add(request_id)
        reason = entry.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            problems.append(f"{where}: {request_id} has no reason")

    for request_id in requests:
        if request_id not in placed_slot and request_id not in unscheduled_ids:
            problems.append(f"request {request_id}: neither scheduled nor unscheduled")

    for lock in instance.locked:
        actual = placed_slot.get(lock.request)
        if actual != lock.slot:
            problems.append(f"lock {lock.request}: expected in {lock.slot}, found in {actual}")

    problems += _check_totals(result, scheduled_weight)
    return problems


def _check_totals(result: Mapping[str, Any], scheduled_weight: float) -> list[str]:
    problems: list[str] = []
    objective = result.get("objective")
    tolerance = OBJECTIVE_TOLERANCE * max(1.0, abs(scheduled_weight))
    if not _is_number(objective):
        problems.append(f"objective: {objective!r} is not a number")
    elif abs(objective - scheduled_weight) > tolerance:
        problems.append(f"objective: {objective} but scheduled weights sum to {scheduled_weight}")
    upper_bound = result.get("upper_bound")
    if upper_bound is not None:
        if not _is_number(upper_bound):
            problems.append(f"upper_bound: {upper_bound!r} is not a number")
        elif upper_bound < scheduled_weight - tolerance:
            problems.append(f"upper_bound: {upper_bound} is below the objective")
        elif result.get("optimal") is True and upper_bound > scheduled_weight + tolerance:
            problems.append(
                f"optimal: claimed, but upper_bound {upper_bound} exceeds the objective"
            )
    return problems


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)

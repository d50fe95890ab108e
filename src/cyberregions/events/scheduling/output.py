"""Turn a slot assignment into the public result: tables, reasons and totals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .model import NOT_PLACED, Defect, Model

NOT_CHOSEN_BY_WEIGHT = "not chosen: lower weight than the meetings placed in its common slots"


def assign_tables(
    model: Model, slot_of: Sequence[int], preferred_table: Mapping[int, int] | None = None
) -> dict[int, int]:
    """Number the meetings of each slot 1..tables.

    A meeting that keeps its previous slot also keeps its previous table when it can, so a
    reschedule does not send people to a different table for no reason.
    """
    preferred_table = preferred_table or {}
    by_slot: dict[int, list[int]] = {}
    for r, slot in enumerate(slot_of):
        if slot != NOT_PLACED:
            by_slot.setdefault(slot, []).append(r)
    table_of: dict[int, int] = {}
    for members in by_slot.values():
        taken: set[int] = set()
        for r in members:
            table = preferred_table.get(r)
            if table is not None and 1 <= table <= model.tables and table not in taken:
                table_of[r] = table
                taken.add(table)
        next_table = 1
        for r in members:
            if r in table_of:
                continue
            while next_table in taken:
                next_table += 1
            table_of[r] = next_table
            taken.add(next_table)
    return table_of


def unscheduled_reason(
    model: Model,
    request: int,
    busy: set[tuple[int, int]],
    used: Sequence[int],
    mixed_reason: str,
) -> tuple[str, str]:
    """Return (code, human-readable reason) for a request left out of the final schedule."""
    instance_request = model.instance.requests[request]
    defect = model.defect[request]
    if defect is Defect.UNKNOWN_PARTICIPANT:
        unknown = (
            instance_request.a if model.person_a[request] == NOT_PLACED else instance_request.b
        )
        return defect.value, f"unknown participant {unknown!r}"
    if defect is Defect.SAME_PARTICIPANT:
        return defect.value, "a and b are the same participant"
    if defect is Defect.DUPLICATE:
        kept = model.request_ids[model.duplicate_of[request]]
        return defect.value, f"duplicate request: same participants as {kept}"
    a_name, b_name = instance_request.a, instance_request.b
    if defect is Defect.NO_COMMON_SLOT:
        return defect.value, f"{a_name} and {b_name} share no available slot"
    a, b = model.person_a[request], model.person_b[request]
    common = model.common_slots[request]
    if all((a, s) in busy for s in common):
        return "person_booked", f"{a_name} is fully booked in every common slot"
    if all((b, s) in busy for s in common):
        return "person_booked", f"{b_name} is fully booked in every common slot"
    if all(used[s] >= model.tables for s in common):
        return "no_table", "no table left in the common slots"
    return "not_chosen", mixed_reason


def build_result(
    model: Model,
    slot_of: Sequence[int],
    *,
    upper_bound: float | None,
    optimal: bool,
    method: str,
    seconds: float,
    mixed_reason: str = NOT_CHOSEN_BY_WEIGHT,
    preferred_table: Mapping[int, int] | None = None,
) -> dict[str, Any]:
    table_of = assign_tables(model, slot_of, preferred_table)
    busy: set[tuple[int, int]] = set()
    used = [0] * model.slot_count
    for r, slot in enumerate(slot_of):
        if slot != NOT_PLACED:
            busy.add((model.person_a[r], slot))
            busy.add((model.person_b[r], slot))
            used[slot] += 1
    placed = sorted(
        (r for r, slot in enumerate(slot_of) if slot != NOT_PLACED),
        key=lambda r: (slot_of[r], table_of[r]),
    )
    meetings = [
        {"request": model.request_ids[r], "slot": model.slot_ids[slot_of[r]], "table": table_of[r]}
        for r in placed
    ]
    unscheduled = []
    for r, slot in enumerate(slot_of):
        if slot == NOT_PLACED:
            code, reason = unscheduled_reason(model, r, busy, used, mixed_reason)
            unscheduled.append({"request": model.request_ids[r], "reason": reason, "code": code})
    # Summed in input order so the figure is reproducible to the last bit.
    objective = sum(model.weight[r] for r in range(model.request_count) if slot_of[r] != NOT_PLACED)
    return {
        "meetings": meetings,
        "unscheduled": unscheduled,
        "objective": objective,
        "upper_bound": upper_bound,
        "optimal": optimal,
        "method": method,
        "seconds": seconds,
    }

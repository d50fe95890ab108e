"""First-come baseline: what an organiser gets by booking requests in arrival order."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from .instance import Instance
from .model import build_model
from .output import build_result

FIRST_COME_MIXED_REASON = "not chosen: its common slots were taken by earlier requests"


def first_come(instance: Instance | Mapping[str, Any]) -> dict[str, Any]:
    """Give each request, in input order, the earliest slot free for both with a table left.

    Locked meetings are placed first, as they are in every other method. The result has
    the same format as `solve`, with no upper bound (`upper_bound` is None).
    """
    started = time.perf_counter()
    if not isinstance(instance, Instance):
        instance = Instance.from_dict(instance)
    model = build_model(instance)
    slot_of = list(model.locked_slot)
    busy: set[tuple[int, int]] = set()
    used = [0] * model.slot_count
    for r in model.locked_requests():
        busy.add((model.person_a[r], slot_of[r]))
        busy.add((model.person_b[r], slot_of[r]))
        used[slot_of[r]] += 1
    for r in model.free_requests():
        a, b = model.person_a[r], model.person_b[r]
        for s in model.common_slots[r]:
            if used[s] < model.tables and (a, s) not in busy and (b, s) not in busy:
                slot_of[r] = s
                busy.add((a, s))
                busy.add((b, s))
                used[s] += 1
                break
    return build_result(
        model,
        slot_of,
        upper_bound=None,
        optimal=False,
        method="first_come",
        seconds=time.perf_counter() - started,
        mixed_reason=FIRST_COME_MIXED_REASON,
    )

"""Integer-indexed form of an instance shared by the solvers, the bound and the baseline.

Requests that can never be placed (self-meetings, unknown participants, duplicates of
another request for the same pair, no common slot) are classified once here, so every
algorithm sees the same set of *free* requests and *locked* placements.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum

from .instance import Instance

NOT_PLACED = -1


class Defect(Enum):
    UNKNOWN_PARTICIPANT = "unknown_participant"
    SAME_PARTICIPANT = "same_participant"
    DUPLICATE = "duplicate"
    NO_COMMON_SLOT = "no_common_slot"


@dataclass(frozen=True)
class Model:
    instance: Instance
    slot_ids: tuple[str, ...]
    person_ids: tuple[str, ...]
    request_ids: tuple[str, ...]
    person_a: tuple[int, ...]  # NOT_PLACED when the participant is unknown (lenient mode)
    person_b: tuple[int, ...]
    weight: tuple[float, ...]
    common_slots: tuple[tuple[int, ...], ...]  # both available, in slot order
    # Slots a free request may still use once locked meetings are in place.
    candidate_slots: tuple[tuple[int, ...], ...]
    locked_slot: tuple[int, ...]  # NOT_PLACED unless the request is locked
    defect: tuple[Defect | None, ...]
    duplicate_of: tuple[int, ...]  # index of the request kept for the same pair, or NOT_PLACED
    capacity: tuple[int, ...]  # tables left per slot after locked meetings

    @property
    def slot_count(self) -> int:
        return len(self.slot_ids)

    @property
    def person_count(self) -> int:
        return len(self.person_ids)

    @property
    def request_count(self) -> int:
        return len(self.request_ids)

    @property
    def tables(self) -> int:
        return self.instance.tables

    def is_free(self, request: int) -> bool:
        """True when the request is neither defective nor locked: the solver decides it."""
        return self.defect[request] is None and self.locked_slot[request] == NOT_PLACED

    def free_requests(self) -> list[int]:
        return [r for r in range(self.request_count) if self.is_free(r)]

    def locked_requests(self) -> list[int]:
        return [r for r in range(self.request_count) if self.locked_slot[r] != NOT_PLACED]

    def locked_weight(self) -> float:
        return sum(self.weight[r] for r in self.locked_requests())

    def pair_count(self) -> int:
        """Number of (free request, candidate slot) pairs: the size of the assignment model."""
        return sum(len(self.candidate_slots[r]) for r in self.free_requests())


def build_model(instance: Instance, previously_scheduled: Collection[str] = ()) -> Model:
    """Index the instance. Among duplicates of a pair, a previously scheduled request is
    kept in preference to an equally heavy one, so a reschedule need not swap them."""
    slot_ids = instance.slots
    slot_index = {slot: i for i, slot in enumerate(slot_ids)}
    person_ids = tuple(p.id for p in instance.participants)
    person_index = {person: i for i, person in enumerate(person_ids)}
    availability = [
        frozenset(slot_index[slot] for slot in p.available) for p in instance.participants
    ]
    request_count = len(instance.requests)
    person_a = [person_index.get(r.a, NOT_PLACED) for r in instance.requests]
    person_b = [person_index.get(r.b, NOT_PLACED) for r in instance.requests]
    weight = tuple(r.weight for r in instance.requests)
    request_index = {r.id: i for i, r in enumerate(instance.requests)}

    locked_slot = [NOT_PLACED] * request_count
    for lock in instance.locked:
        locked_slot[request_index[lock.request]] = slot_index[lock.slot]

    defect: list[Defect | None] = [None] * request_count
    common: list[tuple[int, ...]] = [()] * request_count
    for r in range(request_count):
        a, b = person_a[r], person_b[r]
        if a == NOT_PLACED or b == NOT_PLACED:
            defect[r] = Defect.UNKNOWN_PARTICIPANT
        elif a == b:
            defect[r] = Defect.SAME_PARTICIPANT
        else:
            common[r] = tuple(sorted(availability[a] & availability[b]))

    previous = [request.id in previously_scheduled for request in instance.requests]
    duplicate_of = _mark_duplicates(person_a, person_b, weight, locked_slot, previous, defect)
    for r in range(request_count):
        if defect[r] is None and not common[r]:
            defect[r] = Defect.NO_COMMON_SLOT

    capacity = [instance.tables] * len(slot_ids)
    locked_people: set[tuple[int, int]] = set()
    for r, slot in enumerate(locked_slot):
        if slot != NOT_PLACED:
            capacity[slot] -= 1
            locked_people.add((person_a[r], slot))
            locked_people.add((person_b[r], slot))
    candidates: list[tuple[int, ...]] = [()] * request_count
    for r in range(request_count):
        if defect[r] is not None or locked_slot[r] != NOT_PLACED:
            continue
        a, b = person_a[r], person_b[r]
        candidates[r] = tuple(
            s
            for s in common[r]
            if capacity[s] > 0 and (a, s) not in locked_people and (b, s) not in locked_people
        )

    return Model(
        instance=instance,
        slot_ids=slot_ids,
        person_ids=person_ids,
        request_ids=tuple(r.id for r in instance.requests),
        person_a=tuple(person_a),
        person_b=tuple(person_b),
        weight=weight,
        common_slots=tuple(common),
        candidate_slots=tuple(candidates),
        locked_slot=tuple(locked_slot),
        defect=tuple(defect),
        duplicate_of=tuple(duplicate_of),
        capacity=tuple(capacity),
    )


def _mark_duplicates(
    person_a: list[int],
    person_b: list[int],
    weight: tuple[float, ...],
    locked_slot: list[int],
    previous: list[bool],
    defect: list[Defect | None],
) -> list[int]:
    """Keep one request per unordered pair: the locked one, else the heaviest, else one
    previously scheduled, else the first.

    A pair meets at most once; the others become "duplicate request". Validation already
    guarantees at most one locked request per pair.
    """
    groups: dict[tuple[int, int], list[int]] = {}
    for r in range(len(person_a)):
        if defect[r] is None:
            pair = (min(person_a[r], person_b[r]), max(person_a[r], person_b[r]))
            groups.setdefault(pair, []).append(r)
    duplicate_of = [NOT_PLACED] * len(person_a)
    for members in groups.values():
        if len(members) == 1:
            continue
        kept = min(
            members,
            key=lambda r: (locked_slot[r] == NOT_PLACED, -weight[r], not previous[r], r),
        )
        for r in members:
            if r != kept:
                defect[r] = Defect.DUPLICATE
                duplicate_of[r] = kept
    return duplicate_of

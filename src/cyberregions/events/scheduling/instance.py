"""The scheduling instance: parsing from JSON-like data and semantic validation.

`Instance.from_dict` checks the shape and types of the input; the dataclass constructor
checks the meaning (unknown ids, duplicates, infeasible locks), so an `Instance` built
directly in Python is held to the same rules.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

TOP_LEVEL_KEYS = frozenset({"slots", "tables", "participants", "requests", "locked"})


class InstanceError(ValueError):
    """The instance is malformed; the message names the offending field and index."""


@dataclass(frozen=True)
class Participant:
    id: str
    available: frozenset[str]


@dataclass(frozen=True)
class Request:
    id: str
    a: str
    b: str
    weight: float = 1.0


@dataclass(frozen=True)
class Lock:
    request: str
    slot: str


@dataclass(frozen=True)
class Instance:
    """A B2B meeting scheduling problem.

    With `strict=False`, requests naming an unknown participant are accepted and later
    reported as unscheduled instead of rejected; everything else is checked either way.
    """

    slots: tuple[str, ...]
    tables: int
    participants: tuple[Participant, ...]
    requests: tuple[Request, ...]
    locked: tuple[Lock, ...] = ()
    strict: bool = True
    _participant_by_id: dict[str, Participant] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        _check_semantics(self)

    @property
    def participant_by_id(self) -> Mapping[str, Participant]:
        return self._participant_by_id

    @classmethod
    def from_dict(cls, data: Any, *, strict: bool = True) -> Instance:
        if not isinstance(data, Mapping):
            raise InstanceError(f"instance: expected an object, got {_type_name(data)}")
        unknown = sorted(str(key) for key in data if key not in TOP_LEVEL_KEYS)
        if unknown:
            # A typo such as "lock" for "locked" would otherwise silently drop constraints.
            raise InstanceError(f"instance: unknown key(s) {', '.join(map(repr, unknown))}")
        slots = tuple(_id(item, f"slots[{i}]") for i, item in enumerate(_list(data, "slots")))
        tables = _tables(_required(data, "tables", "tables"))
        participants = tuple(
            _participant(item, f"participants[{i}]")
            for i, item in enumerate(_list(data, "participants"))
        )
        requests = tuple(
            _request(item, f"requests[{i}]") for i, item in enumerate(_list(data, "requests"))
        )
        locked_data = data.get("locked")
        locked: tuple[Lock, ...] = ()
        if locked_data is not None:
            if not isinstance(locked_data, list):
                raise InstanceError(f"locked: expected a list, got {_type_name(locked_data)}")
            locked = tuple(_lock(item, f"locked[{i}]") for i, item in enumerate(locked_data))
        return cls(slots, tables, participants, requests, locked, strict)

    def to_dict(self) -> dict[str, Any]:
        slot_order = {slot: position for position, slot in enumerate(self.slots)}
        data: dict[str, Any] = {
            "slots": list(self.slots),
            "tables": self.tables,
            "participants": [
                {"id": p.id, "available": sorted(p.available, key=slot_order.__getitem__)}
                for p in self.participants
            ],
            "requests": [
                {"id": r.id, "a": r.a, "b": r.b, "weight": r.weight} for r in self.requests
            ],
        }
        if self.locked:
            data["locked"] = [{"request": lock.request, "slot": lock.slot} for lock in self.locked]
        return data


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _required(item: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in item:
        raise InstanceError(f"{path}: missing required key")
    return item[key]


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = _required(data, key, key)
    if not isinstance(value, list):
        raise InstanceError(f"{key}: expected a list, got {_type_name(value)}")
    return value


def _object(item: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(item, Mapping):
        raise InstanceError(f"{path}: expected an object, got {_type_name(item)}")
    return item


def _id(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise InstanceError(f"{path}: expected a string id, got {_type_name(value)}")
    if not value.strip():
        raise InstanceError(f"{path}: id must not be empty")
    return value


def _tables(value: Any) -> int:
    # bool is an int subclass; True tables is almost certainly a mistake.
    if isinstance(value, bool) or not isinstance(value, int):
        raise InstanceError(f"tables: expected an integer, got {_type_name(value)}")
    return value


def _participant(item: Any, path: str) -> Participant:
    item = _object(item, path)
    participant_id = _id(_required(item, "id", f"{path}.id"), f"{path}.id")
    available = _required(item, "available", f"{path}.available")
    if not isinstance(available, list):
        raise InstanceError(f"{path}.available: expected a list, got {_type_name(available)}")
    slots = frozenset(_id(slot, f"{path}.available[{j}]") for j, slot in enumerate(available))
    return Participant(participant_id, slots)


def _request(item: Any, path: str) -> Request:
    item = _object(item, path)
    request_id = _id(_required(item, "id", f"{path}.id"), f"{path}.id")
    a = _id(_required(item, "a", f"{path}.a"), f"{path}.a")
    b = _id(_required(item, "b", f"{path}.b"), f"{path}.b")
    weight = item.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, int | float):
        raise InstanceError(f"{path}.weight: expected a number, got {_type_name(weight)}")
    return Request(request_id, a, b, float(weight))


def _lock(item: Any, path: str) -> Lock:
    item = _object(item, path)
    request_id = _id(_required(item, "request", f"{path}.request"), f"{path}.request")
    slot = _id(_required(item, "slot", f"{path}.slot"), f"{path}.slot")
    return Lock(request_id, slot)


def _first_duplicate(ids: list[str]) -> tuple[int, str] | None:
    seen: set[str] = set()
    for position, value in enumerate(ids):
        if value in seen:
            return position, value
        seen.add(value)
    return None


def _check_semantics(instance: Instance) -> None:
    if isinstance(instance.tables, bool) or not isinstance(instance.tables, int):
        raise InstanceError("tables: expected an integer")
    if instance.tables < 1:
        raise InstanceError(f"tables: must be at least 1, got {instance.tables}")
    duplicate = _first_duplicate(list(instance.slots))
    if duplicate:
        raise InstanceError(f"slots[{duplicate[0]}]: duplicate slot id {duplicate[1]!r}")
    known_slots = frozenset(instance.slots)

    duplicate = _first_duplicate([p.id for p in instance.participants])
    if duplicate:
        raise InstanceError(
            f"participants[{duplicate[0]}].id: duplicate participant id {duplicate[1]!r}"
        )
    for i, participant in enumerate(instance.participants):
        unknown = sorted(participant.available - known_slots)
        if unknown:
            raise InstanceError(f"participants[{i}].available: unknown slot {unknown[0]!r}")
    participants = {p.id: p for p in instance.participants}
    instance._participant_by_id.update(participants)

    duplicate = _first_duplicate([r.id for r in instance.requests])
    if duplicate:
        raise InstanceError(f"requests[{duplicate[0]}].id: duplicate request id {duplicate[1]!r}")
    for i, request in enumerate(instance.requests):
        for side in ("a", "b"):
            person = getattr(request, side)
            if instance.strict and person not in participants:
                raise InstanceError(f"requests[{i}].{side}: unknown participant {person!r}")
        if not math.isfinite(request.weight) or request.weight <= 0:
            raise InstanceError(f"requests[{i}].weight: must be a finite number > 0")

    _check_locks(instance, participants, known_slots)


def _check_locks(
    instance: Instance, participants: dict[str, Participant], known_slots: frozenset[str]
) -> None:
    request_by_id = {r.id: r for r in instance.requests}
    locked_requests: set[str] = set()
    locked_pairs: dict[frozenset[str], str] = {}
    holder: dict[tuple[str, str], str] = {}
    per_slot: Counter[str] = Counter()
    for i, lock in enumerate(instance.locked):
        path = f"locked[{i}]"
        request = request_by_id.get(lock.request)
        if request is None:
            raise InstanceError(f"{path}.request: unknown request {lock.request!r}")
        if lock.slot not in known_slots:
            raise InstanceError(f"{path}.slot: unknown slot {lock.slot!r}")
        if lock.request in locked_requests:
            raise InstanceError(f"{path}.request: request {lock.request!r} is locked twice")
        locked_requests.add(lock.request)
        prefix = f"{path}: infeasible lock of {lock.request!r} in slot {lock.slot!r}"
        if request.a == request.b:
            raise InstanceError(f"{prefix}: a and b are the same participant")
        for person in (request.a, request.b):
            if person not in participants:
                raise InstanceError(f"{prefix}: unknown participant {person!r}")
            if lock.slot not in participants[person].available:
                raise InstanceError(f"{prefix}: {person} is not available in that slot")
            other = holder.get((person, lock.slot))
            if other is not None:
                raise InstanceError(f"{prefix}: {person} already has locked request {other!r}")
            holder[(person, lock.slot)] = lock.request
        pair = frozenset((request.a, request.b))
        if pair in locked_pairs:
            raise InstanceError(
                f"{prefix}: duplicate of locked request {locked_pairs[pair]!r} (same participants)"
            )
        locked_pairs[pair] = lock.request
        per_slot[lock.slot] += 1
        if per_slot[lock.slot] > instance.tables:
            raise InstanceError(f"{prefix}: more locked meetings than {instance.tables} tables")

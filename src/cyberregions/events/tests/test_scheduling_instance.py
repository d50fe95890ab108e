"""Parsing and validation of scheduling instances (no database needed)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from cyberregions.events.scheduling import Instance, InstanceError, solve, validate


def base_data() -> dict[str, Any]:
    return {
        "slots": ["s1", "s2", "s3"],
        "tables": 2,
        "participants": [
            {"id": "p1", "available": ["s1", "s2", "s3"]},
            {"id": "p2", "available": ["s1", "s2"]},
            {"id": "p3", "available": ["s2", "s3"]},
            {"id": "p4", "available": ["s1", "s3"]},
        ],
        "requests": [
            {"id": "r1", "a": "p1", "b": "p2", "weight": 2.0},
            {"id": "r2", "a": "p1", "b": "p3"},
            {"id": "r3", "a": "p2", "b": "p4", "weight": 3},
            {"id": "r4", "a": "p3", "b": "p4", "weight": 1.5},
        ],
        "locked": [{"request": "r1", "slot": "s2"}],
    }


def test_valid_instance_parses_with_defaults() -> None:
    instance = Instance.from_dict(base_data())
    assert instance.slots == ("s1", "s2", "s3")
    assert instance.tables == 2
    assert instance.requests[1].weight == 1.0  # default
    assert instance.requests[2].weight == 3.0 and isinstance(instance.requests[2].weight, float)
    assert instance.participant_by_id["p2"].available == frozenset({"s1", "s2"})
    assert instance.locked[0].request == "r1"


def test_locked_is_optional() -> None:
    data = base_data()
    del data["locked"]
    assert Instance.from_dict(data).locked == ()


def test_round_trip_through_json() -> None:
    instance = Instance.from_dict(base_data())
    again = Instance.from_dict(json.loads(json.dumps(instance.to_dict())))
    assert again == instance


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _delete(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate


def _append(key: str, item: Any) -> Callable[[dict[str, Any]], None]:
    return lambda data: data[key].append(item)


MALFORMED: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("missing slots", _delete(("slots",)), "slots: missing required key"),
    ("missing tables", _delete(("tables",)), "tables: missing required key"),
    ("missing participants", _delete(("participants",)), "participants: missing required key"),
    ("missing requests", _delete(("requests",)), "requests: missing required key"),
    ("missing participant id", _delete(("participants", 1, "id")), "participants[1].id: missing"),
    (
        "missing availability",
        _delete(("participants", 2, "available")),
        "participants[2].available: missing",
    ),
    ("missing request b", _delete(("requests", 3, "b")), "requests[3].b: missing"),
    ("missing lock slot", _delete(("locked", 0, "slot")), "locked[0].slot: missing"),
    ("slots not a list", _set(("slots",), "s1,s2"), "slots: expected a list, got str"),
    ("tables a string", _set(("tables",), "2"), "tables: expected an integer, got str"),
    ("tables a float", _set(("tables",), 2.5), "tables: expected an integer, got float"),
    ("tables a bool", _set(("tables",), True), "tables: expected an integer, got bool"),
    ("tables zero", _set(("tables",), 0), "tables: must be at least 1, got 0"),
    ("tables negative", _set(("tables",), -3), "tables: must be at least 1"),
    ("slot id not a string", _set(("slots", 1), 2), "slots[1]: expected a string id, got int"),
    ("empty slot id", _set(("slots", 0), " "), "slots[0]: id must not be empty"),
    ("participant not an object", _set(("participants", 0), "p1"), "participants[0]: expected"),
    (
        "availability not a list",
        _set(("participants", 0, "available"), "s1"),
        "participants[0].available: expected a list",
    ),
    ("request not an object", _set(("requests", 2), ["p1", "p2"]), "requests[2]: expected an"),
    ("request id null", _set(("requests", 0, "id"), None), "requests[0].id: expected a string"),
    ("weight a string", _set(("requests", 1, "weight"), "2"), "requests[1].weight: expected a"),
    ("weight a bool", _set(("requests", 1, "weight"), True), "requests[1].weight: expected a"),
    ("weight negative", _set(("requests", 1, "weight"), -1.0), "requests[1].weight: must be"),
    ("weight zero", _set(("requests", 1, "weight"), 0), "requests[1].weight: must be"),
    ("weight infinite", _set(("requests", 1, "weight"), float("inf")), "requests[1].weight"),
    ("weight NaN", _set(("requests", 1, "weight"), float("nan")), "requests[1].weight"),
    ("locked not a list", _set(("locked",), {"r1": "s1"}), "locked: expected a list"),
    ("lock not an object", _set(("locked", 0), "r1"), "locked[0]: expected an object"),
    ("unknown top-level key", _set(("lock",), []), "instance: unknown key(s) 'lock'"),
    (
        "unknown participant",
        _set(("requests", 3, "b"), "p99"),
        "requests[3].b: unknown participant 'p99'",
    ),
    (
        "unknown slot in availability",
        _set(("participants", 1, "available"), ["s1", "s9"]),
        "participants[1].available: unknown slot 's9'",
    ),
    ("duplicate slot id", _append("slots", "s2"), "slots[3]: duplicate slot id 's2'"),
    (
        "duplicate participant id",
        _append("participants", {"id": "p2", "available": []}),
        "participants[4].id: duplicate participant id 'p2'",
    ),
    (
        "duplicate request id",
        _append("requests", {"id": "r2", "a": "p2", "b": "p3"}),
        "requests[4].id: duplicate request id 'r2'",
    ),
    ("lock of unknown request", _set(("locked", 0, "request"), "r9"), "unknown request 'r9'"),
    ("lock in unknown slot", _set(("locked", 0, "slot"), "s9"), "locked[0].slot: unknown slot"),
    (
        "lock where a participant is unavailable",
        _set(("locked", 0, "slot"), "s3"),
        "locked[0]: infeasible lock of 'r1' in slot 's3': p2 is not available",
    ),
    (
        "request locked twice",
        _append("locked", {"request": "r1", "slot": "s1"}),
        "locked[1].request: request 'r1' is locked twice",
    ),
    (
        "two locks for one person in one slot",
        _append("locked", {"request": "r2", "slot": "s2"}),
        "locked[1]: infeasible lock of 'r2' in slot 's2': p1 already has locked request 'r1'",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "message"), [case[1:] for case in MALFORMED], ids=[case[0] for case in MALFORMED]
)
def test_malformed_input_is_rejected_with_a_clear_message(
    mutate: Callable[[dict[str, Any]], None], message: str
) -> None:
    data = base_data()
    Instance.from_dict(copy.deepcopy(data))  # the unmutated data is valid
    mutate(data)
    with pytest.raises(InstanceError) as error:
        Instance.from_dict(data)
    assert message in str(error.value)


def test_not_an_object_at_all() -> None:
    with pytest.raises(InstanceError, match="instance: expected an object, got list"):
        Instance.from_dict([])


def _two_slot_event(tables: int) -> dict[str, Any]:
    people = ["p1", "p2", "p3", "p4"]
    return {
        "slots": ["s1", "s2"],
        "tables": tables,
        "participants": [{"id": p, "available": ["s1", "s2"]} for p in people],
        "requests": [
            {"id": "r1", "a": "p1", "b": "p2"},
            {"id": "r2", "a": "p3", "b": "p4"},
            {"id": "r3", "a": "p1", "b": "p1"},
            {"id": "r4", "a": "p2", "b": "p1"},
        ],
    }


def test_more_locks_than_tables_is_infeasible() -> None:
    data = _two_slot_event(tables=1)
    data["locked"] = [{"request": "r1", "slot": "s1"}]
    Instance.from_dict(data)
    data["locked"].append({"request": "r2", "slot": "s1"})
    with pytest.raises(InstanceError, match=r"locked\[1\].*more locked meetings than 1 tables"):
        Instance.from_dict(data)


def test_lock_of_a_self_meeting_is_infeasible() -> None:
    data = _two_slot_event(tables=2)
    data["locked"] = [{"request": "r3", "slot": "s1"}]
    with pytest.raises(InstanceError, match="a and b are the same participant"):
        Instance.from_dict(data)


def test_locking_both_duplicates_of_a_pair_is_infeasible() -> None:
    data = _two_slot_event(tables=2)
    data["locked"] = [{"request": "r1", "slot": "s1"}]
    Instance.from_dict(data)
    data["locked"].append({"request": "r4", "slot": "s2"})
    with pytest.raises(InstanceError, match="duplicate of locked request 'r1'"):
        Instance.from_dict(data)


def test_lenient_mode_keeps_requests_with_unknown_participants() -> None:
    data = base_data()
    data["requests"][3]["b"] = "p99"
    with pytest.raises(InstanceError):
        Instance.from_dict(data)
    instance = Instance.from_dict(data, strict=False)
    result = solve(instance, time_limit=10)
    assert validate(instance, result) == []
    reasons = {entry["request"]: entry["reason"] for entry in result["unscheduled"]}
    assert reasons["r4"] == "unknown participant 'p99'"


def test_lenient_mode_still_rejects_a_lock_on_an_unknown_participant() -> None:
    data = base_data()
    data["requests"][0]["b"] = "p99"
    with pytest.raises(InstanceError, match="infeasible lock of 'r1'.*unknown participant 'p99'"):
        Instance.from_dict(data, strict=False)


def test_constructor_applies_the_same_rules() -> None:
    instance = Instance.from_dict(base_data())
    with pytest.raises(InstanceError, match="tables: must be at least 1"):
        Instance(instance.slots, 0, instance.participants, instance.requests)


def test_solve_accepts_plain_data_and_rejects_bad_method() -> None:
    result = solve(base_data(), time_limit=10)
    assert validate(base_data(), result) == []
    with pytest.raises(ValueError, match="method must be"):
        solve(base_data(), method="magic")  # type: ignore[arg-type]

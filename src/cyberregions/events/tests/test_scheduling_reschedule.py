"""Rescheduling after a change keeps as many meetings where they were as it can."""

from __future__ import annotations

import random
from typing import Any

import pytest

from cyberregions.events.scheduling import Instance, InstanceError, solve, validate


def random_event(seed: int, people: int = 30, requests: int = 120) -> dict[str, Any]:
    rng = random.Random(seed)
    slots = [f"s{i}" for i in range(6)]
    names = [f"p{i}" for i in range(people)]
    pairs: set[frozenset[str]] = set()
    data: dict[str, Any] = {
        "slots": slots,
        "tables": 8,
        "participants": [{"id": p, "available": rng.sample(slots, 4)} for p in names],
        "requests": [],
    }
    while len(data["requests"]) < requests:
        a, b = rng.sample(names, 2)
        if frozenset((a, b)) not in pairs:
            pairs.add(frozenset((a, b)))
            weight = rng.choice([1.0, 2.0, 3.0])
            data["requests"].append({"id": f"r{len(pairs)}", "a": a, "b": b, "weight": weight})
    return data


def placement(result: dict[str, Any]) -> dict[str, tuple[str, int]]:
    return {m["request"]: (m["slot"], m["table"]) for m in result["meetings"]}


def withdraw_a_slot(data: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    """The first participant of the first meeting can no longer attend its slot."""
    first = result["meetings"][0]
    request = next(r for r in data["requests"] if r["id"] == first["request"])
    changed = {**data, "participants": [dict(p) for p in data["participants"]]}
    for participant in changed["participants"]:
        if participant["id"] == request["a"]:
            participant["available"] = [s for s in participant["available"] if s != first["slot"]]
    return changed


@pytest.mark.parametrize("seed", [1, 2])
def test_exact_reschedule_moves_fewer_meetings_at_the_same_weight(seed: int) -> None:
    data = random_event(seed)
    before = solve(data, time_limit=30)
    assert before["optimal"]
    changed = withdraw_a_slot(data, before)
    fresh = solve(changed, time_limit=30)
    again = solve(changed, time_limit=30, previous=before)
    assert validate(changed, again) == []
    assert again["optimal"] and again["objective"] == pytest.approx(fresh["objective"])
    old = placement(before)
    kept_fresh = sum(old.get(r, (None,))[0] == slot for r, (slot, _) in placement(fresh).items())
    # A fresh optimum keeps meetings only by chance (31 and 37 of them here); the
    # reschedule keeps the most any optimal schedule can (43 and 46).
    assert again["changes"]["kept"] > kept_fresh
    for request, (slot, table) in placement(again).items():
        if old.get(request, (None, None))[0] == slot:
            assert old[request][1] == table  # kept meetings keep their table too


def test_heuristic_reschedule_of_its_own_schedule_changes_nothing_at_equal_weight() -> None:
    data = random_event(3, people=60, requests=300)
    before = solve(data, time_limit=10, method="heuristic")
    again = solve(data, time_limit=10, method="heuristic", previous=before)
    assert validate(data, again) == []
    assert again["objective"] >= before["objective"] - 1e-9
    if again["objective"] == pytest.approx(before["objective"]):
        assert again["changes"]["kept"] == len(before["meetings"])
        assert placement(again) == placement(before)


def test_locked_meetings_never_move_whatever_the_previous_schedule() -> None:
    data = random_event(4)
    request = data["requests"][0]
    a = next(p for p in data["participants"] if p["id"] == request["a"])
    b = next(p for p in data["participants"] if p["id"] == request["b"])
    common = [s for s in data["slots"] if s in a["available"] and s in b["available"]]
    assert len(common) >= 2
    data["locked"] = [{"request": request["id"], "slot": common[0]}]
    previous = [{"request": request["id"], "slot": common[1], "table": 1}]
    for method in ("exact", "heuristic"):
        result = solve(data, time_limit=10, method=method, previous=previous)  # type: ignore[arg-type]
        assert validate(data, result) == []
        assert placement(result)[request["id"]][0] == common[0]
        assert result["changes"]["moved"] == 1


def test_previous_schedule_with_vanished_requests_and_slots_is_accepted() -> None:
    data = random_event(5)
    previous = {
        "meetings": [
            {"request": "gone", "slot": "s0", "table": 1},
            {"request": "r1", "slot": "s99", "table": 1},
            {"request": "r2", "slot": "s0"},
        ]
    }
    result = solve(data, time_limit=10, previous=previous)
    assert validate(data, result) == []
    changes = result["changes"]
    assert changes["kept"] + changes["moved"] + changes["dropped"] == 2  # r1 and r2


@pytest.mark.parametrize(
    ("previous", "message"),
    [
        ({"meetings": "r1"}, "previous: expected a result with a 'meetings' list"),
        ([["r1", "s1"]], r"previous.meetings\[0\]: expected an object"),
        ([{"request": "r1"}], r"previous.meetings\[0\].slot: expected a string id"),
        ([{"request": 1, "slot": "s1"}], r"previous.meetings\[0\].request: expected a string"),
    ],
)
def test_malformed_previous_schedule_is_rejected(previous: Any, message: str) -> None:
    with pytest.raises(InstanceError, match=message):
        solve(Instance.from_dict(random_event(6)), time_limit=5, previous=previous)

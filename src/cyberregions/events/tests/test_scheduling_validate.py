"""The independent validator catches every kind of broken result."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from cyberregions.events.scheduling import Instance, solve, validate


@pytest.fixture(scope="module")
def instance() -> Instance:
    # Two slots, two tables; every request fits, r1 is locked in s2.
    return Instance.from_dict(
        {
            "slots": ["s1", "s2"],
            "tables": 2,
            "participants": [
                {"id": "p1", "available": ["s1", "s2"]},
                {"id": "p2", "available": ["s1", "s2"]},
                {"id": "p3", "available": ["s1", "s2"]},
                {"id": "p4", "available": ["s1"]},
                {"id": "p5", "available": ["s2"]},
            ],
            "requests": [
                {"id": "r1", "a": "p1", "b": "p2", "weight": 2.0},
                {"id": "r2", "a": "p1", "b": "p3", "weight": 1.0},
                {"id": "r3", "a": "p2", "b": "p4", "weight": 1.5},
                {"id": "r4", "a": "p4", "b": "p5", "weight": 4.0},
            ],
            "locked": [{"request": "r1", "slot": "s2"}],
        }
    )


@pytest.fixture(scope="module")
def valid_result(instance: Instance) -> dict[str, Any]:
    result = solve(instance, time_limit=10)
    assert validate(instance, result) == []
    # r4: p4 only in s1 and p5 only in s2.
    assert [entry["request"] for entry in result["unscheduled"]] == ["r4"]
    assert {m["request"]: m["slot"] for m in result["meetings"]} == {
        "r1": "s2",
        "r2": "s1",
        "r3": "s1",
    }
    return result


def meeting(result: dict[str, Any], request: str) -> dict[str, Any]:
    return next(m for m in result["meetings"] if m["request"] == request)


def add_meeting(request: str, slot: str, table: int) -> Callable[[dict[str, Any]], None]:
    def mutate(result: dict[str, Any]) -> None:
        result["meetings"].append({"request": request, "slot": slot, "table": table})
        result["unscheduled"] = [u for u in result["unscheduled"] if u["request"] != request]

    return mutate


def set_meeting(request: str, **changes: Any) -> Callable[[dict[str, Any]], None]:
    return lambda result: meeting(result, request).update(changes)


def drop_meeting(request: str) -> Callable[[dict[str, Any]], None]:
    def mutate(result: dict[str, Any]) -> None:
        result["meetings"] = [m for m in result["meetings"] if m["request"] != request]

    return mutate


def unschedule(request: str) -> Callable[[dict[str, Any]], None]:
    def mutate(result: dict[str, Any]) -> None:
        drop_meeting(request)(result)
        result["unscheduled"].append({"request": request, "reason": "moved out"})

    return mutate


def shift_objective(delta: float) -> Callable[[dict[str, Any]], None]:
    return lambda result: result.update(objective=result["objective"] + delta)


def and_reweigh(
    mutation: Callable[[dict[str, Any]], None], delta: float
) -> Callable[[dict[str, Any]], None]:
    """Apply a mutation and keep the objective consistent, so only its own fault shows."""

    def mutate(result: dict[str, Any]) -> None:
        mutation(result)
        result["objective"] += delta

    return mutate


BROKEN: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    (
        "double booking",
        and_reweigh(set_meeting("r3", slot="s2", table=2), 0.0),
        "p2 is double-booked in s2 with",
    ),
    (
        "participant unavailable",
        and_reweigh(add_meeting("r4", "s2", 2), 4.0),
        "meetings[3] (r4): p4 is not available in s2",
    ),
    ("table zero", set_meeting("r2", table=0), "table 0 outside 1..2"),
    ("table beyond the tables", set_meeting("r2", table=3), "table 3 outside 1..2"),
    ("table not a number", set_meeting("r2", table="1"), "table '1' is not an integer"),
    (
        "table used twice in a slot",
        lambda result: meeting(result, "r3").update(table=meeting(result, "r2")["table"]),
        "in s1 already used by",
    ),
    (
        "more meetings than tables",
        lambda result: result["meetings"].append({"request": "r4", "slot": "s1", "table": 2}),
        "slot s1: 3 meetings for 2 tables",
    ),
    (
        "lock not honoured",
        and_reweigh(set_meeting("r1", slot="s1", table=2), 0.0),
        "lock r1: expected in s2, found in s1",
    ),
    ("lock dropped", and_reweigh(unschedule("r1"), -2.0), "lock r1: expected in s2, found in None"),
    ("objective too high", shift_objective(1.0), "objective: 5.5 but scheduled weights sum to 4.5"),
    ("objective too low", shift_objective(-0.5), "objective: 4.0 but scheduled weights sum"),
    ("objective missing", lambda result: result.pop("objective"), "objective: None is not a"),
    (
        "request neither scheduled nor unscheduled",
        and_reweigh(drop_meeting("r2"), -1.0),
        "request r2: neither scheduled nor unscheduled",
    ),
    (
        "request both scheduled and unscheduled",
        lambda result: result["unscheduled"].append({"request": "r2", "reason": "?"}),
        "r2 is both scheduled and unscheduled",
    ),
    (
        "request unscheduled twice",
        lambda result: result["unscheduled"].append(dict(result["unscheduled"][0])),
        "r4 listed as unscheduled more than once",
    ),
    (
        "request scheduled twice",
        lambda result: result["meetings"].append(dict(meeting(result, "r2"))),
        "request scheduled more than once",
    ),
    (
        "unknown request",
        lambda result: result["meetings"].append({"request": "r9", "slot": "s1", "table": 2}),
        "unknown request 'r9'",
    ),
    ("unknown slot", set_meeting("r2", slot="s7"), "unknown slot 's7'"),
    ("missing reason", lambda result: result["unscheduled"][0].pop("reason"), "r4 has no reason"),
    (
        "bound below the objective",
        lambda result: result.update(upper_bound=result["objective"] - 1),
        "upper_bound: 3.5 is below the objective",
    ),
    (
        "optimality claimed with a gap",
        lambda result: result.update(upper_bound=result["objective"] + 1, optimal=True),
        "optimal: claimed, but upper_bound 5.5 exceeds the objective",
    ),
    ("meetings not a list", lambda result: result.update(meetings={}), "meetings: missing or"),
]


@pytest.mark.parametrize(
    ("mutate", "message"), [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN]
)
def test_validator_reports_each_violation(
    instance: Instance,
    valid_result: dict[str, Any],
    mutate: Callable[[dict[str, Any]], None],
    message: str,
) -> None:
    broken = copy.deepcopy(valid_result)
    mutate(broken)
    problems = validate(instance, broken)
    assert any(message in problem for problem in problems), problems


def test_a_pair_meeting_twice_is_reported() -> None:
    instance = Instance.from_dict(
        {
            "slots": ["s1", "s2"],
            "tables": 1,
            "participants": [{"id": p, "available": ["s1", "s2"]} for p in ("p1", "p2")],
            "requests": [{"id": "r1", "a": "p1", "b": "p2"}, {"id": "r2", "a": "p2", "b": "p1"}],
        }
    )
    result = solve(instance, time_limit=10)
    assert validate(instance, result) == []
    assert result["unscheduled"][0]["reason"].startswith("duplicate request")
    other_slot = "s2" if result["meetings"][0]["slot"] == "s1" else "s1"
    result["meetings"].append({"request": "r2", "slot": other_slot, "table": 1})
    result["unscheduled"] = []
    result["objective"] = result["upper_bound"] = 2.0
    assert validate(instance, result) == ["meetings[1] (r2): p2 and p1 already meet in r1"]


def test_result_that_is_not_an_object() -> None:
    instance = Instance.from_dict({"slots": [], "tables": 1, "participants": [], "requests": []})
    assert validate(instance, []) == ["result: expected an object, got list"]
    empty = solve(instance, time_limit=5)
    assert validate(instance, empty) == []
    assert empty["objective"] == 0 and empty["optimal"] is True

"""The public result format, time limits and the heuristic's quality."""

from __future__ import annotations

import json

import pytest

from cyberregions.events.scheduling import first_come, solve, validate

from .test_scheduling_reschedule import random_event


@pytest.fixture(scope="module")
def event() -> dict:
    return random_event(11, people=60, requests=300)


def test_result_format(event: dict) -> None:
    result = solve(event, time_limit=20)
    assert validate(event, result) == []
    assert set(result) >= {
        "meetings",
        "unscheduled",
        "objective",
        "upper_bound",
        "optimal",
        "method",
        "seconds",
    }
    assert "changes" not in result  # only when a previous schedule is given
    assert result["method"] == "exact" and result["optimal"] is True
    assert isinstance(result["seconds"], float) and 0 < result["seconds"] < 20
    slot_order = {slot: i for i, slot in enumerate(event["slots"])}
    order = [(slot_order[m["slot"]], m["table"]) for m in result["meetings"]]
    assert order == sorted(order)
    input_order = [r["id"] for r in event["requests"]]
    unscheduled = [u["request"] for u in result["unscheduled"]]
    assert unscheduled == sorted(unscheduled, key=input_order.index)
    assert json.loads(json.dumps(result)) == result


@pytest.mark.parametrize("method", ["exact", "heuristic"])
def test_no_time_at_all_still_gives_a_valid_schedule(event: dict, method: str) -> None:
    result = solve(event, time_limit=0, method=method)  # type: ignore[arg-type]
    assert validate(event, result) == []
    assert result["objective"] > first_come(event)["objective"]


def test_heuristic_comes_close_to_the_proven_optimum() -> None:
    # Plenty of tables: each person's four slots are what binds, the hard case for the
    # greedy construction (about 88 % here), which the neighbourhood search must repair.
    event = random_event(11, people=30, requests=120)
    event["tables"] = 30
    optimum = solve(event, time_limit=20, method="exact")
    assert optimum["optimal"]
    heuristic = solve(event, time_limit=2, method="heuristic")
    assert validate(event, heuristic) == []
    assert heuristic["objective"] >= 0.93 * optimum["objective"]
    assert heuristic["upper_bound"] >= optimum["objective"] - 1e-6
    if heuristic["optimal"]:
        assert heuristic["objective"] == pytest.approx(optimum["objective"])

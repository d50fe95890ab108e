"""Every unscheduled request says why, in words an organiser understands."""

from __future__ import annotations

from typing import Any

import pytest

from cyberregions.events.scheduling import Instance, first_come, solve, validate


def event(
    available: dict[str, list[str]],
    requests: list[tuple[str, str, float]],
    *,
    slots: tuple[str, ...] = ("s1", "s2"),
    tables: int = 5,
    strict: bool = True,
) -> Instance:
    return Instance.from_dict(
        {
            "slots": list(slots),
            "tables": tables,
            "participants": [{"id": p, "available": a} for p, a in available.items()],
            "requests": [
                {"id": f"r{i + 1}", "a": a, "b": b, "weight": weight}
                for i, (a, b, weight) in enumerate(requests)
            ],
        },
        strict=strict,
    )


def reasons(instance: Instance, result: dict[str, Any]) -> dict[str, tuple[str, str]]:
    assert validate(instance, result) == []
    return {u["request"]: (u["code"], u["reason"]) for u in result["unscheduled"]}


BOTH = ["s1", "s2"]

CASES = [
    (
        "same participant",
        event({"p1": BOTH, "p2": BOTH}, [("p1", "p2", 1), ("p2", "p2", 1)]),
        ("same_participant", "a and b are the same participant"),
    ),
    (
        "duplicate request",
        event({"p1": BOTH, "p2": BOTH}, [("p1", "p2", 1), ("p2", "p1", 1)]),
        ("duplicate", "duplicate request: same participants as r1"),
    ),
    (
        "no common slot",
        event({"p1": ["s1"], "p2": BOTH, "p3": ["s2"]}, [("p1", "p2", 1), ("p1", "p3", 1)]),
        ("no_common_slot", "p1 and p3 share no available slot"),
    ),
    (
        "fully booked",
        event(
            {"p1": ["s1"], "p2": ["s1"], "p3": ["s1"]},
            [("p1", "p2", 1), ("p1", "p3", 3)],
        ),
        ("person_booked", "p1 is fully booked in every common slot"),
    ),
    (
        "second participant fully booked",
        event(
            {"p1": ["s1"], "p2": ["s1"], "p3": ["s1"]},
            [("p3", "p2", 1), ("p1", "p2", 3)],
        ),
        ("person_booked", "p2 is fully booked in every common slot"),
    ),
    (
        "no table left",
        event(
            {"p1": BOTH, "p2": BOTH, "p3": BOTH, "p4": BOTH, "p5": BOTH, "p6": BOTH},
            [("p1", "p2", 1), ("p3", "p4", 2), ("p5", "p6", 3)],
            tables=1,
        ),
        ("no_table", "no table left in the common slots"),
    ),
    (
        "outweighed",
        # r1 and r2 each have a single slot; r3 could take either but collides with both.
        event(
            {"p1": BOTH, "p2": ["s1"], "p3": BOTH, "p4": ["s2"]},
            [("p1", "p2", 5), ("p3", "p4", 5), ("p1", "p3", 1)],
            tables=2,
        ),
        ("not_chosen", "not chosen: lower weight than the meetings placed in its common slots"),
    ),
]


@pytest.mark.parametrize(
    ("instance", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
@pytest.mark.parametrize("method", ["exact", "heuristic"])
def test_reason_of_the_request_left_out(
    instance: Instance, expected: tuple[str, str], method: str
) -> None:
    result = solve(instance, time_limit=10, method=method)  # type: ignore[arg-type]
    found = reasons(instance, result)
    assert len(found) == 1
    assert next(iter(found.values())) == expected


def test_unknown_participant_in_lenient_mode() -> None:
    instance = event({"p1": BOTH, "p2": BOTH}, [("p1", "p2", 1), ("p1", "p9", 1)], strict=False)
    found = reasons(instance, solve(instance, time_limit=10))
    assert found == {"r2": ("unknown_participant", "unknown participant 'p9'")}


def test_first_come_blames_earlier_requests_not_weight() -> None:
    instance = event(
        {"p1": BOTH, "p2": ["s1"], "p3": BOTH, "p4": ["s2"]},
        [("p1", "p3", 1), ("p1", "p2", 5), ("p3", "p4", 5)],
        tables=2,
    )
    result = first_come(instance)
    # r1 took s1, so r2 (p2 only in s1) is blocked by p1.
    assert {m["request"]: m["slot"] for m in result["meetings"]} == {"r1": "s1", "r3": "s2"}
    assert reasons(instance, result) == {
        "r2": ("person_booked", "p1 is fully booked in every common slot")
    }
    blocked_both_ways = event(
        {"p1": BOTH, "p2": ["s1"], "p3": BOTH, "p4": ["s2"], "p5": BOTH, "p6": BOTH},
        [("p1", "p2", 1), ("p3", "p4", 1), ("p1", "p3", 9)],
        tables=2,
    )
    assert reasons(blocked_both_ways, first_come(blocked_both_ways)) == {
        "r3": ("not_chosen", "not chosen: its common slots were taken by earlier requests")
    }

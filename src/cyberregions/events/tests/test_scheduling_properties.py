"""Property tests on random small instances, checked against brute-force enumeration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cyberregions.events.scheduling import Instance, first_come, solve, validate

WEIGHTS = [0.5, 1.0, 1.5, 2.0, 3.0, 4.25]
PROPERTY_SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def instances(draw: st.DrawFn, max_requests: int = 8, locks: bool = True) -> Instance:
    """Up to 3 slots, 7 people and `max_requests` requests, including self-meetings,
    duplicate pairs and people with no slot at all, plus feasible locks. Few slots and
    tables make requests compete, which is where solvers go wrong."""
    slots = [f"s{i}" for i in range(draw(st.integers(1, 3)))]
    tables = draw(st.integers(1, 2))
    people = [f"p{i}" for i in range(draw(st.integers(2, 7)))]
    participants = []
    for person in people:
        # Mostly available: unavailability should constrain, not empty the instance.
        flags = draw(
            st.lists(
                st.sampled_from([True, True, True, False]), min_size=len(slots), max_size=len(slots)
            )
        )
        participants.append(
            {"id": person, "available": [slot for slot, ok in zip(slots, flags, strict=True) if ok]}
        )
    requests = [
        {
            "id": f"r{i}",
            "a": draw(st.sampled_from(people)),
            "b": draw(st.sampled_from(people)),
            "weight": draw(st.sampled_from(WEIGHTS)),
        }
        for i in range(draw(st.integers(0, max_requests)))
    ]
    locked: list[dict[str, str]] = []
    if locks and requests:
        wanted = draw(
            st.lists(st.tuples(st.integers(0, len(requests) - 1), st.sampled_from(slots)))
        )
        available = {p["id"]: set(p["available"]) for p in participants}
        taken: set[tuple[str, str]] = set()
        pairs: set[frozenset[str]] = set()
        locked_ids: set[str] = set()
        for index, slot in wanted:
            request = requests[index]
            a, b, pair = request["a"], request["b"], frozenset((request["a"], request["b"]))
            feasible = (
                a != b
                and request["id"] not in locked_ids
                and pair not in pairs
                and slot in available[a] & available[b]
                and (a, slot) not in taken
                and (b, slot) not in taken
                and sum(lock["slot"] == slot for lock in locked) < tables
            )
            if feasible:
                locked.append({"request": request["id"], "slot": slot})
                locked_ids.add(request["id"])
                pairs.add(pair)
                taken |= {(a, slot), (b, slot)}
    data: dict[str, Any] = {
        "slots": slots,
        "tables": tables,
        "participants": participants,
        "requests": requests,
        "locked": locked,
    }
    return Instance.from_dict(data)


@dataclass
class BruteForce:
    best_weight: float
    # Most previous meetings kept among schedules of best weight (when asked for).
    best_kept: int


def brute_force(instance: Instance, previous: dict[str, str] | None = None) -> BruteForce:
    """Enumerate every assignment of requests to slots (or none), independently of the
    solver's code; a pair meets at most once."""
    previous = previous or {}
    available = {p.id: p.available for p in instance.participants}
    locked = {lock.request: lock.slot for lock in instance.locked}
    requests = list(instance.requests)
    best = BruteForce(-1.0, -1)
    busy: set[tuple[str, str]] = set()
    used = dict.fromkeys(instance.slots, 0)
    met: set[frozenset[str]] = set()

    def options(request: Any) -> list[str | None]:
        if request.id in locked:
            return [locked[request.id]]
        common = [
            slot
            for slot in instance.slots
            if slot in available.get(request.a, ()) and slot in available.get(request.b, ())
        ]
        return [None] + (common if request.a != request.b else [])

    def visit(index: int, weight: float, kept: int) -> None:
        nonlocal best
        if index == len(requests):
            if weight > best.best_weight + 1e-9 or (
                abs(weight - best.best_weight) <= 1e-9 and kept > best.best_kept
            ):
                best = BruteForce(weight, kept)
            return
        request = requests[index]
        pair = frozenset((request.a, request.b))
        for slot in options(request):
            if slot is None:
                visit(index + 1, weight, kept)
                continue
            if (
                used[slot] >= instance.tables
                or (request.a, slot) in busy
                or (request.b, slot) in busy
                or pair in met
            ):
                continue
            busy.update({(request.a, slot), (request.b, slot)})
            used[slot] += 1
            met.add(pair)
            visit(index + 1, weight + request.weight, kept + (previous.get(request.id) == slot))
            busy.difference_update({(request.a, slot), (request.b, slot)})
            used[slot] -= 1
            met.discard(pair)

    visit(0, 0.0, 0)
    return best


@PROPERTY_SETTINGS
@given(instances())
def test_exact_equals_brute_force_and_result_is_valid(instance: Instance) -> None:
    result = solve(instance, time_limit=20, method="exact")
    assert validate(instance, result) == []
    optimum = brute_force(instance).best_weight
    assert abs(result["objective"] - optimum) <= 1e-6
    assert result["optimal"] is True
    assert result["method"] == "exact"
    assert result["objective"] <= result["upper_bound"] + 1e-9


@PROPERTY_SETTINGS
@given(instances())
def test_heuristic_is_valid_and_its_bound_is_never_below_the_optimum(instance: Instance) -> None:
    result = solve(instance, time_limit=5, method="heuristic")
    assert validate(instance, result) == []
    assert result["method"] == "heuristic"
    optimum = brute_force(instance).best_weight
    assert result["objective"] <= optimum + 1e-6
    assert result["upper_bound"] >= optimum - 1e-6
    if result["optimal"]:
        assert abs(result["objective"] - optimum) <= 1e-6


@PROPERTY_SETTINGS
@given(instances())
def test_locks_are_honoured(instance: Instance) -> None:
    for result in (solve(instance, time_limit=10), first_come(instance)):
        placed = {meeting["request"]: meeting["slot"] for meeting in result["meetings"]}
        for lock in instance.locked:
            assert placed[lock.request] == lock.slot


@PROPERTY_SETTINGS
@given(instances())
def test_first_come_is_valid_and_never_beats_the_optimum(instance: Instance) -> None:
    result = first_come(instance)
    assert validate(instance, result) == []
    assert result["upper_bound"] is None
    assert result["objective"] <= brute_force(instance).best_weight + 1e-6


@PROPERTY_SETTINGS
@given(instances(), st.data())
def test_reschedule_keeps_weight_optimal_and_changes_fewest_meetings(
    instance: Instance, data: st.DataObject
) -> None:
    # Any previous schedule, even an infeasible or outdated one (slots the people no
    # longer have, double bookings, unknown requests). Only a pair meeting twice is left
    # out: which duplicate request represents a pair is settled before optimising.
    slot_or_none = st.sampled_from([None, *instance.slots])
    previous: dict[str, str] = {}
    pairs_seen: set[frozenset[str]] = set()
    for request in instance.requests:
        slot = data.draw(slot_or_none, label=f"previous {request.id}")
        pair = frozenset((request.a, request.b))
        if slot is not None and pair not in pairs_seen:
            previous[request.id] = slot
            pairs_seen.add(pair)
    meetings = [{"request": r, "slot": s, "table": 1} for r, s in previous.items()]
    meetings.append({"request": "gone", "slot": instance.slots[0], "table": 1})
    result = solve(instance, time_limit=20, previous={"meetings": meetings})
    assert validate(instance, result) == []
    reference = brute_force(instance, previous)
    assert abs(result["objective"] - reference.best_weight) <= 1e-6
    placed = {meeting["request"]: meeting["slot"] for meeting in result["meetings"]}
    kept = sum(placed.get(request) == slot for request, slot in previous.items())
    assert kept == reference.best_kept
    assert result["changes"]["kept"] == kept
    assert sum(result["changes"].values()) == len(previous) + result["changes"]["added"]


@PROPERTY_SETTINGS
@given(instances(max_requests=7))
def test_rescheduling_an_optimal_schedule_changes_nothing(instance: Instance) -> None:
    first = solve(instance, time_limit=20)
    again = solve(instance, time_limit=20, previous=first)
    assert again["meetings"] == first["meetings"]  # same slots and same tables
    assert again["changes"] == {
        "kept": len(first["meetings"]),
        "moved": 0,
        "dropped": 0,
        "added": 0,
    }

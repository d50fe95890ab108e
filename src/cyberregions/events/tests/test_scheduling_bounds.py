"""Validity and tightness of the upper bounds, tested on the bound functions directly
(through `solve` a weak bound would hide behind the objective)."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cyberregions.events.scheduling import Instance
from cyberregions.events.scheduling.assignment import build_pairs
from cyberregions.events.scheduling.bounds import (
    Prices,
    aggregated_bound,
    best_bound,
    dual_value,
    full_lp_bound,
    subgradient_polish,
    trivial_bound,
)
from cyberregions.events.scheduling.model import build_model

from .test_scheduling_properties import PROPERTY_SETTINGS, brute_force, instances


@PROPERTY_SETTINGS
@given(instances(), st.data())
def test_every_bound_is_at_least_the_optimum(instance: Instance, data: st.DataObject) -> None:
    model = build_model(instance)
    pairs = build_pairs(model)
    free_optimum = brute_force(instance).best_weight - model.locked_weight()
    slack = 1e-6
    assert trivial_bound(pairs).value >= free_optimum - slack
    aggregated = aggregated_bound(pairs, 5.0)
    full = full_lp_bound(pairs, 5.0)
    for bound in (aggregated, full):
        if pairs.size:
            assert bound is not None
            assert bound.value >= free_optimum - slack
    if aggregated is not None and full is not None:
        # The full LP has every constraint of the aggregated one, and more.
        assert full.value <= aggregated.value + 1e-6
        polished = subgradient_polish(pairs, aggregated, free_optimum, time.perf_counter() + 1)
        assert free_optimum - slack <= polished.value <= aggregated.value + 1e-9
    combined = best_bound(pairs, target=free_optimum, deadline=time.perf_counter() + 5)
    assert combined.value >= free_optimum - slack
    # Weak duality: arbitrary non-negative prices still bound the optimum.
    price = st.floats(0, 5, allow_nan=False)
    slot_prices = np.array(
        data.draw(st.lists(price, min_size=pairs.slot_count, max_size=pairs.slot_count))
    )
    size = pairs.slot_count * pairs.person_count
    person_prices = np.array(data.draw(st.lists(price, min_size=size, max_size=size)))
    assert dual_value(pairs, Prices(slot_prices, person_prices)) >= free_optimum - slack


def _instance(tables: int, requests: list[tuple[str, str, float]]) -> Instance:
    people = sorted({person for a, b, _ in requests for person in (a, b)})
    return Instance.from_dict(
        {
            "slots": ["s1"],
            "tables": tables,
            "participants": [{"id": person, "available": ["s1"]} for person in people],
            "requests": [
                {"id": f"r{i}", "a": a, "b": b, "weight": weight}
                for i, (a, b, weight) in enumerate(requests)
            ],
        }
    )


def test_lp_bound_of_an_odd_cycle_is_half_of_its_length() -> None:
    # Three people who all want to meet each other, one slot: one meeting fits, the LP
    # relaxation takes half of each request.
    pairs = build_pairs(
        build_model(_instance(3, [("p1", "p2", 1.0), ("p2", "p3", 1.0), ("p1", "p3", 1.0)]))
    )
    assert full_lp_bound(pairs, 5.0).value == pytest.approx(1.5)
    assert aggregated_bound(pairs, 5.0).value == pytest.approx(1.5)


def test_table_bound_takes_the_heaviest_requests() -> None:
    requests = [("p1", "p2", 5.0), ("p3", "p4", 1.0), ("p5", "p6", 3.0), ("p7", "p8", 2.0)]
    pairs = build_pairs(build_model(_instance(2, requests)))
    assert trivial_bound(pairs).value == pytest.approx(11.0)
    assert aggregated_bound(pairs, 5.0).value == pytest.approx(8.0)
    assert full_lp_bound(pairs, 5.0).value == pytest.approx(8.0)


def test_a_person_meets_at_most_once_per_usable_slot() -> None:
    # Two tables, but p2 is in both requests and has a single slot.
    requests = [("p1", "p2", 1.0), ("p2", "p3", 1.0)]
    pairs = build_pairs(build_model(_instance(2, requests)))
    assert aggregated_bound(pairs, 5.0).value == pytest.approx(1.0)


def test_slot_prices_close_what_the_aggregated_lp_leaves_open() -> None:
    # Two heavy requests can only meet in s1, which has one table; the aggregated LP only
    # sees two tables in total. Full LP and optimum: 3 (one of them) + 1 (r2 in s2).
    instance = Instance.from_dict(
        {
            "slots": ["s1", "s2"],
            "tables": 1,
            "participants": [
                {"id": "p1", "available": ["s1"]},
                {"id": "p2", "available": ["s1", "s2"]},
                {"id": "p3", "available": ["s1", "s2"]},
                {"id": "p4", "available": ["s1", "s2"]},
                {"id": "p5", "available": ["s1"]},
                {"id": "p6", "available": ["s1", "s2"]},
            ],
            "requests": [
                {"id": "r1", "a": "p1", "b": "p2", "weight": 3},
                {"id": "r2", "a": "p3", "b": "p4", "weight": 1},
                {"id": "r3", "a": "p5", "b": "p6", "weight": 3},
            ],
        }
    )
    pairs = build_pairs(build_model(instance))
    aggregated = aggregated_bound(pairs, 5.0)
    assert aggregated.value == pytest.approx(6.0)
    assert full_lp_bound(pairs, 5.0).value == pytest.approx(4.0)
    polished = subgradient_polish(pairs, aggregated, 4.0, time.perf_counter() + 5)
    assert polished.value == pytest.approx(4.0, abs=1e-3)
    combined = best_bound(pairs, target=4.0, deadline=time.perf_counter() + 5)
    assert combined.value == pytest.approx(4.0, abs=1e-3)

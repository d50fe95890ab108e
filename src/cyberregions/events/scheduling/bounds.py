"""Upper bounds on the weight of any schedule, each certified by a dual solution.

Every bound is evaluated through the dual of the LP relaxation of the assignment model
(see assignment.py). For any prices lambda[s] >= 0 (per slot) and mu[p, s] >= 0 (per
person and slot),

    bound = locked weight + sum_s tables_left[s] * lambda[s] + sum_{p,s} mu[p, s]
            + sum_r max(0, max_{s in C(r)} (w[r] - lambda[s] - mu[a_r, s] - mu[b_r, s]))

is at least the LP optimum, hence at least the weight of every schedule (weak duality;
the last term prices each request's own "at most once" row). So the prices only decide
how tight the bound is, never whether it is valid, and a bound is always recomputed from
the prices rather than trusted from a solver's reported objective.

Prices come from, cheapest first:
  * the aggregated LP: one variable per request, per-person capacity (slots it can use)
    and one total capacity row sum_s min(tables_left[s], people able to meet in s / 2);
    its duals translate exactly into lambda and mu;
  * the full LP relaxation with HiGHS, when the model is small enough;
  * projected subgradient steps on the formula above, from the best prices so far.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import highspy
import numpy as np

from .assignment import Pairs, build_highs

# HiGHS' interior point method needs ~2.5 s for 45k pairs and ~40 s for 300k (simplex is
# far slower on this degenerate LP); above this size the full LP is skipped.
FULL_LP_MAX_PAIRS = 100_000
# Subgradient steps only polish; they rarely gain much over the LP prices.
SUBGRADIENT_SHARE = 0.25


@dataclass(frozen=True)
class Prices:
    slot: np.ndarray  # lambda, one per slot
    person_slot: np.ndarray  # mu, flattened person * slot_count + slot


@dataclass(frozen=True)
class Bound:
    value: float  # excludes the locked weight
    prices: Prices | None
    source: str


def dual_value(pairs: Pairs, prices: Prices) -> float:
    """The certified bound of the docstring above, without the locked weight."""
    slot_price = np.maximum(prices.slot, 0.0)
    person_price = np.maximum(prices.person_slot, 0.0)
    value = float(pairs.capacity @ slot_price) + float(person_price.sum())
    if pairs.size:
        reduced = (
            pairs.weight
            - slot_price[pairs.slot]
            - person_price[pairs.person_slot_a]
            - person_price[pairs.person_slot_b]
        )
        best = np.maximum.reduceat(reduced, pairs.start[:-1])
        value += float(np.maximum(best, 0.0).sum())
    return value


def trivial_bound(pairs: Pairs) -> Bound:
    """Every free request placed: valid with all prices zero."""
    zero = Prices(np.zeros(pairs.slot_count), np.zeros(pairs.slot_count * pairs.person_count))
    return Bound(dual_value(pairs, zero), zero, "sum of weights")


def aggregated_bound(pairs: Pairs, time_limit: float) -> Bound | None:
    if pairs.size == 0:
        return None
    slot_count = pairs.slot_count
    keys = np.unique(np.concatenate([pairs.person_slot_a, pairs.person_slot_b]))
    person_of_key, slot_of_key = keys // slot_count, keys % slot_count
    person_capacity = np.bincount(person_of_key, minlength=pairs.person_count).astype(float)
    people_in_slot = np.bincount(slot_of_key, minlength=slot_count).astype(float)
    # Fewer than 2*tables people able to meet in a slot limit it more than its tables.
    people_bound = people_in_slot / 2.0 < pairs.capacity
    total_capacity = float(np.minimum(pairs.capacity, people_in_slot / 2.0).sum())

    free_count = pairs.free.size
    first_pair = pairs.start[:-1]
    person_a = pairs.person_slot_a[first_pair] // slot_count
    person_b = pairs.person_slot_b[first_pair] // slot_count
    row_count = pairs.person_count + 1
    lp = highspy.HighsLp()
    lp.num_col_ = free_count
    lp.num_row_ = row_count
    lp.col_cost_ = pairs.weight[first_pair]
    lp.col_lower_ = np.zeros(free_count)
    lp.col_upper_ = np.ones(free_count)
    lp.row_lower_ = np.full(row_count, -highspy.kHighsInf)
    lp.row_upper_ = np.append(person_capacity, total_capacity)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.arange(0, 3 * free_count + 1, 3, dtype=np.int32)
    lp.a_matrix_.index_ = (
        np.stack([person_a, person_b, np.full(free_count, pairs.person_count)], axis=1)
        .ravel()
        .astype(np.int32)
    )
    lp.a_matrix_.value_ = np.ones(3 * free_count)
    lp.a_matrix_.num_col_ = free_count
    lp.a_matrix_.num_row_ = row_count
    lp.sense_ = highspy.ObjSense.kMaximize
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", max(time_limit, 0.1))
    highs.passModel(lp)
    highs.run()
    row_dual = np.abs(np.asarray(highs.getSolution().row_dual, dtype=float))
    if row_dual.size != row_count:
        return None
    person_price, total_price = row_dual[:-1], row_dual[-1]
    # Translate: a person's capacity row prices each of its usable slots; the total row
    # prices tables, except in people-bound slots where it is split over the two people.
    slot_price = np.where(people_bound, 0.0, total_price)
    mu = np.zeros(slot_count * pairs.person_count)
    mu[keys] = person_price[person_of_key] + np.where(
        people_bound[slot_of_key], total_price / 2.0, 0.0
    )
    prices = Prices(slot_price, mu)
    return Bound(dual_value(pairs, prices), prices, "aggregated LP")


def full_lp_bound(pairs: Pairs, time_limit: float) -> Bound | None:
    if pairs.size == 0 or pairs.size > FULL_LP_MAX_PAIRS:
        return None
    highs, rows = build_highs(pairs, integer=False)
    highs.setOptionValue("time_limit", max(time_limit, 0.1))
    # Crossover to a vertex is not needed: any prices give a valid bound. Without it,
    # rows removed by presolve come back with zero duals, hence no presolve.
    highs.setOptionValue("solver", "ipm")
    highs.setOptionValue("run_crossover", "off")
    highs.setOptionValue("presolve", "off")
    highs.run()
    row_dual = np.abs(np.asarray(highs.getSolution().row_dual, dtype=float))
    if row_dual.size != highs.getNumRow():
        return None
    slot_price = np.zeros(pairs.slot_count)
    slot_price[rows.slot_keys] = row_dual[rows.slot_rows]
    person_price = np.zeros(pairs.slot_count * pairs.person_count)
    person_price[rows.person_slot_keys] = row_dual[rows.person_slot_rows]
    prices = Prices(slot_price, person_price)
    return Bound(dual_value(pairs, prices), prices, "LP relaxation")


def subgradient_polish(
    pairs: Pairs, start: Bound, target: float, deadline: float, max_iterations: int = 500
) -> Bound:
    """Lower the bound by projected subgradient steps (Polyak step towards `target`,
    the weight of the best schedule known, which the bound can never go below)."""
    if pairs.size == 0 or start.prices is None:
        return start
    slot_price = start.prices.slot.copy()
    person_price = start.prices.person_slot.copy()
    best = start
    step_scale = 1.0
    stalled = 0
    first_pair = pairs.start[:-1]
    group = np.repeat(np.arange(pairs.free.size), np.diff(pairs.start))
    for _ in range(max_iterations):
        if time.perf_counter() >= deadline or best.value - target <= 1e-9 * max(1.0, target):
            break
        reduced = (
            pairs.weight
            - slot_price[pairs.slot]
            - person_price[pairs.person_slot_a]
            - person_price[pairs.person_slot_b]
        )
        best_reduced = np.maximum.reduceat(reduced, first_pair)
        value = (
            float(pairs.capacity @ slot_price)
            + float(person_price.sum())
            + float(np.maximum(best_reduced, 0.0).sum())
        )
        if value < best.value - 1e-12:
            best = Bound(value, Prices(slot_price.copy(), person_price.copy()), start.source)
            stalled = 0
        else:
            stalled += 1
            if stalled >= 10:
                step_scale /= 2.0
                stalled = 0
        # One maximising pair per request with positive reduced weight acts as "placed".
        is_best = (reduced >= best_reduced[group]) & (best_reduced[group] > 0)
        _, chosen_index = np.unique(group[is_best], return_index=True)
        chosen = np.flatnonzero(is_best)[chosen_index]
        slot_gradient = pairs.capacity - np.bincount(pairs.slot[chosen], minlength=pairs.slot_count)
        person_gradient = 1.0 - np.bincount(
            np.concatenate([pairs.person_slot_a[chosen], pairs.person_slot_b[chosen]]),
            minlength=person_price.size,
        )
        # Prices already at zero with a positive gradient stay at zero: project first.
        slot_gradient = np.where((slot_price <= 0) & (slot_gradient > 0), 0.0, slot_gradient)
        person_gradient = np.where(
            (person_price <= 0) & (person_gradient > 0), 0.0, person_gradient
        )
        norm = float(slot_gradient @ slot_gradient + person_gradient @ person_gradient)
        if norm == 0.0:
            break
        step = step_scale * (value - target) / norm
        slot_price = np.maximum(slot_price - step * slot_gradient, 0.0)
        person_price = np.maximum(person_price - step * person_gradient, 0.0)
    return Bound(best.value, best.prices, f"{start.source} + subgradient")


def best_bound(pairs: Pairs, *, target: float, deadline: float) -> Bound:
    """Tightest certified bound affordable before `deadline` (locked weight excluded)."""
    candidates = [trivial_bound(pairs)]
    aggregated = aggregated_bound(pairs, deadline - time.perf_counter())
    if aggregated is not None:
        candidates.append(aggregated)
    remaining = deadline - time.perf_counter()
    if remaining > 0:
        full = full_lp_bound(pairs, remaining)
        if full is not None:
            candidates.append(full)
    best = min(candidates, key=_value)
    now = time.perf_counter()
    if best.value - target > 1e-9 * max(1.0, target) and now < deadline:
        polish_deadline = now + SUBGRADIENT_SHARE * (deadline - now)
        best = min(best, subgradient_polish(pairs, best, target, polish_deadline), key=_value)
    return best


def _value(bound: Bound) -> float:
    return bound.value

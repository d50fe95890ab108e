"""Large neighbourhood search: re-optimise a cluster of participants exactly with HiGHS.

A cluster is grown from the people of a heavy unplaced request along requests (breadth
first, random order). Every free request touching the cluster is released; meetings of
everyone else stay where they are and keep their tables and people busy. The released
requests form a small MILP (same model as exact.py) that HiGHS solves in a fraction of a
second, warm-started from the current schedule, so the result is never worse. The
cluster grows when sub-problems are solved quickly and shrinks when they time out.
"""

from __future__ import annotations

import logging
import random
import time
from collections import deque

import highspy
import numpy as np

from .assignment import Pairs, build_highs, restricted_pairs
from .exact import ABSOLUTE_GAP
from .heuristic import LocalSearch
from .model import NOT_PLACED, Model

logger = logging.getLogger(__name__)

# Released requests per sub-problem: adapted so that HiGHS solves most of them quickly.
START_RELEASED = 150
MIN_RELEASED = 20
MAX_RELEASED = 3_000
SUBPROBLEM_SECONDS = 1.0
STALL_ROUNDS = 200
# Stability: a released meeting back in its previous slot earns this share of the
# lightest weight, summed over all released meetings far below any real weight change.
STABILITY_SHARE = 1e-4


class NeighbourhoodSearch:
    def __init__(self, model: Model, search: LocalSearch, seed: int = 0) -> None:
        self.model = model
        self.search = search
        self.rng = random.Random(seed)
        self.budget = START_RELEASED
        self.neighbours: list[list[tuple[int, int]]] = [[] for _ in range(model.person_count)]
        for r in model.free_requests():
            if model.candidate_slots[r]:
                self.neighbours[model.person_a[r]].append((model.person_b[r], r))
                self.neighbours[model.person_b[r]].append((model.person_a[r], r))
        self.min_weight = min(model.weight, default=1.0)
        self.rounds = 0
        self.improvements = 0
        self.releasable = sum(1 for r in model.free_requests() if model.candidate_slots[r])
        # Set when a sub-problem held every free request: HiGHS' bound is then global.
        self.whole_bound: float | None = None

    def run(self, deadline: float, target: float) -> None:
        """Improve until `deadline`, until the free weight reaches `target` (the bound), or
        until improvements stop coming."""
        search = self.search
        locked = self.model.locked_weight()
        tolerance = ABSOLUTE_GAP * max(1.0, target)
        seeds: list[int] = []
        last_improvement = 0
        while time.perf_counter() < deadline and search.total - locked < target - tolerance:
            if not seeds:
                seeds = self._seed_order()
            released = self._release(seeds.pop())
            improved = self._reoptimise(released, deadline)
            self.rounds += 1
            if improved:
                self.improvements += 1
                last_improvement = self.rounds
                logger.debug(
                    "round %d, %d requests released: weight %.6g",
                    self.rounds,
                    len(released),
                    search.total - locked,
                )
            if self.whole_bound is not None:
                return  # the sub-problem was the whole problem: nothing left to improve
            # Stop once the fruitless stretch outlasts all the search so far.
            if self.rounds - last_improvement > max(STALL_ROUNDS, last_improvement):
                return

    def _seed_order(self) -> list[int]:
        """People of unplaced requests, the heaviest requests last (popped first), plus a
        few random people so that placed meetings are re-arranged as well."""
        search = self.search
        unplaced = [r for r in self.model.free_requests() if search.is_unplaced_free(r)]
        self.rng.shuffle(unplaced)
        unplaced.sort(key=lambda r: self.model.weight[r])
        seeds = [
            self.rng.choice((self.model.person_a[r], self.model.person_b[r])) for r in unplaced
        ]
        people = range(self.model.person_count)
        seeds[:0] = self.rng.sample(people, min(len(people), 1 + len(seeds) // 4))
        return seeds

    def _release(self, seed: int) -> list[int]:
        """Requests of a cluster grown breadth-first from `seed`, about `budget` of them.

        A person whose requests would overshoot the budget is skipped rather than added:
        popular participants have hundreds of requests and would swamp the sub-problem.
        """
        movable = self.search.movable
        if self.budget >= self.releasable:
            return [r for r in self.model.free_requests() if self.model.candidate_slots[r]]
        released = [r for _, r in self.neighbours[seed] if movable[r]]
        if len(released) > self.budget:
            self.rng.shuffle(released)
            # Keep the placed meetings so the current schedule remains a solution.
            released.sort(key=lambda r: self.search.slot_of[r] == NOT_PLACED)
            released = released[: self.budget]
        chosen = set(released)
        cluster = {seed}
        frontier = deque([seed])
        while frontier and len(chosen) < self.budget:
            person = frontier.popleft()
            neighbours = self.neighbours[person][:]
            self.rng.shuffle(neighbours)
            for other, _ in neighbours:
                if other in cluster:
                    continue
                cluster.add(other)
                new = [r for _, r in self.neighbours[other] if movable[r] and r not in chosen]
                if len(chosen) + len(new) > self.budget * 1.25:
                    continue
                chosen.update(new)
                frontier.append(other)
                if len(chosen) >= self.budget:
                    break
        return sorted(chosen)

    def _reoptimise(self, released: list[int], deadline: float) -> bool:
        model, search = self.model, self.search
        releasing = set(released)
        capacity = [model.tables - used for used in search.used]
        for r in released:
            if search.slot_of[r] != NOT_PLACED:
                capacity[search.slot_of[r]] += 1
        requests, slots = [], []
        for r in released:
            occupant_a = search.occupant[model.person_a[r]]
            occupant_b = search.occupant[model.person_b[r]]
            allowed = [
                s
                for s in model.candidate_slots[r]
                if capacity[s] > 0
                and (occupant_a[s] == NOT_PLACED or occupant_a[s] in releasing)
                and (occupant_b[s] == NOT_PLACED or occupant_b[s] in releasing)
            ]
            if allowed:
                requests.append(r)
                slots.append(allowed)
        if len(requests) < 2:
            return False
        pairs = restricted_pairs(model, requests, slots, capacity)
        highs = build_highs_for(pairs, search, self.min_weight)
        started = time.perf_counter()
        remaining = min(SUBPROBLEM_SECONDS, deadline - started)
        if remaining <= 0.01:
            return False
        highs.setOptionValue("time_limit", remaining)
        highs.run()
        solved_quickly = highs.getModelStatus() == highspy.HighsModelStatus.kOptimal
        if solved_quickly and time.perf_counter() - started < remaining / 4:
            self.budget = min(MAX_RELEASED, int(self.budget * 1.15) + 1)
        else:
            self.budget = max(MIN_RELEASED, int(self.budget * 0.7))
        if len(released) == self.releasable and solved_quickly:
            self.whole_bound = float(highs.getInfo().mip_dual_bound)
        solution = highs.getSolution()
        if not solution.value_valid or len(solution.col_value) != pairs.size:
            return False
        chosen = np.flatnonzero(np.asarray(solution.col_value) > 0.5)
        return self._apply(requests, pairs.request[chosen], pairs.slot[chosen])

    def _apply(self, released: list[int], placed: np.ndarray, slots: np.ndarray) -> bool:
        search = self.search
        before = search.score()
        old = [(r, search.slot_of[r]) for r in released if search.slot_of[r] != NOT_PLACED]
        for r, _ in old:
            search.remove(r)
        feasible = True
        for r, s in zip(placed.tolist(), slots.tolist(), strict=True):
            if search.fits(r, s):
                search.place(r, s)
            else:
                feasible = False
        after = search.score()
        tolerance = search.epsilon
        better = after[0] > before[0] + tolerance or (
            after[0] >= before[0] - tolerance and after[1] > before[1]
        )
        if feasible and better:
            return True
        for r in released:
            if search.slot_of[r] != NOT_PLACED:
                search.remove(r)
        for r, s in old:
            search.place(r, s)
        return False


def build_highs_for(pairs: Pairs, search: LocalSearch, min_weight: float) -> highspy.Highs:
    """Sub-MILP warm-started from the current schedule, with a stability bonus."""
    highs, _ = build_highs(pairs, integer=True)
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.setOptionValue("mip_abs_gap", ABSOLUTE_GAP)
    highs.setOptionValue("random_seed", 0)
    current = np.asarray(search.slot_of, dtype=np.int64)[pairs.request] == pairs.slot
    if search.preferred_slot:
        preferred = np.array([search.preferred_slot.get(int(r), NOT_PLACED) for r in pairs.request])
        bonus = STABILITY_SHARE * min_weight / max(1, pairs.free.size)
        costs = pairs.weight + bonus * (preferred == pairs.slot)
        columns = np.arange(pairs.size, dtype=np.int32)
        highs.changeColsCost(pairs.size, columns, costs)
    start = highspy.HighsSolution()
    start.col_value = current.astype(np.float64)
    start.value_valid = True
    highs.setSolution(start)
    return highs

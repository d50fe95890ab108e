"""Greedy construction plus local improvement for instances too large for the MILP.

Greedy: requests by decreasing weight, each into the candidate slot that hurts the
still-unplaced requests least (fewest of them compete for that slot with either person).

Improvement: an unplaced request r is tried in each candidate slot s. Whatever blocks it
there (the meeting of either person in s, or a full slot) is relocated to another slot of
its own if possible, evicting at most what blocks it there, or else evicted. The move is
kept only if it raises the total weight (ties broken by meetings kept from a previous
schedule), so the search terminates; evicted meetings go back into the queue.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Iterable, Mapping

from .model import NOT_PLACED, Model

# Members of a full slot inspected for a free relocation before evicting the lightest one.
RELOCATION_PROBES = 4


class LocalSearch:
    """Mutable schedule with O(1) placement tests and undoable moves."""

    def __init__(self, model: Model, preferred_slot: Mapping[int, int] | None = None) -> None:
        self.model = model
        self.tables = model.tables
        self.weight = model.weight
        self.person_a = model.person_a
        self.person_b = model.person_b
        self.candidates = model.candidate_slots
        self.preferred_slot = dict(preferred_slot or {})
        self.movable = [model.is_free(r) for r in range(model.request_count)]
        self.slot_of = [NOT_PLACED] * model.request_count
        self.occupant = [[NOT_PLACED] * model.slot_count for _ in range(model.person_count)]
        self.used = [0] * model.slot_count
        # Per-slot min-heaps of (weight, request); stale entries are skipped lazily.
        self.light_heap: list[list[tuple[float, int]]] = [[] for _ in range(model.slot_count)]
        self.total = 0.0
        self.kept = 0
        self.undo_log: list[tuple[int, int]] | None = None
        self.epsilon = 1e-9 * max(model.weight, default=1.0)
        for r in model.locked_requests():
            self.place(r, model.locked_slot[r])

    def load(self, slot_of: list[int]) -> None:
        """Adopt a complete assignment (for instance the MILP's) for further improvement."""
        for r, s in enumerate(slot_of):
            if self.movable[r] and s != NOT_PLACED:
                self.place(r, s)

    # -- elementary operations -------------------------------------------------------

    def fits(self, r: int, s: int) -> bool:
        return (
            self.used[s] < self.tables
            and self.occupant[self.person_a[r]][s] == NOT_PLACED
            and self.occupant[self.person_b[r]][s] == NOT_PLACED
        )

    def place(self, r: int, s: int) -> None:
        self.slot_of[r] = s
        self.occupant[self.person_a[r]][s] = r
        self.occupant[self.person_b[r]][s] = r
        self.used[s] += 1
        self.total += self.weight[r]
        if self.preferred_slot.get(r) == s:
            self.kept += 1
        if self.movable[r]:
            heapq.heappush(self.light_heap[s], (self.weight[r], r))
        if self.undo_log is not None:
            self.undo_log.append((r, NOT_PLACED))

    def remove(self, r: int) -> None:
        s = self.slot_of[r]
        self.slot_of[r] = NOT_PLACED
        self.occupant[self.person_a[r]][s] = NOT_PLACED
        self.occupant[self.person_b[r]][s] = NOT_PLACED
        self.used[s] -= 1
        self.total -= self.weight[r]
        if self.preferred_slot.get(r) == s:
            self.kept -= 1
        if self.undo_log is not None:
            self.undo_log.append((r, s))

    def lightest(self, s: int, exclude: Iterable[int] = ()) -> int:
        """Lightest movable meeting in slot s not in `exclude`, or NOT_PLACED.

        Only the first few heap entries are inspected past the excluded ones; missing a
        lighter meeting there only makes a move look dearer than it is."""
        heap = self.light_heap[s]
        while heap and self.slot_of[heap[0][1]] != s:
            heapq.heappop(heap)
        excluded = set(exclude)
        for _, r in heapq.nsmallest(len(excluded) + 1, heap) if excluded else heap[:1]:
            if r not in excluded and self.slot_of[r] == s:
                return r
        return NOT_PLACED

    def rollback(self, mark: int) -> None:
        """Undo the logged operations after position `mark` of the undo log."""
        if self.undo_log is None:
            raise RuntimeError("rollback without an undo log")
        saved, self.undo_log = self.undo_log, None
        while len(saved) > mark:
            r, old_slot = saved.pop()
            if old_slot == NOT_PLACED:
                self.remove(r)
            else:
                self.place(r, old_slot)
        self.undo_log = saved

    def score(self) -> tuple[float, int]:
        return self.total, self.kept

    # -- greedy construction -----------------------------------------------------------

    def greedy(self, order: Iterable[int]) -> None:
        """Place requests in the given order, each into its least contested fitting slot."""
        order = [r for r in order if self.slot_of[r] == NOT_PLACED]
        slot_count = self.model.slot_count
        # demand[p][s]: requests of p not yet processed that could use slot s.
        demand = [[0] * slot_count for _ in range(self.model.person_count)]
        slot_demand = [0] * slot_count
        for r in order:
            a, b = self.person_a[r], self.person_b[r]
            for s in self.candidates[r]:
                demand[a][s] += 1
                demand[b][s] += 1
                slot_demand[s] += 1
        for r in order:
            a, b = self.person_a[r], self.person_b[r]
            demand_a, demand_b = demand[a], demand[b]
            for s in self.candidates[r]:
                demand_a[s] -= 1
                demand_b[s] -= 1
                slot_demand[s] -= 1
            preferred = self.preferred_slot.get(r)
            if preferred is not None and self.fits(r, preferred):
                self.place(r, preferred)
                continue
            best_slot, best_key = NOT_PLACED, None
            for s in self.candidates[r]:
                if not self.fits(r, s):
                    continue
                # Contention of both people first; then keep tables balanced across slots.
                key = (demand_a[s] + demand_b[s], slot_demand[s] / (self.tables - self.used[s]))
                if best_key is None or key < best_key:
                    best_slot, best_key = s, key
            if best_slot != NOT_PLACED:
                self.place(r, best_slot)

    # -- improvement ---------------------------------------------------------------

    def _relocation_cost(self, m: int, avoid: int, evicting: set[int]) -> tuple[float, int, int]:
        """Cheapest way to move meeting m out of its slot: (cost, target, evictee).

        Target NOT_PLACED means "evict m" (cost = its weight). Evictee is the meeting to
        evict in the target slot to make room, or NOT_PLACED.
        """
        best = (self.weight[m], NOT_PLACED, NOT_PLACED)
        c, d = self.person_a[m], self.person_b[m]
        occupant_c, occupant_d = self.occupant[c], self.occupant[d]
        for s in self.candidates[m]:
            if s == avoid:
                continue
            blocker_c, blocker_d = occupant_c[s], occupant_d[s]
            if blocker_c == NOT_PLACED and blocker_d == NOT_PLACED:
                if self.used[s] < self.tables:
                    return (0.0, s, NOT_PLACED)
                evictee = self.lightest(s, evicting)
                if evictee != NOT_PLACED and self.weight[evictee] < best[0]:
                    best = (self.weight[evictee], s, evictee)
            elif NOT_PLACED in (blocker_c, blocker_d):
                # One meeting blocks m in s; evicting it also frees its table.
                blocker = blocker_c if blocker_c != NOT_PLACED else blocker_d
                if (
                    self.movable[blocker]
                    and blocker not in evicting
                    and self.weight[blocker] < best[0]
                ):
                    best = (self.weight[blocker], s, blocker)
        return best

    def _plan(self, r: int, s: int) -> tuple[float, list[tuple[int, int, int]]] | None:
        """Cost and steps (meeting, target slot, evictee) to make r fit in slot s."""
        blockers = {self.occupant[self.person_a[r]][s], self.occupant[self.person_b[r]][s]}
        blockers.discard(NOT_PLACED)
        if any(not self.movable[m] for m in blockers):
            return None
        steps: list[tuple[int, int, int]] = []
        cost = 0.0
        evicting: set[int] = set(blockers)
        for m in sorted(blockers):
            move_cost, target, evictee = self._relocation_cost(m, s, evicting)
            cost += move_cost
            steps.append((m, target, evictee))
            if evictee != NOT_PLACED:
                evicting.add(evictee)
        if not blockers and self.used[s] >= self.tables:
            heap = self.light_heap[s]
            lightest = self.lightest(s)
            if lightest == NOT_PLACED:
                return None
            probes = [
                m for _, m in heapq.nsmallest(RELOCATION_PROBES, heap) if self.slot_of[m] == s
            ]
            options = [(self._relocation_cost(m, s, set()), m) for m in probes]
            (move_cost, target, evictee), m = min(options, key=lambda option: option[0][0])
            cost += move_cost
            steps.append((m, target, evictee))
        return cost, steps

    def try_insert(self, r: int) -> list[int]:
        """Insert r by the best improving move; return the meetings evicted by it."""
        best: tuple[float, list[tuple[int, int, int]], int] | None = None
        for s in self.candidates[r]:
            plan = self._plan(r, s)
            if plan is None:
                continue
            gain = self.weight[r] - plan[0]
            if gain <= self.epsilon:
                continue
            # Equal gains: the previous slot wins, so a reschedule changes less.
            better = best is None or gain > best[0] + self.epsilon
            tie = best is not None and abs(gain - best[0]) <= self.epsilon
            if better or (tie and self.preferred_slot.get(r) == s):
                best = (gain, plan[1], s)
        if best is None:
            return []
        _, steps, s = best
        before = self.score()
        self.undo_log = []
        evicted: list[int] = []
        for m, target, evictee in steps:
            if self.slot_of[m] != NOT_PLACED:
                self.remove(m)
            if evictee != NOT_PLACED and self.slot_of[evictee] != NOT_PLACED:
                self.remove(evictee)
                evicted.append(evictee)
            if target != NOT_PLACED and self.fits(m, target):
                self.place(m, target)
            else:
                evicted.append(m)
        if self.fits(r, s):
            self.place(r, s)
        # The plan was costed step by step; confirm the combined effect really improves.
        after = self.score()
        improved = after[0] > before[0] + self.epsilon or (
            after[0] >= before[0] - self.epsilon and after[1] > before[1]
        )
        if not improved or self.slot_of[r] == NOT_PLACED:
            self.rollback(0)
            evicted = []
        self.undo_log = None
        return [m for m in evicted if self.slot_of[m] == NOT_PLACED]

    def improve(self, deadline: float) -> None:
        """Repeat improving insertions until a full pass finds none or time runs out."""

        def unplaced_weight(r: int) -> tuple[float, int, int]:
            return (-self.weight[r], len(self.candidates[r]), r)

        pending = [r for r in range(self.model.request_count) if self.is_unplaced_free(r)]
        while pending and time.perf_counter() < deadline:
            progress = False
            queue = [unplaced_weight(r) for r in pending]
            heapq.heapify(queue)
            while queue:
                if time.perf_counter() >= deadline:
                    return
                _, _, r = heapq.heappop(queue)
                if self.slot_of[r] != NOT_PLACED or not self._may_gain(r):
                    continue
                before = self.total
                for evicted in self.try_insert(r):
                    heapq.heappush(queue, unplaced_weight(evicted))
                progress = progress or self.total > before
            if not progress:
                return
            pending = [r for r in range(self.model.request_count) if self.is_unplaced_free(r)]

    def is_unplaced_free(self, r: int) -> bool:
        return self.movable[r] and self.slot_of[r] == NOT_PLACED and bool(self.candidates[r])

    def _may_gain(self, r: int) -> bool:
        """Cheap filter: with every table taken, r must out-weigh some placed meeting."""
        if any(used < self.tables for used in self.used):
            return True
        return any(
            (m := self.lightest(s)) != NOT_PLACED and self.weight[m] < self.weight[r]
            for s in range(self.model.slot_count)
        )

    def restore_previous(self) -> None:
        """Move meetings back to their previous slot where that is free: same weight, fewer
        changes."""
        for r, s in self.preferred_slot.items():
            current = self.slot_of[r]
            if current in (NOT_PLACED, s) or not self.movable[r]:
                continue
            self.remove(r)
            if self.fits(r, s) and s in self.candidates[r]:
                self.place(r, s)
            else:
                self.place(r, current)


def heuristic_schedule(
    model: Model,
    deadline: float,
    preferred_slot: Mapping[int, int] | None = None,
    seed_previous: bool = False,
) -> LocalSearch:
    """Run greedy + improvement; with `seed_previous`, previous meetings are placed first."""
    search = LocalSearch(model, preferred_slot)
    order = sorted(
        model.free_requests(), key=lambda r: (-model.weight[r], len(model.candidate_slots[r]), r)
    )
    if seed_previous and preferred_slot:
        for r in order:
            s = preferred_slot.get(r)
            if s is not None and s in model.candidate_slots[r] and search.fits(r, s):
                search.place(r, s)
    search.greedy(order)
    search.improve(deadline)
    if preferred_slot:
        search.restore_previous()
    return search

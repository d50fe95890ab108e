"""Benchmark the B2B meeting scheduler against the first-come baseline.

Run with `.venv/bin/python benchmarks/bench_scheduler.py`; prints a Markdown table.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cyberregions.events.scheduling import (  # noqa: E402
    Instance,
    first_come,
    solve,
    validate,
)


@dataclass(frozen=True)
class Scenario:
    name: str
    participants: int
    requests: int
    slots: int
    tables: int
    unavailable_share: float
    runs: int
    time_limit: float
    seed: int


SCENARIOS = (
    Scenario("(a) small, exact", 60, 300, 12, 10, 0.2, runs=3, time_limit=60.0, seed=20240601),
    Scenario("(b) large", 2_000, 20_000, 24, 300, 0.2, runs=1, time_limit=60.0, seed=20240602),
)


def make_instance(scenario: Scenario) -> Instance:
    """A brokerage event with a few very popular participants, as real events have.

    The requester is uniform; the requested party is drawn with Pareto-distributed
    popularity, so some participants receive far more requests than they have free slots.
    Weights are priorities from 1 to 5 in steps of 0.5.
    """
    rng = random.Random(scenario.seed)
    slots = [f"s{i + 1:02d}" for i in range(scenario.slots)]
    unavailable = round(scenario.unavailable_share * scenario.slots)
    people = [f"p{i + 1}" for i in range(scenario.participants)]
    participants = [
        {"id": person, "available": sorted(rng.sample(slots, scenario.slots - unavailable))}
        for person in people
    ]
    popularity = list(itertools.accumulate(rng.paretovariate(1.5) for _ in people))
    pairs: set[frozenset[str]] = set()
    requests: list[dict[str, Any]] = []
    while len(requests) < scenario.requests:
        a = rng.choice(people)
        b = rng.choices(people, cum_weights=popularity)[0]
        pair = frozenset((a, b))
        if a == b or pair in pairs:
            continue
        pairs.add(pair)
        weight = rng.randint(2, 10) / 2
        requests.append({"id": f"r{len(requests) + 1}", "a": a, "b": b, "weight": weight})
    return Instance.from_dict(
        {
            "slots": slots,
            "tables": scenario.tables,
            "participants": participants,
            "requests": requests,
        }
    )


@dataclass(frozen=True)
class Row:
    scenario: Scenario
    seconds: float
    result: dict[str, Any]
    baseline: dict[str, Any]
    baseline_seconds: float


def run(scenario: Scenario, time_limit: float | None = None) -> Row:
    instance = make_instance(scenario)
    timings: list[float] = []
    result: dict[str, Any] = {}
    for _ in range(scenario.runs):
        started = time.perf_counter()
        result = solve(instance, time_limit=time_limit or scenario.time_limit)
        timings.append(time.perf_counter() - started)
        problems = validate(instance, result)
        if problems:
            raise SystemExit(f"{scenario.name}: invalid schedule: {problems[:5]}")
    started = time.perf_counter()
    baseline = first_come(instance)
    baseline_seconds = time.perf_counter() - started
    problems = validate(instance, baseline)
    if problems:
        raise SystemExit(f"{scenario.name}: invalid first-come schedule: {problems[:5]}")
    return Row(scenario, statistics.median(timings), result, baseline, baseline_seconds)


def markdown(rows: list[Row]) -> str:
    header = (
        "| instance | requests / people / slots / tables | method | seconds | objective "
        "| upper bound | / bound | optimal | first-come | / first-come |"
    )
    lines = [header, _separator(header)]
    for row in rows:
        scenario, result = row.scenario, row.result
        runs = f" (median of {scenario.runs})" if scenario.runs > 1 else ""
        lines.append(
            f"| {scenario.name} "
            f"| {scenario.requests:,} / {scenario.participants:,} / {scenario.slots} / "
            f"{scenario.tables} "
            f"| {result['method']} "
            f"| {row.seconds:.2f}{runs} "
            f"| {result['objective']:,.1f} "
            f"| {result['upper_bound']:,.1f} "
            f"| {result['objective'] / result['upper_bound']:.2%} "
            f"| {'yes' if result['optimal'] else 'no'} "
            f"| {row.baseline['objective']:,.1f} ({row.baseline_seconds:.2f} s) "
            f"| {result['objective'] / row.baseline['objective']:.3f}× |"
        )
    return "\n".join(lines)


def _separator(header: str) -> str:
    return "|" + "---|" * (header.count("|") - 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--only", choices=["a", "b"], help="run one scenario: (a) small or (b) large"
    )
    parser.add_argument("--time-limit", type=float, help="override the solver's time limit")
    arguments = parser.parse_args()
    scenarios = [
        scenario
        for scenario in SCENARIOS
        if arguments.only is None or scenario.name.startswith(f"({arguments.only})")
    ]
    rows = [run(scenario, arguments.time_limit) for scenario in scenarios]
    print(markdown(rows))


if __name__ == "__main__":
    main()

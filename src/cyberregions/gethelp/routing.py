"""Choosing the providers a help request is offered to: a pure function, no Django.

Eligible: the provider speaks the request's language and has room (its open requests below its
declared capacity). Among the eligible, the order is: nearest coverage (the region, then the
country, then remote), then the one that covers more of the requested services, then holding a
valid label, then the lightest relative load (open requests ÷ capacity), then **fair
rotation**: the one offered a request longest ago (never offered comes first), then the id so
that the answer is deterministic. The first ``limit`` are chosen. Because the chosen ones'
clock moves to "now", equal providers take turns: over many requests each receives its share
(``tests/test_routing.py`` checks it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    id: int
    proximity: int  # 0 region, 1 country, 2 remote
    covers: int  # how many of the requested services it offers
    speaks: bool
    labelled: bool
    capacity: int
    load: int
    last_offered: float | None  # a timestamp; None when never offered


@dataclass(frozen=True)
class Decision:
    chosen: tuple[int, ...]
    eligible: int
    full: int  # left out because at capacity
    language: int  # left out for the language


def rank_key(candidate: Candidate) -> tuple:
    return (
        candidate.proximity,
        -candidate.covers,
        not candidate.labelled,
        candidate.load / candidate.capacity,
        float("-inf") if candidate.last_offered is None else candidate.last_offered,
        candidate.id,
    )


def route(candidates: list[Candidate], limit: int) -> Decision:
    eligible = []
    full = language = 0
    for candidate in candidates:
        if not candidate.speaks:
            language += 1
        elif candidate.capacity <= 0 or candidate.load >= candidate.capacity:
            full += 1
        else:
            eligible.append(candidate)
    chosen = sorted(eligible, key=rank_key)[: max(0, limit)]
    return Decision(
        chosen=tuple(candidate.id for candidate in chosen),
        eligible=len(eligible),
        full=full,
        language=language,
    )

"""Transferability: which practices of other regions fit a region's needs best.

Pure Python over plain data (no Django import), so that it is tested and benchmarked alone.
The service layer gathers the inputs (needs survey, supply-demand gaps, atlas counts) and
turns the reasons into translated sentences.

Score of a practice for a target region, each part in 0..1:

- **barrier fit** (weight 0.40): the highest need score, in the target's needs survey, among
  the barriers the practice addresses;
- **gap fit** (0.35): the largest unmet-demand share of the target among the practice's JRC
  domains (negative gaps, i.e. supply above demand, count as 0);
- **context similarity** (0.25): how alike the two ecosystems are — the mix of actor types
  (weight 0.5), the size mix of companies (0.3) and the number of organisations (0.2); a mix
  compares as 1 minus the total-variation distance between the two share vectors, the scale
  as the smaller count over the larger.

A part whose data is missing (no survey yet, no offers or needs, an empty atlas) is left out
and the other weights are scaled up, so scores stay comparable within one ranking. Ties are
broken by title, then id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

WEIGHTS = {"barriers": 0.40, "gaps": 0.35, "context": 0.25}
CONTEXT_WEIGHTS = {"actors": 0.5, "sizes": 0.3, "scale": 0.2}
# A reason is given for a barrier or domain only from this level of need.
NOTABLE_NEED = 0.5
NOTABLE_GAP = 0.05


@dataclass(frozen=True)
class Context:
    """An ecosystem as the atlas sees it: organisations by actor type, companies by size."""

    actor_counts: Mapping[str, int] = field(default_factory=dict)
    size_counts: Mapping[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.actor_counts.values())


@dataclass(frozen=True)
class Needs:
    """A region's needs: barrier code -> 0..1, JRC domain code -> unmet-demand share."""

    barrier_scores: Mapping[str, float] = field(default_factory=dict)
    domain_gaps: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Candidate:
    practice_id: int
    region_id: int
    barriers: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class Reason:
    """Why a practice ranks where it does. ``key`` names the sentence; ``values`` fill it."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def describe(self) -> str:
        """A plain English sentence (the service layer translates its own)."""
        return ENGLISH[self.key].format(**self.values)


ENGLISH = {
    "barrier": "Addresses {barrier}, rated {need:.0%} in the needs survey.",
    "barrier_low": "Addresses only barriers rated low in the needs survey (best: {need:.0%}).",
    "no_barrier": "Addresses none of the barriers rated in the needs survey.",
    "gap": "Works on {domain}, where demand exceeds supply by {gap:.0%}.",
    "no_gap": "Its domains show no unmet demand in the region.",
    "context": "Similar ecosystem ({similarity:.0%} alike in actors, company sizes and scale).",
    "context_low": "Different ecosystem (only {similarity:.0%} alike).",
}


@dataclass(frozen=True)
class Ranked:
    rank: int
    practice_id: int
    score: float
    barrier_fit: float | None
    gap_fit: float | None
    context_similarity: float | None
    reasons: tuple[Reason, ...]


def mix_similarity(a: Mapping[str, int], b: Mapping[str, int]) -> float | None:
    """1 − total-variation distance between the shares of two count vectors; None if empty."""
    total_a, total_b = sum(a.values()), sum(b.values())
    if total_a <= 0 or total_b <= 0:
        return None
    keys = set(a) | set(b)
    distance = sum(abs(a.get(key, 0) / total_a - b.get(key, 0) / total_b) for key in keys) / 2
    return max(0.0, 1.0 - distance)


def scale_similarity(a: int, b: int) -> float | None:
    if a <= 0 or b <= 0:
        return None
    return min(a, b) / max(a, b)


def context_similarity(a: Context, b: Context) -> float | None:
    parts = {
        "actors": mix_similarity(a.actor_counts, b.actor_counts),
        "sizes": mix_similarity(a.size_counts, b.size_counts),
        "scale": scale_similarity(a.total, b.total),
    }
    return _weighted(parts, CONTEXT_WEIGHTS)


def barrier_fit(needs: Needs, candidate: Candidate) -> tuple[float | None, str | None]:
    """The highest need among the barriers the practice addresses, and that barrier."""
    if not needs.barrier_scores:
        return None, None
    rated = [
        (_clamp(needs.barrier_scores[code]), code)
        for code in candidate.barriers
        if code in needs.barrier_scores
    ]
    if not rated:
        return 0.0, None
    need, code = max(rated, key=lambda pair: (pair[0], pair[1]))
    return need, code


def gap_fit(needs: Needs, candidate: Candidate) -> tuple[float | None, list[tuple[str, float]]]:
    """The largest unmet demand among the practice's domains, and the domains with a gap."""
    if not needs.domain_gaps:
        return None, []
    gaps = sorted(
        (
            (code, _clamp(needs.domain_gaps[code]))
            for code in candidate.domains
            if code in needs.domain_gaps and needs.domain_gaps[code] > 0
        ),
        key=lambda pair: (-pair[1], pair[0]),
    )
    return (gaps[0][1] if gaps else 0.0), gaps


def rank(
    region_id: int,
    needs: Needs,
    contexts: Mapping[int, Context],
    candidates: Iterable[Candidate],
    weights: Mapping[str, float] = WEIGHTS,
    limit: int | None = None,
) -> list[Ranked]:
    """Rank the practices of other regions for ``region_id``; its own are left out."""
    target = contexts.get(region_id, Context())
    similarities: dict[int, float | None] = {}  # one per region, not per practice
    scored = []
    for candidate in candidates:
        if candidate.region_id == region_id:
            continue
        barrier, barrier_code = barrier_fit(needs, candidate)
        gap, gaps = gap_fit(needs, candidate)
        if candidate.region_id not in similarities:
            similarities[candidate.region_id] = context_similarity(
                target, contexts.get(candidate.region_id, Context())
            )
        similarity = similarities[candidate.region_id]
        score = _weighted({"barriers": barrier, "gaps": gap, "context": similarity}, weights)
        reasons = _reasons(barrier, barrier_code, gap, gaps, similarity)
        scored.append((score or 0.0, candidate, barrier, gap, similarity, reasons))
    scored.sort(key=lambda row: (-round(row[0], 9), row[1].title, row[1].practice_id))
    if limit is not None:
        scored = scored[:limit]
    return [
        Ranked(
            rank=position,
            practice_id=candidate.practice_id,
            score=round(score, 4),
            barrier_fit=barrier,
            gap_fit=gap,
            context_similarity=similarity,
            reasons=reasons,
        )
        for position, (score, candidate, barrier, gap, similarity, reasons) in enumerate(
            scored, start=1
        )
    ]


def _reasons(barrier, barrier_code, gap, gaps, similarity) -> tuple[Reason, ...]:
    reasons = []
    if barrier is not None:
        if barrier_code is None:
            reasons.append(Reason("no_barrier"))
        elif barrier >= NOTABLE_NEED:
            reasons.append(Reason("barrier", {"barrier": barrier_code, "need": barrier}))
        else:
            reasons.append(Reason("barrier_low", {"need": barrier}))
    if gap is not None:
        notable = [(code, value) for code, value in gaps if value >= NOTABLE_GAP]
        if notable:
            reasons.extend(
                Reason("gap", {"domain": code, "gap": value}) for code, value in notable[:2]
            )
        else:
            reasons.append(Reason("no_gap"))
    if similarity is not None:
        key = "context" if similarity >= 0.5 else "context_low"
        reasons.append(Reason(key, {"similarity": similarity}))
    return tuple(reasons)


def _weighted(parts: Mapping[str, float | None], weights: Mapping[str, float]) -> float | None:
    present = {name: value for name, value in parts.items() if value is not None}
    total = sum(weights[name] for name in present)
    if not present or total <= 0:
        return None
    return sum(weights[name] * value for name, value in present.items()) / total


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, float(value)))

"""Transferability: which practices of other regions fit a region's needs best.

Pure Python over plain data (no Django import), so that it is tested and benchmarked alone.
The service layer gathers the inputs (needs survey, supply–demand gaps, atlas counts) and
turns the reasons into translated sentences.

Score of a practice for a target region, each part in 0..1:

- **barrier fit** (weight 0.40): the highest need score, in the target's needs survey, among
  the barriers the practice addresses;
- **domain fit** (0.35, ``gap_fit``): the best of the practice's JRC domains, each scored as
  the mean of two parts (a missing part is left out):

  - its **relative gap**: the region's supply–demand gap for the domain (its share of the
    needs' domain tags minus its share of the offers' domain tags, in percentage points)
    divided by the region's largest positive gap. The scale: 1 is the region's largest gap,
    0.5 half of it, 0 no positive gap. Real gaps are a few points (a region's offers and
    needs cover the same domains), so an absolute threshold would call every domain "no
    gap"; relative to the region's own largest gap, its priorities stand out whatever their
    size;
  - its **survey demand**: how much the respondents of the region's needs surveys need the
    domain, the mean over responses of the level of need (none 0, some 1/3, important 2/3,
    critical 1).

- **context similarity** (0.25): how alike the two ecosystems are — the mix of actor types
  (weight 0.5), the size mix of companies (0.3) and the number of organisations (0.2); a mix
  compares as 1 minus the total-variation distance between the two share vectors, the scale
  as the smaller count over the larger.

A gap is never called "unmet demand": a domain may weigh more in the needs than in the offers
while the offers outnumber the needs (47 offers, 43 needs). A part whose data is missing (no
survey yet, no offers or needs, an empty atlas) is left out and the other weights are scaled
up, so scores stay comparable within one ranking. Ties are broken by title, then id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

WEIGHTS = {"barriers": 0.40, "gaps": 0.35, "context": 0.25}
CONTEXT_WEIGHTS = {"actors": 0.5, "sizes": 0.3, "scale": 0.2}
# A reason is given for a barrier or domain only from this level of need.
NOTABLE_NEED = 0.5
# A domain is "one of the region's largest gaps" from half the largest gap.
NOTABLE_RELATIVE_GAP = 0.5
# Survey demand worth a reason: a third of the way from "no need" to "critical" on average.
NOTABLE_DEMAND = 1 / 3


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
    """A region's needs: barrier code -> 0..1; JRC domain code -> supply–demand gap (needs
    share minus offers share, -1..1); JRC domain code -> survey demand (0..1)."""

    barrier_scores: Mapping[str, float] = field(default_factory=dict)
    domain_gaps: Mapping[str, float] = field(default_factory=dict)
    domain_demand: Mapping[str, float] = field(default_factory=dict)


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
        values = dict(self.values)
        if values.get("gap") is not None:
            values["gap_points"] = values["gap"] * 100
        return ENGLISH[self.key].format(**values)


ENGLISH = {
    "barrier": "Addresses {barrier}, rated {need:.0%} in the needs survey.",
    "barrier_low": "Addresses only barriers rated low in the needs survey (best: {need:.0%}).",
    "no_barrier": "Addresses none of the barriers rated in the needs survey.",
    "gap": (
        "Works on {domain}, one of the region's largest supply–demand gaps ({gap_points:+.1f} pt)."
    ),
    "gap_small": (
        "Works on {domain}, a small supply–demand gap in the region ({gap_points:+.1f} pt)."
    ),
    "no_gap": "None of its domains weighs more in the region's needs than in its offers.",
    "demand": "Works on {domain}, needed by the region's survey respondents ({demand:.0%}).",
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


def relative_gaps(gaps: Mapping[str, float]) -> dict[str, float]:
    """Each domain's gap over the region's largest positive gap, in 0..1 (see the module)."""
    largest = max((value for value in gaps.values() if value > 0), default=0.0)
    if largest <= 0:
        return dict.fromkeys(gaps, 0.0)
    return {code: _clamp(value / largest) for code, value in gaps.items()}


@dataclass(frozen=True)
class DomainFit:
    code: str
    fit: float
    relative: float | None
    gap: float | None
    demand: float | None


def gap_fit(needs: Needs, candidate: Candidate) -> tuple[float | None, list[DomainFit]]:
    """The practice's domain fit (its best domain) and its domains, best first."""
    if not needs.domain_gaps and not needs.domain_demand:
        return None, []
    relative = relative_gaps(needs.domain_gaps) if needs.domain_gaps else {}
    fits = []
    for code in candidate.domains:
        parts = []
        rel = gap = demand = None
        if needs.domain_gaps:
            rel = relative.get(code, 0.0)
            gap = needs.domain_gaps.get(code)
            parts.append(rel)
        if needs.domain_demand:
            demand = _clamp(needs.domain_demand.get(code, 0.0))
            parts.append(demand)
        fits.append(DomainFit(code, sum(parts) / len(parts), rel, gap, demand))
    fits.sort(key=lambda fit: (-fit.fit, fit.code))
    return (fits[0].fit if fits else 0.0), fits


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
        reasons.extend(_domain_reasons(gaps))
    if similarity is not None:
        key = "context" if similarity >= 0.5 else "context_low"
        reasons.append(Reason(key, {"similarity": similarity}))
    return tuple(reasons)


def _domain_reasons(fits: list[DomainFit]) -> list[Reason]:
    """At most two domains among the region's largest gaps, a small gap otherwise, and the
    best domain the survey asks for."""
    reasons = []
    with_gap = [fit for fit in fits if fit.relative]
    large = sorted(
        (fit for fit in with_gap if fit.relative >= NOTABLE_RELATIVE_GAP),
        key=lambda fit: (-fit.relative, fit.code),
    )
    if large:
        reasons.extend(Reason("gap", {"domain": fit.code, "gap": fit.gap}) for fit in large[:2])
    elif with_gap:
        best = max(with_gap, key=lambda fit: (fit.relative, fit.code))
        reasons.append(Reason("gap_small", {"domain": best.code, "gap": best.gap}))
    elif any(fit.relative is not None for fit in fits) or not fits:
        reasons.append(Reason("no_gap"))
    demanded = [fit for fit in fits if fit.demand is not None and fit.demand >= NOTABLE_DEMAND]
    if demanded:
        best = max(demanded, key=lambda fit: (fit.demand, fit.code))
        reasons.append(Reason("demand", {"domain": best.code, "demand": best.demand}))
    return reasons


def _weighted(parts: Mapping[str, float | None], weights: Mapping[str, float]) -> float | None:
    present = {name: value for name, value in parts.items() if value is not None}
    total = sum(weights[name] for name in present)
    if not present or total <= 0:
        return None
    return sum(weights[name] * value for name, value in present.items()) / total


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, float(value)))

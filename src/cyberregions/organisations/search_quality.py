"""How good the atlas search is on the project's labelled set (``search_judgments.json``):
precision@10 and nDCG@10 per query, as the atlas page ranks its first page. Used by the
quality test (over the demo ecosystem) and ``benchmarks/bench_search.py`` (per engine).

nDCG@10 uses binary gains: DCG = Σ rel_i / log2(i + 1) over the first ten results, divided
by the DCG of an ideal list (as many relevant results first as there are, up to ten).
Precision@10 divides the relevant results among the first ten by the number shown (at most
ten): a query with three right answers that shows exactly those scores 1.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

JUDGMENTS = Path(__file__).with_name("search_judgments.json")


@dataclass
class Outcome:
    query: str
    category: str
    ran: str
    shown: int
    relevant_total: int
    precision: float
    ndcg: float


def judgments() -> list[dict]:
    return json.loads(JUDGMENTS.read_text(encoding="utf-8"))["queries"]


def facts() -> dict[int, dict]:
    """What the judgments read of each organisation, in four queries."""
    from .models import OfferOrNeed, Organisation

    rows = {
        pk: {
            "offers": [line.casefold() for line in products.splitlines()],
            "needs": [],
            "actor_type": actor_type,
            "domains": set(),
        }
        for pk, products, actor_type in Organisation.objects.values_list(
            "pk", "products_services", "actor_type"
        )
    }
    for pk, kind, title in OfferOrNeed.objects.values_list("organisation_id", "kind", "title"):
        rows[pk]["offers" if kind == "offer" else "needs"].append(title.casefold())
    through = Organisation.domains.through
    for pk, code in through.objects.values_list("organisation_id", "domain__code"):
        rows[pk]["domains"].add(code)
    return rows


def is_relevant(fact: dict, judgment: dict) -> bool:
    def any_in(texts, needles):
        return any(needle.casefold() in text for text in texts for needle in needles)

    return (
        any_in(fact["offers"], judgment.get("offers", ()))
        or any_in(fact["needs"], judgment.get("needs", ()))
        or fact["actor_type"] in judgment.get("actor_types", ())
        or bool(fact["domains"] & set(judgment.get("domains", ())))
    )


def first_page(text: str, scope: str) -> list[int]:
    """The ids of the first ten results as the atlas page ranks them."""
    from .filtersets import OrganisationFilterSet, compute_facets
    from .models import Organisation

    data = {"q": text, "scope": scope}
    filterset = OrganisationFilterSet(data, queryset=Organisation.objects.all())
    return compute_facets(data, filterset.queryset, filterset, window=(0, 10)).window_ids or []


def evaluate(facts_by_id: dict[int, dict] | None = None) -> list[Outcome]:
    from . import search
    from .models import Organisation

    facts_by_id = facts() if facts_by_id is None else facts_by_id
    outcomes = []
    for judgment in judgments():
        scope = judgment.get("scope", search.DEFAULT_SCOPE)
        ran = judgment["q"]
        if judgment["category"] == "typo":
            suggested = search.suggestion(
                search.parse(ran),
                lambda text, scope=scope: search.filter_queryset(
                    Organisation.objects.all(), text, scope
                ).count(),
            )
            ran = suggested or ran
        ids = first_page(ran, scope)
        gains = [is_relevant(facts_by_id[pk], judgment) for pk in ids]
        relevant_total = sum(is_relevant(fact, judgment) for fact in facts_by_id.values())
        dcg = sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains))
        ideal = sum(1 / math.log2(rank + 2) for rank in range(min(10, relevant_total)))
        outcomes.append(
            Outcome(
                query=judgment["q"],
                category=judgment["category"],
                ran=ran,
                shown=len(ids),
                relevant_total=relevant_total,
                precision=sum(gains) / len(ids) if ids else 0.0,
                ndcg=dcg / ideal if ideal else 0.0,
            )
        )
    return outcomes

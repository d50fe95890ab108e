"""The search vocabulary (``reference/search_vocabulary.json``) and the JRC domain names,
as one ``core.search_query.Vocabulary``.

Each JRC domain is a concept of its own, named by its label (with and without the words in
parentheses): a query naming a domain also finds the organisations tagged with it whose text
does not say it. The project's concepts come first, so a phrase they list keeps its meaning.
"""

from __future__ import annotations

import functools
import re

from cyberregions.core import search_query, text_search
from cyberregions.core.search_query import Query, Vocabulary

from .reference import read

_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def concepts() -> list[dict]:
    entries = [
        {
            "key": entry["key"],
            "label": entry["label"],
            "tags": entry["tags"],
            "terms": [term for terms in entry["terms"].values() for term in terms],
        }
        for entry in read("search_vocabulary.json")["concepts"]
    ]
    for domain in read("jrc.json")["domains"]:
        label = domain["label"]
        short = _PARENTHESIS.sub("", label)
        inner = label[len(short) :].strip(" ()")
        terms = [label, short] + [part.strip() for part in re.split(r" and |,", inner) if part]
        entries.append(
            {
                "key": f"domain-{domain['code']}",
                "label": short,
                "tags": [domain["code"]],
                "terms": terms,
            }
        )
    return entries


@functools.cache
def vocabulary() -> Vocabulary:
    return Vocabulary(concepts())


def parse(text: str, *, typing: bool = False) -> Query:
    """``text`` in the platform's search syntax, with the field's vocabulary."""
    return search_query.parse(text, vocabulary(), typing=typing)


def filter_small(queryset, text: str, fields: dict[str, float]):
    """``queryset`` restricted to the rows matching ``text`` in ``fields`` (name: weight),
    evaluated in Python (``core.text_search``): for collections of hundreds of rows, where a
    scan costs less than an index per engine. Returns the queryset unchanged when the query
    has nothing to look for."""
    query = parse(text)
    if not query.searchable:
        return queryset
    names = list(fields)
    rows = queryset.order_by().values_list("pk", *names)
    matching = [
        row[0]
        for row in rows
        if text_search.score(
            query, [(row[i + 1] or "", fields[name]) for i, name in enumerate(names)]
        )
        is not None
    ]
    return queryset.filter(pk__in=matching)

"""The search vocabulary (``reference/search_vocabulary.json``) and the JRC domain names,
as one ``core.search_query.Vocabulary``.

Each JRC domain is a concept of its own, named by its label (with and without the words in
parentheses): a query naming a domain also finds the organisations tagged with it whose text
does not say it. The project's concepts come first, so a phrase they list keeps its meaning.
"""

from __future__ import annotations

import functools
import re

from cyberregions.core.search_query import Vocabulary

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

"""Search in the title, summary and description of practices, the same on every engine.

A good-practice library holds hundreds of rows: the search reads their texts and evaluates
the platform's search syntax and vocabulary in Python (``core.text_search``), which costs
less than keeping an index per engine. Each practice also keeps ``search_text``, those three
fields folded (lower case, no accents), for the admin's and the exports' plain lookups.
"""

from __future__ import annotations

from cyberregions.core.search_query import fold


def document_for(title: str, summary: str, description: str) -> str:
    return fold(" \n".join(part for part in (title, summary, description) if part))


# The fields a search reads, with their weights in the ranking.
FIELDS = {"title": 3.0, "summary": 2.0, "description": 1.0}


def filter_queryset(queryset, query: str):
    """The practices matching ``query`` in the platform's search syntax and vocabulary."""
    from cyberregions.taxonomy.search_vocabulary import filter_small

    return filter_small(queryset, query, FIELDS)

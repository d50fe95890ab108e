"""Search in the title, summary and description of practices, the same on every engine.

Each practice keeps ``search_text``: those three fields folded to lower case without accents.
A query matches when every one of its words occurs in it, so "securite formation" finds
"Sécurité … Formation" on SQLite and PostgreSQL alike (a ``LIKE`` per word; at the size of a
good-practice library, hundreds of rows, a scan costs less than keeping an index per engine).
"""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8


def fold(text: str) -> str:
    """Lower case, accents removed: "Écoles" -> "ecoles"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def words(query: str) -> list[str]:
    return WORD.findall(fold(query))[:MAX_WORDS]


def document_for(title: str, summary: str, description: str) -> str:
    return fold(" \n".join(part for part in (title, summary, description) if part))


def filter_queryset(queryset, query: str):
    for word in words(query):
        queryset = queryset.filter(search_text__contains=word)
    return queryset

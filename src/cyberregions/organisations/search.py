"""Full-text search over organisations, on the engine's own index.

SQLite uses an FTS5 table kept beside ``organisations_organisation``; PostgreSQL a GIN index
on ``search_vector``, a stored column generated from ``search_document``. Both match every
word of the query as a prefix, so "crypt tallinn" finds "Cryptography … Tallinn".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from django.db import connection
from django.db.models.expressions import RawSQL

FTS_TABLE = "organisations_search"
WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8


def fold(text: str) -> str:
    """Lower case without accents, so that "securite" finds "Sécurité" on every engine."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(query: str) -> list[str]:
    return WORD.findall(fold(query))[:MAX_WORDS]


def document_for(organisation, item_titles: Iterable[str] = ()) -> str:
    parts = [
        organisation.name,
        organisation.legal_name,
        organisation.city,
        organisation.description,
        organisation.products_services,
        *item_titles,
    ]
    return fold(" ".join(part for part in parts if part))


def filter_queryset(queryset, query: str):
    """Restrict ``queryset`` to organisations matching every word of ``query``."""
    tokens = words(query)
    if not tokens:
        return queryset
    # A sub-select on ids keeps the condition valid wherever Django aliases the table
    # (facet counts nest this queryset inside other queries).
    if connection.vendor == "postgresql":
        tsquery = " & ".join(f"{token}:*" for token in tokens)
        matching = RawSQL(
            "SELECT id FROM organisations_organisation "
            "WHERE search_vector @@ to_tsquery('simple', %s)",
            [tsquery],
        )
    else:
        match = " AND ".join(f'"{token}"*' for token in tokens)
        matching = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])
    return queryset.filter(pk__in=matching)


def index_organisations(pairs: Iterable[tuple[int, str]]) -> None:
    """Write (id, document) pairs to the SQLite index; PostgreSQL indexes the column itself."""
    if connection.vendor != "sqlite":
        return
    rows = list(pairs)
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(pk,) for pk, _ in rows])
        cursor.executemany(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (%s, %s)", rows)


def unindex_organisation(pk: int) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pk])


def rebuild_index() -> None:
    """Rebuild the SQLite index from ``search_document``, after bulk loads."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE}")
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}(rowid, body) "
            "SELECT id, search_document FROM organisations_organisation"
        )

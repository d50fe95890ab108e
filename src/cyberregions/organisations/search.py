"""Full-text search over organisations, on the engine's own index.

SQLite uses an FTS5 table kept beside ``organisations_organisation``; PostgreSQL a GIN index
on ``search_vector``, a stored column generated from ``search_document``, and another on the
stripped copy that triggers write to ``organisations_atlasrow``. Both match every word of
the query as a prefix, so "crypt tallinn" finds "Cryptography … Tallinn".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from django.db import connection, connections
from django.db.models import BooleanField
from django.db.models.expressions import Expression, RawSQL

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


class MatchesTsquery(Expression):
    """``search_vector @@ to_tsquery(...)`` on the queryset's own table, under whatever
    alias Django gives it when the queryset is nested in another query. The column is not a
    model field (SQLite has no such type), so a plain lookup cannot name it."""

    output_field = BooleanField()

    def __init__(self, tsquery: str):
        super().__init__()
        self.tsquery = tsquery

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.search_vector @@ to_tsquery('simple', %s)", [self.tsquery]


def filter_queryset(queryset, query: str):
    """Restrict ``queryset`` (of organisations or of their atlas rows) to those matching
    every word of ``query``."""
    tokens = words(query)
    if not tokens:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        # On the row itself (both tables have a vector): the page the index points to is read
        # once, for the match and for the other columns a query wants.
        return queryset.filter(MatchesTsquery(" & ".join(f"{token}:*" for token in tokens)))
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

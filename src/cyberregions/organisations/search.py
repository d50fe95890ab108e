"""Full-text search over organisations, on the engine's own index, ranked by relevance.

An organisation's ``search_document`` holds four sections, folded (lower case, no accents)
and separated by ``SECTION``: its names; what it offers (products and services, offers, and
a token per JRC domain it is tagged with); its description and city; what it needs. They are
the index's weighted columns, in that order of weight.

SQLite keeps an FTS5 table with the four columns (Porter stemming, ranked by BM25 with
``BM25_WEIGHTS``). PostgreSQL keeps a weighted ``tsvector`` (weights A–D for the four
sections, the project's ``cyberregions`` text search configuration: English Snowball
stemming without stop words) in a stored generated column of the organisation and in its
atlas row (written by triggers), ranked by ``ts_rank_cd``. The query syntax and the
vocabulary are ``core.search_query``'s; a scope names the sections a match may come from,
so a provider search never returns an organisation only for what it needs.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, connections
from django.db.models import BooleanField
from django.db.models.expressions import Expression, RawSQL

from cyberregions.core import search_query
from cyberregions.core.search_query import Query, fold, tag_token
from cyberregions.core.snippets import snippet

FTS_TABLE = "organisations_search"
SECTION = "\x1f"
COLUMNS = ("name", "offers", "description", "needs")
DEFAULT_SCOPE = "offers"
BM25_WEIGHTS = (10.0, 5.0, 2.0, 1.0)
# ts_rank_cd's weights are given for D, C, B, A.
POSTGRES_RANK_WEIGHTS = "{0.1, 0.2, 0.5, 1.0}"
CONFIG = "cyberregions"


def parse(text: str, *, typing: bool = False) -> Query:
    from cyberregions.taxonomy.search_vocabulary import parse

    return parse(text, typing=typing)


def document_for(
    organisation,
    items: Iterable[tuple[str, str]] = (),
    domain_codes: Iterable[str] = (),
) -> str:
    """The search document of ``organisation`` with its ``items`` ((kind, text) pairs of its
    offers and needs) and the codes of the JRC domains it is tagged with."""
    items = list(items)
    sections = [
        [organisation.name, organisation.legal_name],
        [
            organisation.products_services,
            *(text for kind, text in items if kind == "offer"),
            *(tag_token(code) for code in domain_codes),
        ],
        [organisation.description, organisation.city],
        [text for kind, text in items if kind == "need"],
    ]
    return SECTION.join(
        fold(" ".join(part for part in parts if part)).replace(SECTION, " ") for parts in sections
    )


def sections(document: str) -> list[str]:
    parts = (document or "").split(SECTION)
    return (parts + [""] * len(COLUMNS))[: len(COLUMNS)]


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
        return f"{table}.search_vector @@ to_tsquery('{CONFIG}', %s)", [self.tsquery]


def filter_queryset(queryset, text: str, scope: str = DEFAULT_SCOPE, *, typing: bool = False):
    """Restrict ``queryset`` (of organisations or of their atlas rows) to those matching
    ``text`` in the sections of ``scope``; a query with nothing to look for leaves it whole."""
    return filter_parsed(queryset, parse(text, typing=typing), scope)


def filter_parsed(queryset, query: Query, scope: str = DEFAULT_SCOPE):
    if not query.searchable:
        return queryset
    scope = scope if scope in search_query.SCOPES else DEFAULT_SCOPE
    if connections[queryset.db].vendor == "postgresql":
        # On the row itself (both tables have a vector): the page the index points to is read
        # once, for the match and for the other columns a query wants.
        return queryset.filter(MatchesTsquery(search_query.tsquery_text(query, scope)))
    return queryset.filter(pk__in=RawSQL(*_fts5_match(query, scope)))


def _fts5_match(query: Query, scope: str) -> tuple[str, list]:
    return (
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
        [search_query.fts5_expression(query, scope)],
    )


def ranked_sql(query: Query, scope: str, vendor: str) -> tuple[str, list]:
    """SQL giving ``(id, rank)`` of the organisations matching ``query``, a higher rank for
    a better match, to join with the filtered rows (the facet statement and the API)."""
    scope = scope if scope in search_query.SCOPES else DEFAULT_SCOPE
    if vendor == "postgresql":
        tsquery = search_query.tsquery_text(query, scope)
        return (
            f"SELECT id, ts_rank_cd('{POSTGRES_RANK_WEIGHTS}'::float4[], search_vector, "
            f"to_tsquery('{CONFIG}', %s)) AS rank FROM organisations_atlasrow "
            f"WHERE search_vector @@ to_tsquery('{CONFIG}', %s)",
            [tsquery, tsquery],
        )
    weights = ", ".join(str(weight) for weight in BM25_WEIGHTS)
    # bm25() is lower for better matches.
    return (
        f"SELECT rowid AS id, -bm25({FTS_TABLE}, {weights}) AS rank FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH %s",
        [search_query.fts5_expression(query, scope)],
    )


def ranked_ids(queryset, query: Query, scope: str, offset: int, limit: int) -> list[int]:
    """The ids of ``queryset`` (already filtered by the search) in order of relevance, a
    window of them: one statement joining the ranks to the filtered rows."""
    db = connections[queryset.db]
    rank_sql, rank_params = ranked_sql(query, scope, db.vendor)
    base_sql, base_params = queryset.order_by().values_list("id", "name").query.sql_with_params()
    quote = db.ops.quote_name
    # The facet statement's order: rank, then name and id (``filtersets.SORT_SQL``).
    sql = (
        f"SELECT r.id FROM ({base_sql}) b JOIN ({rank_sql}) r ON r.id = b.{quote('id')} "
        f"ORDER BY r.rank DESC, b.{quote('name')}, r.id LIMIT %s OFFSET %s"
    )
    with db.cursor() as cursor:
        cursor.execute(sql, [*base_params, *rank_params, limit, offset])
        return [row[0] for row in cursor.fetchall()]


def index_organisations(pairs: Iterable[tuple[int, str]]) -> None:
    """Write (id, document) pairs to the SQLite index; PostgreSQL indexes the column itself."""
    if connection.vendor != "sqlite":
        return
    rows = [(pk, *sections(document)) for pk, document in pairs]
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(row[0],) for row in rows])
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(COLUMNS)}) VALUES (%s, %s, %s, %s, %s)",
            rows,
        )


def unindex_organisation(pk: int) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pk])


def rebuild_index(using=None) -> None:
    """Rebuild the SQLite index from ``search_document``, after bulk loads."""
    db = connections[using] if using else connection
    if db.vendor != "sqlite":
        return
    with db.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE}")
        cursor.execute("SELECT id, search_document FROM organisations_organisation")
        rows = [(pk, *sections(document)) for pk, document in cursor.fetchall()]
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(COLUMNS)}) VALUES (%s, %s, %s, %s, %s)",
            rows,
        )


def rebuild_documents(using=None) -> int:
    """Recompute every organisation's search document from its fields, offers, needs and
    domains, in SQL reads and one batched update (the migration that introduced the
    sections runs it; so can an operator after changing ``document_for``)."""
    from types import SimpleNamespace

    db = connections[using] if using else connection
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT organisation_id, kind, title, description FROM organisations_offerorneed"
        )
        items: dict[int, list] = {}
        for pk, kind, title, description in cursor.fetchall():
            items.setdefault(pk, []).append((kind, f"{title} {description or ''}"))
        cursor.execute(
            "SELECT t.organisation_id, d.code FROM organisations_organisation_domains t "
            "JOIN taxonomy_domain d ON d.id = t.domain_id"
        )
        domains: dict[int, list] = {}
        for pk, code in cursor.fetchall():
            domains.setdefault(pk, []).append(code)
        cursor.execute(
            "SELECT id, name, legal_name, city, description, products_services "
            "FROM organisations_organisation"
        )
        updates = []
        for pk, name, legal_name, city, description, products in cursor.fetchall():
            organisation = SimpleNamespace(
                name=name,
                legal_name=legal_name,
                city=city,
                description=description,
                products_services=products,
            )
            document = document_for(organisation, items.get(pk, ()), domains.get(pk, ()))
            updates.append((document, pk))
        cursor.executemany(
            "UPDATE organisations_organisation SET search_document = %s WHERE id = %s", updates
        )
    rebuild_index(using)
    return len(updates)


def suggestion(query: Query, count_for) -> str | None:
    """A spelling the query may have meant ("did you mean"): each word far from every word
    of the field's vocabulary is replaced by the closest ones (edit distance, rapidfuzz;
    the same on both engines), and of the corrected queries the one finding the most
    organisations is offered; ``count_for(text)`` counts the matches of a query text."""
    from rapidfuzz import fuzz, process

    from cyberregions.taxonomy.search_vocabulary import vocabulary

    known = vocabulary().surface_words
    candidates: list[list[str]] = [[]]
    for clause in query.clauses:
        option = clause.options[0]
        if clause.negated or len(clause.options) != 1 or not hasattr(option, "words"):
            return None
        for word in option.words:
            choices = [word]
            if word not in known and len(word) >= 4 and not word.isdigit():
                close = process.extract(word, known, scorer=fuzz.ratio, score_cutoff=80, limit=3)
                best = max((score for _word, score, _index in close), default=None)
                choices = [found for found, score, _index in close if score == best] or [word]
            candidates = [[*done, choice] for done in candidates for choice in choices][:6]
    original = [word for clause in query.clauses for word in clause.options[0].words]
    counted = [
        (count_for(" ".join(words)), " ".join(words)) for words in candidates if words != original
    ]
    counted = [(count, text) for count, text in counted if count]
    return max(counted)[1] if counted else None


def add_snippets(organisations, query: Query, scope: str) -> None:
    """Set ``snippet`` on each organisation: its offer, need or sentence that matched
    (``core.snippets``), from one read of the page's texts in the sections the scope
    searched."""
    from .models import OfferOrNeed, Organisation

    ids = [organisation.pk for organisation in organisations]
    kinds = {"offers": ["offer"], "needs": ["need"]}.get(scope, ["offer", "need"])
    texts: dict[int, list[str]] = {pk: [] for pk in ids}
    for pk, title, description in OfferOrNeed.objects.filter(
        organisation_id__in=ids, kind__in=kinds
    ).values_list("organisation_id", "title", "description"):
        texts[pk].append(f"{title}. {description}" if description else title)
    if scope != "needs":
        for pk, description, products in Organisation.objects.filter(pk__in=ids).values_list(
            "pk", "description", "products_services"
        ):
            texts[pk] += [line for line in products.splitlines() if line.strip()]
            texts[pk].append(description)
    phrases = query.highlight_terms()
    for organisation in organisations:
        organisation.snippet = snippet(texts[organisation.pk], phrases)

"""One FilterSet for organisations, shared by the atlas pages, the map and the API."""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from django import forms
from django.db import connections
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from cyberregions.geo.models import Country, Region
from cyberregions.geo.names import lazy_country_name
from cyberregions.taxonomy.labels import lazy_label
from cyberregions.taxonomy.models import Domain, Sector, Technology

from . import search
from .choices import ActorType, SizeClass, Status
from .models import AtlasRow, Organisation

SORTS = {
    # Relevance is not an ORM order: the facet statement and the API rank by joining the
    # search's ranks (``search.ranked_sql``); the plain queryset falls back to the name.
    "relevance": ("name", "id"),
    "name": ("name", "id"),
    "-name": ("-name", "-id"),
    "country": ("country__name", "name", "id"),
    # Unknown values last on every engine (SQLite and PostgreSQL place NULLs differently).
    "founded": (F("founded").asc(nulls_last=True), "name", "id"),
    "-founded": (F("founded").desc(nulls_last=True), "name", "id"),
    "-employees": (F("employees").desc(nulls_last=True), "name", "id"),
}
# The same orders in the SQL of the facet statement, which also picks the page of results;
# "s" is an organisation row with its country's name as "country_name".
SORT_SQL = {
    "relevance": 's."rank" DESC, s."name", s."id"',
    "name": 's."name", s."id"',
    "-name": 's."name" DESC, s."id" DESC',
    "country": 's."country_name", s."name", s."id"',
    "founded": 's."founded" ASC NULLS LAST, s."name", s."id"',
    "-founded": 's."founded" DESC NULLS LAST, s."name", s."id"',
    "-employees": 's."employees" DESC NULLS LAST, s."name", s."id"',
}
# The name of the facet statement's CTE holding the search's ranked matches.
MATCHES = "search_matches"
SORT_LABELS = {
    "relevance": _("Best match"),
    "name": _("Name (A–Z)"),
    "-name": _("Name (Z–A)"),
    "country": _("Country"),
    "founded": _("Oldest first"),
    "-founded": _("Newest first"),
    "-employees": _("Most employees"),
}


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class TermCodeFilter(django_filters.MultipleChoiceFilter):
    """Several vocabulary codes; an organisation matches when it carries any of them."""


TAG_FILTERS = {
    # filter name -> (through model, column of the term id, term model)
    "domain": (Organisation.domains.through, "domain_id", Domain),
    "sector": (Organisation.sectors.through, "sector_id", Sector),
    "technology": (Organisation.technologies.through, "technology_id", Technology),
}


SCOPE_LABELS = {
    "offers": _("What they offer"),
    "needs": _("What they need"),
    "all": _("Anywhere"),
}


def effective_sort(data) -> str:
    """The order of a list: the one asked for, else by relevance when there is a search,
    else by name (relevance without a search has nothing to rank)."""
    sort = data.get("sort") or ""
    searching = search.parse(data.get("q") or "").searchable
    if not sort:
        return "relevance" if searching else "name"
    if sort == "relevance" and not searching:
        return "name"
    return sort


class OrganisationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_search",
        label=_("Search"),
        help_text=_(
            'All words must match. "Quoted words" match as a phrase, secur* as a prefix, '
            "A OR B either, -word excludes."
        ),
    )
    scope = django_filters.ChoiceFilter(
        method="filter_scope",
        choices=list(SCOPE_LABELS.items()),
        label=_("Search in"),
        empty_label=None,
    )
    country = django_filters.MultipleChoiceFilter(
        method="filter_by_id", label=_("Country"), choices=[], distinct=False
    )
    region = django_filters.MultipleChoiceFilter(
        method="filter_by_id", label=_("Region"), choices=[], distinct=False
    )
    actor_type = django_filters.MultipleChoiceFilter(
        choices=ActorType.choices, label=_("Actor type"), distinct=False
    )
    size_class = django_filters.MultipleChoiceFilter(
        choices=SizeClass.choices, label=_("Size class"), distinct=False
    )
    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices, label=_("Status"), distinct=False
    )
    domain = TermCodeFilter(method="filter_tag", label=_("Domain"), choices=[], distinct=False)
    sector = TermCodeFilter(method="filter_tag", label=_("Sector"), choices=[], distinct=False)
    technology = TermCodeFilter(
        method="filter_tag", label=_("Technology"), choices=[], distinct=False
    )
    core_business = django_filters.BooleanFilter(
        label=_("Cybersecurity is the core business"),
        widget=forms.Select(choices=[("", "—"), ("true", _("Yes")), ("false", _("No"))]),
    )
    sort = django_filters.ChoiceFilter(
        method="filter_sort",
        choices=list(SORT_LABELS.items()),
        label=_("Sort by"),
        empty_label=None,
    )

    class Meta:
        model = Organisation
        fields = [
            "q",
            "scope",
            "country",
            "region",
            "actor_type",
            "size_class",
            "status",
            "core_business",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, values in vocabulary().choices.items():
            self.filters[name].extra["choices"] = values
            # Drop a form field built earlier on the class filters (the OpenAPI generator
            # builds them), which would keep the empty choices of the declaration.
            self.filters[name].__dict__.pop("_field", None)

    # Set by the atlas page while its search box is being typed in: the last word is then
    # matched as a prefix.
    typing = False
    # Set by the facet statement while it builds its SQL: the search's matches are then
    # read from that statement's CTE of this name, which ranked them.
    matches_table = None

    def parsed_query(self):
        return search.parse(self.form.cleaned_data.get("q") or "", typing=self.typing)

    def search_scope(self) -> str:
        return self.form.cleaned_data.get("scope") or search.DEFAULT_SCOPE

    def filter_search(self, queryset, name, value):
        if self.matches_table and self.parsed_query().searchable:
            return queryset.filter(pk__in=RawSQL(f"SELECT id FROM {self.matches_table}", []))
        return search.filter_parsed(queryset, self.parsed_query(), self.search_scope())

    def filter_scope(self, queryset, name, value):
        # Read by filter_search: the scope says where the search looks, it filters nothing.
        return queryset

    def filter_by_id(self, queryset, name, values: list[str]):
        """Countries and regions by code, compared on the foreign key: no join needed."""
        if not values:
            return queryset
        ids = vocabulary().ids[name]
        return queryset.filter(**{f"{name}_id__in": [ids[value] for value in values]})

    def filter_tag(self, queryset, name, values: list[str]):
        if not values:
            return queryset
        through, column, _term_model = TAG_FILTERS[name]
        ids = vocabulary().ids[name]
        # An organisation matches when it carries any of the chosen terms.
        matching = through.objects.filter(
            **{f"{column}__in": [ids[value] for value in values]}
        ).values("organisation_id")
        return queryset.filter(pk__in=matching)

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value, SORTS["name"]))


@dataclass
class Vocabulary:
    choices: dict[str, list[tuple[str, str]]]
    ids: dict[str, dict[str, int]]

    def codes(self, name: str) -> dict[int, str]:
        return {pk: code for code, pk in self.ids[name].items()}


_VOCABULARY: Vocabulary | None = None


def vocabulary() -> Vocabulary:
    """Choices and ids of the facet filters. Reference data changes only with a deployment,
    so they are kept per process."""
    global _VOCABULARY
    if _VOCABULARY is None:
        territories = Region.objects.filter(is_partner_territory=True)
        rows = {
            # Labels are lazy: kept per process, printed in each reader's language.
            "country": [
                (iso, lazy_country_name(iso, name), pk)
                for iso, name, pk in Country.objects.values_list("iso", "name", "id")
            ],
            "region": [
                (code, f"{name} ({code})", pk)
                for code, name, pk in territories.values_list("code", "name", "id")
            ],
            **{
                name: [
                    (code, lazy_label(model._meta.model_name, code, label), pk)
                    for code, label, pk in model.objects.values_list("code", "label", "id")
                ]
                for name, model in (
                    ("domain", Domain),
                    ("sector", Sector),
                    ("technology", Technology),
                )
            },
        }
        _VOCABULARY = Vocabulary(
            choices={
                name: [(code, label) for code, label, _pk in values]
                for name, values in rows.items()
            },
            ids={name: {code: pk for code, _label, pk in values} for name, values in rows.items()},
        )
    return _VOCABULARY


def vocabulary_choices() -> dict[str, list[tuple[str, str]]]:
    return vocabulary().choices


def reset_vocabulary_cache() -> None:
    global _VOCABULARY
    _VOCABULARY = None


SCALAR_FACETS = {
    # facet -> column grouped on
    "country": "country_id",
    "region": "region_id",
    "actor_type": "actor_type",
    "size_class": "size_class",
    "core_business": "core_business",
}
FACETS = [
    "country",
    "region",
    "actor_type",
    "size_class",
    "domain",
    "sector",
    "technology",
    "core_business",
]


@dataclass
class FacetResult:
    facets: dict[str, list[dict]]
    total: int
    # The ids of the requested window of results, in the list's order.
    window_ids: list[int] | None = None


def compute_facets(
    data,
    queryset=None,
    filterset: OrganisationFilterSet | None = None,
    window: tuple[int, int] | None = None,
) -> FacetResult:
    """For each facet, the count per value among organisations matching every *other*
    filter, so that choosing one value still shows how many the alternatives would give.

    One statement does it all. Its CTE holds the organisations matching the search and the
    filters that are not facets, with their single-valued facet columns, read once from the
    narrow atlas rows (``AtlasRow``), not from the wide organisation rows. From
    it, one grouped arm gives the five single-valued facets (each counted in Python from
    the grouped rows with the other facets' selections applied) and one arm per tag facet
    counts the tags of the organisations passing every other facet. The total falls out of
    the grouped rows, so the list needs no COUNT query. Given a window (offset, limit) and a
    search, a last arm ranks the results in the chosen order and returns the ids of that
    window, so that the page itself is read by primary key instead of searching again.
    """
    base = Organisation.objects.all() if queryset is None else queryset
    vocab = vocabulary()
    selected = {name: _selected(data, name) for name in FACETS}
    wanted = {name: _db_values(name, values, vocab) for name, values in selected.items()}
    # One validated form serves every variant: building a FilterSet form is not free.
    if filterset is None:
        filterset = OrganisationFilterSet(data, queryset=base)
    if not filterset.is_valid():
        return FacetResult(facets={name: [] for name in FACETS}, total=0)
    cleaned = dict(filterset.form.cleaned_data)
    filterset.form.cleaned_data = {
        key: (None if key in FACETS or key == "sort" else value) for key, value in cleaned.items()
    }
    # The statement reads the narrow atlas rows, which carry every column a filter names; a
    # restricted queryset (``visible_to`` may one day restrict) still bounds them.
    rows = AtlasRow.objects.all()
    if base.query.where:
        rows = rows.filter(pk__in=base.values("pk"))
    sort = effective_sort(data)
    parsed = filterset.parsed_query()
    has_search = parsed.searchable
    ranked = None
    if has_search and sort == "relevance":
        # The search runs once, ranks included: its matches are the statement's first CTE,
        # which the search filter and the page's order both read.
        ranked = search.ranked_sql(parsed, filterset.search_scope(), connections[rows.db].vendor)
        filterset.matches_table = MATCHES
    try:
        searched = filterset.filter_queryset(rows).order_by()
    finally:
        filterset.form.cleaned_data = cleaned
        filterset.matches_table = None

    if not has_search:
        # Without a search the page is a cheap indexed ORDER BY … LIMIT of its own.
        window = None
    grouped_rows, tag_rows, window_ids = _facet_rows(
        searched, wanted, sort, window, has_search, ranked
    )

    # A grouped row counts for a facet when it passes every *other* facet's selection: when
    # it fails none (it also counts in the total) or fails that facet alone.
    selections = [(index, wanted[facet]) for index, facet in enumerate(SCALAR_FACETS)]
    selections = [(index, values) for index, values in selections if values]
    scalar_facets = list(SCALAR_FACETS)
    counts: dict[str, dict] = {facet: {} for facet in FACETS}
    total = 0
    for row in grouped_rows:
        n = row[-1]
        failed = [index for index, values in selections if row[index] not in values]
        if len(failed) > 1:
            continue
        if not failed:
            total += n
        for index, facet in enumerate(scalar_facets):
            value = row[index]
            if value is not None and (not failed or failed[0] == index):
                counts[facet][value] = counts[facet].get(value, 0) + n
    counts.update(tag_rows)

    static = {
        "actor_type": dict(ActorType.choices),
        "size_class": dict(SizeClass.choices),
        "core_business": {True: _("Yes"), False: _("No")},
    }
    result = {}
    for facet in FACETS:
        if facet in vocab.ids:
            code_of = vocab.codes(facet)
            names = dict(vocab.choices[facet])
            entries = [(code_of.get(key, str(key)), n) for key, n in counts[facet].items()]
        else:
            names = static[facet]
            entries = list(counts[facet].items())
        result[facet] = sorted(
            (
                {
                    "value": _as_param(value),
                    "label": names.get(value, value),
                    "count": n,
                    "selected": _as_param(value) in selected[facet],
                }
                for value, n in entries
            ),
            key=lambda entry: (-entry["count"], str(entry["label"])),
        )
    return FacetResult(facets=result, total=total, window_ids=window_ids)


def _facet_rows(
    searched,
    wanted: dict[str, set],
    sort: str,
    window: tuple[int, int] | None,
    has_search: bool,
    ranked: tuple[str, list] | None = None,
) -> tuple[list[tuple], dict[str, dict], list[int] | None]:
    """Runs the facet statement: the grouped rows of the single-valued facets, the count per
    term of each tag facet and, for a window, the ids in it."""
    connection = connections[searched.db]
    quote = connection.ops.quote_name
    columns = list(SCALAR_FACETS.values())
    # The sort columns ride along only for the window.
    sort_columns = ["name", "founded", "employees"] if window is not None else []
    base_sql, base_params = searched.values_list(
        "id", *columns, *sort_columns
    ).query.sql_with_params()

    conditions: dict[str, tuple[str, list]] = {}
    for facet, column in SCALAR_FACETS.items():
        if wanted[facet]:
            values = sorted(wanted[facet], key=str)
            placeholders = ", ".join(["%s"] * len(values))
            conditions[facet] = (f"{quote(column)} IN ({placeholders})", values)
    for facet, (through, column, _term_model) in TAG_FILTERS.items():
        if wanted[facet]:
            values = sorted(wanted[facet])
            placeholders = ", ".join(["%s"] * len(values))
            conditions[facet] = (
                f"id IN (SELECT {quote('organisation_id')} FROM "
                f"{quote(through._meta.db_table)} WHERE {quote(column)} IN ({placeholders}))",
                values,
            )

    def where(facets) -> tuple[str, list]:
        parts = [conditions[facet] for facet in facets if facet in conditions]
        if not parts:
            return "", []
        return " WHERE " + " AND ".join(sql for sql, _ in parts), [
            param for _, params in parts for param in params
        ]

    tag_where, tag_params = where(TAG_FILTERS)
    column_list = ", ".join(quote(column) for column in columns)
    arms = [
        (
            f"SELECT %s, {column_list}, COUNT(*) FROM searched{tag_where} GROUP BY {column_list}",
            ["", *tag_params],
        )
    ]
    nulls = ", ".join(["NULL"] * (len(columns) - 1))
    # The organisations each tag facet counts over, one materialised set per distinct
    # selection (a single one when no tag is chosen), joined to the tag table: a join on
    # these unique ids plans better than IN (…) over the filtered CTE. CROSS JOIN makes
    # SQLite loop over the few ids and probe the tag index; PostgreSQL plans it as any join.
    kept: dict[tuple, tuple[str, str, list]] = {}
    unfiltered = not searched.query.where
    for facet, (through, column, _term_model) in TAG_FILTERS.items():
        selection = tuple(name for name in conditions if name != facet)
        table = quote(through._meta.db_table)
        if unfiltered and not selection:
            # Every organisation counts: the tag table alone has the answer.
            arms.append(
                (
                    f"SELECT %s, {quote(column)}, {nulls}, COUNT(*) FROM {table} "
                    f"GROUP BY {quote(column)}",
                    [facet],
                )
            )
            continue
        if selection not in kept:
            selection_where, selection_params = where(selection)
            kept[selection] = (
                f"kept{len(kept)}",
                f"SELECT id FROM searched{selection_where}",
                selection_params,
            )
        arms.append(
            (
                f"SELECT %s, t.{quote(column)}, {nulls}, COUNT(*) FROM {kept[selection][0]} "
                f"CROSS JOIN {table} t WHERE t.{quote('organisation_id')} = "
                f"{kept[selection][0]}.id GROUP BY t.{quote(column)}",
                [facet],
            )
        )
    if window is not None:
        offset, limit = window
        every_where, every_params = where(conditions)
        if sort == "country":
            source = (
                f'(SELECT f.*, c."name" AS "country_name" FROM (SELECT * FROM searched'
                f"{every_where}) f JOIN {quote(Country._meta.db_table)} c "
                f"ON c.{quote('id')} = f.{quote('country_id')})"
            )
        elif ranked is not None:
            # The ranks of the search's matches, joined to those passing every filter.
            source = (
                f"(SELECT f.*, r.rank AS rank FROM (SELECT * FROM searched{every_where}) f "
                f"JOIN {MATCHES} r ON r.id = f.id)"
            )
        else:
            source = f"(SELECT * FROM searched{every_where})"
        # The window is taken by ORDER BY … LIMIT (a bounded sort over the matches); the
        # row number, over those few rows only, keeps their order through UNION ALL.
        arms.append(
            (
                f"SELECT %s, id, {nulls}, ROW_NUMBER() OVER (ORDER BY {SORT_SQL[sort]}) FROM "
                f"(SELECT * FROM {source} s ORDER BY {SORT_SQL[sort]} LIMIT %s OFFSET %s) s",
                ["page", *every_params, limit, offset],
            )
        )
    all_columns = ", ".join(quote(column) for column in [*columns, *sort_columns])
    # A search is run once and its matches kept; without one, each arm reads the covering
    # index of the facet columns itself, cheaper than writing and rereading 120,000 rows.
    materialised = "MATERIALIZED" if has_search else "NOT MATERIALIZED"
    ctes = [f"searched (id, {all_columns}) AS {materialised} ({base_sql})"]
    rank_params: list = []
    if ranked is not None:
        rank_sql, rank_params = ranked
        ctes.insert(0, f"{MATCHES} AS MATERIALIZED ({rank_sql})")
    ctes += [f"{name} AS MATERIALIZED ({sql})" for name, sql, _params in kept.values()]
    sql = f"WITH {', '.join(ctes)} " + " UNION ALL ".join(arm for arm, _ in arms)
    params = [
        *rank_params,
        *base_params,
        *(param for _name, _sql, kept_params in kept.values() for param in kept_params),
        *(param for _, arm_params in arms for param in arm_params),
    ]
    grouped: list[tuple] = []
    tags: dict[str, dict] = {facet: {} for facet in TAG_FILTERS}
    ranked: list[tuple[int, int]] = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for kind, *row in cursor.fetchall():
            if kind == "page":
                ranked.append((row[-1], row[0]))
            elif kind:
                tags[kind][row[0]] = row[-1]
            else:
                grouped.append(_normalised(row))
    window_ids = None if window is None else [pk for _position, pk in sorted(ranked)]
    return grouped, tags, window_ids


def _normalised(row: list) -> tuple:
    """SQLite returns the boolean column as 0/1 from a raw cursor."""
    index = list(SCALAR_FACETS).index("core_business")
    if row[index] is not None:
        row[index] = bool(row[index])
    return tuple(row)


def _db_values(name: str, values: set[str], vocab: Vocabulary) -> set:
    if not values:
        return set()
    if name in vocab.ids:
        return {vocab.ids[name][value] for value in values if value in vocab.ids[name]}
    if name == "core_business":
        return {value == "true" for value in values if value in ("true", "false")}
    return set(values)


def _as_param(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _selected(data, name: str) -> set[str]:
    if hasattr(data, "getlist"):
        return set(data.getlist(name))
    value = data.get(name)
    if value is None:
        return set()
    return set(value) if isinstance(value, list | tuple) else {str(value)}

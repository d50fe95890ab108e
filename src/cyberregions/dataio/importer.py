"""Importing organisations: ``plan_import`` checks a table against the atlas and says what
would be created, updated and left unchanged, with every error; ``write_plan`` writes a plan
with bulk statements. Services call both; ``write_plan`` must run inside their transaction.

Duplicates are recognised by the website's domain and by the name key (see
``cells.name_key``) within a country, inside the file and against the atlas; an export's
``slug`` column, when present, is matched first.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import connection
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cyberregions.core import slugs
from cyberregions.core.concurrency import VERSION
from cyberregions.core.models import AuditEntry
from cyberregions.geo.models import Country, Region
from cyberregions.organisations import search
from cyberregions.organisations.choices import ActorType, ItemKind, Status
from cyberregions.organisations.fields import EDITABLE_FIELDS
from cyberregions.organisations.models import OfferOrNeed, Organisation
from cyberregions.organisations.services import RESERVED_SLUGS
from cyberregions.taxonomy.models import Domain, Sector, Technology

from . import bulk, cells, permissions
from .columns import (
    COLUMN_NAMES,
    DERIVED_COLUMNS,
    ITEM_COLUMNS,
    REQUIRED_COLUMNS,
    TAG_COLUMNS,
    normalise_header,
)
from .readers import FileRefused, Table

Progress = Callable[[str, int, int], None]
BATCH = 2000
DETAIL_CHUNK = 5000
MAX_LENGTHS = {"name": 200, "legal_name": 250, "city": 120, "slug": 100}
TERM_MODELS = {"domains": Domain, "sectors": Sector, "technologies": Technology}
THROUGH_COLUMNS = {"domains": "domain_id", "sectors": "sector_id", "technologies": "technology_id"}
ITEM_KINDS = {"offers": ItemKind.OFFER, "needs": ItemKind.NEED}
# Editable fields that no column of an import file sets: kept as they are on update, empty on
# create.
NOT_IMPORTED = ("products_services", "nist_functions")
# Plain fields an import may set (attribute names): the organisation's editable fields less the
# tags (``TAG_COLUMNS``, written apart) and those not imported.
PLAIN_FIELDS = [
    Organisation._meta.get_field(name).attname
    for name in EDITABLE_FIELDS
    if name not in NOT_IMPORTED and not Organisation._meta.get_field(name).many_to_many
]
COLUMN_OF_FIELD = {"country_id": "country", "region_id": "region"}
DETAIL_FIELDS = [*PLAIN_FIELDS, "products_services"]
DEFAULTS = {"actor_type": ActorType.OTHER, "status": Status.ACTIVE, "core_business": False}


class AtlasChanged(Exception):
    """Organisations to update were saved by someone else after the plan compared them."""


@dataclass
class RowError:
    row: int
    column: str
    reason: str
    value: str = ""

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "reason": self.reason, "value": self.value}


@dataclass
class PlannedRow:
    """What one valid row does: create, update (``fields`` and ``tags`` hold the changes
    only) or nothing."""

    row: int
    name: str
    action: str = "create"
    organisation_id: int | None = None
    slug: str = ""
    fields: dict = field(default_factory=dict)
    tags: dict = field(default_factory=dict)
    items: list = field(default_factory=list)

    @property
    def changes(self) -> list[str]:
        names = [COLUMN_OF_FIELD.get(name, name) for name in self.fields]
        names += list(self.tags)
        kinds = {kind for kind, _title in self.items}
        names += [column for column, kind in ITEM_KINDS.items() if kind in kinds]
        return names


@dataclass
class ImportPlan:
    """The outcome of checking a table: planned rows, errors and notes on the columns."""

    format: str
    encoding: str
    encoding_detected: bool
    delimiter: str
    total_rows: int
    columns: list[str]
    unknown_columns: list[str]
    ignored_columns: list[str]
    rows: list[PlannedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    existing_slugs: set[str] = field(default_factory=set, repr=False)
    current: dict[int, dict] = field(default_factory=dict, repr=False)

    @property
    def invalid_rows(self) -> set[int]:
        return {error.row for error in self.errors}

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    def counts(self) -> dict[str, int]:
        counts = {"rows": self.total_rows, "create": 0, "update": 0, "unchanged": 0}
        for planned in self.rows:
            counts[planned.action] += 1
        counts["invalid"] = len(self.invalid_rows)
        counts["errors"] = len(self.errors)
        return counts

    def report(self, error_limit: int = 1000, row_limit: int = 200) -> dict:
        """A JSON-ready summary for the preview page, the API and the import record."""
        return {
            "format": self.format,
            "encoding": self.encoding,
            "encoding_detected": self.encoding_detected,
            "delimiter": self.delimiter,
            "columns": self.columns,
            "unknown_columns": self.unknown_columns,
            "ignored_columns": self.ignored_columns,
            "counts": self.counts(),
            "errors": [error.as_dict() for error in self.errors[:error_limit]],
            "errors_truncated": len(self.errors) > error_limit,
            "rows": [
                {
                    "row": planned.row,
                    "name": planned.name,
                    "action": planned.action,
                    "changes": planned.changes if planned.action == "update" else [],
                }
                for planned in self.rows
                if planned.action != "unchanged"
            ][:row_limit],
        }


# Reference data ------------------------------------------------------------------------------


class Lookups:
    """Codes and labels an import may use, read once per import."""

    def __init__(self):
        self.countries: dict[str, int] = {}
        self.country_iso: dict[int, str] = {}
        for pk, iso, nuts in Country.objects.values_list("id", "iso", "nuts"):
            self.countries[iso.upper()] = pk
            self.countries.setdefault(nuts.upper(), pk)  # EL for Greece, as Eurostat writes
            self.country_iso[pk] = iso
        self.regions: dict[str, tuple[int, int]] = {}
        self.region_code: dict[int, str] = {}
        self.region_parent: dict[int, int | None] = {}
        for pk, code, country_id, parent_id in Region.objects.values_list(
            "id", "code", "country_id", "parent_id"
        ):
            self.regions[code.upper()] = (pk, country_id)
            self.region_code[pk] = code
            self.region_parent[pk] = parent_id
        self.terms: dict[str, dict[str, int]] = {}
        for name, model in TERM_MODELS.items():
            index: dict[str, int] = {}
            for pk, code, label in model.objects.values_list("id", "code", "label"):
                index.setdefault(label.casefold(), pk)
                index[code.casefold()] = pk
            self.terms[name] = index
        self.actor_types = _choice_index(ActorType)
        self.statuses = _choice_index(Status)

    def within(self, region_id: int, scope_id: int) -> bool:
        """Is ``region_id`` the region ``scope_id`` or one of its NUTS sub-regions?"""
        seen = 0
        while region_id is not None and seen < 5:
            if region_id == scope_id:
                return True
            region_id = self.region_parent.get(region_id)
            seen += 1
        return False


def _choice_index(choices) -> dict[str, str]:
    index = {}
    for value, label in choices.choices:
        index[str(label).casefold()] = value
        index[value.casefold()] = value
    return index


class ExistingIndex:
    """The organisations already in the atlas, by slug, website domain and name key."""

    def __init__(self):
        self.by_slug: dict[str, int] = {}
        self.by_domain: dict[str, list[int]] = defaultdict(list)
        self.by_name: dict[tuple[int, str], list[int]] = defaultdict(list)
        self.region_of: dict[int, int | None] = {}
        self.name_of: dict[int, str] = {}
        rows = Organisation.objects.order_by().values_list(
            "id", "slug", "name", "country_id", "region_id", "website"
        )
        for pk, slug, name, country_id, region_id, website in rows.iterator(chunk_size=10_000):
            self.by_slug[slug] = pk
            self.region_of[pk] = region_id
            self.name_of[pk] = name
            domain = cells.web_domain(website)
            if domain:
                self.by_domain[domain].append(pk)
            self.by_name[(country_id, cells.name_key(name))].append(pk)


# Planning ------------------------------------------------------------------------------------


def plan_import(
    table: Table,
    actor,
    region: Region | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Check every row of ``table``; nothing is written."""
    positions, unknown, ignored = _columns(table.headers)
    plan = ImportPlan(
        format=table.format,
        encoding=table.encoding,
        encoding_detected=table.encoding_detected,
        delimiter=table.delimiter,
        total_rows=len(table.rows),
        columns=[name for name in COLUMN_NAMES if name in positions],
        unknown_columns=unknown,
        ignored_columns=ignored,
    )
    lookups = Lookups()
    existing = ExistingIndex()
    plan.existing_slugs = set(existing.by_slug)
    parser = RowParser(positions, lookups, region)
    seen_domain: dict[str, int] = {}
    seen_name: dict[tuple[int, str], int] = {}
    seen_target: dict[int, int] = {}
    total = len(table.rows)
    step = max(total // 100, 1)
    for done, (number, values) in enumerate(table.rows, start=1):
        if progress and (done % step == 0 or done == total):
            progress("check", done, total)
        record = parser.parse(number, values, plan.errors)
        if record is None:
            continue
        name = record["name"]
        country_id = record["country_id"]
        domain = cells.web_domain(record.get("website", ""))
        key = (country_id, cells.name_key(name))
        # Inside the file: the first row wins, later ones are flagged.
        if domain and domain in seen_domain:
            plan.errors.append(
                RowError(
                    number,
                    "website",
                    _("Same website domain as row %(row)s.") % {"row": seen_domain[domain]},
                    domain,
                )
            )
            continue
        if key in seen_name:
            plan.errors.append(
                RowError(
                    number,
                    "name",
                    _("Very similar name, in the same country, as row %(row)s.")
                    % {"row": seen_name[key]},
                    name,
                )
            )
            continue
        # Against the atlas.
        slug = record.pop("slug", "")
        if slug and slug in existing.by_slug:
            candidates = {existing.by_slug[slug]}
        else:
            candidates = set(existing.by_domain.get(domain, ())) if domain else set()
            candidates.update(existing.by_name.get(key, ()))
        if len(candidates) > 1:
            names = sorted(existing.name_of[pk] for pk in candidates)
            plan.errors.append(
                RowError(
                    number,
                    "name",
                    _("Matches several organisations already in the atlas: %(names)s.")
                    % {"names": "; ".join(names[:5])},
                    name,
                )
            )
            continue
        target = next(iter(candidates), None)
        if target is not None and target in seen_target:
            plan.errors.append(
                RowError(
                    number,
                    "name",
                    _("Matches the same organisation of the atlas as row %(row)s.")
                    % {"row": seen_target[target]},
                    name,
                )
            )
            continue
        region_id = record.get("region_id", existing.region_of.get(target))
        if target is None:
            allowed = permissions.can_import_row(actor, None, region_id)
        else:
            stub = SimpleNamespace(pk=target, region_id=existing.region_of[target])
            allowed = permissions.can_import_row(actor, stub, region_id)
        if not allowed:
            column = "region" if "region" in positions else "name"
            plan.errors.append(
                RowError(
                    number,
                    column,
                    _("You may not add or change organisations of this region.")
                    if target is None
                    else _("You may not change “%(name)s”.") % {"name": existing.name_of[target]},
                    lookups.region_code.get(region_id, "") if region_id else "",
                )
            )
            continue
        if domain:
            seen_domain[domain] = number
        seen_name[key] = number
        planned = PlannedRow(row=number, name=name, organisation_id=target)
        if target is None:
            planned.slug = slug
            planned.fields = {name: value for name, value in record.items() if name in PLAIN_FIELDS}
            planned.tags = record.get("tags", {})
            planned.items = record.get("items", [])
        else:
            seen_target[target] = number
            planned.action = "update"
            planned.fields = record  # compared with the atlas below
        plan.rows.append(planned)
    _compare_with_atlas(plan, progress)
    return plan


def _columns(headers: list[str]) -> tuple[dict[str, int], list[str], list[str]]:
    positions: dict[str, int] = {}
    unknown, ignored = [], []
    for index, header in enumerate(headers):
        name = normalise_header(header)
        if not name:
            continue
        if name in positions:
            raise FileRefused(_("The column “%(name)s” appears twice.") % {"name": header})
        if name in COLUMN_NAMES:
            positions[name] = index
        elif name in DERIVED_COLUMNS:
            ignored.append(header)
        else:
            unknown.append(header)
    missing = [name for name in REQUIRED_COLUMNS if name not in positions]
    if missing:
        raise FileRefused(
            _("Required column missing: %(missing)s. The columns found are: %(found)s.")
            % {
                "missing": ", ".join(missing),
                "found": ", ".join(header for header in headers if header) or "—",
            }
        )
    return positions, unknown, ignored


class RowParser:
    """Turns the cells of one row into model values, collecting an error per bad cell."""

    def __init__(self, positions: dict[str, int], lookups: Lookups, region: Region | None):
        self.lookups = lookups
        self.region = region
        self.handlers = [
            (column, index, self._handler(column)) for column, index in positions.items()
        ]

    def parse(self, number: int, values: list, errors: list[RowError]) -> dict | None:
        record: dict = {}
        bad: list[str] = []
        size = len(values)
        for column, index, handler in self.handlers:
            value = values[index] if index < size else None
            if value is None or value == "":
                continue
            if isinstance(value, cells.Formula):
                errors.append(
                    RowError(
                        number,
                        column,
                        _("The cell holds a formula; only values are imported."),
                        str(value)[:100],
                    )
                )
                bad.append(column)
                continue
            try:
                handler(column, value, record)
            except cells.CellError as error:
                errors.append(RowError(number, column, str(error.reason), cells.text(value)[:100]))
                bad.append(column)
        if "name" not in record and "name" not in bad:
            errors.append(RowError(number, "name", _("This column is required.")))
            bad.append("name")
        if "country_id" not in record and "country" not in bad:
            errors.append(RowError(number, "country", _("This column is required.")))
            bad.append("country")
        if bad or not self._place(number, record, errors):
            return None
        return record

    def _handler(self, column: str):
        if column in TAG_COLUMNS:
            return self._terms
        if column in ITEM_COLUMNS:
            return self._items
        return getattr(self, f"_{column}", self._text)

    # One method per kind of column: each reads ``value`` into ``record`` or raises CellError.

    def _terms(self, column, value, record) -> None:
        index = self.lookups.terms[column]
        ids, unknown = [], []
        for term in cells.several(value):
            pk = index.get(term.casefold())
            if pk is None:
                unknown.append(term)
            elif pk not in ids:
                ids.append(pk)
        if unknown:
            raise cells.CellError(_("Unknown term(s): %(terms)s.") % {"terms": ", ".join(unknown)})
        if ids:
            record.setdefault("tags", {})[column] = ids

    def _items(self, column, value, record) -> None:
        kind = ITEM_KINDS[column]
        items = record.setdefault("items", [])
        for title in cells.several(value):
            if len(title) > 200:
                raise cells.CellError(_("An entry is longer than 200 characters."))
            items.append((kind, title))

    def _country(self, column, value, record) -> None:
        code = cells.text(value)
        pk = self.lookups.countries.get(code.upper())
        if pk is None:
            raise cells.CellError(
                _("Unknown country “%(code)s”: use an ISO 3166 alpha-2 code of the EU.")
                % {"code": code}
            )
        record["country_id"] = pk

    def _region(self, column, value, record) -> None:
        code = cells.text(value).upper()
        if code not in self.lookups.regions:
            raise cells.CellError(_("Unknown NUTS region “%(code)s”.") % {"code": code})
        record["region_id"] = self.lookups.regions[code][0]

    def _website(self, column, value, record) -> None:
        url = cells.web_address(value)
        if url:
            record["website"] = url

    def _actor_type(self, column, value, record) -> None:
        record["actor_type"] = self._choice(self.lookups.actor_types, value)

    def _status(self, column, value, record) -> None:
        record["status"] = self._choice(self.lookups.statuses, value)

    def _employees(self, column, value, record) -> None:
        amount = cells.number(value, allow_fraction=column != "employees")
        if amount is not None:
            if amount > 9_000_000_000_000_000:
                raise cells.CellError(_("The number is too large."))
            record[column] = amount

    _turnover_eur = _balance_sheet_eur = _employees

    def _founded(self, column, value, record) -> None:
        record["founded"] = cells.year(value)

    def _core_business(self, column, value, record) -> None:
        flag = cells.yes_no(value)
        if flag is not None:
            record["core_business"] = flag

    def _latitude(self, column, value, record) -> None:
        record[column] = cells.decimal_degrees(value, 90 if column == "latitude" else 180)

    _longitude = _latitude

    def _slug(self, column, value, record) -> None:
        slug = slugify(cells.text(value))[: MAX_LENGTHS["slug"]]
        if slug:
            record["slug"] = slug

    def _text(self, column, value, record) -> None:
        content = cells.text(value)
        limit = MAX_LENGTHS.get(column)
        if limit and len(content) > limit:
            raise cells.CellError(_("Longer than %(limit)s characters.") % {"limit": limit})
        if content:
            record[column] = content

    @staticmethod
    def _choice(index: dict[str, str], value) -> str:
        raw = cells.text(value)
        choice = index.get(raw.casefold())
        if choice is None:
            raise cells.CellError(
                _("Unknown value “%(value)s”; use one of: %(choices)s.")
                % {"value": raw, "choices": ", ".join(sorted(set(index.values())))}
            )
        return choice

    def _place(self, number: int, record: dict, errors: list[RowError]) -> bool:
        """The row's region: its own, or the import's; it must lie in the row's country and
        within the import's region."""
        lookups = self.lookups
        scope = self.region
        region_id = record.get("region_id")
        if region_id is None and scope is not None:
            region_id = record["region_id"] = scope.pk
        if region_id is None:
            return True
        code = lookups.region_code[region_id]
        region_country = lookups.regions[code.upper()][1]
        if region_country != record["country_id"]:
            errors.append(
                RowError(
                    number,
                    "region",
                    _("The region %(region)s is not in the country %(country)s.")
                    % {"region": code, "country": lookups.country_iso[record["country_id"]]},
                    code,
                )
            )
            return False
        if scope is not None and not lookups.within(region_id, scope.pk):
            errors.append(
                RowError(
                    number,
                    "region",
                    _("The region %(region)s is outside the region of this import, %(scope)s.")
                    % {"region": code, "scope": scope.code},
                    code,
                )
            )
            return False
        return True


def _compare_with_atlas(plan: ImportPlan, progress: Progress | None) -> None:
    """Turn each matched row into the changes it brings, or ``unchanged``."""
    updates = [planned for planned in plan.rows if planned.action == "update"]
    ids = [planned.organisation_id for planned in updates]
    current = plan.current
    for start in range(0, len(ids), DETAIL_CHUNK):
        chunk = ids[start : start + DETAIL_CHUNK]
        for row in Organisation.objects.filter(pk__in=chunk).values("id", VERSION, *DETAIL_FIELDS):
            row.update({name: [] for name in TAG_COLUMNS}, items=[])
            current[row["id"]] = row
        for name, column in THROUGH_COLUMNS.items():
            through = getattr(Organisation, name).through
            pairs = through.objects.filter(organisation_id__in=chunk).values_list(
                "organisation_id", column
            )
            for organisation_id, term_id in pairs:
                current[organisation_id][name].append(term_id)
        for organisation_id, kind, title in OfferOrNeed.objects.filter(
            organisation_id__in=chunk
        ).values_list("organisation_id", "kind", "title"):
            current[organisation_id]["items"].append((kind, title))
        if progress:
            progress("compare", min(start + DETAIL_CHUNK, len(ids)), len(ids))
    for planned in updates:
        before = current[planned.organisation_id]
        record = planned.fields
        changes = {}
        for name in PLAIN_FIELDS:
            if name in record and not _same(before[name], record[name]):
                changes[name] = record[name]
        tags = {
            name: ids
            for name, ids in record.get("tags", {}).items()
            if set(ids) != set(before[name])
        }
        known = {(kind, title.casefold()) for kind, title in before["items"]}
        items = [
            (kind, title)
            for kind, title in record.get("items", [])
            if (kind, title.casefold()) not in known
        ]
        planned.fields, planned.tags, planned.items = changes, tags, items
        if not (changes or tags or items):
            planned.action = "unchanged"


def _same(old, new) -> bool:
    if isinstance(old, str) and isinstance(new, str):
        return old.rstrip("/") == new.rstrip("/") if old.startswith("http") else old == new
    return old == new


# Writing -------------------------------------------------------------------------------------

ORGANISATION_COLUMNS = [
    *PLAIN_FIELDS,
    "slug",
    "helix_group",
    "size_class",
    "products_services",
    "search_document",
    "created_at",
    "updated_at",
]
AUDIT_COLUMNS = [
    "at",
    "actor_id",
    "action",
    "object_type",
    "object_id",
    "object_repr",
    "before",
    "after",
    "reason",
]


def write_plan(
    plan: ImportPlan,
    actor,
    reason: str = "",
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write the valid rows of ``plan``. Call it inside the caller's transaction: a failure or
    a killed process then leaves the atlas as it was.

    Rows go in as multi-row statements (``bulk``); the audit trail gets the entry per
    organisation that ``core.audit.record`` would write, in the same bulk way."""
    if not connection.in_atomic_block:
        raise RuntimeError("write_plan must run inside a transaction.")
    started = time.perf_counter()
    now = timezone.now()
    stamp = Organisation._meta.get_field("created_at").get_db_prep_save(now, connection)
    audit = AuditTrail(actor, reason, now)
    creates = [planned for planned in plan.rows if planned.action == "create"]
    updates = [planned for planned in plan.rows if planned.action == "update"]
    total = len(creates) + len(updates)
    search_pairs: list[tuple[int, str]] = []
    done = 0

    taken = set(plan.existing_slugs)
    codes = _domain_codes()
    blank = {name: Organisation._meta.get_field(name).get_default() for name in PLAIN_FIELDS}
    blank.update(DEFAULTS)
    for start in range(0, len(creates), BATCH):
        batch = creates[start : start + BATCH]
        rows, documents = [], []
        for planned in batch:
            values = {**blank, **planned.fields}
            organisation = _derived(values, planned.items, planned.tags.get("domains", ()), codes)
            values.update(
                slug=slugs.free_slug(
                    planned.slug or planned.name, taken, "organisation", RESERVED_SLUGS
                ),
                helix_group=organisation.helix_group,
                size_class=organisation.size_class,
                products_services="",
                search_document=organisation.search_document,
                created_at=stamp,
                updated_at=stamp,
            )
            planned.slug = values["slug"]
            rows.append(tuple(values.get(name) for name in ORGANISATION_COLUMNS))
            documents.append(organisation.search_document)
        bulk.insert_rows(Organisation, ORGANISATION_COLUMNS, rows)
        ids = _ids_of([planned.slug for planned in batch])
        for planned, document in zip(batch, documents, strict=True):
            planned.organisation_id = ids[planned.slug]
            search_pairs.append((planned.organisation_id, document))
            after = {name: planned.fields.get(name, blank[name]) for name in PLAIN_FIELDS}
            after.update({name: sorted(term_ids) for name, term_ids in planned.tags.items()})
            audit.add("organisation.create", planned.organisation_id, planned.name, None, after)
        _write_tags(batch)
        _write_items(batch)
        done += len(batch)
        if progress:
            progress("write", done, total)

    changed = sorted({name for planned in updates for name in planned.fields})
    columns = [*changed, "helix_group", "size_class", "search_document", "updated_at", VERSION]
    for start in range(0, len(updates), BATCH):
        batch = updates[start : start + BATCH]
        rows = []
        for planned in batch:
            before = plan.current[planned.organisation_id]
            values = {name: before[name] for name in DETAIL_FIELDS}
            values.update(planned.fields)
            domain_ids = planned.tags.get("domains", before["domains"])
            organisation = _derived(values, [*before["items"], *planned.items], domain_ids, codes)
            values.update(
                helix_group=organisation.helix_group,
                size_class=organisation.size_class,
                search_document=organisation.search_document,
                updated_at=stamp,
                version=before[VERSION] + 1,
            )
            # Only over the version that was compared: see the check after the batch.
            rows.append(
                (*(values[name] for name in columns), planned.organisation_id, before[VERSION])
            )
            search_pairs.append((planned.organisation_id, organisation.search_document))
            old = {name: before[name] for name in planned.fields}
            new = dict(planned.fields)
            for name, term_ids in planned.tags.items():
                old[name], new[name] = sorted(before[name]), sorted(term_ids)
            if planned.items:
                old["items"] = len(before["items"])
                new["items"] = len(before["items"]) + len(planned.items)
            old[VERSION], new[VERSION] = before[VERSION], values[VERSION]
            audit.add("organisation.update", planned.organisation_id, values["name"], old, new)
        written = bulk.update_rows(Organisation, columns, rows, check=VERSION)
        if written != len(rows):
            # Someone saved one of these organisations after the file was compared with the
            # atlas: writing the comparison's values would undo that save without a word.
            raise AtlasChanged(
                _(
                    "%(count)s organisations were changed by someone else while the file was "
                    "being imported, so nothing was imported. Import the file again."
                )
                % {"count": len(rows) - written}
            )
        for name in TAG_COLUMNS:
            replaced = [planned.organisation_id for planned in batch if name in planned.tags]
            bulk.delete_where_in(getattr(Organisation, name).through, "organisation_id", replaced)
        _write_tags(batch)
        _write_items(batch)
        done += len(batch)
        if progress:
            progress("write", done, total)

    audit.write()
    if search_pairs:
        if len(search_pairs) > BATCH:
            search.rebuild_index()
        else:
            search.index_organisations(search_pairs)
    return {
        "created": len(creates),
        "updated": len(updates),
        "unchanged": sum(1 for planned in plan.rows if planned.action == "unchanged"),
        "seconds": round(time.perf_counter() - started, 2),
    }


def _derived(
    values: dict, items: list[tuple[str, str]], domain_ids, codes: dict[int, str]
) -> SimpleNamespace:
    """The derived fields of an organisation with ``values``, its offers and needs as
    (kind, title) and its domains: helix group and size class (``Organisation.derive``) and
    the search document."""
    organisation = SimpleNamespace(**{"products_services": "", **values})
    Organisation.derive(organisation)
    organisation.search_document = search.document_for(
        organisation, items, [codes[pk] for pk in domain_ids if pk in codes]
    )
    return organisation


def _domain_codes() -> dict[int, str]:
    """Domain codes by id, read once per import (the search document names them)."""
    return dict(Domain.objects.values_list("id", "code"))


def _ids_of(slugs: list[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for start in range(0, len(slugs), 900):
        ids.update(
            Organisation.objects.filter(slug__in=slugs[start : start + 900]).values_list(
                "slug", "id"
            )
        )
    return ids


def _write_tags(batch: list[PlannedRow]) -> None:
    for name, column in THROUGH_COLUMNS.items():
        rows = [
            (planned.organisation_id, term_id)
            for planned in batch
            for term_id in planned.tags.get(name, ())
        ]
        through = getattr(Organisation, name).through
        bulk.insert_rows(through, ["organisation_id", column], rows)


def _write_items(batch: list[PlannedRow]) -> None:
    rows = [
        (planned.organisation_id, kind, title, "")
        for planned in batch
        for kind, title in planned.items
    ]
    bulk.insert_rows(OfferOrNeed, ["organisation_id", "kind", "title", "description"], rows)


class AuditTrail:
    """The entries ``core.audit.record`` would write, one per organisation, gathered for one
    bulk insert: an import of 100,000 rows cannot afford one INSERT per entry."""

    def __init__(self, actor, reason: str, now):
        self.actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
        self.reason = reason
        self.at = AuditEntry._meta.get_field("at").get_db_prep_save(now, connection)
        encoder = AuditEntry._meta.get_field("after").encoder
        self.json = lambda value: connection.ops.adapt_json_value(value, encoder)
        self.object_type = Organisation._meta.label_lower
        self.rows: list[tuple] = []

    def add(self, action: str, pk: int, name: str, before: dict | None, after: dict) -> None:
        self.rows.append(
            (
                self.at,
                self.actor_id,
                action,
                self.object_type,
                str(pk),
                name[:300],
                None if before is None else self.json(_plain(before)),
                self.json(_plain(after)),
                self.reason,
            )
        )

    def write(self) -> None:
        bulk.insert_rows(AuditEntry, AUDIT_COLUMNS, self.rows)
        self.rows = []


def _plain(values: dict) -> dict:
    """Field names as ``audit.snapshot`` writes them (``country``, not ``country_id``)."""
    return {COLUMN_OF_FIELD.get(name, name): value for name, value in values.items()}

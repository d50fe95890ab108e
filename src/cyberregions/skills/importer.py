"""Importing courses from a CSV or XLSX file, with the rigour of the organisation import:
every bad row is reported (row, column, reason, value) and nothing is written unless every
row is right. A row whose provider the importing user may not change is refused as a row
error like any other.

The file is read by ``dataio.readers`` (format recognised by content, encodings, formulas)
and its cells by ``dataio.cells``; the rows are written by the same service as the form
(``services.create_course``), all in one transaction."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cyberregions.dataio import cells
from cyberregions.dataio.readers import FileRefused, read_table
from cyberregions.organisations.models import Organisation
from cyberregions.taxonomy.models import EcsfProfile

from . import permissions, services
from .choices import COVERED_KINDS, LANGUAGE_CODES, CostBand, CourseKind, Mode
from .models import EcsfItem

# Column → what it holds; ``title``, ``provider``, ``kind``, ``eqf_level``, ``mode``,
# ``cost_band``, ``languages`` and ``profiles`` are required.
COLUMNS = {
    "title": "text",
    "provider": "organisation slug",
    "kind": " | ".join(CourseKind.values),
    "eqf_level": "1–8",
    "ects": "0–360",
    "hours": "0–10000",
    "languages": "en | fr | …",
    "mode": " | ".join(Mode.values),
    "city": "text",
    "start_dates": "2027-09-15 | …",
    "cost_band": " | ".join(CostBand.values),
    "funding_eligible": "yes | no",
    "certification": "text",
    "seats_per_year": "number",
    "url": "https://…",
    "cyber_share": "0–100",
    "profiles": "ECSF-CISO | …",
    "items": "T001 | S012 | K003 | …",
    "description": "text",
}
REQUIRED = ("title", "provider", "kind", "eqf_level", "mode", "cost_band", "languages", "profiles")
MAX_TITLE = 200


@dataclass
class RowError:
    row: int
    column: str
    reason: str
    value: str = ""


@dataclass
class ImportResult:
    errors: list[RowError] = field(default_factory=list)
    created: list = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.created)


class _Lookups:
    def __init__(self, user):
        self.user = user
        self.profiles = {p.code.upper(): p for p in EcsfProfile.objects.all()}
        self.items = {
            item.code.upper(): item for item in EcsfItem.objects.filter(kind__in=COVERED_KINDS)
        }
        self.organisations: dict[str, Organisation | None] = {}

    def organisation(self, slug: str) -> Organisation | None:
        if slug not in self.organisations:
            self.organisations[slug] = Organisation.objects.filter(slug=slug).first()
        return self.organisations[slug]


def _choice(value, choices, column) -> str:
    raw = cells.text(value).lower()
    if raw not in choices:
        raise cells.CellError(
            _("“%(value)s” is not one of: %(choices)s.")
            % {"value": cells.text(value), "choices": ", ".join(choices)}
        )
    return raw


def _bounded(value, low: int, high: int, message: str) -> int | None:
    number = cells.number(value)
    if number is not None and not (low <= number <= high):
        raise cells.CellError(message)
    return number


def _dates(value, today: datetime.date) -> list[str]:
    result = []
    for part in cells.several(value):
        try:
            day = datetime.date.fromisoformat(part)
        except ValueError as error:
            raise cells.CellError(
                _("“%(value)s” is not a date (write 2027-09-15).") % {"value": part}
            ) from error
        if day < today:
            raise cells.CellError(
                _("The next start %(date)s is in the past.") % {"date": day.isoformat()}
            )
        result.append(day.isoformat())
    return sorted(set(result))


def parse_row(values: dict, lookups: _Lookups, today: datetime.date) -> tuple[dict, list]:
    """The service's data for one row, and the (column, reason, value) of its problems."""
    data: dict = {}
    problems: list[tuple[str, str, str]] = []

    def read(column, parse):
        raw = values.get(column)
        if column in REQUIRED and not cells.text(raw):
            problems.append((column, _("This column is required."), ""))
            return
        try:
            data[column] = parse(raw)
        except cells.CellError as error:
            problems.append((column, str(error.reason), cells.text(raw)))

    def provider(raw):
        organisation = lookups.organisation(cells.text(raw))
        if organisation is None:
            raise cells.CellError(_("No organisation of the atlas has this slug."))
        if not permissions.can_create_course(lookups.user, organisation):
            raise cells.CellError(_("You may not add courses for this organisation."))
        return organisation

    def title(raw):
        text = cells.text(raw)
        if len(text) > MAX_TITLE:
            raise cells.CellError(_("The title is longer than 200 characters."))
        return text

    def languages(raw):
        codes = [code.lower() for code in cells.several(raw)]
        unknown = [code for code in codes if code not in LANGUAGE_CODES]
        if unknown:
            raise cells.CellError(
                _("Unknown language code(s): %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        return codes

    def profiles(raw):
        codes = [code.upper() for code in cells.several(raw)]
        unknown = [code for code in codes if code not in lookups.profiles]
        if unknown:
            raise cells.CellError(
                _("Unknown ECSF profile(s): %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        return [lookups.profiles[code] for code in codes]

    def items(raw):
        codes = [code.upper() for code in cells.several(raw)]
        unknown = [code for code in codes if code not in lookups.items]
        if unknown:
            raise cells.CellError(
                _("Unknown ECSF task, skill or knowledge code(s): %(codes)s.")
                % {"codes": ", ".join(unknown)}
            )
        return [lookups.items[code] for code in codes]

    read("title", title)
    read("provider", provider)
    read("kind", lambda raw: _choice(raw, CourseKind.values, "kind"))
    read(
        "eqf_level",
        lambda raw: _bounded(raw, 1, 8, _("An EQF level is a whole number from 1 to 8.")),
    )
    read("ects", lambda raw: _bounded(raw, 0, 360, _("ECTS credits run from 0 to 360.")))
    read("hours", lambda raw: _bounded(raw, 0, 10000, _("Hours run from 0 to 10,000.")))
    read("languages", languages)
    read("mode", lambda raw: _choice(raw, Mode.values, "mode"))
    read("city", lambda raw: cells.text(raw)[:120])
    read("start_dates", lambda raw: _dates(raw, today))
    read("cost_band", lambda raw: _choice(raw, CostBand.values, "cost_band"))
    read("funding_eligible", lambda raw: bool(cells.yes_no(raw)))
    read("certification", lambda raw: cells.text(raw)[:200])
    read(
        "seats_per_year",
        lambda raw: _bounded(raw, 0, 100000, _("Seats per year run from 0 to 100,000.")),
    )
    read("url", cells.web_address)
    read("cyber_share", lambda raw: _bounded(raw, 0, 100, _("A share runs from 0 to 100 %.")))
    read("profiles", profiles)
    read("items", items)
    read("description", cells.text)
    if (
        data.get("kind") in ("bachelor", "master")
        and data.get("cyber_share") is None
        and "cyber_share" not in {p[0] for p in problems}
    ):
        problems.append(
            ("cyber_share", _("Give the share of cybersecurity modules of a degree programme."), "")
        )
    return data, problems


class _RolledBack(Exception):
    pass


def import_courses(user, content: bytes) -> ImportResult:
    """Check every row, then create every course as a draft in one transaction — or none."""
    result = ImportResult()
    try:
        table = read_table(content)
    except FileRefused as refusal:
        result.errors.append(RowError(0, "", str(refusal.message)))
        return result
    headers = [cells.text(header).lower() for header in table.headers]
    missing = [column for column in REQUIRED if column not in headers]
    if missing:
        result.errors.append(
            RowError(1, ", ".join(missing), _("Required column(s) missing from the first row."))
        )
        return result
    unknown = [header for header in headers if header and header not in COLUMNS]
    if unknown:
        result.errors.append(
            RowError(1, ", ".join(unknown), _("Unknown column(s); see the list of columns."))
        )
        return result
    lookups = _Lookups(user)
    today = timezone.localdate()
    planned = []
    for number, row in table.rows:
        result.rows += 1
        values = {header: row[i] if i < len(row) else None for i, header in enumerate(headers)}
        data, problems = parse_row(values, lookups, today)
        for column, reason, value in problems:
            result.errors.append(RowError(number, column, reason, value))
        if not problems:
            planned.append((number, data))
    if result.errors:
        return result
    try:
        with transaction.atomic():
            for number, data in planned:
                data = {key: value for key, value in data.items() if value is not None}
                try:
                    result.created.append(services.create_course(user, data))
                except (ValidationError, services.CourseError) as error:
                    messages = getattr(error, "messages", [str(error)])
                    result.errors.append(RowError(number, "", " ".join(messages)))
            if result.errors:
                raise _RolledBack
    except _RolledBack:
        result.created = []
    return result

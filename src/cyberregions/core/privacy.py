"""Personal data: what each app holds about a person, and how it is exported, erased and purged.

Every app declares its own part in its own ``privacy.py`` module, which ``CoreConfig.ready()``
imports (as the admin does with ``admin.py``): ``register_personal_data`` for each kind of data
(an exporter, an eraser and the user relations it covers), ``declare_not_personal`` for a
relation to the user that holds nothing to export or erase (saying why or what covers it),
``declare_personal_audit_keys`` for the audit snapshot keys of a model that carry personal
values, and ``register_purge`` for what a retention period removes. The accounts app runs the
export and the erasure (``accounts.privacy``) through this registry, so it never imports an app
below it, and ``core/tests/test_privacy_completeness.py`` fails when a model gains a foreign key
to the user that no declaration covers.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

EXPORT_FORMAT = "cyberregions-personal-data"
EXPORT_VERSION = 1
# What replaces a person's name or address in a text that is kept (audit, others' notifications).
ERASED_TEXT = "[erased]"
# Identifiers shorter than this are too likely to match unrelated words.
MIN_IDENTIFIER_LENGTH = 3


@dataclass
class Erasure:
    """What one erasure has done so far; the app erasers share it.

    ``identifiers`` are the person's e-mail address, user name and full name as they were
    before the account was anonymised: kept texts are searched for them. ``personal_objects``
    are the rows that were the person (a contact, a registration…), as (object type, id):
    their audit entries lose their personal keys and description."""

    user: Any
    identifiers: tuple[str, ...]
    personal_objects: set[tuple[str, str]] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, number: int) -> None:
        if number:
            self.counts[what] = self.counts.get(what, 0) + number

    def mark(self, instances: Iterable[models.Model]) -> None:
        for instance in instances:
            self.personal_objects.add((instance._meta.label_lower, str(instance.pk)))

    def scrub(self, text: str) -> str:
        return scrub_text(text, self.identifiers)


@dataclass(frozen=True)
class PersonalData:
    """One kind of data about a person: its export section, its eraser and the user relations
    (``app_label.model.field``) it accounts for. Erasers run by ``order``, lowest first."""

    section: str
    exporter: Callable[[Any], Any]
    eraser: Callable[[Any, Erasure], None] | None
    covers: frozenset[str]
    order: int


_SECTIONS: dict[str, PersonalData] = {}
_NOT_PERSONAL: dict[str, str] = {}
_AUDIT_PERSONAL_KEYS: dict[str, frozenset[str]] = {}
_PURGES: dict[str, Callable[[Any], int]] = {}


def register_personal_data(
    section: str,
    *,
    exporter: Callable[[Any], Any],
    eraser: Callable[[Any, Erasure], None] | None = None,
    covers: Iterable[str] = (),
    order: int = 50,
) -> None:
    """Declare one section of the export and how it is erased (``eraser=None``: kept as it is,
    say why in ``docs/privacy.md``)."""
    _SECTIONS[section] = PersonalData(section, exporter, eraser, frozenset(covers), order)


def declare_not_personal(relation: str, why: str) -> None:
    """A relation to the user with nothing to export or erase of its own; ``why`` says so."""
    _NOT_PERSONAL[relation] = why


def declare_personal_audit_keys(object_type: str, keys: Iterable[str]) -> None:
    """The keys of an audit snapshot of ``object_type`` (``app_label.model``) that carry a
    person's values. Erasure and the retention period remove them; the rest of the entry (who,
    what, when, the other keys) is kept as the fact."""
    _AUDIT_PERSONAL_KEYS[object_type] = frozenset(keys)


def register_purge(name: str, purge: Callable[[Any], int]) -> None:
    """``purge(now)`` removes what a retention period no longer allows and returns how much."""
    _PURGES[name] = purge


def sections() -> list[PersonalData]:
    return sorted(_SECTIONS.values(), key=lambda data: (data.order, data.section))


def personal_audit_keys() -> dict[str, frozenset[str]]:
    return dict(_AUDIT_PERSONAL_KEYS)


def relation_label(field: models.Field) -> str:
    return f"{field.model._meta.label_lower}.{field.name}"


def user_relations() -> list[str]:
    """Every foreign key, one-to-one or many-to-many table pointing at the user model,
    including hidden ones (``related_name="+"``), as ``app_label.model.field``."""
    user_model = get_user_model()
    labels = set()
    for relation in user_model._meta.get_fields(include_hidden=True):
        if relation.is_relation and relation.auto_created and not relation.concrete:
            labels.add(relation_label(relation.field))
    return sorted(labels)


def undeclared_relations() -> list[str]:
    covered = set(_NOT_PERSONAL).union(*(data.covers for data in _SECTIONS.values()))
    return [label for label in user_relations() if label not in covered]


def export(user) -> dict[str, Any]:
    """Everything every app holds about ``user``, as JSON-ready data."""
    data: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "generated_at": timezone.now().isoformat(),
    }
    for section in sections():
        data[section.section] = section.exporter(user)
    return data


def identifiers_of(user) -> tuple[str, ...]:
    values = (user.email, user.get_username(), user.get_full_name())
    return tuple(
        sorted(
            {value.strip() for value in values if len(value.strip()) >= MIN_IDENTIFIER_LENGTH},
            key=len,
            reverse=True,
        )
    )


def erase(user, erasure: Erasure) -> None:
    """Run every eraser, then take the person's values out of the audit trail. The caller holds
    the transaction (``accounts.privacy.erase_person``)."""
    for section in sections():
        if section.eraser is not None:
            section.eraser(user, erasure)
    erasure.count("audit_entries_scrubbed", scrub_audit(erasure))
    erasure.count("workflow_reasons_scrubbed", scrub_workflow_reasons(erasure))


# Texts ------------------------------------------------------------------------------------


def _pattern(identifiers: Iterable[str]) -> re.Pattern | None:
    words = [re.escape(value) for value in identifiers if value]
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


def scrub_text(text: str, identifiers: Iterable[str]) -> str:
    """``text`` with every whole-word occurrence of an identifier replaced."""
    pattern = _pattern(identifiers)
    if not text or pattern is None:
        return text
    return pattern.sub(ERASED_TEXT, text)


def scrub_json(value: Any, identifiers: Iterable[str], drop_keys: frozenset[str] = frozenset()):
    """A copy of JSON data without ``drop_keys`` and with identifiers replaced in its strings."""
    if isinstance(value, dict):
        return {
            key: scrub_json(item, identifiers, drop_keys)
            for key, item in value.items()
            if key not in drop_keys
        }
    if isinstance(value, list):
        return [scrub_json(item, identifiers, drop_keys) for item in value]
    if isinstance(value, str):
        return scrub_text(value, identifiers)
    return value


def mentions(columns: Iterable[str], identifiers: Iterable[str]) -> Q:
    """Rows where a text or JSON column contains an identifier. JSON columns are also searched
    for the identifier as JSON escapes it: SQLite keeps the text ``json.dumps`` wrote (non-ASCII
    letters as \\u escapes), PostgreSQL's jsonb prints them as they are."""
    condition = Q(pk__in=[])
    for value in identifiers:
        forms = {value, json.dumps(value)[1:-1]}
        for column in columns:
            for form in forms:
                condition |= Q(**{f"{column}__icontains": form})
    return condition


# The audit trail --------------------------------------------------------------------------


def scrub_audit(erasure: Erasure) -> int:
    """Keep the fact of each audit entry (who, what, when, on which row) and take the person's
    values out: the personal keys and the description of the rows that were the person, and
    their name or address wherever an entry still quotes it. Returns entries changed."""
    from .models import AuditEntry

    about_person = Q(pk__in=[])
    for object_type, object_id in erasure.personal_objects:
        about_person |= Q(object_type=object_type, object_id=object_id)
    quoting = mentions(("object_repr", "reason", "before", "after"), erasure.identifiers)
    changed = []
    for entry in AuditEntry.objects.filter(about_person | quoting).iterator(chunk_size=500):
        is_person = (entry.object_type, entry.object_id) in erasure.personal_objects
        drop = (
            _AUDIT_PERSONAL_KEYS.get(entry.object_type, frozenset()) if is_person else frozenset()
        )
        entry.object_repr = "" if is_person else erasure.scrub(entry.object_repr)
        entry.reason = erasure.scrub(entry.reason)
        entry.before = scrub_json(entry.before, erasure.identifiers, drop)
        entry.after = scrub_json(entry.after, erasure.identifiers, drop)
        changed.append(entry)
    AuditEntry.objects.bulk_update(
        changed, ["object_repr", "reason", "before", "after"], batch_size=500
    )
    return len(changed)


def scrub_workflow_reasons(erasure: Erasure) -> int:
    """Workflow histories (every concrete ``WorkflowStep``) keep each step; a reason that
    quotes the person loses their name or address."""
    from django.apps import apps

    from .models import WorkflowStep

    if not erasure.identifiers:
        return 0
    changed = 0
    for model in apps.get_models():
        if not issubclass(model, WorkflowStep):
            continue
        steps = list(model.objects.filter(mentions(("reason",), erasure.identifiers)))
        for step in steps:
            step.reason = erasure.scrub(step.reason)
        model.objects.bulk_update(steps, ["reason"], batch_size=500)
        changed += len(steps)
    return changed


def purge_audit_personal_keys(cutoff) -> int:
    """Audit entries older than ``cutoff`` lose the personal keys and the description of the
    personal rows they are about; the fact stays."""
    from .models import AuditEntry

    changed = []
    for object_type, keys in _AUDIT_PERSONAL_KEYS.items():
        still_personal = (
            ~Q(object_repr="")
            | Q(before__has_any_keys=list(keys))
            | Q(after__has_any_keys=list(keys))
        )
        entries = AuditEntry.objects.filter(at__lt=cutoff, object_type=object_type).filter(
            still_personal
        )
        for entry in entries.iterator(chunk_size=500):
            entry.object_repr = ""
            entry.before = scrub_json(entry.before, (), keys)
            entry.after = scrub_json(entry.after, (), keys)
            changed.append(entry)
    AuditEntry.objects.bulk_update(changed, ["object_repr", "before", "after"], batch_size=500)
    return len(changed)


# Retention --------------------------------------------------------------------------------


def purge(now=None) -> dict[str, int]:
    """Apply every retention period; returns how much each purge removed or changed."""
    now = now or timezone.now()
    return {name: purge_one(now) for name, purge_one in sorted(_PURGES.items())}


@task()
def purge_personal_data() -> dict[str, int]:
    """The daily periodic job (``core.periodic``): every retention period, applied. Safe to run
    more often: what is gone is not found again."""
    done = purge()
    logger.info("personal data purge: %s", ", ".join(f"{k}={v}" for k, v in done.items()))
    return done


# Helpers for the apps' declarations -------------------------------------------------------


def to_json(data: Any) -> str:
    """The export as the person downloads it."""
    from django.core.serializers.json import DjangoJSONEncoder

    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def references(user, relations: Iterable[tuple[type[models.Model], str, tuple[str, ...]]]):
    """Records a person made or decided in a role (a practice written, a plan validated): which
    ones and when, one query each; their content belongs to the organisation or region."""
    return {
        f"{model._meta.label_lower}.{field}": list(
            model._default_manager.filter(**{field: user}).values("pk", *fields)
        )
        for model, field, fields in relations
    }


def register_work_records(
    section: str, relations: list[tuple[type[models.Model], str, tuple[str, ...]]]
) -> None:
    """Records kept on erasure: they stay the region's or organisation's, pointing at the
    anonymised account, which names nobody any more."""
    register_personal_data(
        section,
        exporter=lambda user: references(user, relations),
        eraser=None,
        covers=[f"{model._meta.label_lower}.{field}" for model, field, _fields in relations],
    )

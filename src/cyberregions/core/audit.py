"""Writing and reading the audit trail."""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterable
from typing import Any

from django.db import models

from .models import AuditEntry


def plain(value: Any) -> Any:
    """A value as JSON-ready data: a row by its key, dates and decimals as text, sets sorted."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime.date | datetime.datetime | decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return sorted(plain(item) for item in value)
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values of ``fields`` as JSON-ready data, for before/after comparison."""
    data = {}
    for name in fields:
        field = instance._meta.get_field(name)
        if field.many_to_many:
            data[name] = (
                sorted(getattr(instance, name).values_list("pk", flat=True)) if instance.pk else []
            )
        else:
            data[name] = plain(getattr(instance, field.attname))
    return data


def changed(before: dict[str, Any] | None, after: dict[str, Any] | None) -> tuple[dict, dict]:
    """Only the keys whose value differs, so the trail stays readable."""
    before = before or {}
    after = after or {}
    keys = [key for key in sorted(set(before) | set(after)) if before.get(key) != after.get(key)]
    return {k: before.get(k) for k in keys if k in before}, {
        k: after.get(k) for k in keys if k in after
    }


def record(
    actor,
    action: str,
    instance: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditEntry:
    """Write one audit entry; call it inside the service's transaction."""
    before_diff, after_diff = changed(before, after) if before is not None else (None, after)
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        before=before_diff,
        after=after_diff,
        reason=reason,
    )


def history(instance: models.Model):
    return AuditEntry.objects.filter(
        object_type=instance._meta.label_lower, object_id=str(instance.pk)
    ).select_related("actor")

"""No lost updates: optimistic concurrency for rows that several people edit.

A versioned row carries an integer ``version`` that every save through a service raises by
exactly one. An edit says which version it started from (a hidden form field, or an API
``If-Match`` header); the service claims the row with ``UPDATE … SET version = version + 1
WHERE pk = … AND version = <expected>`` before writing anything. When no row matches, someone
saved in between: the edit is refused with ``StaleVersion``, which names the fields changed
meanwhile (read from the audit entries written since, which carry the version they produced)
and their current values. Nothing overwrites silently; the editor decides with both in view.

Why optimistic rather than a lock held while a form is open: forms stay open for minutes and
are abandoned; a conditional UPDATE costs nothing when nobody else writes, and the UPDATE also
locks the row until the service's transaction ends, so two saves cannot interleave.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django import forms
from django.db import models, transaction
from django.db.models import F
from django.http import Http404
from django.utils.formats import localize
from django.utils.http import parse_etags, quote_etag
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import AuditEntry

VERSION = "version"
# How far back the audit trail is read to name what changed; more than enough for the saves
# made while one form was open.
HISTORY_LIMIT = 100
VALUE_LENGTH = 80


def version_field() -> models.PositiveIntegerField:
    """The ``version`` column of a versioned model. The database default keeps rows inserted
    by bulk loads and raw SQL valid."""
    return models.PositiveIntegerField(
        gettext_lazy("version"),
        default=1,
        db_default=1,
        editable=False,
        help_text=gettext_lazy(
            "Raised by one on every save; an edit from an older one is refused."
        ),
    )


@dataclass(frozen=True)
class Change:
    """A field saved by someone else since the editor's version, with its current value."""

    field: str
    label: str
    value: str


class StaleVersion(Exception):
    """The row was saved by someone else after the editor read it."""

    def __init__(self, instance: models.Model, expected: int, current: int | None, changes):
        self.instance = instance
        self.expected = expected
        self.current = current
        self.changes: list[Change] = list(changes)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        if self.current is None:
            return _("This record has been deleted since you opened it: nothing was saved.")
        intro = _(
            "Someone else saved this record after you opened it (your version %(expected)s, "
            "now %(current)s), so nothing of yours was saved."
        ) % {"expected": self.expected, "current": self.current}
        if self.changes:
            listed = "; ".join(
                _("%(field)s is now “%(value)s”") % {"field": change.label, "value": change.value}
                for change in self.changes
            )
            intro += " " + _("Changed meanwhile: %(changes)s.") % {"changes": listed}
        return (
            intro
            + " "
            + _("Your input is still in the form: check it against these values and save again.")
        )


def claim_version(instance: models.Model, expected: int | None, *, reload: bool = True) -> None:
    """Raise the stored version of ``instance`` by one if it is still ``expected`` (whatever it
    is when ``expected`` is None, for writers that send no version), then reload ``instance``
    from the locked row (only its version with ``reload=False``, for an instance that already
    holds the changes), so that the caller's ``save()`` writes the new number.

    Call it inside the service's transaction, after taking the audit's "before" snapshot
    (which then holds the version the edit started from) and before applying the change: from
    here on the row is locked until commit. Raises ``StaleVersion`` when the row moved on."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("claim_version must run inside the service's transaction.")
    model = type(instance)
    rows = model._base_manager.filter(pk=instance.pk)
    if expected is not None:
        rows = rows.filter(version=expected)
    if rows.update(version=F(VERSION) + 1):
        if reload:
            # The row as it is now that it is locked, new version included: columns the edit
            # does not touch (a workflow's status, say) must not be written back as read.
            instance.refresh_from_db()
        else:
            instance.version = model._base_manager.values_list(VERSION, flat=True).get(
                pk=instance.pk
            )
        return
    current = model._base_manager.filter(pk=instance.pk).first()
    if current is None:
        raise StaleVersion(instance, expected, None, [])
    raise StaleVersion(instance, expected, current.version, changes_since(current, expected))


def changes_since(current: models.Model, version: int) -> list[Change]:
    """The fields the audit trail says were saved after ``version``, with the values they hold
    in ``current``. A save's entry carries the version it started from and the one it produced
    (``before["version"]`` and ``after["version"]``, one apart); other entries on the same row
    (contacts recorded on an organisation, workflow steps, older entries) are skipped."""
    entries = AuditEntry.objects.filter(
        object_type=current._meta.label_lower, object_id=str(current.pk)
    ).order_by("-id")[:HISTORY_LIMIT]
    names: list[str] = []
    for before, after in entries.values_list("before", "after"):
        produced = _version_step(before, after)
        if produced is None:
            continue
        if produced <= version:
            break
        names.extend(name for name in after if name != VERSION and name not in names)
    fields = {field.name: field for field in current._meta.get_fields()}
    return [
        Change(name, capfirst(fields[name].verbose_name), display_value(current, fields[name]))
        for name in sorted(names, key=list(fields).index)
        if name in fields and getattr(fields[name], "concrete", False)
    ]


def _version_step(before, after) -> int | None:
    """The version a save's audit entry produced, or None for an entry of another kind."""
    if not (isinstance(before, dict) and isinstance(after, dict)):
        return None
    started, produced = before.get(VERSION), after.get(VERSION)
    if isinstance(started, int) and isinstance(produced, int) and produced == started + 1:
        return produced
    return None


def display_value(instance: models.Model, field) -> str:
    """``field`` of ``instance`` as a reader sees it: labels of choices, names of related
    rows, yes or no, a dash for nothing."""
    if field.many_to_many:
        shown = ", ".join(str(item) for item in getattr(instance, field.name).all())
    elif field.is_relation:
        related = getattr(instance, field.name)
        shown = "" if related is None else str(related)
    elif field.choices:
        shown = str(getattr(instance, f"get_{field.name}_display")())
    else:
        value = getattr(instance, field.attname)
        if isinstance(value, bool):
            shown = _("yes") if value else _("no")
        else:
            shown = "" if value is None else str(localize(value))
    shown = " ".join(shown.split())
    if len(shown) > VALUE_LENGTH:
        shown = shown[: VALUE_LENGTH - 1] + "…"
    return shown or "—"


# Forms -------------------------------------------------------------------------------------


class VersionedFormMixin:
    """For the edit form of a versioned model: a hidden ``version`` field holding the version
    the form was built from. Put it before ``forms.ModelForm`` in the bases."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields[VERSION] = forms.IntegerField(
                widget=forms.HiddenInput,
                initial=self.instance.version,
                min_value=1,
                error_messages={
                    "required": _(
                        "This form does not say which version it was opened on: "
                        "open the page again."
                    ),
                    "invalid": _(
                        "This form does not say which version it was opened on: "
                        "open the page again."
                    ),
                },
            )

    @property
    def expected_version(self) -> int | None:
        return self.cleaned_data.get(VERSION) if self.instance.pk else None

    def refuse_stale(self, error: StaleVersion) -> None:
        """Show why the save was refused and let the next submit start from the current
        version: the user's input stays in the form, to be checked and sent again."""
        self.add_error(None, error.message)
        if error.current is not None:
            data = self.data.copy()
            data[self.add_prefix(VERSION)] = error.current
            self.data = data


# Admin -------------------------------------------------------------------------------------


class VersionedAdminMixin:
    """For the ModelAdmin of a versioned model: a change made in the admin raises the version
    too, so that an edit form opened before it is refused rather than undoing it. The admin
    itself does not check (administrators repair data there) and writes no audit entry, so
    the refusal cannot name the fields it changed."""

    def save_model(self, request, obj, form, change):
        if change:
            # The admin's change view runs in a transaction; ``obj`` holds the form's values.
            claim_version(obj, None, reload=False)
        super().save_model(request, obj, form, change)


# API ---------------------------------------------------------------------------------------

ETAG_PATTERN = re.compile(r'^"(?P<pk>\d+)\.(?P<version>\d+)"$')


def etag(instance: models.Model) -> str:
    """A strong entity tag for one version of one row: ``"<pk>.<version>"``."""
    return quote_etag(f"{instance.pk}.{instance.version}")


class PreconditionFailed(Exception):
    """An ``If-Match`` header names no version of this row that could still be current."""


def expected_version_from(if_match: str | None, instance: models.Model) -> int | None:
    """The version an ``If-Match`` header expects: None without the header or with ``*``
    (any current version: writers that do not use ETags keep working as before). Raises
    ``PreconditionFailed`` when the header names this row at another version, another row or
    nothing readable; weak tags never match (RFC 9110, 13.1.1)."""
    if not if_match or not if_match.strip():
        return None
    tags = parse_etags(if_match)
    if "*" in tags:
        return None
    for tag in tags:
        match = ETAG_PATTERN.match(tag)
        if match and int(match["pk"]) == instance.pk:
            if int(match["version"]) != instance.version:
                raise PreconditionFailed
            return instance.version
    raise PreconditionFailed


def versioned_schema(serializer_class):
    """The OpenAPI description of ``VersionedViewSetMixin`` for a viewset writing
    ``serializer_class``: the ETag on reads and writes, If-Match and 412 on writes."""
    from drf_spectacular.utils import (
        OpenApiParameter,
        OpenApiResponse,
        extend_schema,
        extend_schema_view,
    )

    etag_header = OpenApiParameter(
        "ETag",
        location=OpenApiParameter.HEADER,
        response=[200],
        description='This version of the object, `"<id>.<version>"`: send it back in If-Match.',
    )
    if_match = OpenApiParameter(
        "If-Match",
        location=OpenApiParameter.HEADER,
        description=(
            "The ETag the change was made from. When the object changed since, nothing is "
            "written and the answer is 412. Without it (or with *) the write is not checked."
        ),
    )
    stale = OpenApiResponse(
        description=(
            "Precondition Failed: the object changed since the If-Match version. The body has "
            "`detail`, `code` (precondition_failed), `changed` (the fields saved meanwhile) "
            "and `current` (the object now); the ETag header is the current one."
        )
    )
    write = extend_schema(
        parameters=[if_match, etag_header], responses={200: serializer_class, 412: stale}
    )
    return extend_schema_view(
        retrieve=extend_schema(parameters=[etag_header]), update=write, partial_update=write
    )


class VersionedViewSetMixin:
    """For a DRF viewset of a versioned model: GET of one row sends its ETag; PUT and PATCH
    honour ``If-Match`` (412 Precondition Failed with the current row when stale) and send
    the new ETag. ``perform_update`` passes ``self.expected_version`` to the service."""

    expected_version: int | None = None
    _object = None

    def get_object(self):
        # One read per request: the permission check, the If-Match check and the write all
        # see the same row (and the prefetches run once).
        if self._object is None:
            self._object = super().get_object()
        return self._object

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        instance = getattr(response.data, "serializer", None)
        if instance is not None and instance.instance is not None:
            response["ETag"] = etag(instance.instance)
        return response

    def update(self, request, *args, **kwargs):
        instance = self.get_object()
        try:
            self.expected_version = expected_version_from(request.headers.get("If-Match"), instance)
        except PreconditionFailed:
            return self.precondition_failed(instance, [])
        try:
            response = super().update(request, *args, **kwargs)
        except StaleVersion as error:
            if error.current is None:
                raise Http404 from error  # deleted meanwhile
            self._object = None  # the row as it is now, not as this request first read it
            return self.precondition_failed(self.get_object(), error.changes)
        serializer = getattr(response.data, "serializer", None)
        if serializer is not None and serializer.instance is not None:
            response["ETag"] = etag(serializer.instance)
        return response

    def precondition_failed(self, current: models.Model, changes: list[Change]):
        from rest_framework.response import Response

        body = {
            "detail": _(
                "This record has changed since the version named in If-Match: nothing was "
                "saved. Read it again (its current state and ETag are here), apply your "
                "change to it and send it with the new ETag."
            ),
            "code": "precondition_failed",
            "changed": [change.field for change in changes],
            "current": self.get_serializer(current).data,
        }
        return Response(body, status=412, headers={"ETag": etag(current)})

"""Readable differences between two frozen versions of an action plan. Pure Python (difflib),
no Django import.

A version is a JSON snapshot: ``{"plan": {field: value}, "actions": [{"key": …, field: value,
"indicators": [{"key": …, field: value}]}]}``. Actions and indicators are matched by their
``key`` (the database id at freezing time), so a renamed action reads as changed, not as one
removed and one added. Long texts are compared word by word; lists (practices, players,
milestones) by the items added and removed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

# A text longer than this, or spanning several lines, is compared word by word.
LONG_TEXT = 80
TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
NOT_FIELDS = frozenset({"key", "indicators"})


@dataclass
class FieldChange:
    field: str
    old: object
    new: object
    # Word by word for long texts: ("equal" | "delete" | "insert", text).
    segments: list[tuple[str, str]] | None = None
    # For lists: the items that appear only in the new or only in the old version.
    added: list | None = None
    removed: list | None = None


@dataclass
class ItemChange:
    key: object
    change: str  # "added", "removed" or "changed"
    title: str
    old_title: str
    fields: list[FieldChange] = field(default_factory=list)
    children: list[ItemChange] = field(default_factory=list)


@dataclass
class SnapshotDiff:
    plan: list[FieldChange]
    actions: list[ItemChange]

    @property
    def is_empty(self) -> bool:
        return not self.plan and not self.actions


def is_long(value: object) -> bool:
    return isinstance(value, str) and (len(value) > LONG_TEXT or "\n" in value)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The new text with what was deleted and inserted, word by word."""
    a, b = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    segments: list[tuple[str, str]] = []

    def push(op: str, text: str) -> None:
        if not text:
            return
        if segments and segments[-1][0] == op:
            segments[-1] = (op, segments[-1][1] + text)
        else:
            segments.append((op, text))

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            push("equal", "".join(a[i1:i2]))
        else:
            push("delete", "".join(a[i1:i2]))
            push("insert", "".join(b[j1:j2]))
    return segments


def compare_value(name: str, old: object, new: object) -> FieldChange | None:
    if old == new:
        return None
    if isinstance(old, list) or isinstance(new, list):
        old_items, new_items = list(old or []), list(new or [])
        return FieldChange(
            name,
            old_items,
            new_items,
            added=[item for item in new_items if item not in old_items],
            removed=[item for item in old_items if item not in new_items],
        )
    if is_long(old) or is_long(new):
        return FieldChange(name, old, new, segments=word_diff(str(old or ""), str(new or "")))
    return FieldChange(name, old, new)


def compare_fields(old: dict, new: dict) -> list[FieldChange]:
    names = [name for name in new if name not in NOT_FIELDS]
    names += [name for name in old if name not in NOT_FIELDS and name not in new]
    changes = []
    for name in names:
        change = compare_value(name, old.get(name), new.get(name))
        if change is not None:
            changes.append(change)
    return changes


def _filled(item: dict) -> list[FieldChange]:
    """The fields of an added item, as changes from nothing."""
    return [
        FieldChange(name, None, value)
        for name, value in item.items()
        if name not in NOT_FIELDS and value not in (None, "", [])
    ]


def compare_items(old_items: list[dict], new_items: list[dict], nested: str | None):
    old_by_key = {item["key"]: item for item in old_items}
    new_keys = {item["key"] for item in new_items}
    changes: list[ItemChange] = []
    for item in new_items:
        before = old_by_key.get(item["key"])
        title = str(item.get("title") or item.get("name") or "")
        children = []
        if before is None:
            if nested:
                children = compare_items([], item.get(nested) or [], None)
            changes.append(ItemChange(item["key"], "added", title, "", _filled(item), children))
            continue
        fields = compare_fields(before, item)
        if nested:
            children = compare_items(before.get(nested) or [], item.get(nested) or [], None)
        if fields or children:
            old_title = str(before.get("title") or before.get("name") or "")
            changes.append(ItemChange(item["key"], "changed", title, old_title, fields, children))
    for item in old_items:
        if item["key"] not in new_keys:
            title = str(item.get("title") or item.get("name") or "")
            changes.append(ItemChange(item["key"], "removed", title, title))
    return changes


def diff_snapshots(old: dict, new: dict) -> SnapshotDiff:
    """What changed from ``old`` to ``new``: the plan's fields, then action by action."""
    return SnapshotDiff(
        plan=compare_fields(old.get("plan") or {}, new.get("plan") or {}),
        actions=compare_items(old.get("actions") or [], new.get("actions") or [], "indicators"),
    )

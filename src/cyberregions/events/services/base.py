"""What every event service shares: the error it raises and the audit snapshot helpers."""

from __future__ import annotations

from django.utils.text import slugify

# Path segments the event URLs use for themselves.
RESERVED_SLUGS = frozenset({"new"})


class EventError(Exception):
    """A state change was refused for a reason the user can act on; the message says which."""


def unique_slug(model, title: str, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:100] or "event"
    if base in RESERVED_SLUGS:
        base = f"{base}-event"
    slug, counter = base, 2
    existing = model.objects.exclude(pk=exclude_pk)
    while existing.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug

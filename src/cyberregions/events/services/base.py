"""What every event service shares: the error it raises and the audit snapshot helpers."""

from __future__ import annotations

from cyberregions.core import slugs

# Path segments the event URLs use for themselves.
RESERVED_SLUGS = frozenset({"new"})


class EventError(Exception):
    """A state change was refused for a reason the user can act on; the message says which."""


def unique_slug(model, title: str, exclude_pk: int | None = None) -> str:
    return slugs.unique_slug(model.objects, title, "event", RESERVED_SLUGS, exclude_pk)

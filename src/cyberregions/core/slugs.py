"""The one slug generator: a readable, unique address segment made from a title.

``unique_slug`` asks the database; ``free_slug`` checks a set the caller keeps, for imports
that name thousands of rows in one statement. Both add ``-2``, ``-3``… to a slug already
taken or reserved by the app's own pages (``new``…)."""

from __future__ import annotations

from collections.abc import Callable, Container

from django.db.models import QuerySet
from django.utils.text import slugify

MAX_LENGTH = 100


def _first_free(base: str, taken: Callable[[str], bool]) -> str:
    slug, counter = base, 2
    while taken(slug):
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def unique_slug(
    queryset: QuerySet,
    text: str,
    fallback: str,
    reserved: Container[str] = frozenset(),
    exclude_pk: int | None = None,
) -> str:
    """A slug for ``text`` that no row of ``queryset`` (but ``exclude_pk``) has yet."""
    base = slugify(text)[:MAX_LENGTH] or fallback
    existing = queryset.exclude(pk=exclude_pk) if exclude_pk is not None else queryset
    return _first_free(base, lambda slug: slug in reserved or existing.filter(slug=slug).exists())


def free_slug(
    text: str, taken: set[str], fallback: str, reserved: Container[str] = frozenset()
) -> str:
    """A slug for ``text`` neither in ``taken`` nor ``reserved``; it is added to ``taken``."""
    base = slugify(text)[:MAX_LENGTH] or fallback
    slug = _first_free(base, lambda slug: slug in taken or slug in reserved)
    taken.add(slug)
    return slug

"""The start page's sections, and the hook other apps use to add their own.

A *provider* is a function ``provider(user) -> Section | None``: it returns the section the
user should see, or None when the section does not concern them. The start page (``/me/``)
asks every registered provider in order of ``position``.

HOOK for the apps below this one in the dependency order (skills, gethelp, …): they must not
be imported from here. Each registers its providers from its own ``AppConfig.ready()``::

    from cyberregions.home.sections import Item, Section, register

    @register(position=60)
    def my_courses(user):
        if not is_authenticated(user):
            return None
        return Section(key="skills.courses", title=_("My courses"), items=[...])

Items are counts and links only: a provider reads through its app's own querysets and
permissions (``visible_to``, ``permissions.py``), so the start page shows nothing a user
could not already open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise


@dataclass
class Item:
    """One line of a section: a label, an optional count and a link."""

    label: str | Promise
    url: str = ""
    count: int | None = None
    # "warning" draws attention (late, waiting); "" is a plain line.
    tone: str = ""
    detail: str | Promise = ""


@dataclass
class Section:
    """A block of the start page: what waits for the user in one part of the platform."""

    key: str
    title: str | Promise
    items: list[Item] = field(default_factory=list)
    # Said when there is no item, so that an empty section still tells what to do next.
    empty: str | Promise = ""
    position: int = 100


Provider = Callable[[object], Section | None]

_PROVIDERS: list[tuple[int, str, Provider]] = []


def register(position: int = 100) -> Callable[[Provider], Provider]:
    """Add a provider to the start page. ``position`` orders the sections (lower first);
    registering the same function twice keeps one entry."""

    def decorator(provider: Provider) -> Provider:
        name = f"{provider.__module__}.{provider.__qualname__}"
        _PROVIDERS[:] = [entry for entry in _PROVIDERS if entry[1] != name]
        _PROVIDERS.append((position, name, provider))
        _PROVIDERS.sort(key=lambda entry: (entry[0], entry[1]))
        return provider

    return decorator


def unregister(provider: Provider) -> None:
    name = f"{provider.__module__}.{provider.__qualname__}"
    _PROVIDERS[:] = [entry for entry in _PROVIDERS if entry[1] != name]


def providers() -> list[Provider]:
    return [entry[2] for entry in _PROVIDERS]


def sections_for(user) -> list[Section]:
    """Every section that concerns ``user``, in order."""
    result = []
    for position, _name, provider in list(_PROVIDERS):
        section = provider(user)
        if section is not None:
            section.position = position
            result.append(section)
    return result

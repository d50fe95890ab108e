"""How complete an organisation's profile is. Pure Python, no Django import.

A profile is read by partners looking for suppliers and by the analysis: each check below is
one thing a reader misses when it is empty. The score is the share of checks met; the missing
ones are named, so the start page can say what to fill in next.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# key: (what the check reads in the facts, what it is called on the start page).
CHECKS: tuple[str, ...] = (
    "description",
    "website",
    "city",
    "founded",
    "employees",
    "products_services",
    "domains",
    "offers_or_needs",
    "contacts",
)


@dataclass(frozen=True)
class Completeness:
    met: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def percent(self) -> int:
        total = len(self.met) + len(self.missing)
        return round(100 * len(self.met) / total) if total else 100


def is_filled(value) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value > 0
    return bool(value)


def completeness(facts: Mapping[str, object]) -> Completeness:
    """``facts`` maps each key of ``CHECKS`` to a value (a text, a number, a count of related
    rows); a key absent from ``facts`` counts as missing."""
    met = tuple(key for key in CHECKS if is_filled(facts.get(key)))
    missing = tuple(key for key in CHECKS if key not in met)
    return Completeness(met=met, missing=missing)

"""The weight of a meeting for the scheduler: what it is worth to schedule it.

Pure Python. A meeting both sides asked for is worth more; so is one across regions (the
point of an interregional event); the organiser's priority scales the whole.
"""

from __future__ import annotations

BASE = 1.0
MUTUAL_BONUS = 0.5
CROSS_REGION_BONUS = 0.3
# Organiser's priority: low (0), normal (1), high (2).
PRIORITY_FACTOR = {0: 0.5, 1: 1.0, 2: 2.0}


def meeting_weight(*, mutual: bool, cross_region: bool, priority: int = 1) -> float:
    """Always > 0, as the scheduler requires."""
    value = BASE + (MUTUAL_BONUS if mutual else 0.0) + (CROSS_REGION_BONUS if cross_region else 0.0)
    return round(value * PRIORITY_FACTOR.get(priority, 1.0), 6)


def is_cross_region(
    region_a: int | None, country_a: int | None, region_b: int | None, country_b: int | None
) -> bool:
    """Different partner regions; when a region is unknown, different countries."""
    if region_a is not None and region_b is not None:
        return region_a != region_b
    if country_a is not None and country_b is not None:
        return country_a != country_b
    return False

"""A region's analysis profile, for the other apps (good practices, transferability ranking).

These two functions are a stable interface: keep their names, arguments and return shapes.
Both read the database through aggregate queries and return plain dictionaries.
"""

from __future__ import annotations


def barrier_scores(region_id: int) -> dict[str, float]:
    """Barrier code ('coordination', 'fragmentation', 'skills') -> mean importance 0..1.

    Computed from the answers to the region's needs surveys (importance 1..5 rescaled to 0..1).
    Barriers nobody rated are left out; an empty dict when the region has no answers.
    """
    from .indicators import survey_barrier_scores

    return survey_barrier_scores(region_id)


def domain_gaps(region_id: int) -> dict[str, float]:
    """JRC domain code -> demand share minus supply share, in -1..1 (positive = unmet demand).

    From the offers and needs of the active organisations of the region and its NUTS
    sub-regions: a domain's demand share is its part of all domain tags on needs, its supply
    share its part of all domain tags on offers. Empty when the region has neither.
    """
    from .indicators import region_domain_gaps

    return region_domain_gaps(region_id)


def domain_demand(region_id: int) -> dict[str, float]:
    """JRC domain code -> survey demand, 0..1: the mean over the region's needs-survey
    responses of the level of need for the domain (none 0, some 1/3, important 2/3, critical
    1). Domains nobody named are left out; an empty dict when the region has no response."""
    from .indicators import survey_domain_demand

    return survey_domain_demand(region_id)

"""Who sees the start page, the barrier lens and its survey scores.

The start page and the lens add no rule of their own: every count is read through the
querysets of the app that owns the records (``visible_to``, ``decidable_by``), which ask that
app's ``permissions``. Built on the role primitives of ``core.permissions``.
"""

from __future__ import annotations

from cyberregions.analysis import permissions as analysis_permissions
from cyberregions.core.permissions import is_authenticated


def can_view_start_page(user) -> bool:
    """``/me/``: anyone signed in; each section decides what concerns them."""
    return is_authenticated(user)


def can_view_barrier_lens(user) -> bool:
    """The barrier lens is public: it shows what the reader may see anyway."""
    return True


def can_read_survey_scores(user, region_id: int | None, answers: int) -> bool:
    """A region's aggregated survey answers on a barrier, as the analysis pages allow them
    (the region's coordinators and programme staff always, everyone past a minimum)."""
    return analysis_permissions.can_read_survey_results(user, region_id, answers)


def can_view_help(user) -> bool:
    return True

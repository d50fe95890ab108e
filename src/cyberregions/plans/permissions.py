"""Who may see and change action plans and their monitoring reports.

A plan belongs to its region: the region's coordinators write it (as a draft only), submit
it, record its endorsement, run its implementation and write its monitoring reports.
Programme staff see every plan, comment, validate or return submitted plans, and accept or
return reports. Everyone sees a plan once it is endorsed; versions, comments and reports stay
with the region and programme staff. Built on the role primitives of ``core.permissions``;
the states come from ``choices``.
"""

from __future__ import annotations

from cyberregions.core.permissions import coordinated_region_ids, is_admin, is_programme_staff

from .choices import (
    MODIFIABLE_PLAN_STATUSES,
    PUBLIC_PLAN_STATUSES,
    REPORT_EDITABLE_STATUSES,
    REPORTING_STATUSES,
    PlanStatus,
)


def plan_read_scope(user) -> frozenset[int] | None:
    """None: every plan; otherwise the regions whose plans the user sees in any state."""
    if is_programme_staff(user):
        return None
    return coordinated_region_ids(user)


def plan_write_scope(user) -> frozenset[int] | None:
    """None: every region's plans; otherwise the regions the user writes plans for."""
    if is_admin(user):
        return None
    return coordinated_region_ids(user)


def owns_plan(user, plan) -> bool:
    """The plan's region: its coordinators (and administrators)."""
    return is_admin(user) or plan.region_id in coordinated_region_ids(user)


def can_view_plan(user, plan) -> bool:
    return plan.status in PUBLIC_PLAN_STATUSES or owns_plan(user, plan) or is_programme_staff(user)


def can_create_plan(user, region_id: int | None = None) -> bool:
    if is_admin(user):
        return True
    regions = coordinated_region_ids(user)
    return bool(regions) and (region_id is None or region_id in regions)


def can_edit_plan(user, plan) -> bool:
    """Only the plan's region edits it, and only as a draft: a submitted plan is frozen."""
    return plan.status == PlanStatus.DRAFT and owns_plan(user, plan)


def can_submit_plan(user, plan) -> bool:
    return owns_plan(user, plan)


def can_decide_plan(user, plan=None) -> bool:
    """Validate a submitted plan or return it for changes: programme staff."""
    return is_programme_staff(user)


def can_record_endorsement(user, plan) -> bool:
    """The region (which holds the authority's decision) or programme staff."""
    return owns_plan(user, plan) or is_programme_staff(user)


def can_run_plan(user, plan) -> bool:
    """Start the implementation, mark it completed: the plan's region."""
    return owns_plan(user, plan)


def can_follow_plan(user, plan) -> bool:
    """Comments, versions and their differences, monitoring reports: the region and staff."""
    return owns_plan(user, plan) or is_programme_staff(user)


def can_see_plan_contact(user, plan) -> bool:
    return bool(plan.contact_public_consent) or can_follow_plan(user, plan)


def can_view_plans_overview(user) -> bool:
    return is_programme_staff(user)


def report_read_scope(user) -> frozenset[int] | None:
    """None: every monitoring report; otherwise the regions whose reports the user sees."""
    if is_programme_staff(user):
        return None
    return coordinated_region_ids(user)


def can_view_report(user, report) -> bool:
    return can_follow_plan(user, report.plan)


def can_start_report(user, plan) -> bool:
    return plan.status in REPORTING_STATUSES and owns_plan(user, plan)


def can_write_report(user, report) -> bool:
    """The region writes its report as a draft and after it was returned."""
    return report.status in REPORT_EDITABLE_STATUSES and owns_plan(user, report.plan)


def can_submit_report(user, report) -> bool:
    return owns_plan(user, report.plan)


def can_decide_report(user, report=None) -> bool:
    """Accept or return a submitted report: programme staff."""
    return is_programme_staff(user)


def can_propose_modification(user, plan) -> bool:
    """An endorsed or running plan changes through a modification request, proposed by the
    plan's region."""
    return plan.status in MODIFIABLE_PLAN_STATUSES and owns_plan(user, plan)


def can_view_modification(user, modification) -> bool:
    return can_follow_plan(user, modification.plan)


def can_decide_modification(user, modification=None) -> bool:
    """Approve or refuse a modification request: programme staff."""
    return is_programme_staff(user)

"""Who may see and change good practices, their exchanges and investigations.

A practice belongs to its region: the region's coordinators write it and submit it; only
programme staff validate, request changes, reject and publish. Visitors see published
practices only. Built on the role primitives of ``core.permissions``; the states come from
``choices``. Each ``can_view_…`` predicate agrees with its queryset (an oracle test says so).
"""

from __future__ import annotations

from cyberregions.core.permissions import (
    coordinated_region_ids,
    is_admin,
    is_authenticated,
    is_programme_staff,
)

from .choices import EDITABLE_STATUSES, PracticeStatus


def practice_read_scope(user) -> dict | None:
    """None when the user sees every practice; otherwise the regions whose practices the user
    sees in any state, and whether every practice past the draft is visible (programme staff)."""
    if is_admin(user):
        return None
    return {"region_ids": coordinated_region_ids(user), "beyond_draft": is_programme_staff(user)}


def owns_practice(user, practice) -> bool:
    """The practice's region: its coordinators (and administrators)."""
    return is_admin(user) or practice.region_id in coordinated_region_ids(user)


def can_view_practice(user, practice) -> bool:
    if practice.status == PracticeStatus.PUBLISHED or owns_practice(user, practice):
        return True
    return is_programme_staff(user) and practice.status != PracticeStatus.DRAFT


def can_create_practice(user, region_id: int | None = None) -> bool:
    if is_admin(user):
        return True
    regions = coordinated_region_ids(user)
    return bool(regions) and (region_id is None or region_id in regions)


def can_edit_practice(user, practice) -> bool:
    """Only the practice's region edits it, and only as a draft or when changes are asked."""
    return practice.status in EDITABLE_STATUSES and owns_practice(user, practice)


def can_submit_practice(user, practice) -> bool:
    """Submit and resubmit: the practice's region (the workflow decides from which states)."""
    return owns_practice(user, practice)


def can_decide_practice(user, practice=None) -> bool:
    """Validate, request changes, reject, publish: programme staff only."""
    return is_programme_staff(user)


def can_see_practice_history(user, practice) -> bool:
    return owns_practice(user, practice) or (
        is_programme_staff(user) and practice.status != PracticeStatus.DRAFT
    )


def can_see_practice_contact(user, practice) -> bool:
    """The contact person is public only with recorded consent."""
    return bool(practice.contact_public_consent) or can_see_practice_history(user, practice)


def can_comment_on_practice(user, practice) -> bool:
    return is_authenticated(user) and can_view_practice(user, practice)


def practice_interest_region_ids(user) -> frozenset[int]:
    """Regions a user may speak for when saying "interested in learning from this": those they
    coordinate and those of the organisations they belong to."""
    if not is_authenticated(user):
        return frozenset()
    cached = getattr(user, "_practice_interest_region_ids", None)
    if cached is None:
        organisation_regions = user.organisation_memberships.filter(
            organisation__region__isnull=False
        ).values_list("organisation__region_id", flat=True)
        cached = coordinated_region_ids(user) | frozenset(organisation_regions)
        user._practice_interest_region_ids = cached
    return cached


def can_express_interest(user, practice, region_id: int | None = None) -> bool:
    """Another region's coordinator or member, on a published practice."""
    if practice.status != PracticeStatus.PUBLISHED:
        return False
    regions = practice_interest_region_ids(user) - {practice.region_id}
    return bool(regions) and (region_id is None or region_id in regions)


def can_see_practice_interests(user, practice) -> bool:
    return owns_practice(user, practice) or is_programme_staff(user)


def can_manage_practice_attachments(user, practice) -> bool:
    return can_edit_practice(user, practice)


def can_view_transferability(user, region_id: int | None = None) -> bool:
    """Programme staff rank for any region; a coordinator for the regions they coordinate."""
    if is_programme_staff(user):
        return True
    regions = coordinated_region_ids(user)
    return bool(regions) and (region_id is None or region_id in regions)


def investigation_read_scope(user) -> frozenset[int] | None:
    """None: every investigation; otherwise the regions whose hosted or visited ones are seen."""
    if is_programme_staff(user):
        return None
    return coordinated_region_ids(user)


def can_create_investigation(user, host_region_id: int | None = None) -> bool:
    if is_programme_staff(user):
        return True
    regions = coordinated_region_ids(user)
    return bool(regions) and (host_region_id is None or host_region_id in regions)


def can_change_investigation(user, investigation) -> bool:
    return is_programme_staff(user) or investigation.host_region_id in coordinated_region_ids(user)


def can_update_follow_up(user, item) -> bool:
    """Tick an item done: its owner, or whoever may change the investigation."""
    if is_authenticated(user) and item.owner_id == user.pk:
        return True
    return can_change_investigation(user, item.investigation)

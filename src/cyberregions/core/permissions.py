"""Every access decision of the platform, in one place.

Views, querysets, the API and the services ask these helpers; nothing else decides who may
see or change what. Rules read the memberships through the user's related managers
(``region_memberships``, ``organisation_memberships``) so that this module imports no app
below it.

Roles:
- platform administrator: ``is_superuser``;
- programme staff: ``is_programme_staff``;
- regional coordinator: a region membership, scoped to that region;
- organisation member: an organisation membership, scoped to that organisation;
- visitor: anyone else, including anonymous users.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission


def is_authenticated(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_admin(user) -> bool:
    return is_authenticated(user) and user.is_superuser


def is_programme_staff(user) -> bool:
    return is_authenticated(user) and (
        user.is_superuser or getattr(user, "is_programme_staff", False)
    )


def coordinated_region_ids(user) -> frozenset[int]:
    """Regions the user coordinates; cached on the user object for the request."""
    if not is_authenticated(user):
        return frozenset()
    cached = getattr(user, "_coordinated_region_ids", None)
    if cached is None:
        cached = frozenset(user.region_memberships.values_list("region_id", flat=True))
        user._coordinated_region_ids = cached
    return cached


def member_organisation_ids(user) -> frozenset[int]:
    if not is_authenticated(user):
        return frozenset()
    cached = getattr(user, "_member_organisation_ids", None)
    if cached is None:
        cached = frozenset(user.organisation_memberships.values_list("organisation_id", flat=True))
        user._member_organisation_ids = cached
    return cached


def is_coordinator(user) -> bool:
    return bool(coordinated_region_ids(user))


def role_names(user) -> list[str]:
    """Human-facing role keys, for the account page and the navigation."""
    if not is_authenticated(user):
        return ["visitor"]
    roles = []
    if is_admin(user):
        roles.append("administrator")
    if getattr(user, "is_programme_staff", False):
        roles.append("programme_staff")
    if coordinated_region_ids(user):
        roles.append("coordinator")
    if member_organisation_ids(user):
        roles.append("member")
    return roles or ["registered"]


# Organisations --------------------------------------------------------------------------


def can_create_organisation(user, region_id: int | None = None) -> bool:
    if is_admin(user):
        return True
    regions = coordinated_region_ids(user)
    return bool(regions) and (region_id is None or region_id in regions)


def can_change_organisation(user, organisation) -> bool:
    if is_admin(user):
        return True
    if organisation.region_id and organisation.region_id in coordinated_region_ids(user):
        return True
    return organisation.pk in member_organisation_ids(user)


def can_delete_organisation(user, organisation) -> bool:
    if is_admin(user):
        return True
    return bool(organisation.region_id) and organisation.region_id in coordinated_region_ids(user)


def can_see_private_contacts(user, organisation) -> bool:
    return can_change_organisation(user, organisation) or is_programme_staff(user)


def can_request_claim(user, organisation) -> bool:
    return is_authenticated(user) and organisation.pk not in member_organisation_ids(user)


def can_decide_claim(user, claim) -> bool:
    if is_admin(user):
        return True
    region_id = claim.organisation.region_id
    return bool(region_id) and region_id in coordinated_region_ids(user)


def organisation_write_scope(user) -> dict:
    """Lookup arguments restricting organisations to those ``user`` may change, or None for all."""
    if is_admin(user):
        return {}
    return {
        "region_ids": coordinated_region_ids(user),
        "organisation_ids": member_organisation_ids(user),
    }


# Reference data -------------------------------------------------------------------------


def can_manage_reference_data(user) -> bool:
    return is_admin(user)


def require(allowed: bool) -> None:
    """Raise 403 unless ``allowed``; the single way views refuse."""
    if not allowed:
        raise PermissionDenied


class ApiPermission(BasePermission):
    """Default for the API: anyone reads, writes need an authenticated user.

    Object-level decisions are taken by each viewset through the helpers above.
    """

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return is_authenticated(request.user)


# Territorial analysis (cyberregions.analysis) ---------------------------------------------

# Below this many answers, a survey's aggregated counts stay with the region's coordinators
# and programme staff, so that no respondent can be singled out.
MIN_PUBLIC_SURVEY_RESPONSES = 3


def can_manage_region_analysis(user, region_id: int | None) -> bool:
    """Keep a region's SWOT and run its needs surveys: its coordinators and administrators."""
    if is_admin(user):
        return True
    return region_id is not None and region_id in coordinated_region_ids(user)


def can_read_survey_answers(user, region_id: int | None) -> bool:
    """Raw answers, one by one: the region's own coordinators and administrators only;
    coordinators of other regions and programme staff see aggregated counts."""
    return can_manage_region_analysis(user, region_id)


def can_read_survey_results(user, region_id: int | None, responses: int) -> bool:
    """Aggregated counts: the region's coordinators and programme staff always; everyone once
    enough answers are in."""
    return (
        can_manage_region_analysis(user, region_id)
        or is_programme_staff(user)
        or responses >= MIN_PUBLIC_SURVEY_RESPONSES
    )


def can_answer_invitation(invitation) -> bool:
    """Whoever holds an invitation link answers once, while its survey is open and the
    invitation has not been revoked; no account is needed."""
    return (
        invitation is not None
        and not invitation.revoked
        and invitation.survey.status == "open"
        and not invitation.responses.exists()
    )


# Good practices (cyberregions.practices) --------------------------------------------------
# A practice belongs to its region: the region's coordinators write it and submit it; only
# programme staff validate, request changes, reject and publish. Visitors see published
# practices only. Study visits and peer reviews are working records of the cooperation.

PRACTICE_EDITABLE_STATUSES = ("draft", "changes_requested")


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
    if practice.status == "published" or owns_practice(user, practice):
        return True
    return is_programme_staff(user) and practice.status != "draft"


def can_create_practice(user, region_id: int | None = None) -> bool:
    if is_admin(user):
        return True
    regions = coordinated_region_ids(user)
    return bool(regions) and (region_id is None or region_id in regions)


def can_edit_practice(user, practice) -> bool:
    """Only the practice's region edits it, and only as a draft or when changes are asked."""
    return practice.status in PRACTICE_EDITABLE_STATUSES and owns_practice(user, practice)


def can_submit_practice(user, practice) -> bool:
    """Submit and resubmit: the practice's region (the workflow decides from which states)."""
    return owns_practice(user, practice)


def can_decide_practice(user, practice=None) -> bool:
    """Validate, request changes, reject, publish: programme staff only."""
    return is_programme_staff(user)


def can_see_practice_history(user, practice) -> bool:
    return owns_practice(user, practice) or (
        is_programme_staff(user) and practice.status != "draft"
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
    if practice.status != "published":
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


# Events and B2B meetings (cyberregions.events, cyberregions.matching) --------------------
# The organisers of an event are its creator, the coordinators of its host region and the
# administrators: they edit it, manage registrations and attendance, set the meeting grid,
# run the scheduler and publish the schedule. A participant acts through its own
# registration: its profile, availability, requests and agenda, never another's.


def can_create_event(user, region_id: int | None = None) -> bool:
    if is_admin(user):
        return True
    regions = coordinated_region_ids(user)
    return bool(regions) and (region_id is None or region_id in regions)


def can_manage_event(user, event) -> bool:
    if not is_authenticated(user):
        return False
    if is_admin(user):
        return True
    if event.created_by_id is not None and event.created_by_id == user.pk:
        return True
    return event.host_region_id in coordinated_region_ids(user)


def event_manage_scope(user) -> dict | None:
    """None when the user organises every event; otherwise the host regions it coordinates and
    its own id (the creator of an event organises it)."""
    if is_admin(user):
        return None
    return {
        "region_ids": coordinated_region_ids(user),
        "user_id": user.pk if is_authenticated(user) else None,
    }


def can_register_for_event(user, event) -> bool:
    return is_authenticated(user) and event.status == "published"


def can_represent_organisation(user, organisation) -> bool:
    """Register an organisation for an event: its members, its region's coordinators, admins."""
    return can_change_organisation(user, organisation)


def acts_for_registration(user, registration) -> bool:
    return is_authenticated(user) and registration.user_id == user.pk


def can_see_participant_data(user, registration) -> bool:
    """A participant's own agenda, requests and availability: itself and the organisers."""
    return acts_for_registration(user, registration) or can_manage_event(user, registration.event)


def can_browse_participants(user, event, own_registration=None) -> bool:
    """The catalogue of a brokerage event: its confirmed participants, organisers and staff."""
    if can_manage_event(user, event) or is_programme_staff(user):
        return True
    return (
        own_registration is not None
        and own_registration.status == "confirmed"
        and acts_for_registration(user, own_registration)
    )


def can_request_meeting(user, requester) -> bool:
    return requester.status == "confirmed" and acts_for_registration(user, requester)


def can_answer_meeting_request(user, meeting_request) -> bool:
    return acts_for_registration(user, meeting_request.recipient)


def can_cancel_meeting_request(user, meeting_request) -> bool:
    return (
        acts_for_registration(user, meeting_request.requester)
        or acts_for_registration(user, meeting_request.recipient)
        or can_manage_event(user, meeting_request.event)
    )


def can_give_feedback(user, registration) -> bool:
    return registration.status == "confirmed" and acts_for_registration(user, registration)


def can_read_feedback(user, event) -> bool:
    return can_manage_event(user, event) or is_programme_staff(user)


# Data in and out (dataio): imports, backups ---------------------------------------------


class CommandLineOperator:
    """Whoever runs a management command (``cyberregions import-organisations``…) on the
    server. Shell access to the server already grants everything, so the rules below let the
    operator through; the audit trail records such changes without a user."""

    is_authenticated = False
    is_active = False
    is_superuser = False
    pk = None

    def __str__(self) -> str:
        return "command line"


COMMAND_LINE = CommandLineOperator()


def is_command_line(user) -> bool:
    return user is COMMAND_LINE


def can_import_organisations(user, region_id: int | None = None) -> bool:
    """Regional coordinators import into their regions; administrators anywhere."""
    return is_command_line(user) or can_create_organisation(user, region_id)


def can_import_row(user, organisation=None, region_id: int | None = None) -> bool:
    """May one row of an import create an organisation in ``region_id`` (``organisation`` is
    None) or update ``organisation``, possibly moving it to ``region_id``?"""
    if is_command_line(user) or is_admin(user):
        return True
    regions = coordinated_region_ids(user)
    if organisation is None:
        return region_id is not None and region_id in regions
    if not (organisation.region_id and organisation.region_id in regions):
        return False
    return region_id == organisation.region_id or region_id in regions


def can_see_import(user, organisation_import) -> bool:
    if is_command_line(user) or is_admin(user):
        return True
    return is_authenticated(user) and organisation_import.created_by_id == user.pk


def can_back_up(user) -> bool:
    """The full backup holds personal data and password hashes: administrators only."""
    return is_command_line(user) or is_admin(user)


def can_restore_backup(user) -> bool:
    return is_command_line(user) or is_admin(user)


# Action plans and their monitoring (cyberregions.plans) ---------------------------------
# A plan belongs to its region: the region's coordinators write it (as a draft only), submit
# it, record its endorsement, run its implementation and write its monitoring reports.
# Programme staff see every plan, comment, validate or return submitted plans, and accept or
# return reports. Everyone sees a plan once it is endorsed; versions, comments and reports
# stay with the region and programme staff.

PLAN_PUBLIC_STATUSES = ("endorsed", "in_implementation", "completed")
PLAN_REPORTING_STATUSES = ("in_implementation", "completed")
REPORT_EDITABLE_STATUSES = ("draft", "returned")


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
    return plan.status in PLAN_PUBLIC_STATUSES or owns_plan(user, plan) or is_programme_staff(user)


def can_create_plan(user, region_id: int | None = None) -> bool:
    if is_admin(user):
        return True
    regions = coordinated_region_ids(user)
    return bool(regions) and (region_id is None or region_id in regions)


def can_edit_plan(user, plan) -> bool:
    """Only the plan's region edits it, and only as a draft: a submitted plan is frozen."""
    return plan.status == "draft" and owns_plan(user, plan)


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
    return plan.status in PLAN_REPORTING_STATUSES and owns_plan(user, plan)


def can_write_report(user, report) -> bool:
    """The region writes its report as a draft and after it was returned."""
    return report.status in REPORT_EDITABLE_STATUSES and owns_plan(user, report.plan)


def can_submit_report(user, report) -> bool:
    return owns_plan(user, report.plan)


def can_decide_report(user, report=None) -> bool:
    """Accept or return a submitted report: programme staff."""
    return is_programme_staff(user)

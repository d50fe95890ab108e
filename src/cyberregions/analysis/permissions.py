"""Who may run a region's territorial analysis and read its survey results.

Built on the role primitives of ``core.permissions``; each ``can_…`` predicate that decides
over one record has a queryset twin in ``querysets.py``, and the visibility oracle tests check
that both agree for every persona.
"""

from __future__ import annotations

from cyberregions.core.permissions import coordinated_region_ids, is_admin, is_programme_staff

from .choices import SurveyStatus

# Below this many answers, a survey's aggregated counts stay with the region's coordinators
# and programme staff, so that no respondent can be singled out.
MIN_PUBLIC_SURVEY_RESPONSES = 3


def can_manage_region_analysis(user, region_id: int | None) -> bool:
    """Keep a region's SWOT and run its needs surveys: its coordinators and administrators."""
    if is_admin(user):
        return True
    return region_id is not None and region_id in coordinated_region_ids(user)


def can_manage_survey(user, survey) -> bool:
    """The survey's page, its invitations and status: see ``NeedsSurvey.manageable_by``."""
    return can_manage_region_analysis(user, survey.region_id)


def can_view_swot_item(user, item) -> bool:
    """A region's SWOT is part of its published analysis: everyone reads it."""
    return True


def can_change_swot_item(user, item) -> bool:
    return can_manage_region_analysis(user, item.region_id)


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
        and invitation.survey.status == SurveyStatus.OPEN
        and not invitation.responses.exists()
    )

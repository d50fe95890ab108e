"""What territorial analysis holds about a person (``core.privacy``).

Survey responses are anonymous by design: an answer is tied to an invitation link, never to an
account. Only a response's free comment can name someone, so the responses whose comment holds
the person's e-mail address or name are theirs to see, and erasure takes that out."""

from __future__ import annotations

from cyberregions.core import privacy

from .models import NeedsSurvey, SurveyInvitation, SurveyResponse, SwotItem


def responses_naming(user):
    identifiers = privacy.identifiers_of(user)
    if not identifiers:
        return SurveyResponse.objects.none()
    return SurveyResponse.objects.filter(privacy.mentions(("comment",), identifiers))


def export_survey_responses(user) -> list[dict]:
    rows = responses_naming(user).values("survey__title", "comment", "submitted_at")
    return [{"survey": row.pop("survey__title"), **row} for row in rows]


def erase_survey_responses(user, erasure: privacy.Erasure) -> None:
    responses = list(responses_naming(user).only("pk", "comment"))
    for response in responses:
        response.comment = erasure.scrub(response.comment)
    SurveyResponse.objects.bulk_update(responses, ["comment"], batch_size=500)
    erasure.count("survey_comments_scrubbed", len(responses))


privacy.register_personal_data(
    "survey_responses", exporter=export_survey_responses, eraser=erase_survey_responses
)


def invitations_to(user):
    """Survey invitations e-mailed to the person's address (kept until the survey closes)."""
    email = (getattr(user, "email", "") or "").strip()
    if not email:
        return SurveyInvitation.objects.none()
    return SurveyInvitation.objects.filter(email__iexact=email)


def export_invitations(user) -> list[dict]:
    rows = invitations_to(user).values("survey__title", "sent_at", "reminded_at")
    return [{"survey": row.pop("survey__title"), **row} for row in rows]


def erase_invitations(user, erasure: privacy.Erasure) -> None:
    erasure.count("survey_invitation_addresses", invitations_to(user).update(email=""))


privacy.register_personal_data(
    "survey_invitations", exporter=export_invitations, eraser=erase_invitations
)
privacy.register_work_records(
    "analysis_records",
    [(NeedsSurvey, "created_by", ("title", "created_at")), (SwotItem, "created_by", ("text",))],
)
privacy.declare_personal_audit_keys("analysis.surveyresponse", ["comment"])

"""State changes of the territorial analysis. Each runs in one transaction, asks the
permission module first and writes an audit record."""

from __future__ import annotations

import re

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from cyberregions.core import audit
from cyberregions.core.permissions import require
from cyberregions.core.tasks import enqueue_on_commit
from cyberregions.taxonomy.models import Barrier, Domain

from . import permissions
from .choices import SurveyStatus
from .models import (
    BarrierAnswer,
    DomainNeedAnswer,
    NeedsSurvey,
    SurveyInvitation,
    SurveyResponse,
    SwotItem,
)

SURVEY_FIELDS = ["region", "title", "introduction", "status"]
SWOT_FIELDS = ["region", "quadrant", "text", "detail", "barrier", "position"]
MAX_INVITATIONS_AT_ONCE = 200
# Which status a survey may move to from each status.
SURVEY_TRANSITIONS = {
    SurveyStatus.DRAFT: {SurveyStatus.OPEN},
    SurveyStatus.OPEN: {SurveyStatus.CLOSED},
    SurveyStatus.CLOSED: {SurveyStatus.OPEN},
}


class SurveyError(Exception):
    """A survey, invitation or answer cannot change as asked."""


# Needs surveys -----------------------------------------------------------------------------


@transaction.atomic
def create_survey(actor, region, title: str, introduction: str = "") -> NeedsSurvey:
    require(permissions.can_manage_region_analysis(actor, region.pk))
    survey = NeedsSurvey.objects.create(
        region=region, title=title, introduction=introduction, created_by=actor
    )
    audit.record(actor, "survey.create", survey, after=audit.snapshot(survey, SURVEY_FIELDS))
    return survey


@transaction.atomic
def update_survey(actor, survey: NeedsSurvey, title: str, introduction: str) -> NeedsSurvey:
    require(permissions.can_manage_region_analysis(actor, survey.region_id))
    before = audit.snapshot(survey, SURVEY_FIELDS)
    survey.title, survey.introduction = title, introduction
    survey.save(update_fields=["title", "introduction", "updated_at"])
    audit.record(
        actor, "survey.update", survey, before=before, after=audit.snapshot(survey, SURVEY_FIELDS)
    )
    return survey


@transaction.atomic
def set_survey_status(actor, survey: NeedsSurvey, status: str) -> NeedsSurvey:
    require(permissions.can_manage_region_analysis(actor, survey.region_id))
    survey = NeedsSurvey.objects.select_for_update().get(pk=survey.pk)
    if status not in SURVEY_TRANSITIONS.get(survey.status, set()):
        raise SurveyError(_("This survey cannot move to that status."))
    before = {"status": survey.status}
    survey.status = status
    survey.save(update_fields=["status", "updated_at"])
    if status == SurveyStatus.CLOSED:
        # The addresses served the invitations and reminders only.
        survey.invitations.exclude(email="").update(email="")
    audit.record(actor, f"survey.{status}", survey, before=before, after={"status": status})
    return survey


@transaction.atomic
def create_invitations(
    actor, survey: NeedsSurvey, count: int = 1, organisation=None, label: str = ""
) -> list[SurveyInvitation]:
    """``count`` new invitation links; each admits one answer."""
    require(permissions.can_manage_region_analysis(actor, survey.region_id))
    survey = NeedsSurvey.objects.select_for_update().get(pk=survey.pk)
    if not 1 <= count <= MAX_INVITATIONS_AT_ONCE:
        raise SurveyError(
            _("Create between 1 and %(max)d invitations at once.")
            % {"max": MAX_INVITATIONS_AT_ONCE}
        )
    if survey.status == SurveyStatus.CLOSED:
        raise SurveyError(_("This survey is closed."))
    invitations = SurveyInvitation.objects.bulk_create(
        [
            SurveyInvitation(survey=survey, organisation=organisation, label=label)
            for _index in range(count)
        ]
    )
    if invitations and invitations[0].pk is None:
        # Engines that do not return ids from bulk inserts: read them back by key.
        keys = [invitation.key for invitation in invitations]
        invitations = list(SurveyInvitation.objects.filter(key__in=keys).order_by("id"))
    audit.record(
        actor,
        "survey.invite",
        survey,
        after={
            "invitations": [invitation.pk for invitation in invitations],
            "organisation": organisation.pk if organisation else None,
            "label": label,
        },
    )
    return invitations


MAX_EMAILS_AT_ONCE = 500


def _addresses(text_or_list) -> tuple[list[str], list[str]]:
    """Valid addresses (lower case, each once) and the entries that are not addresses."""
    from django.core.exceptions import ValidationError as DjangoValidationError
    from django.core.validators import validate_email

    items = text_or_list if isinstance(text_or_list, list) else re.split(r"[\s,;]+", text_or_list)
    valid, invalid = [], []
    for item in (item.strip() for item in items):
        if not item:
            continue
        try:
            validate_email(item)
        except DjangoValidationError:
            invalid.append(item)
            continue
        if item.lower() not in valid:
            valid.append(item.lower())
    return valid, invalid


def consenting_contacts(survey: NeedsSurvey) -> list[tuple[str, int]]:
    """(address, organisation id) of the contacts of the region's active organisations (the
    region and its sub-regions) who consented to being contacted publicly."""
    from cyberregions.organisations.models import Contact, Organisation

    organisations = Organisation.objects.counted().filter(
        Q(region_id=survey.region_id) | Q(region__parent_id=survey.region_id)
    )
    rows = (
        Contact.objects.filter(organisation__in=organisations, public_consent=True)
        .exclude(email="")
        .order_by("organisation_id", "id")
        .values_list("email", "organisation_id")
    )
    return [(email.lower(), organisation) for email, organisation in rows]


@transaction.atomic
def email_invitations(
    actor, survey: NeedsSurvey, addresses="", include_contacts: bool = False
) -> dict:
    """E-mail a personal link to each address (and, if asked, to the consenting contacts of
    the region's organisations), skipping those already invited; the e-mails leave through
    a background task. Returns the counts: ``created``, ``already`` and ``invalid``."""
    require(permissions.can_manage_region_analysis(actor, survey.region_id))
    survey = NeedsSurvey.objects.select_for_update().get(pk=survey.pk)
    if survey.status != SurveyStatus.OPEN:
        raise SurveyError(_("Open the survey before sending its invitations."))
    valid, invalid = _addresses(addresses)
    wanted: dict[str, int | None] = dict.fromkeys(valid)
    if include_contacts:
        for email, organisation in consenting_contacts(survey):
            wanted.setdefault(email, organisation)
    invited = {
        email.lower()
        for email in survey.invitations.exclude(email="").values_list("email", flat=True)
    }
    new = [(email, org) for email, org in wanted.items() if email not in invited]
    if len(new) > MAX_EMAILS_AT_ONCE:
        raise SurveyError(
            _("Send at most %(max)d invitations at once.") % {"max": MAX_EMAILS_AT_ONCE}
        )
    invitations = SurveyInvitation.objects.bulk_create(
        [
            SurveyInvitation(survey=survey, email=email, organisation_id=organisation)
            for email, organisation in new
        ]
    )
    if invitations and invitations[0].pk is None:
        keys = [invitation.key for invitation in invitations]
        invitations = list(SurveyInvitation.objects.filter(key__in=keys).order_by("id"))
    # The audit keeps counts, not the addresses.
    audit.record(
        actor,
        "survey.email",
        survey,
        after={"sent": len(invitations), "already": len(wanted) - len(new)},
    )
    if invitations:
        from .tasks import send_survey_invitations

        enqueue_on_commit(send_survey_invitations, [i.pk for i in invitations], False)
    return {"created": len(invitations), "already": len(wanted) - len(new), "invalid": invalid}


@transaction.atomic
def remind_invitations(actor, survey: NeedsSurvey) -> int:
    """Remind, once, everyone e-mailed who has not answered yet; returns how many."""
    require(permissions.can_manage_region_analysis(actor, survey.region_id))
    if survey.status != SurveyStatus.OPEN:
        raise SurveyError(_("Only an open survey sends reminders."))
    ids = list(
        survey.invitations.exclude(email="")
        .filter(revoked=False, sent_at__isnull=False, reminded_at__isnull=True, responses=None)
        .values_list("pk", flat=True)
    )
    audit.record(actor, "survey.remind", survey, after={"reminded": len(ids)})
    if ids:
        from .tasks import send_survey_invitations

        enqueue_on_commit(send_survey_invitations, ids, True)
    return len(ids)


def response_rate(survey: NeedsSurvey) -> dict:
    """E-mailed invitations, how many were answered, and the rate (None before any)."""
    sent = survey.invitations.filter(sent_at__isnull=False)
    counts = sent.aggregate(
        sent=Count("id"),
        answered=Count("id", filter=Q(responses__isnull=False), distinct=True),
        reminded=Count("id", filter=Q(reminded_at__isnull=False)),
    )
    counts["rate"] = counts["answered"] / counts["sent"] if counts["sent"] else None
    return counts


@transaction.atomic
def revoke_invitation(actor, invitation: SurveyInvitation) -> SurveyInvitation:
    require(permissions.can_manage_region_analysis(actor, invitation.survey.region_id))
    invitation.revoked = True
    invitation.save(update_fields=["revoked"])
    audit.record(
        actor, "survey.revoke", invitation, before={"revoked": False}, after={"revoked": True}
    )
    return invitation


def invitation_for_token(token: str) -> SurveyInvitation | None:
    key = SurveyInvitation.key_from_token(token)
    if key is None:
        return None
    return (
        SurveyInvitation.objects.select_related("survey", "survey__region", "organisation")
        .filter(key=key)
        .first()
    )


@transaction.atomic
def submit_response(
    actor,
    invitation: SurveyInvitation,
    barriers: dict[str, int],
    domain_needs: dict[str, int],
    comment: str = "",
) -> SurveyResponse:
    """Record the one answer an invitation admits. ``barriers`` maps barrier codes to an
    importance 1..5; ``domain_needs`` maps domain codes to a level 1..3 (absent: no need).
    ``actor`` is whoever holds the link; an account is not needed, and it is not recorded."""
    # Lock the invitation so that two submissions of the same link cannot both pass.
    invitation = (
        SurveyInvitation.objects.select_for_update().select_related("survey").get(pk=invitation.pk)
    )
    require(permissions.can_answer_invitation(invitation))
    barrier_ids = dict(Barrier.objects.filter(code__in=barriers).values_list("code", "id"))
    domain_ids = dict(Domain.objects.filter(code__in=domain_needs).values_list("code", "id"))
    if set(barriers) - set(barrier_ids) or set(domain_needs) - set(domain_ids):
        raise SurveyError(_("The answer names an unknown barrier or domain."))
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                survey=invitation.survey, invitation=invitation, comment=comment
            )
    except IntegrityError as error:
        raise SurveyError(_("This invitation has already been answered.")) from error
    BarrierAnswer.objects.bulk_create(
        BarrierAnswer(response=response, barrier_id=barrier_ids[code], importance=value)
        for code, value in barriers.items()
    )
    DomainNeedAnswer.objects.bulk_create(
        DomainNeedAnswer(response=response, domain_id=domain_ids[code], level=value)
        for code, value in domain_needs.items()
        if value
    )
    # Answers are anonymous: the trail names the invitation, never the person who answered
    # (even when ``actor`` is logged in).
    audit.record(
        None,
        "survey.answer",
        response,
        after={
            "invitation": invitation.pk,
            "barriers": dict(sorted(barriers.items())),
            "domain_needs": {code: value for code, value in sorted(domain_needs.items()) if value},
        },
    )
    return response


# SWOT ------------------------------------------------------------------------------------


def _swot_apply(item: SwotItem, data: dict) -> None:
    for name in ("quadrant", "text", "detail", "barrier", "position"):
        if name in data:
            setattr(item, name, data[name])
    item.full_clean()
    item.save()


@transaction.atomic
def add_swot_item(actor, region, data: dict) -> SwotItem:
    require(permissions.can_manage_region_analysis(actor, region.pk))
    item = SwotItem(region=region, created_by=actor)
    _swot_apply(item, data)
    audit.record(actor, "swot.create", item, after=audit.snapshot(item, SWOT_FIELDS))
    return item


@transaction.atomic
def update_swot_item(actor, item: SwotItem, data: dict) -> SwotItem:
    require(permissions.can_manage_region_analysis(actor, item.region_id))
    before = audit.snapshot(item, SWOT_FIELDS)
    _swot_apply(item, data)
    audit.record(actor, "swot.update", item, before=before, after=audit.snapshot(item, SWOT_FIELDS))
    return item


@transaction.atomic
def delete_swot_item(actor, item: SwotItem) -> None:
    require(permissions.can_manage_region_analysis(actor, item.region_id))
    audit.record(actor, "swot.delete", item, before=audit.snapshot(item, SWOT_FIELDS))
    item.delete()

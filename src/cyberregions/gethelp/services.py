"""Writes of the get-help module: each verb one transaction, asking ``permissions`` first and
writing an audit entry. Workflows: label verification and help requests (``core.workflow``)."""

from __future__ import annotations

import datetime
import secrets

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cyberregions.core import audit
from cyberregions.core.consent import date_consent
from cyberregions.core.notifications import notify, programme_staff
from cyberregions.core.permissions import COMMAND_LINE, require
from cyberregions.core.workflow import Notice, Transition, Workflow, WorkflowError

from . import permissions
from .choices import (
    URGENCY_DEADLINE_HOURS,
    LabelStatus,
    OfferStatus,
    Proximity,
    RequestStatus,
)
from .models import (
    Assessment,
    HelpOffer,
    HelpRequest,
    HelpRequestStep,
    LabelStep,
    OrganisationLabel,
    ProviderProfile,
)
from .routing import Candidate, route
from .scoring import score

# How many providers a request is offered to at once.
ROUTE_LIMIT = 3
# Owners are warned this many days before a label expires.
LABEL_WARNING_DAYS = 60
PROFILE_FIELDS = [
    "categories",
    "coverage_regions",
    "coverage_countries",
    "on_site",
    "remote",
    "languages",
    "clients",
    "available_24_7",
    "response_hours",
    "capacity",
    "is_active",
]


class GetHelpError(WorkflowError):
    """A get-help step refused: wrong state, an offer already answered…"""


def new_token() -> str:
    return secrets.token_urlsafe(32)


def organisation_members(organisation_ids):
    return (
        get_user_model()
        .objects.filter(
            is_active=True, organisation_memberships__organisation_id__in=list(organisation_ids)
        )
        .distinct()
    )


def region_coordinators(region_id):
    """Who is told of an escalated request: the region's coordinators, else programme staff."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, region_memberships__region_id=region_id)
        .distinct()
    )
    if region_id and users.exists():
        return users
    return programme_staff()


# Provider profiles ---------------------------------------------------------------------------


@transaction.atomic
def save_provider_profile(user, organisation, cleaned: dict) -> ProviderProfile:
    """Create or update the organisation's declared services from a form's cleaned data."""
    require(permissions.can_edit_services(user, organisation))
    profile, created = ProviderProfile.objects.select_for_update().get_or_create(
        organisation=organisation
    )
    before = None if created else audit.snapshot(profile, PROFILE_FIELDS)
    for name in PROFILE_FIELDS:
        if name in ("categories", "coverage_regions", "coverage_countries"):
            continue
        if name in ("languages", "clients"):
            setattr(profile, name, ProviderProfile.pack(cleaned.get(name, [])))
        elif name in cleaned:
            setattr(profile, name, cleaned[name])
    profile.save()
    profile.categories.set(cleaned.get("categories", []))
    profile.coverage_regions.set(cleaned.get("coverage_regions", []))
    profile.coverage_countries.set(cleaned.get("coverage_countries", []))
    audit.record(
        user,
        "gethelp.profile.create" if created else "gethelp.profile.change",
        profile,
        before=before,
        after=audit.snapshot(profile, PROFILE_FIELDS),
    )
    return profile


# Labels --------------------------------------------------------------------------------------


def _label_deciders(organisation_label):
    organisation = organisation_label.organisation
    return region_coordinators(organisation.region_id)


def _label_owners(organisation_label):
    return organisation_members([organisation_label.organisation_id])


LABEL_WORKFLOW = Workflow(
    model=OrganisationLabel,
    history=LabelStep,
    subject_field="organisation_label",
    audit_prefix="gethelp.label",
    object_word=gettext_lazy("this label"),
    error=GetHelpError,
    notice=Notice(
        kind="gethelp.label",
        subject=lambda step: (
            _("Label “%(label)s” of %(organisation)s: %(status)s")
            % {
                "label": step.obj.label,
                "organisation": step.obj.organisation,
                "status": step.obj.get_status_display(),
            }
        ),
        template="gethelp/email/label_step.txt",
        context=lambda step: {"item": step.obj, "reason": step.reason},
        url=lambda obj: f"/get-help/labels/{obj.organisation.slug}/",
    ),
    transitions=[
        Transition(
            "verify",
            (LabelStatus.SUBMITTED,),
            LabelStatus.VERIFIED,
            permissions.can_decide_label,
            done=gettext_lazy("The label is verified."),
            notify=_label_owners,
        ),
        Transition(
            "refuse",
            (LabelStatus.SUBMITTED, LabelStatus.VERIFIED),
            LabelStatus.REFUSED,
            permissions.can_decide_label,
            done=gettext_lazy("The label is refused."),
            needs_reason=True,
            notify=_label_owners,
        ),
        Transition(
            "resubmit",
            (LabelStatus.REFUSED, LabelStatus.DRAFT),
            LabelStatus.SUBMITTED,
            lambda user, item: permissions.can_record_label(user, item.organisation),
            done=gettext_lazy("The label is sent for verification again."),
            notify=_label_deciders,
        ),
    ],
)


@transaction.atomic
def record_label(user, organisation, label, *, valid_from, valid_until, number="", evidence_url=""):
    require(permissions.can_record_label(user, organisation))
    if valid_until < valid_from:
        raise GetHelpError(_("A label cannot end before it starts."))
    try:
        with transaction.atomic():
            item = OrganisationLabel.objects.create(
                organisation=organisation,
                label=label,
                number=number,
                valid_from=valid_from,
                valid_until=valid_until,
                evidence_url=evidence_url,
                status=LabelStatus.SUBMITTED,
            )
    except IntegrityError as error:
        raise GetHelpError(_("This organisation already recorded this label.")) from error
    LabelStep.objects.create(
        organisation_label=item,
        step="record",
        from_state="",
        to_state=LabelStatus.SUBMITTED,
        actor=user if permissions.is_authenticated(user) else None,
    )
    audit.record(
        user,
        "gethelp.label.record",
        item,
        after={
            "label": label.pk,
            "number": number,
            "valid_from": str(valid_from),
            "valid_until": str(valid_until),
            "status": item.status,
        },
    )
    notify(
        _label_deciders(item),
        kind="gethelp.label.submitted",
        subject=lambda: (
            _("Label to verify: %(label)s for %(organisation)s")
            % {"label": label, "organisation": organisation}
        ),
        template="gethelp/email/label_step.txt",
        context={"item": item, "reason": ""},
        url=f"/get-help/labels/{organisation.slug}/",
        actor=user,
    )
    return item


def warn_expiring_labels(today: datetime.date | None = None) -> int:
    """Tell the owners of each verified label ending within ``LABEL_WARNING_DAYS``, once."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=LABEL_WARNING_DAYS)
    due = OrganisationLabel.objects.filter(
        status=LabelStatus.VERIFIED,
        valid_until__gte=today,
        valid_until__lte=horizon,
        expiry_warned_at__isnull=True,
    ).select_related("organisation", "label")
    warned = 0
    for item in due:
        with transaction.atomic():
            claimed = OrganisationLabel.objects.filter(
                pk=item.pk, expiry_warned_at__isnull=True
            ).update(expiry_warned_at=timezone.now())
            if not claimed:
                continue
            audit.record(
                COMMAND_LINE,
                "gethelp.label.expiry_warned",
                item,
                after={"valid_until": str(item.valid_until)},
            )
            notify(
                _label_owners(item),
                kind="gethelp.label.expiring",
                subject=lambda item=item: (
                    _("Your label “%(label)s” ends on %(date)s")
                    % {"label": item.label, "date": item.valid_until}
                ),
                template="gethelp/email/label_expiring.txt",
                context={"item": item},
                url=f"/get-help/labels/{item.organisation.slug}/",
            )
            warned += 1
    return warned


# Self-assessment -----------------------------------------------------------------------------


@transaction.atomic
def save_assessment(
    user, questionnaire: dict, answers: dict, *, country=None, region=None, previous=None
) -> Assessment:
    """Score and keep one filled questionnaire; anonymous unless saved to an organisation."""
    result = score(questionnaire, answers)
    assessment = Assessment.objects.create(
        token=new_token(),
        questionnaire=questionnaire["key"],
        version=questionnaire["version"],
        answers=answers,
        theme_scores=result.themes,
        overall=result.overall,
        country=country,
        region=region,
        previous=previous,
        created_by=user if permissions.is_authenticated(user) else None,
    )
    return assessment


@transaction.atomic
def save_assessment_to(user, assessment: Assessment, organisation) -> Assessment:
    require(permissions.can_save_assessment_to(user, organisation))
    before = audit.snapshot(assessment, ["organisation"])
    assessment.organisation = organisation
    if assessment.created_by_id is None:
        assessment.created_by = user
    assessment.save(update_fields=["organisation", "created_by"])
    audit.record(
        user,
        "gethelp.assessment.save_to_organisation",
        assessment,
        before=before,
        after=audit.snapshot(assessment, ["organisation"]),
    )
    return assessment


# Help requests -------------------------------------------------------------------------------


def _request_parties(help_request):
    """The requester (when signed in) and the members of the accepting provider."""
    people = []
    if help_request.created_by_id:
        people.append(help_request.created_by)
    if help_request.accepted_by_id:
        people += list(organisation_members([help_request.accepted_by_id]))
    return people


def _request_url(help_request) -> str:
    return f"/get-help/inbox/{help_request.pk}/"


def _accept_effect(step) -> None:
    offer = HelpOffer.objects.select_for_update().select_related("provider__organisation")
    offer = offer.get(pk=step.params["offer"].pk)
    if offer.request_id != step.obj.pk or offer.status != OfferStatus.PENDING:
        raise GetHelpError(_("This offer is no longer open."))
    now = step.at
    HelpOffer.objects.filter(pk=offer.pk).update(
        status=OfferStatus.ACCEPTED, answered_at=now, answered_by=step.actor
    )
    others = list(
        HelpOffer.objects.filter(request=step.obj, status=OfferStatus.PENDING)
        .exclude(pk=offer.pk)
        .values_list("provider__organisation_id", flat=True)
    )
    HelpOffer.objects.filter(request=step.obj, status=OfferStatus.PENDING).exclude(
        pk=offer.pk
    ).update(status=OfferStatus.TAKEN, answered_at=now)
    step.set(accepted_by=offer.provider.organisation)
    step.audit_after["offer"] = offer.pk
    if others:
        notify(
            organisation_members(others),
            kind="gethelp.request.taken",
            subject=lambda: (
                _("Help request #%(number)s was taken by another provider")
                % {"number": step.obj.pk}
            ),
            template="gethelp/email/request_step.txt",
            context={"help_request": step.obj, "step": "taken", "reason": ""},
            url=_request_url(step.obj),
            actor=step.actor,
        )


def _close_effect(step) -> None:
    rating = step.params.get("rating")
    if rating is not None and not 1 <= int(rating) <= 5:
        raise GetHelpError(_("A rating runs from 1 to 5."))
    step.set(closed_at=step.at, rating=rating, rating_comment=step.params.get("comment", ""))


def _withdraw_effect(step) -> None:
    HelpOffer.objects.filter(request=step.obj, status=OfferStatus.PENDING).update(
        status=OfferStatus.EXPIRED, answered_at=step.at
    )
    step.set(closed_at=step.at)


def _escalate_effect(step) -> None:
    HelpOffer.objects.filter(request=step.obj, status=OfferStatus.PENDING).update(
        status=OfferStatus.EXPIRED, answered_at=step.at
    )


REQUEST_WORKFLOW = Workflow(
    model=HelpRequest,
    history=HelpRequestStep,
    subject_field="help_request",
    audit_prefix="gethelp.request",
    object_word=gettext_lazy("this request"),
    error=GetHelpError,
    notice=Notice(
        kind="gethelp.request",
        subject=lambda step: (
            _("Help request #%(number)s: %(status)s")
            % {"number": step.obj.pk, "status": step.obj.get_status_display()}
        ),
        template="gethelp/email/request_step.txt",
        context=lambda step: {"help_request": step.obj, "step": step.name, "reason": step.reason},
        url=_request_url,
    ),
    transitions=[
        Transition(
            "accept",
            (RequestStatus.ROUTED, RequestStatus.ESCALATED),
            RequestStatus.ACCEPTED,
            permissions.can_accept,
            done=gettext_lazy("You accepted the request; the requester sees your contact."),
            effect=_accept_effect,
            notify=_request_parties,
            wrong_state=lambda obj: (
                _("Another provider already accepted this request.")
                if obj.status in (RequestStatus.ACCEPTED, RequestStatus.CLOSED)
                else None
            ),
        ),
        Transition(
            "escalate",
            (RequestStatus.ROUTED,),
            RequestStatus.ESCALATED,
            permissions.can_escalate,
            effect=_escalate_effect,
            notify=lambda obj: region_coordinators(obj.region_id),
        ),
        Transition(
            "close",
            (RequestStatus.ACCEPTED,),
            RequestStatus.CLOSED,
            permissions.can_close,
            done=gettext_lazy("The request is closed. Thank you."),
            effect=_close_effect,
            notify=_request_parties,
        ),
        Transition(
            "withdraw",
            (RequestStatus.ROUTED, RequestStatus.ESCALATED),
            RequestStatus.WITHDRAWN,
            permissions.can_withdraw,
            done=gettext_lazy("The request is withdrawn."),
            effect=_withdraw_effect,
        ),
    ],
)


def candidates_for(help_request, category_ids: list[int], proximity: int | None = None):
    """The active providers covering the request's place (at ``proximity`` only, when given),
    speaking its language and offering one of its services, as plain data for
    ``routing.route``."""
    rows = ProviderProfile.objects.finder(
        country=help_request.country,
        region=help_request.region,
        language=help_request.language,
        client=help_request.entity_type if help_request.entity_type != "person" else "",
    )
    if proximity is not None:
        rows = rows.filter(proximity=proximity)
    rows = (
        rows.filter(categories__in=category_ids)
        .annotate(
            covers=Count("categories", filter=Q(categories__in=category_ids), distinct=True),
        )
        .order_by()
        .values(
            "pk",
            "proximity",
            "covers",
            "has_valid_label",
            "languages",
            "capacity",
            "last_offered_at",
        )
    )
    profiles = {row["pk"]: row for row in rows}
    loads = dict(
        HelpOffer.objects.filter(provider_id__in=list(profiles))
        .filter(
            Q(status=OfferStatus.PENDING)
            | Q(status=OfferStatus.ACCEPTED, request__status=RequestStatus.ACCEPTED)
        )
        .values_list("provider_id")
        .annotate(n=Count("pk"))
        .values_list("provider_id", "n")
    )
    language = f",{help_request.language},"
    return [
        Candidate(
            id=pk,
            proximity=row["proximity"],
            covers=row["covers"],
            speaks=language in row["languages"],
            labelled=bool(row["has_valid_label"]),
            capacity=row["capacity"],
            load=loads.get(pk, 0),
            last_offered=row["last_offered_at"].timestamp() if row["last_offered_at"] else None,
        )
        for pk, row in profiles.items()
    ]


def route_request(help_request, category_ids: list[int], limit: int = ROUTE_LIMIT) -> list:
    """Offer the request to up to ``limit`` providers, or escalate it at once when none fits.
    Runs inside ``file_request``'s transaction."""
    now = timezone.now()
    # Proximity is the routing's first key: the farther tiers are read only when the nearer
    # ones hold fewer than ``limit`` eligible providers (same choice, fewer rows).
    candidates: list[Candidate] = []
    for tier in Proximity.values:
        candidates += candidates_for(help_request, category_ids, proximity=tier)
        if route(candidates, limit).eligible >= limit:
            break
    decision = route(candidates, limit)
    offers = [
        HelpOffer(request=help_request, provider_id=provider_id, rank=rank, offered_at=now)
        for rank, provider_id in enumerate(decision.chosen)
    ]
    HelpOffer.objects.bulk_create(offers)
    ProviderProfile.objects.filter(pk__in=decision.chosen).update(last_offered_at=now)
    if offers:
        organisation_ids = ProviderProfile.objects.filter(pk__in=decision.chosen).values_list(
            "organisation_id", flat=True
        )
        notify(
            organisation_members(organisation_ids),
            kind="gethelp.request.offered",
            subject=lambda: (
                _("New help request #%(number)s (%(urgency)s)")
                % {"number": help_request.pk, "urgency": help_request.get_urgency_display()}
            ),
            template="gethelp/email/request_step.txt",
            context={"help_request": help_request, "step": "offered", "reason": ""},
            url=_request_url(help_request),
        )
    return offers


def file_request(user, cleaned: dict, submission_key: str) -> tuple[HelpRequest, bool]:
    """File a help request and route it; the same ``submission_key`` files it once
    (a double click, a reload of the POST): the second call returns the first request."""
    existing = HelpRequest.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return _file_request(user, cleaned, submission_key), True
    except IntegrityError:
        existing = HelpRequest.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing, False


def _file_request(user, cleaned: dict, submission_key: str) -> HelpRequest:
    now = timezone.now()
    help_request = HelpRequest(
        token=new_token(),
        submission_key=submission_key,
        urgency=cleaned["urgency"],
        country=cleaned["country"],
        region=cleaned.get("region"),
        sector=cleaned.get("sector"),
        entity_type=cleaned["entity_type"],
        language=cleaned["language"],
        description=cleaned["description"],
        contact_name=cleaned.get("contact_name", ""),
        contact_email=cleaned.get("contact_email", ""),
        contact_phone=cleaned.get("contact_phone", ""),
        contact_consent=bool(cleaned.get("contact_consent")),
        deadline_at=now + datetime.timedelta(hours=URGENCY_DEADLINE_HOURS[cleaned["urgency"]]),
        created_by=user if permissions.is_authenticated(user) else None,
    )
    date_consent(help_request, "contact_consent", "consent_recorded_at", False)
    help_request.save()
    categories = list(cleaned["categories"])
    help_request.categories.set(categories)
    offers = route_request(help_request, [category.pk for category in categories])
    if not offers:
        help_request.status = RequestStatus.ESCALATED
        help_request.save(update_fields=["status"])
        notify(
            region_coordinators(help_request.region_id),
            kind="gethelp.request.escalated",
            subject=lambda: (
                _("Help request #%(number)s found no provider") % {"number": help_request.pk}
            ),
            template="gethelp/email/request_step.txt",
            context={"help_request": help_request, "step": "escalate", "reason": ""},
            url=_request_url(help_request),
        )
    HelpRequestStep.objects.create(
        help_request=help_request,
        step="file",
        from_state="",
        to_state=help_request.status,
        actor=help_request.created_by,
        at=now,
    )
    audit.record(
        user,
        "gethelp.request.file",
        help_request,
        after={
            "status": help_request.status,
            "urgency": help_request.urgency,
            "categories": sorted(category.code for category in categories),
            "offers": [offer.provider_id for offer in offers],
        },
    )
    return help_request


def accept_offer(user, offer: HelpOffer) -> HelpRequest:
    require(permissions.can_answer_offer(user, offer))
    return REQUEST_WORKFLOW.transition(user, offer.request, "accept", offer=offer)


@transaction.atomic
def decline_offer(user, offer: HelpOffer, reason: str = "") -> HelpOffer:
    """A provider declines; when no offer is left pending the request goes to the
    coordinator at once rather than waiting for its deadline."""
    require(permissions.can_answer_offer(user, offer))
    offer = HelpOffer.objects.select_for_update().select_related("request").get(pk=offer.pk)
    if offer.status != OfferStatus.PENDING:
        raise GetHelpError(_("This offer is no longer open."))
    offer.status = OfferStatus.DECLINED
    offer.answered_at = timezone.now()
    offer.answered_by = user
    offer.save(update_fields=["status", "answered_at", "answered_by"])
    audit.record(
        user,
        "gethelp.offer.decline",
        offer,
        before={"status": OfferStatus.PENDING},
        after={"status": OfferStatus.DECLINED},
        reason=reason,
    )
    request = offer.request
    if (
        request.status == RequestStatus.ROUTED
        and not request.offers.filter(status=OfferStatus.PENDING).exists()
    ):
        REQUEST_WORKFLOW.transition(
            COMMAND_LINE, request, "escalate", _("Every provider declined.")
        )
    return offer


def escalate_overdue(now=None) -> int:
    """Requests still without an acceptance at their deadline go to the coordinator."""
    now = now or timezone.now()
    overdue = HelpRequest.objects.filter(status=RequestStatus.ROUTED, deadline_at__lte=now)
    done = 0
    for help_request in overdue:
        try:
            REQUEST_WORKFLOW.transition(
                COMMAND_LINE,
                help_request,
                "escalate",
                _("No provider accepted before the deadline."),
            )
        except GetHelpError:
            continue  # accepted or withdrawn meanwhile
        done += 1
    return done


# Public buyers' needs ------------------------------------------------------------------------


@transaction.atomic
def publish_need(user, organisation, cleaned: dict):
    """Publish a public buyer's need and tell the members of the organisations following its
    sector (the buyer itself left out)."""
    from .models import BuyerNeed, SectorFollow

    require(permissions.can_publish_need(user, organisation))
    need = BuyerNeed.objects.create(
        organisation=organisation,
        sector=cleaned["sector"],
        title=cleaned["title"],
        description=cleaned["description"],
        budget_band=cleaned["budget_band"],
        expected_from=cleaned["expected_from"],
    )
    need.categories.set(cleaned.get("categories") or [])
    audit.record(
        user,
        "gethelp.need.publish",
        need,
        after=audit.snapshot(need, ["sector", "title", "budget_band", "expected_from"]),
    )
    followers = (
        SectorFollow.objects.filter(sector=need.sector)
        .exclude(organisation=organisation)
        .values_list("organisation_id", flat=True)
    )
    notify(
        organisation_members(followers),
        kind="gethelp.need.published",
        subject=lambda: (
            _("New public need in %(sector)s: %(title)s")
            % {"sector": need.sector, "title": need.title}
        ),
        template="gethelp/email/need_published.txt",
        context={"need": need},
        url="/get-help/needs/",
        actor=user,
    )
    return need


@transaction.atomic
def close_need(user, need):
    from .choices import NeedStatus

    require(permissions.can_close_need(user, need))
    before = audit.snapshot(need, ["status"])
    need.status = NeedStatus.CLOSED
    need.save(update_fields=["status", "updated_at"])
    audit.record(user, "gethelp.need.close", need, before=before, after={"status": need.status})
    return need


@transaction.atomic
def follow_sectors(user, organisation, sectors) -> None:
    """Set the sectors whose public needs the organisation's members are told of."""
    from .models import SectorFollow

    require(permissions.can_follow_sectors(user, organisation))
    before = sorted(
        SectorFollow.objects.filter(organisation=organisation).values_list("sector_id", flat=True)
    )
    SectorFollow.objects.filter(organisation=organisation).exclude(sector__in=sectors).delete()
    for sector in sectors:
        SectorFollow.objects.get_or_create(organisation=organisation, sector=sector)
    audit.record(
        user,
        "gethelp.sectors.follow",
        organisation,
        before={"followed_sectors": before},
        after={"followed_sectors": sorted(sector.pk for sector in sectors)},
    )

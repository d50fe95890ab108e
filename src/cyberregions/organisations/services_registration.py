"""Registering an organisation: a verified user asks, the region's coordinator decides.

The request holds the organisation's fields until it is approved; only then is the
organisation created, by ``services.create_organisation`` (slug, search index, atlas rows
and audit as for any other), and the applicant becomes its member. The request moves
through the workflow engine (``WORKFLOW``): submitted → changes requested ↔ resubmitted →
approved or refused. Who decides: ``permissions.can_decide_registration``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cyberregions.core.permissions import require
from cyberregions.core.workflow import Notice, Step, Transition, Workflow, WorkflowError
from cyberregions.geo.models import Country, Region

from . import permissions, services
from .choices import AWAITING_DECISION, RegistrationStatus, RegistrationStep
from .duplicates import normalise_domain
from .fields import EDITABLE_FIELDS, TAG_FIELDS
from .models import Organisation, RegistrationHistory, RegistrationRequest

REASON_FOR_APPLICANT = gettext_lazy("Say why: the applicant will read it.")


class RegistrationError(WorkflowError):
    """The registration request cannot change as asked."""


# The request's data: the form's cleaned values, with relations by code --------------------


def _tag_model(field: str):
    return Organisation._meta.get_field(field).related_model


def to_data(cleaned: dict) -> dict:
    """The JSON kept on the request, from the registration form's cleaned values."""
    data = {}
    for field in EDITABLE_FIELDS:
        value = cleaned.get(field)
        if field in TAG_FIELDS:
            data[field] = sorted(term.code for term in value or [])
        elif field == "country":
            data[field] = value.iso if value else None
        elif field == "region":
            data[field] = value.code if value else None
        else:
            data[field] = value
    return data


def from_data(data: dict) -> dict:
    """The request's data as model values, for the edit form and for the organisation.
    A code that no longer exists (a tag withdrawn meanwhile) is dropped."""
    values = {field: data.get(field) for field in EDITABLE_FIELDS if field not in TAG_FIELDS}
    values["country"] = Country.objects.filter(iso=data.get("country")).first()
    code = data.get("region")
    values["region"] = Region.objects.filter(code=code).first() if code else None
    for field in TAG_FIELDS:
        values[field] = list(_tag_model(field).objects.filter(code__in=data.get(field) or []))
    return values


def _columns(data: dict, registration_number: str) -> dict:
    """The request's own columns, read by lists, permissions and the duplicate search."""
    code = data.get("region")
    return {
        "name": data["name"],
        "region": Region.objects.filter(code=code).first() if code else None,
        "registration_number": registration_number,
        "website_domain": normalise_domain(data.get("website") or ""),
    }


# Who is told ------------------------------------------------------------------------------


def deciders(registration: RegistrationRequest):
    """The people ``permissions.can_decide_registration`` lets decide, but administrators
    outside their own duty: the region's coordinators, or programme staff."""
    people = get_user_model().objects.filter(is_active=True)
    if permissions.routed_to_coordinators(registration):
        return people.filter(region_memberships__region_id=registration.region_id).distinct()
    return people.filter(models.Q(is_programme_staff=True) | models.Q(is_superuser=True))


def _applicant(registration: RegistrationRequest):
    return [registration.applicant]


def _subject(step: Step) -> str:
    return _("[cyberregions] Registration of %(name)s: %(status)s") % {
        "name": step.obj.name,
        "status": step.obj.get_status_display(),
    }


def _context(step: Step) -> dict:
    return {
        "registration": step.obj,
        "actor": step.actor,
        "step": RegistrationStep(step.name).label,
        "status": step.obj.get_status_display(),
        "reason": step.reason,
    }


# Steps ------------------------------------------------------------------------------------


def _freeze_submission(step: Step) -> None:
    step.audit_after["data"] = step.obj.data


def _replace_data(step: Step) -> None:
    """A resubmission carries the edited fields (``params``: data, registration_number)."""
    data = step.params["data"]
    for name, value in _columns(data, step.params.get("registration_number", "")).items():
        step.set(**{name: value})
    step.obj.data = data
    step.changed.append("data")
    step.audit_after["data"] = data
    step.set(decision_reason="")


def _keep_reason(step: Step) -> None:
    step.set(decision_reason=step.reason)


def _create_organisation(step: Step) -> None:
    registration = step.obj
    try:
        organisation = services.create_organisation(
            step.actor, from_data(registration.data), registration=registration
        )
    except ValidationError as error:
        problems = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
        raise RegistrationError(
            _("The organisation cannot be created as requested (%(problems)s): ask for changes.")
            % {"problems": problems}
        ) from error
    step.set(organisation=organisation)


def _make_applicant_member(step: Step) -> None:
    services.make_member(step.actor, step.obj.applicant, step.obj.organisation)


WORKFLOW = Workflow(
    model=RegistrationRequest,
    history=RegistrationHistory,
    subject_field="registration",
    audit_prefix="registration",
    object_word=gettext_lazy("the registration request"),
    error=RegistrationError,
    notice=Notice(
        kind="organisations.registration",
        subject=_subject,
        template="organisations/email/registration_step.txt",
        context=_context,
        url=lambda registration: registration.get_absolute_url(),
    ),
    transitions=[
        Transition(
            RegistrationStep.SUBMIT,
            (RegistrationStatus.DRAFT,),
            RegistrationStatus.SUBMITTED,
            lambda user, registration: (
                permissions.is_applicant(user, registration) and permissions.is_verified(user)
            ),
            gettext_lazy("Your request has been sent; you will be told of the decision."),
            effect=_freeze_submission,
            notify=deciders,
        ),
        Transition(
            RegistrationStep.ASK_CHANGES,
            AWAITING_DECISION,
            RegistrationStatus.CHANGES_REQUESTED,
            permissions.can_decide_registration,
            gettext_lazy("Changes have been asked of the applicant."),
            needs_reason=True,
            reason_prompt=REASON_FOR_APPLICANT,
            effect=_keep_reason,
            notify=_applicant,
        ),
        Transition(
            RegistrationStep.RESUBMIT,
            (RegistrationStatus.CHANGES_REQUESTED,),
            RegistrationStatus.RESUBMITTED,
            lambda user, registration: (
                permissions.is_applicant(user, registration) and permissions.is_verified(user)
            ),
            gettext_lazy("Your changes have been sent for a decision."),
            effect=_replace_data,
            notify=deciders,
        ),
        Transition(
            RegistrationStep.APPROVE,
            AWAITING_DECISION,
            RegistrationStatus.APPROVED,
            permissions.can_decide_registration,
            gettext_lazy("The organisation is now in the atlas, and its applicant its member."),
            effect=_create_organisation,
            after_save=_make_applicant_member,
            notify=_applicant,
        ),
        Transition(
            RegistrationStep.REFUSE,
            (*AWAITING_DECISION, RegistrationStatus.CHANGES_REQUESTED),
            RegistrationStatus.REFUSED,
            permissions.can_decide_registration,
            gettext_lazy("The request has been refused."),
            needs_reason=True,
            reason_prompt=REASON_FOR_APPLICANT,
            effect=_keep_reason,
            notify=_applicant,
        ),
    ],
)
TRANSITIONS = WORKFLOW.transitions


def open_request_limit() -> int:
    return int(getattr(settings, "ORGANISATION_REGISTRATIONS_OPEN_PER_USER", 5))


@transaction.atomic
def submit_registration(actor, data: dict, registration_number: str = "") -> RegistrationRequest:
    """Ask for an organisation with ``data`` (``to_data`` of the form) to enter the atlas."""
    require(permissions.can_register_organisation(actor))
    # One account cannot flood the deciders: a few requests wait at a time.
    limit = open_request_limit()
    waiting = RegistrationRequest.objects.filter(
        applicant=actor,
        status__in=[*AWAITING_DECISION, RegistrationStatus.CHANGES_REQUESTED],
    ).count()
    if waiting >= limit:
        raise RegistrationError(
            _(
                "You already have %(count)s registration requests waiting; send another once "
                "one of them is decided."
            )
            % {"count": waiting}
        )
    registration = RegistrationRequest.objects.create(
        applicant=actor,
        data=data,
        status=RegistrationStatus.DRAFT,
        **_columns(data, registration_number),
    )
    return WORKFLOW.transition(actor, registration, RegistrationStep.SUBMIT)


def resubmit_registration(
    actor, registration, data: dict, registration_number: str = "", reason: str = ""
) -> RegistrationRequest:
    return WORKFLOW.transition(
        actor,
        registration,
        RegistrationStep.RESUBMIT,
        reason,
        data=data,
        registration_number=registration_number,
    )


def transition(actor, registration, step: str, reason: str = "") -> RegistrationRequest:
    """A decision (approve, ask for changes, refuse) on ``registration``."""
    if step in (RegistrationStep.SUBMIT, RegistrationStep.RESUBMIT):
        # These carry the request's data: ``submit_registration``/``resubmit_registration``.
        raise RegistrationError(_("Unknown step."))
    return WORKFLOW.transition(actor, registration, step, reason)


def approve_registration(actor, registration, reason: str = ""):
    return transition(actor, registration, RegistrationStep.APPROVE, reason)


def ask_for_changes(actor, registration, reason: str):
    return transition(actor, registration, RegistrationStep.ASK_CHANGES, reason)


def refuse_registration(actor, registration, reason: str):
    return transition(actor, registration, RegistrationStep.REFUSE, reason)

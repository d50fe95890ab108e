"""State changes of the atlas. Each runs in one transaction and writes an audit record."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cyberregions.core import audit, slugs
from cyberregions.core.concurrency import VERSION, claim_version
from cyberregions.core.consent import date_consent
from cyberregions.core.permissions import coordinated_region_ids, is_admin, require
from cyberregions.core.workflow import Step, Transition, Workflow, WorkflowError

from . import notices, permissions, search
from .choices import ClaimStatus, ClaimStep
from .fields import DERIVED_FIELDS, EDITABLE_FIELDS, TAG_FIELDS
from .models import ClaimHistory, ClaimRequest, Contact, Organisation, OrganisationMembership

# The audit snapshot: what people edit, what is derived from it, and the version the save
# produced (``core.concurrency`` reads it back to say what changed since an edit began).
AUDITED_FIELDS = [*EDITABLE_FIELDS, *DERIVED_FIELDS, VERSION]


class ClaimError(WorkflowError):
    """A claim cannot change state as asked."""


# Words the atlas's own pages use in their addresses (``urls.py``).
RESERVED_SLUGS = frozenset({"new", "map", "claims", "register", "registrations"})


def unique_slug(name: str, exclude_pk: int | None = None) -> str:
    return slugs.unique_slug(
        Organisation.objects, name, "organisation", RESERVED_SLUGS, exclude_pk=exclude_pk
    )


def refresh_search(organisation: Organisation) -> None:
    items = [
        (kind, f"{title} {description}")
        for kind, title, description in organisation.items.values_list(
            "kind", "title", "description"
        )
    ]
    domain_codes = organisation.domains.values_list("code", flat=True)
    organisation.search_document = search.document_for(organisation, items, domain_codes)
    Organisation.objects.filter(pk=organisation.pk).update(
        search_document=organisation.search_document
    )
    search.index_organisations([(organisation.pk, organisation.search_document)])


def _apply(organisation: Organisation, data: dict) -> None:
    for field, value in data.items():
        if field not in TAG_FIELDS:
            setattr(organisation, field, value)
    organisation.full_clean(exclude=["slug", *TAG_FIELDS])
    organisation.save()
    for field in TAG_FIELDS:
        if field in data:
            getattr(organisation, field).set(data[field])


@transaction.atomic
def create_organisation(actor, data: dict, registration=None) -> Organisation:
    """Adds an organisation to the atlas: typed by a coordinator or an administrator, or
    asked for by ``registration`` (a request ``actor`` may decide, being approved)."""
    region = data.get("region")
    if registration is not None:
        require(permissions.can_decide_registration(actor, registration))
    else:
        require(permissions.can_create_organisation(actor, region.pk if region else None))
        # Only an administrator places an organisation outside every region (as the form does).
        require(region is not None or is_admin(actor))
    organisation = Organisation(slug=unique_slug(data["name"]))
    _apply(organisation, data)
    refresh_search(organisation)
    after = audit.snapshot(organisation, AUDITED_FIELDS)
    if registration is not None:
        after["registration"] = registration.pk
    audit.record(actor, "organisation.create", organisation, after=after)
    return organisation


@transaction.atomic
def update_organisation(
    actor, organisation: Organisation, data: dict, expected_version: int | None = None
) -> Organisation:
    """Saves ``data`` over ``organisation``. With ``expected_version`` (the version the editor
    started from), a save made by someone else since is not overwritten: ``StaleVersion``."""
    require(permissions.can_change_organisation(actor, organisation))
    new_region = data.get("region", organisation.region)
    if new_region != organisation.region and not is_admin(actor):
        # Moving an organisation to another region hands it to other coordinators.
        require(new_region is not None and new_region.pk in coordinated_region_ids(actor))
    before = audit.snapshot(organisation, AUDITED_FIELDS)
    claim_version(organisation, expected_version)
    _apply(organisation, data)
    refresh_search(organisation)
    audit.record(
        actor,
        "organisation.update",
        organisation,
        before=before,
        after=audit.snapshot(organisation, AUDITED_FIELDS),
    )
    return organisation


@transaction.atomic
def delete_organisation(actor, organisation: Organisation) -> None:
    require(permissions.can_delete_organisation(actor, organisation))
    audit.record(
        actor,
        "organisation.delete",
        organisation,
        before=audit.snapshot(organisation, AUDITED_FIELDS),
    )
    search.unindex_organisation(organisation.pk)
    organisation.delete()


CONTACT_FIELDS = ["name", "role", "email", "phone", "public_consent"]


@transaction.atomic
def save_contact(actor, contact: Contact, data: dict) -> Contact:
    """Saves a new or stored contact of an organisation. Consent to being shown publicly is
    dated when it is given and cleared when it is withdrawn."""
    organisation = contact.organisation
    require(permissions.can_change_organisation(actor, organisation))
    created = contact.pk is None
    consent_before = contact.public_consent
    for field in CONTACT_FIELDS:
        setattr(contact, field, data[field])
    date_consent(contact, "public_consent", "consent_recorded_at", consent_before)
    contact.full_clean()
    contact.save()
    # On the organisation's trail, without the person's data: nothing personal goes to logs.
    audit.record(
        actor,
        "contact.create" if created else "contact.update",
        organisation,
        before=None if created else {"contact": contact.pk, "public_consent": consent_before},
        after={"contact": contact.pk, "public_consent": contact.public_consent},
    )
    return contact


@transaction.atomic
def delete_contact(actor, contact: Contact) -> None:
    organisation = contact.organisation
    require(permissions.can_change_organisation(actor, organisation))
    audit.record(actor, "contact.delete", organisation, before={"contact": contact.pk})
    contact.delete()


@transaction.atomic
def request_claim(actor, organisation: Organisation, message: str = "") -> ClaimRequest:
    require(permissions.can_request_claim(actor, organisation))
    if ClaimRequest.objects.filter(
        organisation=organisation, user=actor, status=ClaimStatus.PENDING
    ).exists():
        raise ClaimError(_("You already have a pending request for this organisation."))
    claim = ClaimRequest.objects.create(organisation=organisation, user=actor, message=message)
    audit.record(
        actor, "claim.request", claim, after={"organisation": organisation.pk, "message": message}
    )
    notices.claim_requested(actor, claim)
    return claim


def make_member(actor, user, organisation: Organisation) -> OrganisationMembership:
    """``user`` acts for ``organisation`` from now on (an accepted claim, an approved
    registration)."""
    membership, created = OrganisationMembership.objects.get_or_create(
        user=user, organisation=organisation
    )
    if created:
        audit.record(actor, "membership.create", membership, after={"user": user.pk})
    return membership


def _record_decision(step: Step) -> None:
    # The decision's who, when and why are also in the claim's history; these copies are
    # what the claim list and the e-mail show. Written after the engine's save so that the
    # audit entry keeps to the change of state.
    claim = step.obj
    claim.decided_by, claim.decided_at, claim.decision_reason = step.actor, step.at, step.reason
    ClaimRequest.objects.filter(pk=claim.pk).update(
        decided_by=step.actor, decided_at=step.at, decision_reason=step.reason
    )


def _claim_accepted(step: Step) -> None:
    _record_decision(step)
    make_member(step.actor, step.obj.user, step.obj.organisation)
    notices.claim_decided(step.actor, step.obj)


def _claim_refused(step: Step) -> None:
    _record_decision(step)
    notices.claim_decided(step.actor, step.obj)


def _already_decided(claim) -> str:
    return _("This request has already been decided.")


# Claims move through the workflow engine like registrations; the people told differ by
# decision (``notices``), so each step tells them itself rather than through one Notice.
CLAIM_WORKFLOW = Workflow(
    model=ClaimRequest,
    history=ClaimHistory,
    subject_field="claim",
    audit_prefix="claim",
    object_word=gettext_lazy("the request"),
    error=ClaimError,
    transitions=[
        Transition(
            ClaimStep.ACCEPT,
            (ClaimStatus.PENDING,),
            ClaimStatus.ACCEPTED,
            permissions.can_decide_claim,
            gettext_lazy("The request has been accepted."),
            after_save=_claim_accepted,
            wrong_state=_already_decided,
        ),
        Transition(
            ClaimStep.REFUSE,
            (ClaimStatus.PENDING,),
            ClaimStatus.REFUSED,
            permissions.can_decide_claim,
            gettext_lazy("The request has been refused."),
            needs_reason=True,
            reason_prompt=gettext_lazy("Say why the request is refused."),
            after_save=_claim_refused,
            wrong_state=_already_decided,
        ),
    ],
)


def accept_claim(actor, claim: ClaimRequest, reason: str = "") -> ClaimRequest:
    return CLAIM_WORKFLOW.transition(actor, claim, ClaimStep.ACCEPT, reason)


def refuse_claim(actor, claim: ClaimRequest, reason: str) -> ClaimRequest:
    return CLAIM_WORKFLOW.transition(actor, claim, ClaimStep.REFUSE, reason)

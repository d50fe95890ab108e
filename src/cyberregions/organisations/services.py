"""State changes of the atlas. Each runs in one transaction and writes an audit record."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cyberregions.core import audit, slugs
from cyberregions.core.concurrency import VERSION, claim_version
from cyberregions.core.consent import date_consent
from cyberregions.core.permissions import coordinated_region_ids, is_admin, require

from . import notices, permissions, search
from .choices import ClaimStatus
from .fields import DERIVED_FIELDS, EDITABLE_FIELDS, TAG_FIELDS
from .models import ClaimRequest, Contact, Organisation, OrganisationMembership

# The audit snapshot: what people edit, what is derived from it, and the version the save
# produced (``core.concurrency`` reads it back to say what changed since an edit began).
AUDITED_FIELDS = [*EDITABLE_FIELDS, *DERIVED_FIELDS, VERSION]


class ClaimError(Exception):
    """A claim cannot change state as asked."""


def unique_slug(name: str, exclude_pk: int | None = None) -> str:
    return slugs.unique_slug(Organisation.objects, name, "organisation", exclude_pk=exclude_pk)


def refresh_search(organisation: Organisation) -> None:
    titles = organisation.items.values_list("title", flat=True)
    organisation.search_document = search.document_for(organisation, titles)
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
def create_organisation(actor, data: dict) -> Organisation:
    region = data.get("region")
    require(permissions.can_create_organisation(actor, region.pk if region else None))
    # Only an administrator places an organisation outside every region (as the form does).
    require(region is not None or is_admin(actor))
    organisation = Organisation(slug=unique_slug(data["name"]))
    _apply(organisation, data)
    refresh_search(organisation)
    audit.record(
        actor,
        "organisation.create",
        organisation,
        after=audit.snapshot(organisation, AUDITED_FIELDS),
    )
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


def _decide(actor, claim: ClaimRequest, status: str, reason: str) -> ClaimRequest:
    require(permissions.can_decide_claim(actor, claim))
    claim = ClaimRequest.objects.select_for_update().get(pk=claim.pk)
    if claim.status != ClaimStatus.PENDING:
        raise ClaimError(_("This request has already been decided."))
    claim.status = status
    claim.decided_by = actor
    claim.decided_at = timezone.now()
    claim.decision_reason = reason
    claim.save()
    audit.record(
        actor,
        f"claim.{status}",
        claim,
        before={"status": ClaimStatus.PENDING},
        after={"status": status},
        reason=reason,
    )
    notices.claim_decided(actor, claim)
    return claim


@transaction.atomic
def accept_claim(actor, claim: ClaimRequest, reason: str = "") -> ClaimRequest:
    claim = _decide(actor, claim, ClaimStatus.ACCEPTED, reason)
    membership, _created = OrganisationMembership.objects.get_or_create(
        user=claim.user, organisation=claim.organisation
    )
    audit.record(actor, "membership.create", membership, after={"user": claim.user_id})
    return claim


@transaction.atomic
def refuse_claim(actor, claim: ClaimRequest, reason: str) -> ClaimRequest:
    if not reason.strip():
        raise ClaimError(_("Say why the request is refused."))
    return _decide(actor, claim, ClaimStatus.REFUSED, reason)

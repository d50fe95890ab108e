"""What the atlas holds about a person (``core.privacy``): the organisations they act for, the
contacts that are them (matched by their e-mail address), their claim requests."""

from __future__ import annotations

from django.apps import apps

from cyberregions.core import privacy

from .models import ClaimRequest, Contact, OrganisationMembership

CONTACT_EXPORT_FIELDS = ("name", "role", "email", "phone", "public_consent", "consent_recorded_at")


def contacts_of(user):
    """Contacts that are this person: same e-mail address, whatever its case. A person without
    an address is no contact."""
    if not user.email:
        return Contact.objects.none()
    return Contact.objects.filter(email__iexact=user.email)


def export_memberships(user) -> list[dict]:
    rows = OrganisationMembership.objects.filter(user=user).values(
        "organisation__slug", "organisation__name", "role"
    )
    return [
        {
            "organisation": row["organisation__slug"],
            "organisation_name": row["organisation__name"],
            "role": row["role"],
        }
        for row in rows
    ]


def erase_memberships(user, erasure: privacy.Erasure) -> None:
    memberships = OrganisationMembership.objects.filter(user=user)
    erasure.mark(memberships)
    erasure.count("organisation_memberships", memberships.delete()[0])


def export_contacts(user) -> list[dict]:
    rows = contacts_of(user).values("organisation__slug", *CONTACT_EXPORT_FIELDS)
    return [{"organisation": row.pop("organisation__slug"), **row} for row in rows]


def erase_contacts(user, erasure: privacy.Erasure) -> None:
    contacts = list(contacts_of(user))
    erasure.mark(contacts)
    erasure.count("contacts", Contact.objects.filter(pk__in=[c.pk for c in contacts]).delete()[0])


def export_claims(user) -> list[dict]:
    rows = ClaimRequest.objects.filter(user=user).values(
        "organisation__slug", "message", "status", "requested_at", "decided_at", "decision_reason"
    )
    return [{"organisation": row.pop("organisation__slug"), **row} for row in rows]


def erase_claims(user, erasure: privacy.Erasure) -> None:
    claims = list(ClaimRequest.objects.filter(user=user))
    erasure.mark(claims)
    deleted = ClaimRequest.objects.filter(pk__in=[c.pk for c in claims]).delete()[0]
    erasure.count("claim_requests", deleted)


def _registration_requests():
    """Organisation registration requests, where this installation has them."""
    try:
        return apps.get_model("organisations", "RegistrationRequest")
    except LookupError:
        return None


def export_registration_requests(user) -> list[dict]:
    model = _registration_requests()
    if model is None:
        return []
    return list(
        model.objects.filter(applicant=user).values(
            "name", "status", "created_at", "decision_reason", "organisation__slug"
        )
    )


def erase_registration_requests(user, erasure: privacy.Erasure) -> None:
    """The organisation an approved request created stays; the request, which is the
    person's, goes with its history."""
    model = _registration_requests()
    if model is None:
        return
    requests = list(model.objects.filter(applicant=user).only("pk"))
    erasure.mark(requests)
    deleted = model.objects.filter(pk__in=[r.pk for r in requests]).delete()[0]
    erasure.count("organisation_registration_requests", deleted)


privacy.register_personal_data(
    "organisation_registration_requests",
    exporter=export_registration_requests,
    eraser=erase_registration_requests,
    covers=["organisations.registrationrequest.applicant"],
)
privacy.declare_not_personal(
    "organisations.registrationhistory.actor",
    "a step of a registration's decision, taken in a role",
)
privacy.register_personal_data(
    "organisation_memberships",
    exporter=export_memberships,
    eraser=erase_memberships,
    covers=["organisations.organisationmembership.user"],
)
privacy.register_personal_data("contacts", exporter=export_contacts, eraser=erase_contacts)
privacy.register_personal_data(
    "claim_requests",
    exporter=export_claims,
    eraser=erase_claims,
    covers=["organisations.claimrequest.user"],
)
privacy.declare_not_personal(
    "organisations.claimrequest.decided_by",
    "a coordinator's decision, taken in their role: the claim's record, and the audit entry",
)
privacy.declare_not_personal(
    "organisations.claimhistory.actor", "a step of a claim's decision, taken in a role"
)
privacy.declare_personal_audit_keys("organisations.contact", ["name", "role", "email", "phone"])
privacy.declare_personal_audit_keys("organisations.claimrequest", ["message"])

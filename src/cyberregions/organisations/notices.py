"""What the claim services tell people, through ``core.notifications``.

Called inside the service's transaction: nothing is told about a change rolled back. Titles
are lambdas, evaluated by ``notify`` in each recipient's language.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _

from cyberregions.core.notifications import notify

from .models import ClaimRequest


def claim_deciders(claim: ClaimRequest):
    """Who decides a claim (``permissions.can_decide_claim``): the coordinators of the
    organisation's region, or the administrators when it has no region. Programme staff are
    left out: they can neither see nor decide a claim."""
    people = get_user_model().objects.filter(is_active=True)
    region_id = claim.organisation.region_id
    if region_id:
        return people.filter(region_memberships__region_id=region_id).distinct()
    return people.filter(is_superuser=True)


def claim_requested(actor, claim: ClaimRequest) -> None:
    organisation = claim.organisation
    notify(
        claim_deciders(claim),
        kind="organisations.claim.requested",
        subject=lambda: (
            _("[cyberregions] %(user)s asks to act for %(organisation)s")
            % {"user": claim.user, "organisation": organisation.name}
        ),
        template="organisations/email/claim_requested.txt",
        context={"claim": claim, "organisation": organisation},
        url=reverse("organisations:claim_decide", args=[claim.pk]),
        actor=actor,
    )


def claim_decided(actor, claim: ClaimRequest) -> None:
    organisation = claim.organisation
    notify(
        [claim.user],
        kind=f"organisations.claim.{claim.status}",
        subject=lambda: (
            _("[cyberregions] Your request to act for %(organisation)s: %(status)s")
            % {"organisation": organisation.name, "status": claim.get_status_display()}
        ),
        template="organisations/email/claim_decided.txt",
        context={"claim": claim, "organisation": organisation},
        url=organisation.get_absolute_url(),
        actor=actor,
    )

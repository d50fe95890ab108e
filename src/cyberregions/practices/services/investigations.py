"""Study visits and peer reviews: records linked to practices, with a follow-up to-do list."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cyberregions.core import audit
from cyberregions.core.notifications import notify
from cyberregions.core.permissions import is_authenticated, require
from cyberregions.geo.models import RegionMembership

from .. import permissions
from ..choices import PEER_REVIEW_MIN_COUNTRIES, InvestigationKind
from ..models import FollowUp, Investigation
from .practices import WorkflowError

AUDITED_FIELDS = [
    "kind",
    "title",
    "host_region",
    "peer_regions",
    "practices",
    "start_date",
    "end_date",
    "participants",
    "agenda",
    "findings",
    "recommendations",
]
TAG_FIELDS = ("peer_regions", "practices")


class InvestigationError(WorkflowError):
    """An investigation breaks a rule of the cooperation (peers, dates…)."""


def check_peers(kind: str, host_region, peer_regions) -> None:
    """Peers come from other regions; a peer review brings them from at least two countries
    other than the host's."""
    peers = list(peer_regions)
    if not peers:
        raise InvestigationError(_("Name the regions the peers come from."))
    if any(region.pk == host_region.pk for region in peers):
        raise InvestigationError(_("The host region cannot be its own peer."))
    if kind == InvestigationKind.PEER_REVIEW:
        countries = {region.country_id for region in peers} - {host_region.country_id}
        if len(countries) < PEER_REVIEW_MIN_COUNTRIES:
            raise InvestigationError(
                _("A peer review needs peers from at least %(count)d other countries.")
                % {"count": PEER_REVIEW_MIN_COUNTRIES}
            )


def _apply(investigation: Investigation, data: dict) -> None:
    for field, value in data.items():
        if field not in TAG_FIELDS:
            setattr(investigation, field, value)
    investigation.full_clean(exclude=list(TAG_FIELDS))
    investigation.save()
    for field in TAG_FIELDS:
        if field in data:
            getattr(investigation, field).set(data[field])


@transaction.atomic
def create_investigation(actor, data: dict) -> Investigation:
    host = data["host_region"]
    require(permissions.can_create_investigation(actor, host.pk))
    check_peers(data["kind"], host, data.get("peer_regions", []))
    investigation = Investigation(created_by=actor if is_authenticated(actor) else None)
    _apply(investigation, data)
    audit.record(
        actor,
        "investigation.create",
        investigation,
        after=audit.snapshot(investigation, AUDITED_FIELDS),
    )
    return investigation


@transaction.atomic
def update_investigation(actor, investigation: Investigation, data: dict) -> Investigation:
    require(permissions.can_change_investigation(actor, investigation))
    host = data.get("host_region", investigation.host_region)
    if host.pk != investigation.host_region_id:
        require(permissions.can_create_investigation(actor, host.pk))
    check_peers(
        data.get("kind", investigation.kind),
        host,
        data["peer_regions"] if "peer_regions" in data else investigation.peer_regions.all(),
    )
    before = audit.snapshot(investigation, AUDITED_FIELDS)
    _apply(investigation, data)
    audit.record(
        actor,
        "investigation.update",
        investigation,
        before=before,
        after=audit.snapshot(investigation, AUDITED_FIELDS),
    )
    return investigation


def follow_up_owners(investigation: Investigation):
    """Who may own a follow-up item: the coordinators of the host and peer regions, and
    programme staff."""
    User = get_user_model()
    region_ids = [investigation.host_region_id]
    if investigation.pk:
        region_ids += list(investigation.peer_regions.values_list("pk", flat=True))
    coordinators = RegionMembership.objects.filter(region_id__in=region_ids).values("user_id")
    return User.objects.filter(is_active=True).filter(pk__in=coordinators) | User.objects.filter(
        is_active=True, is_programme_staff=True
    )


@transaction.atomic
def add_follow_up(actor, investigation: Investigation, task: str, owner=None, due_date=None):
    require(permissions.can_change_investigation(actor, investigation))
    task = (task or "").strip()
    if not task:
        raise InvestigationError(_("Say what is to be done."))
    if owner is not None and not follow_up_owners(investigation).filter(pk=owner.pk).exists():
        raise InvestigationError(_("The owner must take part in the investigation."))
    item = FollowUp.objects.create(
        investigation=investigation, task=task[:300], owner=owner, due_date=due_date
    )
    audit.record(
        actor,
        "investigation.follow_up.add",
        item,
        after={"task": item.task, "owner": owner.pk if owner else None, "due": str(due_date or "")},
    )
    if owner is not None:
        notify(
            [owner],
            kind="investigation.follow_up",
            subject=lambda: (
                _("[cyberregions] Follow-up for you: %(task)s") % {"task": item.task[:80]}
            ),
            template="practices/email/follow_up.txt",
            context={"item": item, "investigation": investigation, "actor": actor},
            url=investigation.get_absolute_url(),
            actor=actor,
        )
    return item


@transaction.atomic
def complete_follow_up(actor, item: FollowUp, done: bool = True) -> FollowUp:
    require(permissions.can_update_follow_up(actor, item))
    before = {"done": item.is_done}
    item.done_at = timezone.now() if done else None
    item.save(update_fields=["done_at"])
    audit.record(actor, "investigation.follow_up.done", item, before=before, after={"done": done})
    return item

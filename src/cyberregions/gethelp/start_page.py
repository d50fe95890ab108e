"""Get help's section of the start page (``home.sections``): the offers waiting for the
user's organisations, and for a coordinator the requests escalated to the region and the
labels waiting for verification. Counts and links, through this app's querysets."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cyberregions.core.permissions import (
    coordinated_region_ids,
    is_authenticated,
    member_organisation_ids,
)
from cyberregions.home.sections import Item, Section, register

from .choices import LabelStatus, OfferStatus, RequestStatus
from .models import HelpOffer, HelpRequest, OrganisationLabel


@register(position=55)
def help_section(user) -> Section | None:
    if not is_authenticated(user):
        return None
    organisations, regions = member_organisation_ids(user), coordinated_region_ids(user)
    if not organisations and not regions:
        return None
    inbox = reverse("gethelp:inbox")
    items = []
    if organisations:
        waiting = HelpOffer.objects.inbox_of(user).filter(status=OfferStatus.PENDING).count()
        items.append(
            Item(
                _("Help requests waiting for your answer"),
                inbox,
                waiting,
                "warning" if waiting else "",
            )
        )
    if regions:
        counts = HelpRequest.objects.filter(region_id__in=regions).aggregate(
            escalated=Count("pk", filter=Q(status=RequestStatus.ESCALATED))
        )
        labels = OrganisationLabel.objects.filter(
            organisation__region_id__in=regions, status=LabelStatus.SUBMITTED
        ).count()
        items.append(
            Item(
                _("Help requests escalated to your region"),
                inbox,
                counts["escalated"],
                "warning" if counts["escalated"] else "",
            )
        )
        items.append(Item(_("Labels waiting for your verification"), "", labels))
    return Section(key="gethelp", title=_("Get help"), items=items, position=55)

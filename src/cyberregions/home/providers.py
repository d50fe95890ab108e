"""The start page's built-in sections: programme staff's review queues, a coordinator's
region, a member's organisation, one's events and meetings, unread notifications.

Each is a provider registered in ``sections``; the apps built later add theirs the same way.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cyberregions.core import notifications
from cyberregions.core.permissions import (
    coordinated_region_ids,
    is_admin,
    is_authenticated,
    is_programme_staff,
    member_organisation_ids,
)
from cyberregions.geo.models import Region
from cyberregions.practices.choices import AWAITING_STAFF

from . import queues
from .sections import Item, Section, register

# What each missing part of a profile is called on the start page.
MISSING_LABELS = {
    "description": gettext_lazy("a description"),
    "website": gettext_lazy("the website"),
    "city": gettext_lazy("the city"),
    "founded": gettext_lazy("the year founded"),
    "employees": gettext_lazy("the number of employees"),
    "products_services": gettext_lazy("products and services"),
    "domains": gettext_lazy("cybersecurity domains"),
    "offers_or_needs": gettext_lazy("an offer or a need"),
    "contacts": gettext_lazy("a contact person"),
}


def _query(url_name: str, **params) -> str:
    url = reverse(url_name)
    pairs = [(key, value) for key, values in params.items() for value in values]
    return f"{url}?{urlencode(pairs)}" if pairs else url


def _event_item(event, detail: str = "") -> Item:
    when = date_format(localtime(event.starts_at, event.tz), "DATE_FORMAT")
    return Item(
        label=event.title,
        url=event.get_absolute_url(),
        detail=f"{when} · {detail}" if detail else when,
    )


@register(position=10)
def review_queues(user) -> Section | None:
    """Programme staff and administrators: what waits for their decision."""
    if not is_programme_staff(user):
        return None
    counts = queues.review_counts(user)
    items = [
        Item(
            _("Good practices to validate"),
            _query("practices:list", status=[str(s) for s in AWAITING_STAFF]),
            counts["practices"],
        ),
        Item(
            _("Action plans to validate"),
            _query("plans:list", status=["submitted"]),
            counts["plans"],
        ),
        Item(_("Monitoring reports to decide"), reverse("plans:overview"), counts["reports"]),
        Item(
            _("Organisation registrations to decide"),
            reverse("organisations:registrations"),
            counts["registrations"],
        ),
    ]
    if is_admin(user):
        items.append(
            Item(
                _("Claims of organisations to decide"),
                reverse("organisations:claims"),
                queues.decidable_claims(user).count(),
            )
        )
    lines = queues.report_periods(queues.ActionPlan.objects.visible_to(user))
    late = sum(len(line["late"]) for line in lines.values())
    items.append(
        Item(
            _("Late monitoring reports"),
            reverse("plans:overview"),
            late,
            tone="warning" if late else "",
        )
    )
    for item in items:
        if item.count:
            item.tone = item.tone or "warning"
    return Section(key="home.review", title=gettext_lazy("Review queues"), items=items)


@register(position=20)
def events_to_run(user) -> Section | None:
    """Organisers (coordinators, the events' creators, administrators): the next events."""
    if not is_authenticated(user):
        return None
    events, more = queues.events_to_run(user)
    if not events and not (is_programme_staff(user) or coordinated_region_ids(user)):
        return None
    items = [_event_item(event, event.host_region.name) for event in events]
    if more:
        items.append(Item(_("More upcoming events"), reverse("events:list")))
    return Section(
        key="home.events_to_run",
        title=gettext_lazy("Events to run"),
        items=items,
        empty=gettext_lazy("You organise no upcoming event. Create one from the events page."),
    )


@register(position=30)
def coordinated_regions(user) -> Section | None:
    """Coordinators: the key figures of each region they coordinate, and what waits."""
    figures = queues.region_figures(user)
    if not figures:
        return None
    regions = {region.pk: region for region in Region.objects.filter(pk__in=figures)}
    items = []
    for region_id in sorted(figures, key=lambda pk: regions[pk].name):
        region, row = regions[region_id], figures[region_id]
        name = region.name
        items += [
            Item(
                _("%(region)s: organisations in the atlas") % {"region": name},
                _query("organisations:list", region=[region.code]),
                row["organisations"],
            ),
            Item(
                _("%(region)s: published good practices") % {"region": name},
                _query("practices:list", region=[region.code]),
                row["practices_published"],
                detail=_("%(count)s in preparation or review")
                % {"count": row["practices_in_progress"]},
            ),
            Item(
                _("%(region)s: claims of organisations to decide") % {"region": name},
                reverse("organisations:claims"),
                row["claims"],
                tone="warning" if row["claims"] else "",
            ),
            Item(
                _("%(region)s: organisation registrations to decide") % {"region": name},
                reverse("organisations:registrations"),
                row["registrations"],
                tone="warning" if row["registrations"] else "",
            ),
            Item(
                _("%(region)s: monitoring reports due") % {"region": name},
                _query("plans:list", region=[region.code]),
                row["reports_due"],
                tone="warning" if row["reports_due"] else "",
                detail=_("%(count)s late") % {"count": row["reports_late"]}
                if row["reports_late"]
                else "",
            ),
            Item(
                _("%(region)s: upcoming events hosted") % {"region": name},
                _query("events:list", region=[region.code]),
                row["events"],
            ),
        ]
        if row["surveys"]:
            for survey in row["surveys"]:
                items.append(
                    Item(
                        _("Survey “%(title)s”: answers received") % {"title": survey.title},
                        reverse("analysis:survey_detail", args=[survey.pk]),
                        survey.response_count,
                        detail=_("of %(count)s invitations") % {"count": survey.invitation_count},
                    )
                )
        else:
            items.append(
                Item(
                    _("%(region)s: no needs survey is open") % {"region": name},
                    reverse("analysis:survey_list", args=[region.code]),
                )
            )
    return Section(key="home.region", title=gettext_lazy("Your region"), items=items)


@register(position=40)
def my_organisations(user) -> Section | None:
    """Members: how complete their organisation's profile is, and what to add."""
    if not member_organisation_ids(user):
        return None
    items = []
    for organisation, done in queues.organisation_profiles(user):
        missing = ", ".join(str(MISSING_LABELS[key]) for key in done.missing)
        items.append(
            Item(
                _("%(name)s: profile %(percent)s%% complete")
                % {"name": organisation.name, "percent": done.percent},
                reverse("organisations:edit", args=[organisation.slug])
                if done.missing
                else organisation.get_absolute_url(),
                tone="warning" if done.missing else "",
                detail=_("Still missing: %(parts)s") % {"parts": missing} if missing else "",
            )
        )
    return Section(key="home.organisation", title=gettext_lazy("Your organisation"), items=items)


@register(position=50)
def my_events(user) -> Section | None:
    """Anyone signed in: the events they are registered for, their meetings, the meeting
    requests waiting for their answer."""
    if not is_authenticated(user):
        return None
    registrations = queues.my_registrations(user)
    ids = {registration.pk for registration in registrations}
    meetings = queues.meetings_by_registration(ids) if ids else {}
    received = queues.requests_received(ids) if ids else {}
    items = []
    for registration in registrations:
        event = registration.event
        items.append(_event_item(event, registration.get_status_display()))
        if event.is_brokerage:
            waiting = received.get(registration.pk, 0)
            items.append(
                Item(
                    _("Meeting requests waiting for your answer"),
                    reverse("events:b2b", args=[event.slug]),
                    waiting,
                    tone="warning" if waiting else "",
                )
            )
            items.append(
                Item(
                    _("Your meetings"),
                    reverse("events:agenda", args=[event.slug, registration.pk]),
                    meetings.get(registration.pk, 0),
                )
            )
    return Section(
        key="home.my_events",
        title=gettext_lazy("Your events and meetings"),
        items=items,
        empty=gettext_lazy(
            "You are not registered for any upcoming event. The events page lists them."
        ),
    )


@register(position=90)
def unread_notifications(user) -> Section | None:
    if not is_authenticated(user):
        return None
    unread = notifications.unread_count(user)
    return Section(
        key="home.notifications",
        title=gettext_lazy("Notifications"),
        items=[
            Item(
                _("Unread notifications"),
                reverse("core:notifications"),
                unread,
                tone="warning" if unread else "",
            )
        ],
    )

"""The barrier lens: what addresses one of the three barriers, everywhere or in one region.

Reads through each app's own querysets (``visible_to``), so that a visitor sees published
practices, public plans and published events only, and survey scores only where
``analysis.permissions.can_read_survey_results`` allows them. A fixed number of queries,
whatever the size of the data. The indicators over time are the pure functions of
``indicators``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Avg, Count
from django.db.models.functions import ExtractYear

from cyberregions.analysis.models import BarrierAnswer, SwotItem
from cyberregions.events.choices import EventStatus, RegistrationStatus
from cyberregions.events.models import Event, Meeting, Registration
from cyberregions.geo.models import Region
from cyberregions.plans.choices import PUBLIC_PLAN_STATUSES
from cyberregions.plans.models import Action, ActionCitation, ActionPlan
from cyberregions.practices.models import Practice
from cyberregions.taxonomy.models import Barrier

from . import indicators, permissions

# The indicators over time of each barrier (codes of ``taxonomy.reference.BARRIERS``).
COORDINATION = "coordination"
FRAGMENTATION = "fragmentation"
SKILLS = "skills"
LIST_LENGTH = 10


@dataclass
class RegionLine:
    """What addresses the barrier in one region."""

    region: Region
    practices: int = 0
    actions: int = 0
    events: int = 0
    swot_items: int = 0
    survey_answers: int | None = None
    survey_mean: float | None = None

    @property
    def total(self) -> int:
        return self.practices + self.actions + self.events + self.swot_items


@dataclass
class Lens:
    barrier: Barrier
    region: Region | None
    practices: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    events: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    lines: list[RegionLine] = field(default_factory=list)
    indicators: dict[str, list[indicators.YearFigure]] = field(default_factory=dict)
    survey_hidden_regions: int = 0


def territories() -> tuple[dict[int, Region], dict[int, int]]:
    """Every region, and for each the partner territory it lies in (itself when it lies in
    none), so that an organisation of a NUTS 3 region counts for its partner territory.
    One query."""
    regions = {region.pk: region for region in Region.objects.select_related("country")}
    territory_of = {}
    for pk, region in regions.items():
        current = region
        while current is not None and not current.is_partner_territory:
            current = regions.get(current.parent_id)
        territory_of[pk] = current.pk if current is not None else pk
    return regions, territory_of


def barrier_lens(user, barrier: Barrier, region: Region | None = None) -> Lens:
    regions, territory_of = territories()

    def home(region_id):
        return territory_of.get(region_id, region_id) if region_id is not None else None

    wanted = region.pk if region is not None else None
    lens = Lens(barrier=barrier, region=region)
    lines: dict[int, RegionLine] = {}

    def line(region_id) -> RegionLine | None:
        territory = home(region_id)
        if territory is None or (wanted is not None and territory != wanted):
            return None
        if territory not in lines:
            lines[territory] = RegionLine(region=regions[territory])
        return lines[territory]

    # Good practices tagged with the barrier.
    practices = Practice.objects.visible_to(user).filter(barriers=barrier)
    for region_id, n in practices.values_list("region_id").annotate(n=Count("id")).order_by():
        if (entry := line(region_id)) is not None:
            entry.practices += n
    # Plan actions inspired by a practice tagged with the barrier.
    plans = ActionPlan.objects.visible_to(user)
    actions = Action.objects.filter(plan__in=plans, practices__barriers=barrier).distinct()
    for region_id, n in (
        Action.objects.filter(pk__in=actions.values("pk"))
        .values_list("plan__region_id")
        .annotate(n=Count("id"))
        .order_by()
    ):
        if (entry := line(region_id)) is not None:
            entry.actions += n
    # Events tagged with the barrier (cancelled ones left out).
    events = (
        Event.objects.visible_to(user)
        .filter(barriers=barrier)
        .exclude(status=EventStatus.CANCELLED)
    )
    for region_id, n in events.values_list("host_region_id").annotate(n=Count("id")).order_by():
        if (entry := line(region_id)) is not None:
            entry.events += n
    # SWOT items about the barrier.
    for region_id, n in (
        SwotItem.objects.visible_to(user)
        .filter(barrier=barrier)
        .values_list("region_id")
        .annotate(n=Count("id"))
        .order_by()
    ):
        if (entry := line(region_id)) is not None:
            entry.swot_items += n
    # Needs-survey answers on the barrier: aggregated, where the reader may see them.
    for region_id, answers, mean in (
        BarrierAnswer.objects.filter(barrier=barrier)
        .values_list("response__survey__region_id")
        .annotate(n=Count("id"), mean=Avg("importance"))
        .order_by()
    ):
        if wanted is not None and home(region_id) != wanted:
            continue
        if not permissions.can_read_survey_scores(user, region_id, answers):
            lens.survey_hidden_regions += 1
            continue
        if (entry := line(region_id)) is not None:
            previous = entry.survey_answers or 0
            total = previous + answers
            entry.survey_mean = ((entry.survey_mean or 0) * previous + mean * answers) / total
            entry.survey_answers = total
    lens.lines = sorted(lines.values(), key=lambda entry: (-entry.total, entry.region.name))

    # The latest items, in the region when one is chosen.
    if region is not None:
        inside = [pk for pk, territory in territory_of.items() if territory == region.pk]
        practices = practices.filter(region_id__in=inside)
        actions = actions.filter(plan__region_id__in=inside)
        events = events.filter(host_region_id__in=inside)
    lens.practices = list(
        practices.select_related("region").order_by("-published_at", "-id")[:LIST_LENGTH]
    )
    lens.actions = list(
        Action.objects.filter(pk__in=actions.values("pk"))
        .select_related("plan", "plan__region")
        .order_by("-plan__endorsed_on", "plan_id", "position")[:LIST_LENGTH]
    )
    lens.events = list(events.select_related("host_region").order_by("-starts_at")[:LIST_LENGTH])
    lens.counts = {
        "practices": sum(entry.practices for entry in lines.values()),
        "actions": sum(entry.actions for entry in lines.values()),
        "events": sum(entry.events for entry in lines.values()),
        "swot_items": sum(entry.swot_items for entry in lines.values()),
    }
    lens.indicators = barrier_indicators(barrier.code, territory_of, wanted)
    return lens


def barrier_indicators(
    code: str, territory_of: dict[int, int], region_id: int | None
) -> dict[str, list[indicators.YearFigure]]:
    """The indicators over time of one barrier, over public records only (endorsed plans,
    published events, published meetings): counts, never names."""

    def home(region_id_):
        return territory_of.get(region_id_, region_id_) if region_id_ is not None else None

    if code == COORDINATION:
        citations = ActionCitation.objects.filter(
            action__plan__status__in=PUBLIC_PLAN_STATUSES
        ).values_list(
            ExtractYear("action__plan__endorsed_on"),
            "action__plan__region_id",
            "practice__region_id",
        )
        links = indicators.cross_region_links(
            ((year, home(a), home(b)) for year, a, b in citations), region_id
        )
        published = Event.objects.filter(status=EventStatus.PUBLISHED)
        rows = []
        seen = set()
        for event_id, year, host, region, country in Registration.objects.filter(
            event__in=published, status=RegistrationStatus.CONFIRMED
        ).values_list(
            "event_id",
            ExtractYear("event__starts_at"),
            "event__host_region_id",
            "organisation__region_id",
            "organisation__country_id",
        ):
            seen.add(event_id)
            rows.append((event_id, year, home(host), home(region), country))
        for event_id, year, host in published.values_list(
            "id", ExtractYear("starts_at"), "host_region_id"
        ):
            if event_id not in seen:
                rows.append((event_id, year, home(host), None, None))
        return {
            "cross_region_links": links,
            "joint_events": indicators.joint_events(rows, region_id),
        }
    if code == FRAGMENTATION:
        meetings = Meeting.objects.filter(
            published=True, slot__event__status=EventStatus.PUBLISHED
        ).values_list(
            ExtractYear("slot__starts_at"),
            "request__requester__organisation__region_id",
            "request__requester__organisation__country_id",
            "request__recipient__organisation__region_id",
            "request__recipient__organisation__country_id",
        )
        return {
            "cross_border_meetings": indicators.cross_border_meetings(
                ((year, home(ra), ca, home(rb), cb) for year, ra, ca, rb, cb in meetings),
                region_id,
            )
        }
    return {}


def summary(user) -> list[dict]:
    """Each barrier with how many visible practices and events address it (the index page
    and the API list). Three queries."""
    barriers = list(Barrier.objects.all())
    practices = dict(
        Practice.objects.visible_to(user)
        .filter(barriers__isnull=False)
        .values_list("barriers")
        .annotate(n=Count("id"))
        .order_by()
    )
    events = dict(
        Event.objects.visible_to(user)
        .exclude(status=EventStatus.CANCELLED)
        .filter(barriers__isnull=False)
        .values_list("barriers")
        .annotate(n=Count("id"))
        .order_by()
    )
    return [
        {
            "barrier": barrier,
            "practices": practices.get(barrier.pk, 0),
            "events": events.get(barrier.pk, 0),
        }
        for barrier in barriers
    ]

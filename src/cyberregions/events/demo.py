"""Demo events built on the demo atlas: two past events with attendance and feedback, three
upcoming ones (a peer review with a waiting list, an online seminar, and a B2B brokerage event
with about sixty participants, their profiles, requests, availability and a computed, published
meeting schedule).

Deterministic for a given seed. The schedule is computed by the same service the organisers
use, so the demo shows the real scheduler's result and its bound.
"""

from __future__ import annotations

import datetime
import random
import zoneinfo
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from cyberregions.geo.models import Region
from cyberregions.organisations.models import OfferOrNeed, Organisation, OrganisationMembership
from cyberregions.taxonomy.models import Barrier

from . import services
from .choices import CooperationKind, EventStatus, EventType, MeetingRequestStatus, Priority
from .models import (
    AgendaSession,
    CooperationItem,
    CooperationProfile,
    Event,
    FeedbackResponse,
    MeetingRequest,
    Registration,
    Unavailability,
)

DEMO_PREFIX = "demo-"
PARTICIPANT_USER = "demo-participant-{:03d}"
ORGANISER_USERNAMES = ("brittany", "admin")
TECHNICAL_DOMAINS = {"CRY", "NDS", "SHE", "IDM", "DSP", "IHF", "SSW", "THF", "MEA"}
COMMENTS = [
    "Very useful exchanges with the other regions; more time for questions next time.",
    "The site visits were the highlight. Please share the slides.",
    "Good mix of companies and public bodies.",
    "Well organised. The afternoon session ran late.",
    "I met two possible partners for a Digital Europe call.",
]

Progress = Callable[[str], None]


def _at(day: datetime.date, hour: int, minute: int, zone: str) -> datetime.datetime:
    return datetime.datetime(
        day.year, day.month, day.day, hour, minute, tzinfo=zoneinfo.ZoneInfo(zone)
    )


def _organiser():
    User = get_user_model()
    for username in ORGANISER_USERNAMES:
        user = User.objects.filter(username=username).first()
        if user is not None:
            return user
    return User.objects.create_user("demo-organiser", is_superuser=True)


def _participant_users(count: int) -> list:
    User = get_user_model()
    names = [PARTICIPANT_USER.format(n) for n in range(1, count + 1)]
    existing = {user.username: user for user in User.objects.filter(username__in=names)}
    missing = [User(username=name) for name in names if name not in existing]
    for user in missing:
        user.set_unusable_password()
    User.objects.bulk_create(missing)
    existing.update({user.username: user for user in User.objects.filter(username__in=names)})
    return [existing[name] for name in names]


def _pick_participants(rng: random.Random, count: int) -> list[Organisation]:
    """Organisations of the partner territories first (interregional by design), then others
    with offers or needs; companies and research centres, the usual brokerage crowd."""
    candidates = list(
        Organisation.objects.filter(actor_type__in=["sme", "large", "rto", "university"])
        .annotate(n_items=Count("items"))
        .filter(n_items__gt=0)
        .select_related("region")
        .order_by("pk")
    )
    partner = [o for o in candidates if o.region_id and o.region.is_partner_territory]
    others = [o for o in candidates if not (o.region_id and o.region.is_partner_territory)]
    rng.shuffle(partner)
    rng.shuffle(others)
    share = int(count * 0.8)
    return (partner[:share] + others + partner[share:])[:count]


def _make_event(organiser, slug: str, **fields) -> Event:
    barriers = fields.pop("barriers", [])
    event = Event.objects.create(slug=DEMO_PREFIX + slug, created_by=organiser, **fields)
    event.barriers.set(Barrier.objects.filter(code__in=barriers))
    return event


def _sessions(event: Event, rows) -> None:
    AgendaSession.objects.bulk_create(
        [
            AgendaSession(
                event=event,
                title=title,
                starts_at=start,
                ends_at=end,
                location=location,
                speakers=speakers,
            )
            for title, start, end, location, speakers in rows
        ]
    )


def _register(event: Event, users, organisations, rng, attended_share=None) -> list:
    """Registrations dated 8 to 40 days before the event, and never after today (an upcoming
    event's people registered in the past); seats go first come, first served, like
    ``services.register``: the earliest are confirmed, the rest wait in their order."""
    latest = min(event.starts_at, timezone.now())
    pairs = sorted(
        (
            (latest - datetime.timedelta(days=rng.randint(8, 40), minutes=index), user, org)
            for index, (user, org) in enumerate(zip(users, organisations, strict=False))
        ),
        key=lambda pair: pair[0],
    )
    registrations = []
    for taken, (registered, user, organisation) in enumerate(pairs):
        confirmed = event.capacity is None or taken < event.capacity
        registrations.append(
            Registration(
                event=event,
                user=user,
                organisation=organisation,
                status="confirmed" if confirmed else "waitlisted",
                registered_at=registered,
                confirmed_at=registered if confirmed else None,
                attended=(rng.random() < attended_share)
                if attended_share is not None and confirmed
                else None,
            )
        )
    return Registration.objects.bulk_create(registrations)


def _feedback(registrations, rng) -> int:
    responses = []
    for registration in registrations:
        if not registration.attended or rng.random() > 0.6:
            continue
        overall = rng.choices([3, 4, 5], weights=[2, 5, 3])[0]
        responses.append(
            FeedbackResponse(
                registration=registration,
                overall=overall,
                content=max(1, min(5, overall + rng.choice([-1, 0, 0, 1]))),
                organisation_rating=rng.choice([3, 4, 4, 5]),
                new_contacts=rng.randint(0, 6),
                would_return=overall >= 4 or rng.random() < 0.5,
                comments=rng.choice(COMMENTS) if rng.random() < 0.35 else "",
            )
        )
    FeedbackResponse.objects.bulk_create(responses)
    return len(responses)


def _profiles(registrations, rng) -> dict[int, list[tuple[str, set[str]]]]:
    """A cooperation profile per participant from its organisation's offers and needs.
    Returns, per registration, the (kind, domain codes) of its items."""
    by_org = {r.organisation_id: r for r in registrations}
    profiles = CooperationProfile.objects.bulk_create(
        [
            CooperationProfile(
                registration=r,
                headline=(r.organisation.product_lines or [r.organisation.name])[0][:200],
                description=r.organisation.description,
            )
            for r in registrations
        ]
    )
    profile_of = {p.registration_id: p for p in profiles}
    sources = (
        OfferOrNeed.objects.filter(organisation_id__in=by_org)
        .prefetch_related("domains", "sectors", "technologies")
        .order_by("pk")
    )
    items, tags, summary = [], [], {r.pk: [] for r in registrations}
    for source in sources:
        registration = by_org[source.organisation_id]
        domains = {d.code for d in source.domains.all()}
        technical = bool(domains & TECHNICAL_DOMAINS or source.technologies.all())
        if source.kind == "offer":
            kind = CooperationKind.TECHNOLOGY_OFFER if technical else CooperationKind.BUSINESS_OFFER
        else:
            kind = (
                CooperationKind.TECHNOLOGY_REQUEST
                if technical
                else CooperationKind.BUSINESS_REQUEST
            )
        item = CooperationItem(
            profile=profile_of[registration.pk],
            kind=kind,
            title=source.title,
            description=source.description,
        )
        items.append(item)
        tags.append(source)
        summary[registration.pk].append((kind, domains))
    for registration in registrations:
        if registration.organisation.actor_type in ("rto", "university"):
            domains = set(registration.organisation.domains.values_list("code", flat=True)[:2])
            item = CooperationItem(
                profile=profile_of[registration.pk],
                kind=CooperationKind.RND_PARTNER,
                title="Partners for a joint research proposal",
                description=(
                    f"{registration.organisation.name} looks for companies and research "
                    "centres of other regions for a Horizon Europe or Digital Europe proposal."
                ),
            )
            items.append(item)
            tags.append(None)
            summary[registration.pk].append((item.kind, domains))
    CooperationItem.objects.bulk_create(items)
    through = {
        "domains": CooperationItem.domains.through,
        "sectors": CooperationItem.sectors.through,
        "technologies": CooperationItem.technologies.through,
    }
    rows = {name: [] for name in through}
    for item, source in zip(items, tags, strict=True):
        if source is None:
            continue
        for name, column in (
            ("domains", "domain"),
            ("sectors", "sector"),
            ("technologies", "technology"),
        ):
            for term in getattr(source, name).all():
                rows[name].append(
                    through[name](cooperationitem_id=item.pk, **{f"{column}_id": term.pk})
                )
    for name, model in through.items():
        model.objects.bulk_create(rows[name])
    return summary


def _requests(event, registrations, summary, rng) -> int:
    """Each participant asks to meet those whose offers meet its requests (by domain), with a
    preference for other regions and some noise, as people do."""
    offers = {
        r.pk: set().union(
            *[d for kind, d in summary[r.pk] if "offer" in kind or kind == "rnd_partner"]
        )
        for r in registrations
    }
    wants = {
        r.pk: set().union(
            *[d for kind, d in summary[r.pk] if "request" in kind or kind == "rnd_partner"]
        )
        for r in registrations
    }
    made: dict[frozenset, MeetingRequest] = {}
    requests = []
    for registration in registrations:
        scored = []
        for other in registrations:
            if other.pk == registration.pk:
                continue
            fit = len(wants[registration.pk] & offers[other.pk]) + 0.5 * len(
                offers[registration.pk] & wants[other.pk]
            )
            if registration.organisation.region_id != other.organisation.region_id:
                fit += 0.5
            scored.append((fit + rng.random() * 1.5, other))
        scored.sort(key=lambda pair: -pair[0])
        for _fit, other in scored[: rng.randint(4, 9)]:
            pair = frozenset((registration.pk, other.pk))
            if pair in made:
                made[pair].mutual = True
                continue
            status = rng.choices(
                [
                    MeetingRequestStatus.ACCEPTED,
                    MeetingRequestStatus.DECLINED,
                    MeetingRequestStatus.PENDING,
                ],
                weights=[80, 10, 10],
            )[0]
            request = MeetingRequest(
                event=event,
                requester=registration,
                recipient=other,
                message="We would like to discuss a cooperation on your offer.",
                status=status,
                priority=Priority.HIGH if rng.random() < 0.05 else Priority.NORMAL,
                answered_at=None if status == MeetingRequestStatus.PENDING else timezone.now(),
            )
            made[pair] = request
            requests.append(request)
    for request in requests:
        if request.mutual and request.status != MeetingRequestStatus.ACCEPTED:
            request.status = MeetingRequestStatus.ACCEPTED
            request.answered_at = timezone.now()
    MeetingRequest.objects.bulk_create(requests)
    return len(requests)


def _availability(registrations, slots, rng) -> int:
    rows = []
    for registration in registrations:
        roll = rng.random()
        if roll < 0.1:
            blocked = slots[len(slots) // 2 :]  # leaves after lunch
        elif roll < 0.4:
            start = rng.randrange(len(slots))
            blocked = slots[start : start + rng.randint(2, 5)]
        else:
            blocked = []
        rows += [Unavailability(registration=registration, slot=slot) for slot in blocked]
    Unavailability.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def load_demo_events(seed: int = 2026, participants: int = 60, progress: Progress | None = None):
    say = progress or (lambda message: None)
    rng = random.Random(seed)
    Event.objects.filter(slug__startswith=DEMO_PREFIX).delete()
    organiser = _organiser()
    organisations = _pick_participants(rng, participants)
    if len(organisations) < 10:
        raise services.EventError(
            "The atlas holds too few organisations with offers or needs: run `cyberregions demo`."
        )
    member = get_user_model().objects.filter(username="member").first()
    member_org = (
        OrganisationMembership.objects.filter(user=member).select_related("organisation").first()
        if member
        else None
    )
    users = _participant_users(len(organisations))
    if member_org and member_org.organisation not in organisations:
        organisations[0] = member_org.organisation
    if member_org:
        users[organisations.index(member_org.organisation)] = member

    def window(start: int, size: int) -> tuple[list, list]:
        """``size`` participants from ``start`` on, wrapping round, never one twice."""
        picked = [(start + offset) % len(users) for offset in range(min(size, len(users)))]
        return [users[i] for i in picked], [organisations[i] for i in picked]

    regions = {
        r.code: r for r in Region.objects.filter(code__in=["FRH0", "ITI1", "EE00", "ES41", "BE3"])
    }
    today = timezone.localdate()
    counts = {"events": 0, "registrations": 0, "feedback": 0}

    say("Past events: an interregional workshop and a study visit")
    day = today - datetime.timedelta(days=120)
    workshop = _make_event(
        organiser,
        "cyber-skills-workshop-florence",
        title="Interregional workshop: closing the cyber-skills gap",
        event_type=EventType.WORKSHOP,
        status=EventStatus.PUBLISHED,
        summary="How the partner regions train and retain cybersecurity professionals for SMEs.",
        description="Regional coordinators and training centres compare their skills programmes "
        "against the ECSF role profiles and agree on shared modules.",
        host_region=regions.get("ITI1") or Region.objects.first(),
        starts_at=_at(day, 9, 30, "Europe/Rome"),
        ends_at=_at(day, 17, 0, "Europe/Rome"),
        time_zone="Europe/Rome",
        venue="Palazzo Medici Riccardi",
        address="Via Camillo Cavour 3, Firenze",
        capacity=40,
        barriers=["skills"],
    )
    _sessions(
        workshop,
        [
            (
                "Welcome and objectives",
                _at(day, 9, 30, "Europe/Rome"),
                _at(day, 10, 0, "Europe/Rome"),
                "Sala Luca Giordano",
                "Tuscany region",
            ),
            (
                "Skills demand in the regions: survey results",
                _at(day, 10, 0, "Europe/Rome"),
                _at(day, 11, 30, "Europe/Rome"),
                "Sala Luca Giordano",
                "",
            ),
            (
                "Working groups by ECSF profile",
                _at(day, 11, 45, "Europe/Rome"),
                _at(day, 13, 0, "Europe/Rome"),
                "Rooms 1–3",
                "",
            ),
            (
                "Shared training modules: next steps",
                _at(day, 14, 30, "Europe/Rome"),
                _at(day, 17, 0, "Europe/Rome"),
                "Sala Luca Giordano",
                "",
            ),
        ],
    )
    workshop_regs = _register(workshop, *window(0, 28), rng, attended_share=0.85)
    counts["feedback"] += _feedback(workshop_regs, rng)

    day = today - datetime.timedelta(days=60)
    visit = _make_event(
        organiser,
        "study-visit-tallinn",
        title="Study visit: the Estonian e-government security ecosystem",
        event_type=EventType.STUDY_VISIT,
        status=EventStatus.PUBLISHED,
        summary="Two days in Tallinn with the national CSIRT, a cyber range and three SMEs.",
        host_region=regions.get("EE00") or Region.objects.first(),
        starts_at=_at(day, 9, 0, "Europe/Tallinn"),
        ends_at=_at(day + datetime.timedelta(days=1), 16, 0, "Europe/Tallinn"),
        time_zone="Europe/Tallinn",
        venue="Tallinn",
        capacity=20,
        barriers=["coordination"],
    )
    _sessions(
        visit,
        [
            (
                "Visit of the national cyber range",
                _at(day, 9, 0, "Europe/Tallinn"),
                _at(day, 12, 0, "Europe/Tallinn"),
                "Cyber range",
                "",
            ),
            (
                "Meeting the CSIRT",
                _at(day, 14, 0, "Europe/Tallinn"),
                _at(day, 17, 0, "Europe/Tallinn"),
                "",
                "",
            ),
            (
                "SME pitches and discussion",
                _at(day + datetime.timedelta(days=1), 9, 30, "Europe/Tallinn"),
                _at(day + datetime.timedelta(days=1), 16, 0, "Europe/Tallinn"),
                "",
                "",
            ),
        ],
    )
    visit_regs = _register(visit, *window(10, 22), rng, attended_share=0.9)
    counts["feedback"] += _feedback(visit_regs, rng)

    say("Upcoming events: a peer review with a waiting list and an online seminar")
    day = today + datetime.timedelta(days=21)
    review = _make_event(
        organiser,
        "peer-review-castilla",
        title="Peer review: the regional security operations centre of Castilla y León",
        event_type=EventType.PEER_REVIEW,
        status=EventStatus.PUBLISHED,
        summary="Peers from four regions review the SOC service offered to SMEs.",
        host_region=regions.get("ES41") or Region.objects.first(),
        starts_at=_at(day, 9, 0, "Europe/Madrid"),
        ends_at=_at(day, 15, 0, "Europe/Madrid"),
        time_zone="Europe/Madrid",
        venue="Parque Tecnológico de Boecillo",
        capacity=12,
        registration_deadline=_at(day - datetime.timedelta(days=3), 23, 59, "Europe/Madrid"),
        barriers=["coordination"],
    )
    _sessions(
        review,
        [
            (
                "The SOC service and its results",
                _at(day, 9, 0, "Europe/Madrid"),
                _at(day, 10, 30, "Europe/Madrid"),
                "",
                "",
            ),
            (
                "Peer interviews",
                _at(day, 11, 0, "Europe/Madrid"),
                _at(day, 13, 0, "Europe/Madrid"),
                "",
                "",
            ),
            (
                "Recommendations",
                _at(day, 14, 0, "Europe/Madrid"),
                _at(day, 15, 0, "Europe/Madrid"),
                "",
                "",
            ),
        ],
    )
    _register(review, *window(30, 15), rng)

    day = today + datetime.timedelta(days=35)
    _make_event(
        organiser,
        "seminar-nis2-smes",
        title="Thematic seminar: NIS2 compliance for SMEs in the supply chain",
        event_type=EventType.SEMINAR,
        status=EventStatus.PUBLISHED,
        summary="What NIS2 asks of the suppliers of essential entities, and how regions help.",
        host_region=regions.get("BE3") or Region.objects.first(),
        starts_at=_at(day, 14, 0, "Europe/Brussels"),
        ends_at=_at(day, 16, 0, "Europe/Brussels"),
        time_zone="Europe/Brussels",
        online_url="https://meet.example.org/nis2-smes",
        barriers=["fragmentation", "skills"],
    )

    say(f"B2B brokerage event with {len(organisations)} participants")
    day = today + datetime.timedelta(days=42)
    zone = "Europe/Paris"
    brokerage = _make_event(
        organiser,
        "b2b-brokerage-rennes",
        title="CYBER B2B brokerage event — Rennes",
        event_type=EventType.BROKERAGE,
        status=EventStatus.PUBLISHED,
        summary="One-to-one meetings between cybersecurity companies, research centres and "
        "buyers of the partner regions, scheduled for you.",
        description="Describe what you offer and look for, ask to meet the participants that "
        "interest you, tell us when you are available: the platform schedules every meeting "
        "it can and sends you your agenda.",
        host_region=regions.get("FRH0") or Region.objects.first(),
        starts_at=_at(day, 8, 30, zone),
        ends_at=_at(day, 18, 0, zone),
        time_zone=zone,
        venue="Couvent des Jacobins",
        address="20 Place Sainte-Anne, Rennes",
        capacity=80,
        request_cap=10,
        meeting_minutes=20,
        meeting_tables=14,
        barriers=["fragmentation"],
    )
    _sessions(
        brokerage,
        [
            (
                "Welcome coffee and registration",
                _at(day, 8, 30, zone),
                _at(day, 9, 0, zone),
                "Hall",
                "",
            ),
            (
                "B2B meetings — morning",
                _at(day, 9, 0, zone),
                _at(day, 12, 20, zone),
                "Meeting hall",
                "",
            ),
            ("Lunch", _at(day, 12, 20, zone), _at(day, 14, 0, zone), "Cloister", ""),
            (
                "B2B meetings — afternoon",
                _at(day, 14, 0, zone),
                _at(day, 17, 20, zone),
                "Meeting hall",
                "",
            ),
        ],
    )
    registrations = _register(brokerage, users, organisations, rng)
    summary = _profiles(registrations, rng)
    services.set_grid(
        organiser,
        brokerage,
        20,
        14,
        [
            services.SessionSpec("Morning", _at(day, 9, 0, zone), _at(day, 12, 20, zone)),
            services.SessionSpec("Afternoon", _at(day, 14, 0, zone), _at(day, 17, 20, zone)),
        ],
    )
    slots = list(brokerage.slots.order_by("starts_at"))
    request_count = _requests(brokerage, registrations, summary, rng)
    unavailable = _availability(registrations, slots, rng)
    say(f"{request_count} meeting requests, {unavailable} unavailable slots; scheduling")
    run = services.schedule_meetings(organiser, brokerage, time_limit=30)
    services.publish_schedule(organiser, brokerage)
    counts.update(
        events=Event.objects.filter(slug__startswith=DEMO_PREFIX).count(),
        registrations=Registration.objects.filter(event__slug__startswith=DEMO_PREFIX).count(),
        requests=request_count,
        accepted=run.accepted,
        scheduled=run.scheduled,
        objective=run.objective,
        upper_bound=run.upper_bound,
        optimal=run.optimal,
        seconds=run.seconds,
        brokerage=brokerage.slug,
        unscheduled=len(run.unscheduled),
        member=bool(member_org),
    )
    return counts


def has_demo_events() -> bool:
    return Event.objects.filter(Q(slug__startswith=DEMO_PREFIX)).exists()

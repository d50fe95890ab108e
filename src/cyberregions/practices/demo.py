"""Writing the demo practices into the database: ~40 practices across the seven partner
territories in every state of the workflow, led by organisations already in the atlas, with
their workflow history, a few questions, interests and investigations."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cyberregions.geo.models import Region
from cyberregions.organisations.models import Organisation
from cyberregions.taxonomy.models import Barrier, Domain

from .choices import Action, PracticeStatus
from .demo_data import (
    COMMENTS,
    DESCRIPTIONS,
    DIFFICULTIES,
    INVESTIGATIONS,
    LESSONS,
    PRACTICES,
    TRANSFER,
)
from .models import (
    Comment,
    FollowUp,
    Interest,
    Investigation,
    Practice,
    PracticeFigure,
    Transition,
)
from .services import unique_slug

# The demo accounts of the atlas (organisations/demo_loader.py), used when they exist.
COORDINATORS = {
    "FRH0": "brittany",
    "BE3": "wallonia",
    "ITI1": "tuscany",
    "ES41": "castilla",
    "SI0": "slovenia",
    "EE00": "estonia",
    "SK042": "kosice",
}
STAFF = "staff"
# Final state of the n-th practice of each region: mostly published, every state present.
STATES_BY_POSITION = [
    PracticeStatus.PUBLISHED,
    PracticeStatus.PUBLISHED,
    PracticeStatus.PUBLISHED,
    PracticeStatus.PUBLISHED,
    PracticeStatus.VALIDATED,
    PracticeStatus.SUBMITTED,
]
# A few practices in the less common states, by title.
SPECIAL_STATES = {
    "Security-by-design label for digital start-ups": PracticeStatus.DRAFT,
    "Open data security checklist for public bodies": PracticeStatus.CHANGES_REQUESTED,
    "Cybersecurity export missions": PracticeStatus.REJECTED,
    "Regional digital innovation hub security track": PracticeStatus.RESUBMITTED,
    "Cyber career switch programme": PracticeStatus.DRAFT,
    "Municipal security baseline for small towns": PracticeStatus.SUBMITTED,
}
# The path through the workflow to each final state: (action, to_status, reason).
PATHS = {
    PracticeStatus.DRAFT: [],
    PracticeStatus.SUBMITTED: [(Action.SUBMIT, PracticeStatus.SUBMITTED, "")],
    PracticeStatus.CHANGES_REQUESTED: [
        (Action.SUBMIT, PracticeStatus.SUBMITTED, ""),
        (
            Action.REQUEST_CHANGES,
            PracticeStatus.CHANGES_REQUESTED,
            "Please add figures on the results and the budget actually spent.",
        ),
    ],
    PracticeStatus.RESUBMITTED: [
        (Action.SUBMIT, PracticeStatus.SUBMITTED, ""),
        (
            Action.REQUEST_CHANGES,
            PracticeStatus.CHANGES_REQUESTED,
            "The lessons learnt are missing.",
        ),
        (Action.RESUBMIT, PracticeStatus.RESUBMITTED, "Lessons learnt added."),
    ],
    PracticeStatus.VALIDATED: [
        (Action.SUBMIT, PracticeStatus.SUBMITTED, ""),
        (Action.VALIDATE, PracticeStatus.VALIDATED, ""),
    ],
    PracticeStatus.PUBLISHED: [
        (Action.SUBMIT, PracticeStatus.SUBMITTED, ""),
        (Action.VALIDATE, PracticeStatus.VALIDATED, ""),
        (Action.PUBLISH, PracticeStatus.PUBLISHED, ""),
    ],
    PracticeStatus.REJECTED: [
        (Action.SUBMIT, PracticeStatus.SUBMITTED, ""),
        (
            Action.REJECT,
            PracticeStatus.REJECTED,
            "A trade-promotion measure rather than a cybersecurity policy practice.",
        ),
    ],
}
INSTITUTION_TYPES = ("public", "cluster", "rto", "university", "training", "incubator", "csirt")


def _users() -> dict[str, object]:
    names = [*COORDINATORS.values(), STAFF]
    return {user.username: user for user in get_user_model().objects.filter(username__in=names)}


def _institutions(region_ids) -> dict[int, list[Organisation]]:
    """Per region, organisations likely to lead a practice: public bodies, clusters, research
    and training first."""
    result: dict[int, list[Organisation]] = {pk: [] for pk in region_ids}
    queryset = (
        Organisation.objects.filter(region_id__in=region_ids, actor_type__in=INSTITUTION_TYPES)
        .order_by("region_id", "name", "id")
        .only("id", "name", "region_id")
    )
    for organisation in queryset:
        if len(result[organisation.region_id]) < 12:
            result[organisation.region_id].append(organisation)
    return result


@transaction.atomic
def load_practices(replace: bool = False, progress: Callable[[int, int], None] | None = None):
    """Create the demo practices; returns counts. With ``replace``, remove every practice and
    investigation first."""
    if replace:
        Investigation.objects.all().delete()
        Practice.objects.all().delete()
    regions = {region.code: region for region in Region.objects.filter(code__in=COORDINATORS)}
    barriers = {barrier.code: barrier for barrier in Barrier.objects.all()}
    domains = {domain.code: domain for domain in Domain.objects.all()}
    users = _users()
    institutions = _institutions([region.pk for region in regions.values()])
    staff = users.get(STAFF)
    position_in_region: dict[str, int] = {}
    created: list[Practice] = []
    counts = {"practices": 0, "published": 0, "transitions": 0}
    for number, data in enumerate(PRACTICES, start=1):
        region = regions.get(data.region)
        if region is None:
            continue
        position = position_in_region.get(data.region, 0)
        position_in_region[data.region] = position + 1
        state = SPECIAL_STATES.get(
            data.title, STATES_BY_POSITION[position % len(STATES_BY_POSITION)]
        )
        author = users.get(COORDINATORS[data.region])
        leaders = institutions.get(region.pk, [])
        main = leaders[position % len(leaders)] if leaders else None
        others = [item for item in leaders[position + 1 : position + 3] if item != main]
        start = datetime.date(data.start_year, 1 + (number * 5) % 12, 1)
        end = datetime.date(data.start_year + data.years, start.month, 1) if data.years else None
        first_barrier = data.barriers[0]
        practice = Practice(
            slug=unique_slug(data.title),
            title=data.title,
            region=region,
            main_institution=main,
            policy_instruments=data.instrument,
            summary=data.summary,
            description=f"{data.summary}\n\n{DESCRIPTIONS[first_barrier]}",
            budget_eur=data.budget_eur,
            staff_fte=Decimal(str(data.staff_fte)),
            resources_note="Premises and communication provided by the main institution.",
            start_date=start,
            end_date=end,
            evidence="Monitored by the main institution and reported yearly to the region.",
            difficulties=DIFFICULTIES[first_barrier],
            lessons=LESSONS[first_barrier],
            transfer_potential=TRANSFER,
            keywords=data.keywords,
            contact_name="Programme officer" if number % 3 else "",
            contact_email=f"practices+{number}@demo.cyberregions.eu" if number % 3 else "",
            contact_public_consent=number % 3 == 1,
            contact_consent_recorded_at=timezone.now() if number % 3 == 1 else None,
            status=PracticeStatus.DRAFT,
            author=author,
        )
        practice.save()
        practice.barriers.set([barriers[code] for code in data.barriers if code in barriers])
        practice.domains.set([domains[code] for code in data.domains if code in domains])
        if others:
            practice.other_organisations.set(others)
        PracticeFigure.objects.bulk_create(
            PracticeFigure(
                practice=practice,
                label=label,
                value=Decimal(str(value)),
                unit=unit,
                position=index,
            )
            for index, (label, value, unit) in enumerate(data.figures)
        )
        counts["transitions"] += _walk(practice, state, author, staff, start)
        counts["practices"] += 1
        counts["published"] += int(state == PracticeStatus.PUBLISHED)
        created.append(practice)
        if progress:
            progress(number, len(PRACTICES))
    counts["comments"], counts["interests"] = _exchange(created, users, regions)
    counts["investigations"] = _investigations(created, users, regions)
    return counts


def _walk(practice: Practice, state, author, staff, start: datetime.date) -> int:
    """Record the workflow steps leading to ``state``, dated after the practice started."""
    moment = timezone.make_aware(
        datetime.datetime.combine(max(start, datetime.date(2019, 3, 1)), datetime.time(10))
    )
    steps = []
    status = PracticeStatus.DRAFT
    for days, (action, target, reason) in enumerate(PATHS[state], start=1):
        at = moment + datetime.timedelta(days=20 * days)
        actor = author if action in (Action.SUBMIT, Action.RESUBMIT) else staff
        steps.append(
            Transition(
                practice=practice,
                step=action,
                from_state=status,
                to_state=target,
                actor=actor,
                at=at,
                reason=reason,
            )
        )
        status = target
        if action == Action.VALIDATE:
            practice.validated_by, practice.validated_at = staff, at
        if action == Action.PUBLISH:
            practice.published_at = at
    Transition.objects.bulk_create(steps)
    practice.status = state
    practice.save(update_fields=["status", "validated_by", "validated_at", "published_at"])
    return len(steps)


def _exchange(practices, users, regions) -> tuple[int, int]:
    published = [p for p in practices if p.status == PracticeStatus.PUBLISHED]
    comments = interests = 0
    for index, practice in enumerate(published[:8]):
        owner = users.get(COORDINATORS[practice.region.code])
        other_code = list(COORDINATORS)[(index + 3) % len(COORDINATORS)]
        if other_code == practice.region.code:
            other_code = list(COORDINATORS)[(index + 4) % len(COORDINATORS)]
        visitor = users.get(COORDINATORS[other_code])
        if visitor is None:
            continue
        for kind, body in COMMENTS[index % 2 * 2 : index % 2 * 2 + 2]:
            author = owner if kind == "answer" else visitor
            if author is not None:
                Comment.objects.create(practice=practice, author=author, kind=kind, body=body)
                comments += 1
        if other_code in regions:
            Interest.objects.create(
                practice=practice,
                region=regions[other_code],
                user=visitor,
                message="We would like to adapt this for our region's action plan.",
                contact_consent_at=timezone.now(),
            )
            interests += 1
    return comments, interests


def _investigations(practices, users, regions) -> int:
    by_title = {practice.title: practice for practice in practices}
    count = 0
    for kind, title, host, peers, practice_titles, days, follow_ups in INVESTIGATIONS:
        if host not in regions:
            continue
        linked = [by_title[name] for name in practice_titles if name in by_title]
        start = (
            linked[0].start_date if linked else datetime.date(2020, 1, 1)
        ) + datetime.timedelta(days=400)
        investigation = Investigation.objects.create(
            kind=kind,
            title=title,
            host_region=regions[host],
            start_date=start,
            end_date=start + datetime.timedelta(days=days - 1),
            participants="\n".join(
                f"Coordinator of {regions[code].name}" for code in peers if code in regions
            ),
            agenda="Day 1: presentation of the practice and site visits.\n"
            "Day 2: interviews with beneficiaries and a feedback session.",
            findings="The practice is well known by its target group and its results are "
            "monitored. Administrative steps remain heavy for the smallest companies.",
            recommendations="Simplify the application; publish yearly results; involve "
            "beneficiaries in the steering committee.",
            created_by=users.get(COORDINATORS[host]),
        )
        investigation.peer_regions.set([regions[code] for code in peers if code in regions])
        investigation.practices.set(linked)
        for task, owner_name, due in follow_ups:
            FollowUp.objects.create(
                investigation=investigation,
                task=task,
                owner=users.get(owner_name),
                due_date=start + datetime.timedelta(days=due),
                done_at=timezone.now() if due <= 30 else None,
            )
        count += 1
    return count

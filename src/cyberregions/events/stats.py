"""Figures of a brokerage event for its organiser: requests, acceptance, meetings per
participant, the share of meetings across regions, and how close the schedule is to the bound.
Five queries, whatever the size of the event."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Q

from .choices import MeetingRequestStatus, RegistrationStatus
from .models import Event, Meeting, MeetingRequest, Registration, ScheduleRun
from .weights import is_cross_region


def meeting_statistics(event: Event, run: ScheduleRun | None = None) -> dict:
    """``run``: the event's latest scheduler run when the caller has it already."""
    status = MeetingRequestStatus
    counts = MeetingRequest.objects.filter(event=event).aggregate(
        sent=Count("id", filter=~Q(status=status.CANCELLED)),
        accepted=Count("id", filter=Q(status=status.ACCEPTED)),
        declined=Count("id", filter=Q(status=status.DECLINED)),
        pending=Count("id", filter=Q(status=status.PENDING)),
        cancelled=Count("id", filter=Q(status=status.CANCELLED)),
        mutual=Count("id", filter=Q(status=status.ACCEPTED, mutual=True)),
    )
    answered = counts["accepted"] + counts["declined"]
    participants = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).values_list(
            "pk", flat=True
        )
    )
    rows = Meeting.objects.filter(slot__event=event).values_list(
        "request__requester_id",
        "request__recipient_id",
        "request__requester__organisation__region_id",
        "request__requester__organisation__country_id",
        "request__recipient__organisation__region_id",
        "request__recipient__organisation__country_id",
    )
    per_participant: Counter[int] = Counter(dict.fromkeys(participants, 0))
    cross = meetings = 0
    for a, b, region_a, country_a, region_b, country_b in rows:
        meetings += 1
        per_participant[a] += 1
        per_participant[b] += 1
        cross += is_cross_region(region_a, country_a, region_b, country_b)
    values = list(per_participant.values())
    distribution = sorted(Counter(values).items())
    if run is None:
        run = ScheduleRun.objects.filter(event=event).order_by("-created_at", "-id").first()
    slot_count = event.slots.count()
    capacity = slot_count * event.meeting_tables
    figures = {
        **counts,
        "acceptance_rate": counts["accepted"] / answered if answered else None,
        "participants": len(participants),
        "meetings": meetings,
        "meetings_per_participant": sum(values) / len(values) if values else None,
        "meetings_min": min(values) if values else None,
        "meetings_max": max(values) if values else None,
        "distribution": [{"meetings": k, "participants": n} for k, n in distribution],
        "cross_region": cross,
        "cross_region_share": cross / meetings if meetings else None,
        "slots": slot_count,
        "tables": event.meeting_tables,
        "table_occupancy": meetings / capacity if capacity else None,
        "run": run,
        "bound_ratio": run.ratio if run else None,
        "scheduled_share": run.scheduled / run.accepted if run and run.accepted else None,
    }
    for name in ("acceptance_rate", "cross_region_share", "table_occupancy", "scheduled_share"):
        value = figures[name]
        figures[f"{name}_percent"] = None if value is None else 100 * value
    return figures

"""What events hold about a person (``core.privacy``): registrations with their feedback,
B2B profile and availability, and the meeting requests on their side.

On erasure a registration without meeting requests is deleted (a seat it held goes to the
waiting list). One with requests stays as an anonymous participant, so that the event's
meeting figures still add up: its name consent, B2B profile, availability, the messages it
sent and its feedback comments go; its organisation, status and meetings stay.
"""

from __future__ import annotations

from django.db.models import Q

from cyberregions.core import privacy

from .choices import RegistrationStatus
from .models import (
    CooperationProfile,
    Event,
    FeedbackResponse,
    MeetingRequest,
    Registration,
    ScheduleRun,
    Unavailability,
)
from .services.registrations import promote_waitlist


def _feedback(registration) -> dict | None:
    feedback = getattr(registration, "feedback", None)
    if feedback is None:
        return None
    return {
        "overall": feedback.overall,
        "content": feedback.content,
        "organisation_rating": feedback.organisation_rating,
        "new_contacts": feedback.new_contacts,
        "would_return": feedback.would_return,
        "comments": feedback.comments,
        "submitted_at": feedback.submitted_at,
    }


def _profile(registration) -> dict | None:
    profile = getattr(registration, "profile", None)
    if profile is None:
        return None
    return {
        "headline": profile.headline,
        "description": profile.description,
        "items": [
            {"kind": item.kind, "title": item.title, "description": item.description}
            for item in profile.items.all()
        ],
    }


def export_registrations(user) -> list[dict]:
    registrations = (
        Registration.objects.filter(user=user)
        .select_related("event", "organisation", "profile", "feedback")
        .prefetch_related("profile__items", "unavailable_slots__slot")
    )
    return [
        {
            "event": registration.event.slug,
            "event_title": registration.event.title,
            "organisation": registration.organisation.slug if registration.organisation else None,
            "status": registration.status,
            "registered_at": registration.registered_at,
            "confirmed_at": registration.confirmed_at,
            "cancelled_at": registration.cancelled_at,
            "attended": registration.attended,
            "show_name": registration.show_name,
            "name_consent_at": registration.name_consent_at,
            "feedback": _feedback(registration),
            "b2b_profile": _profile(registration),
            "unavailable_slots": [
                unavailable.slot.starts_at for unavailable in registration.unavailable_slots.all()
            ],
        }
        for registration in registrations
    ]


def export_meeting_requests(user) -> dict[str, list[dict]]:
    """Their side only: the requests they sent with their message, those they received without
    the sender's message, the other side named by its organisation as everywhere in B2B."""
    common = ("event__slug", "status", "mutual", "created_at", "answered_at")
    meeting = ("meeting__slot__starts_at", "meeting__table")
    sent = MeetingRequest.objects.filter(requester__user=user).values(
        *common, *meeting, "message", "recipient__organisation__name"
    )
    received = MeetingRequest.objects.filter(recipient__user=user).values(
        *common, *meeting, "requester__organisation__name"
    )

    def plain(row: dict, other: str) -> dict:
        return {
            "event": row.pop("event__slug"),
            "other_side": row.pop(other),
            "meeting_at": row.pop("meeting__slot__starts_at"),
            "meeting_table": row.pop("meeting__table"),
            **row,
        }

    return {
        "sent": [plain(row, "recipient__organisation__name") for row in sent],
        "received": [plain(row, "requester__organisation__name") for row in received],
    }


def erase_registrations(user, erasure: privacy.Erasure) -> None:
    registrations = list(Registration.objects.filter(user=user).select_related("event"))
    ids = [registration.pk for registration in registrations]
    requests = MeetingRequest.objects.filter(Q(requester_id__in=ids) | Q(recipient_id__in=ids))
    in_meetings = set(requests.values_list("requester_id", flat=True)) | set(
        requests.values_list("recipient_id", flat=True)
    )
    kept = [pk for pk in ids if pk in in_meetings]
    gone = [registration for registration in registrations if registration.pk not in in_meetings]

    profiles = CooperationProfile.objects.filter(registration_id__in=ids)
    sent = MeetingRequest.objects.filter(requester_id__in=kept)
    feedback = FeedbackResponse.objects.filter(registration_id__in=ids)
    erasure.mark(registrations)
    erasure.mark(profiles)
    erasure.mark(sent)
    erasure.mark(feedback)
    for profile in profiles.prefetch_related("items"):
        erasure.mark(profile.items.all())

    erasure.count("b2b_profiles", profiles.filter(registration_id__in=kept).delete()[0])
    Unavailability.objects.filter(registration_id__in=kept).delete()
    erasure.count("meeting_messages_blanked", sent.exclude(message="").update(message=""))
    feedback.filter(registration_id__in=kept).update(comments="")
    erasure.count(
        "registrations_anonymised",
        Registration.objects.filter(pk__in=kept)
        .filter(Q(show_name=True) | Q(name_consent_at__isnull=False))
        .update(show_name=False, name_consent_at=None),
    )
    erasure.count(
        "registrations", Registration.objects.filter(pk__in=[r.pk for r in gone]).delete()[0]
    )
    # A seat freed before the event goes to the first on its waiting list.
    freed = {r.event for r in gone if r.status == RegistrationStatus.CONFIRMED}
    for event in freed:
        promote_waitlist(None, event)


privacy.register_personal_data(
    "event_registrations",
    exporter=export_registrations,
    eraser=erase_registrations,
    covers=["events.registration.user"],
)
privacy.register_personal_data("meeting_requests", exporter=export_meeting_requests)
privacy.register_work_records(
    "event_records",
    [
        (Event, "created_by", ("slug", "title")),
        (ScheduleRun, "run_by", ("event__slug", "created_at")),
    ],
)
privacy.declare_personal_audit_keys("events.cooperationprofile", ["headline", "description"])
privacy.declare_personal_audit_keys("events.cooperationitem", ["title", "description"])
privacy.declare_personal_audit_keys("events.meetingrequest", ["message"])
privacy.declare_personal_audit_keys("events.feedbackresponse", ["comments"])
privacy.declare_personal_audit_keys("events.registration", ["show_name", "name_consent_at"])

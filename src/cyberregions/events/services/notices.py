"""What the events services tell people, through ``core.notifications``.

Each function is called inside the transaction of the change it reports, so that nothing is
told about a change that was rolled back. Titles are lambdas: ``notify`` evaluates them once per
recipient language. A registration's people is its ``user``: the person who registered, who
acts for it (``permissions.acts_for_registration``).
"""

from __future__ import annotations

from collections import Counter

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from cyberregions.core.notifications import notify

from ..choices import ACTIVE_REGISTRATION_STATUSES, MeetingRequestStatus
from ..models import Event, Meeting, MeetingRequest, Registration


def registration_received(registration: Registration) -> None:
    """The registrant's receipt: confirmed, or on the waiting list.

    The one notice that goes to the person who acted: they asked for the seat and want the
    event's date and link in their mailbox, and a waiting-list entry must be told apart from a
    seat. So no actor is passed (``notify`` would leave the registrant out).
    """
    event = registration.event
    if registration.is_confirmed:
        kind = "events.registration.confirmed"

        def subject():
            return _("[cyberregions] You are registered for “%(event)s”") % {"event": event.title}
    else:
        kind = "events.registration.waitlisted"

        def subject():
            return _("[cyberregions] “%(event)s” is full: you are on the waiting list") % {
                "event": event.title
            }

    notify(
        [registration.user],
        kind=kind,
        subject=subject,
        template="events/email/registration.txt",
        context={"event": event, "registration": registration},
        url=event.get_absolute_url(),
    )


def registrations_promoted(actor, event: Event, promoted: list[Registration]) -> None:
    """A seat freed up: each promoted person is told they now have it (as the waiting-list
    message promised)."""
    for registration in promoted:
        notify(
            [registration.user],
            kind="events.registration.promoted",
            subject=lambda: (
                _("[cyberregions] A seat is free: you are registered for “%(event)s”")
                % {"event": event.title}
            ),
            template="events/email/promoted.txt",
            context={"event": event, "registration": registration},
            url=event.get_absolute_url(),
            actor=actor,
        )


def registration_cancelled(
    actor, registration: Registration, closed_requests: list[MeetingRequest]
) -> None:
    """Told to the registrant when someone else (an organiser) cancelled the registration;
    a person who cancels their own is not told (``notify`` leaves the actor out). The other
    side of each meeting request the cancellation closed is told too."""
    event = registration.event
    notify(
        [registration.user],
        kind="events.registration.cancelled",
        subject=lambda: (
            _("[cyberregions] Your registration for “%(event)s” was cancelled")
            % {"event": event.title}
        ),
        template="events/email/registration_cancelled.txt",
        context={"event": event, "registration": registration},
        url=event.get_absolute_url(),
        actor=actor,
    )
    for meeting_request in closed_requests:
        meeting_request.status = MeetingRequestStatus.CANCELLED
        other = meeting_request.other_side(registration.pk)
        _tell_cancelled(actor, meeting_request, [other.user])


def _b2b_url(event: Event) -> str:
    return reverse("events:b2b", args=[event.slug])


def meeting_request_sent(actor, meeting_request: MeetingRequest) -> None:
    event = meeting_request.event
    notify(
        [meeting_request.recipient.user],
        kind="events.meeting_request.received",
        subject=lambda: (
            _("[cyberregions] %(requester)s asks to meet you at “%(event)s”")
            % {"requester": meeting_request.requester.display_name, "event": event.title}
        ),
        template="events/email/meeting_request.txt",
        context={"event": event, "meeting_request": meeting_request},
        url=_b2b_url(event),
        actor=actor,
    )


def meeting_request_answered(actor, meeting_request: MeetingRequest) -> None:
    event = meeting_request.event
    notify(
        [meeting_request.requester.user],
        kind=f"events.meeting_request.{meeting_request.status}",
        subject=lambda: (
            _("[cyberregions] %(recipient)s answered your meeting request: %(status)s")
            % {
                "recipient": meeting_request.recipient.display_name,
                "status": meeting_request.get_status_display(),
            }
        ),
        template="events/email/meeting_answer.txt",
        context={"event": event, "meeting_request": meeting_request},
        url=_b2b_url(event),
        actor=actor,
    )


def meeting_request_cancelled(actor, meeting_request: MeetingRequest) -> None:
    """Both sides are told, except whoever cancelled (a side, or an organiser)."""
    _tell_cancelled(
        actor, meeting_request, [meeting_request.requester.user, meeting_request.recipient.user]
    )


def _tell_cancelled(actor, meeting_request: MeetingRequest, people) -> None:
    event = meeting_request.event
    notify(
        people,
        kind="events.meeting_request.cancelled",
        subject=lambda: (
            _("[cyberregions] A meeting request at “%(event)s” was cancelled")
            % {"event": event.title}
        ),
        template="events/email/meeting_cancelled.txt",
        context={"event": event, "meeting_request": meeting_request},
        url=_b2b_url(event),
        actor=actor,
    )


def schedule_published(actor, event: Event) -> None:
    """Each confirmed participant is told how many meetings its agenda holds, with its link."""
    participants = list(
        Registration.objects.filter(event=event).confirmed().select_related("user").order_by("pk")
    )
    counts: Counter[int] = Counter()
    for requester_id, recipient_id in Meeting.objects.filter(
        Q(slot__event=event), published=True
    ).values_list("request__requester_id", "request__recipient_id"):
        counts[requester_id] += 1
        counts[recipient_id] += 1
    for registration in participants:
        notify(
            [registration.user],
            kind="events.schedule.published",
            subject=lambda: (
                _("[cyberregions] Your B2B meetings at “%(event)s” are scheduled")
                % {"event": event.title}
            ),
            template="events/email/schedule_published.txt",
            context={
                "event": event,
                "registration": registration,
                "meetings": counts[registration.pk],
            },
            url=reverse("events:agenda", args=[event.slug, registration.pk]),
            actor=actor,
        )


def event_cancelled(actor, event: Event) -> None:
    """Everyone still registered (or waiting) hears that the event will not take place."""
    people = [
        registration.user
        for registration in event.registrations.filter(
            status__in=ACTIVE_REGISTRATION_STATUSES
        ).select_related("user")
    ]
    notify(
        people,
        kind="events.event.cancelled",
        subject=lambda: _("[cyberregions] “%(event)s” is cancelled") % {"event": event.title},
        template="events/email/event_cancelled.txt",
        context={"event": event},
        url=event.get_absolute_url(),
        actor=actor,
    )

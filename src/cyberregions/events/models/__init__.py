"""Interregional events: the event and its agenda, registrations, attendance and feedback
(``events.py``); the B2B brokerage side: cooperation profiles, the meeting grid, availability,
meeting requests, scheduled meetings and scheduler runs (``b2b.py``)."""

from .b2b import (
    CooperationItem,
    CooperationProfile,
    Meeting,
    MeetingRequest,
    MeetingSession,
    MeetingSlot,
    ScheduleRun,
    Unavailability,
)
from .events import AgendaSession, Event, FeedbackResponse, Registration

__all__ = [
    "AgendaSession",
    "CooperationItem",
    "CooperationProfile",
    "Event",
    "FeedbackResponse",
    "Meeting",
    "MeetingRequest",
    "MeetingSession",
    "MeetingSlot",
    "Registration",
    "ScheduleRun",
    "Unavailability",
]

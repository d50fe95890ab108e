"""State changes of events. Each runs in one transaction, asks ``core.permissions`` first and
writes an audit record. Split by subject: events and agenda, registrations, the B2B side,
the meeting schedule."""

from .b2b import (
    SessionSpec,
    answer_meeting_request,
    cancel_meeting_request,
    cut_slots,
    delete_cooperation_item,
    request_cap,
    requests_sent,
    save_cooperation_item,
    save_profile,
    send_meeting_request,
    set_availability,
    set_grid,
    set_request_priority,
)
from .base import EventError
from .events import (
    add_agenda_session,
    create_event,
    delete_agenda_session,
    set_event_status,
    update_event,
)
from .registrations import (
    cancel_registration,
    promote_waitlist,
    record_attendance,
    register,
    set_request_cap,
    submit_feedback,
)
from .schedule import (
    build_instance,
    place_meeting,
    publish_schedule,
    remove_meeting,
    schedule_meetings,
    set_meeting_lock,
)

__all__ = [
    "EventError",
    "SessionSpec",
    "add_agenda_session",
    "answer_meeting_request",
    "build_instance",
    "cancel_meeting_request",
    "cancel_registration",
    "create_event",
    "cut_slots",
    "delete_agenda_session",
    "delete_cooperation_item",
    "place_meeting",
    "promote_waitlist",
    "publish_schedule",
    "record_attendance",
    "register",
    "remove_meeting",
    "request_cap",
    "requests_sent",
    "save_cooperation_item",
    "save_profile",
    "schedule_meetings",
    "send_meeting_request",
    "set_availability",
    "set_event_status",
    "set_grid",
    "set_meeting_lock",
    "set_request_cap",
    "set_request_priority",
    "submit_feedback",
    "update_event",
]

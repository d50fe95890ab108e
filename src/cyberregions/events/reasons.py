"""Why a request was left out of the schedule, in the reader's language.

The scheduler gives a code and an English reason naming participants by their keys
(``p12``); the organiser reads the code, translated, with the organisations' names.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .services.schedule import participant_key

_LEADING_PARTICIPANT = re.compile(r"^(p\d+)\b")

RELEASED_LOCK_REASONS = {
    "slot_removed": lambda: _("its slot no longer exists"),
    "unavailable": lambda: _("a participant is no longer available in its slot"),
    "double_booked": lambda: _("a participant has another locked meeting in the same slot"),
    "no_table": lambda: _("more locked meetings than tables in its slot"),
}


def unscheduled_reason(entry: dict, meeting_request) -> str:
    """``entry`` is one stored ``{"request", "code", "reason"}``; the request is loaded with
    both participants."""
    a, b = meeting_request.requester, meeting_request.recipient
    names = {"a": a.display_name, "b": b.display_name}
    code = entry.get("code", "")
    if code == "no_common_slot":
        return _("%(a)s and %(b)s have no slot in common in which both are available.") % names
    if code == "person_booked":
        match = _LEADING_PARTICIPANT.match(entry.get("reason", ""))
        who = b if match and match.group(1) == participant_key(b.pk) else a
        return _("%(who)s already has a meeting in every slot in which both are available.") % {
            "who": who.display_name
        }
    if code == "no_table":
        return _("Every table is taken in the slots in which both are available.")
    if code == "not_chosen":
        return _(
            "Not placed: in the slots both share, meetings worth more to the schedule were "
            "placed instead (see the weights)."
        )
    if code == "duplicate":
        return _("The same two participants already have another request.")
    if code in ("unknown_participant", "same_participant"):
        return _("A participant no longer takes part in the event.")
    return entry.get("reason", "")


def released_lock_reason(code: str) -> str:
    reason = RELEASED_LOCK_REASONS.get(code)
    return reason() if reason else code

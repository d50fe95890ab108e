"""Dating a person's consent: the one rule every app follows.

A consent is dated when it is given, keeps its date while it stands, and loses it when it is
withdrawn, so that "shown since" is always the moment the person said yes."""

from __future__ import annotations

from django.utils import timezone


def date_consent(instance, given: str, dated: str, given_before: bool) -> None:
    """Set ``instance.<dated>`` from ``instance.<given>`` (a boolean) and what it was before."""
    if not getattr(instance, given):
        setattr(instance, dated, None)
    elif not given_before or getattr(instance, dated) is None:
        setattr(instance, dated, timezone.now())

"""E-mail notifications of the practices app, through Django's mail API.

Messages go once the transaction has committed (nothing is sent for a change that was rolled
back), one message per recipient so that nobody sees the others' addresses. The console
backend is the default (settings.EMAIL_BACKEND); the tests use locmem.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string

from cyberregions.geo.models import RegionMembership

logger = logging.getLogger(__name__)


def site_url() -> str:
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def programme_staff():
    return get_user_model().objects.filter(is_active=True, is_programme_staff=True)


def region_people(practice):
    """The practice's owners: its region's coordinators and its author."""
    User = get_user_model()
    coordinators = RegionMembership.objects.filter(region_id=practice.region_id).values("user_id")
    people = User.objects.filter(is_active=True, pk__in=coordinators)
    if practice.author_id:
        people = people | User.objects.filter(is_active=True, pk=practice.author_id)
    return people


def send(recipients: Iterable, subject: str, template: str, context: dict, exclude=None) -> int:
    """Queue one message per distinct address; returns how many will be sent."""
    excluded = getattr(exclude, "pk", None)
    addresses = sorted({user.email for user in recipients if user.email and user.pk != excluded})
    if not addresses:
        return 0
    body = render_to_string(template, {**context, "site_url": site_url()})
    subject = " ".join(str(subject).split())[:200]
    messages = [EmailMessage(subject, body, to=[address]) for address in addresses]

    def deliver():
        try:
            sent = get_connection().send_messages(messages)
        except Exception:  # noqa: BLE001 — a mail server failure must not undo the change
            logger.warning("practices: %d notification(s) could not be sent", len(messages))
        else:
            logger.info("practices: %s notification(s) sent", sent)

    transaction.on_commit(deliver)
    return len(addresses)

"""Telling people what concerns them: in the platform (the bell) and by e-mail.

``notify`` is the one entry point. Called inside a service's transaction, it writes one
notification per recipient, with the title and the message rendered in the recipient's
language, and once the transaction commits it queues the e-mails as a background task
(nothing is sent for a change that was rolled back). Each recipient's preference decides the
e-mail: at once, in the daily digest, or never; a person without an e-mail address is told in
the platform only. The task claims each notification before sending it, so a retried or
duplicated task never sends the same message twice.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from django_tasks_db import DatabaseBackend

from .models import EmailState, Notification

logger = logging.getLogger(__name__)

IMMEDIATELY, DAILY, NEVER = "immediately", "daily", "never"


def site_url() -> str:
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def programme_staff(_about=None):
    """The people who validate practices and follow every plan. Takes (and ignores) the object
    a workflow step is about, so that a ``Transition`` may name it as its ``notify``."""
    return get_user_model().objects.filter(is_active=True, is_programme_staff=True)


def language_of(user) -> str:
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


def _email_state(user) -> str:
    preference = getattr(user, "email_notifications", IMMEDIATELY)
    if not user.email or preference == NEVER:
        return EmailState.NOT_SENT
    return EmailState.DIGEST if preference == DAILY else EmailState.PENDING


def notify(
    recipients: Iterable,
    *,
    kind: str,
    subject: Callable[[], str] | str,
    template: str,
    context: dict,
    url: str = "",
    actor=None,
) -> list[Notification]:
    """Tell ``recipients`` (users; the actor and inactive users are left out) about something.

    ``subject`` is a callable (or a lazy string) evaluated once per language so that each
    recipient reads it in their own; ``template`` is the e-mail body's template, rendered
    with ``context`` plus ``site_url``, ``url`` and ``recipient``'s language active.
    """
    excluded = getattr(actor, "pk", None)
    people = {user.pk: user for user in recipients if user.is_active and user.pk != excluded}
    if not people:
        return []
    by_language: dict[str, list] = defaultdict(list)
    for user in people.values():
        by_language[language_of(user)].append(user)
    link = f"{site_url()}{url}" if url.startswith("/") else url
    now = timezone.now()
    made = []
    for language, users in sorted(by_language.items()):
        with translation.override(language):
            title = " ".join(str(subject() if callable(subject) else subject).split())[:300]
            body = render_to_string(template, {**context, "site_url": site_url(), "url": link})
        made += [
            Notification(
                recipient=user,
                actor=actor if getattr(actor, "is_authenticated", False) else None,
                kind=kind,
                title=title,
                body=body,
                url=url[:500],
                created_at=now,
                email_state=_email_state(user),
            )
            for user in sorted(users, key=lambda user: user.pk)
        ]
    Notification.objects.bulk_create(made)
    # Both engines return the new ids from a bulk insert (SQLite since 3.35).
    pending = [item.pk for item in made if item.email_state == EmailState.PENDING]
    if pending:
        if isinstance(send_notification_emails.get_backend(), DatabaseBackend):
            # The queue is a table of this database: the task row commits (or rolls back)
            # with the change itself, which spares a second commit per step.
            send_notification_emails.enqueue(pending)
        else:
            # Run at once (tests) or in Redis: only once the change is committed.
            transaction.on_commit(lambda: send_notification_emails.enqueue(pending))
    return made


def _claim(ids: list[int], state: str) -> list[Notification]:
    """Mark the notifications as sent before sending them: a second run finds nothing left."""
    with transaction.atomic():
        claimed = list(
            Notification.objects.select_for_update()
            .filter(pk__in=ids, email_state=state)
            .select_related("recipient")
        )
        Notification.objects.filter(pk__in=[item.pk for item in claimed]).update(
            email_state=EmailState.SENT, emailed_at=timezone.now()
        )
    return claimed


def _release(items: list[Notification], state: str) -> None:
    Notification.objects.filter(pk__in=[item.pk for item in items]).update(
        email_state=state, emailed_at=None
    )


@task()
def send_notification_emails(ids: list[int]) -> int:
    """Send the e-mails of these notifications, one message per recipient."""
    claimed = _claim(ids, EmailState.PENDING)
    messages = [
        EmailMessage(item.title, item.body, to=[item.recipient.email])
        for item in claimed
        if item.recipient.email
    ]
    if not messages:
        return 0
    try:
        sent = get_connection().send_messages(messages)
    except Exception:
        # Back in the queue: the task may be retried, and nothing was sent twice.
        _release(claimed, EmailState.PENDING)
        logger.warning("notifications: %d e-mail(s) could not be sent", len(messages))
        raise
    logger.info("notifications: %s e-mail(s) sent", sent)
    return sent or 0


@task()
def send_daily_digests() -> int:
    """One e-mail per person who chose the daily digest, listing what they were told."""
    waiting = Notification.objects.filter(email_state=EmailState.DIGEST)
    recipients = sorted(set(waiting.values_list("recipient_id", flat=True)))
    sent = 0
    for recipient_id in recipients:
        ids = list(waiting.filter(recipient_id=recipient_id).values_list("pk", flat=True))
        items = _claim(ids, EmailState.DIGEST)
        if not items or not items[0].recipient.email:
            continue
        user = items[0].recipient
        with translation.override(language_of(user)):
            subject = _("[cyberregions] Your daily digest: %(count)s notification(s)") % {
                "count": len(items)
            }
            body = render_to_string(
                "core/email/digest.txt",
                {
                    "user": user,
                    "items": sorted(items, key=lambda item: item.created_at),
                    "site_url": site_url(),
                },
            )
        try:
            get_connection().send_messages([EmailMessage(subject, body, to=[user.email])])
        except Exception:
            _release(items, EmailState.DIGEST)
            logger.warning("notifications: a digest could not be sent")
            raise
        sent += 1
    return sent


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


@transaction.atomic
def mark_read(user, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications (all of them when ``ids`` is None) as read."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())

"""What the get-help module holds about a person (``core.privacy``).

- Help requests carry a contact (name, e-mail, phone) and a free description. They are
  exported with the signed-in person who filed them; on erasure their contact is blanked.
  After the retention period (``RETENTION_DAYS`` after closing or withdrawal, or after filing
  for a request never closed) every request's contact and description are blanked, whoever
  filed it: the anonymised counts (service, urgency, region) stay for the demand signals.
- Self-assessments filled while signed in are exported with their author; on erasure the
  author link goes (the answers are not personal, the organisation keeps its result).
- Offer answers are a provider's work record (kept, pointing at the anonymised account).
"""

from __future__ import annotations

import datetime

from cyberregions.core import privacy

from .models import Assessment, HelpOffer, HelpRequest, HelpRequestStep, LabelStep

RETENTION_DAYS = 365
ERASED = ""
PERSONAL_FIELDS = ("contact_name", "contact_email", "contact_phone", "description")


def blank(queryset, now) -> int:
    return queryset.filter(personal_data_erased_at__isnull=True).update(
        contact_name=ERASED,
        contact_email=ERASED,
        contact_phone=ERASED,
        contact_consent=False,
        consent_recorded_at=None,
        description=privacy.ERASED_TEXT,
        rating_comment=ERASED,
        personal_data_erased_at=now,
    )


def export_requests(user) -> list[dict]:
    return list(
        HelpRequest.objects.filter(created_by=user).values(
            "pk",
            "created_at",
            "status",
            "urgency",
            "description",
            "contact_name",
            "contact_email",
            "contact_phone",
            "contact_consent",
            "rating",
            "rating_comment",
        )
    )


def erase_requests(user, erasure: privacy.Erasure) -> None:
    from django.utils import timezone

    rows = HelpRequest.objects.filter(created_by=user)
    erasure.mark(rows.only("pk"))
    erasure.count("help_requests", blank(rows, timezone.now()))
    rows.update(created_by=None)


def export_assessments(user) -> list[dict]:
    return list(
        Assessment.objects.filter(created_by=user).values(
            "questionnaire", "version", "overall", "theme_scores", "created_at"
        )
    )


def erase_assessments(user, erasure: privacy.Erasure) -> None:
    erasure.count("assessments", Assessment.objects.filter(created_by=user).update(created_by=None))


def purge_help_requests(now) -> int:
    cutoff = now - datetime.timedelta(days=RETENTION_DAYS)
    from django.db.models import Q

    old = HelpRequest.objects.filter(
        Q(closed_at__lt=cutoff) | Q(closed_at__isnull=True, created_at__lt=cutoff)
    )
    return blank(old, now)


privacy.register_personal_data(
    "help_requests",
    exporter=export_requests,
    eraser=erase_requests,
    covers=["gethelp.helprequest.created_by"],
)
privacy.register_personal_data(
    "self_assessments",
    exporter=export_assessments,
    eraser=erase_assessments,
    covers=["gethelp.assessment.created_by"],
)
privacy.register_work_records(
    "gethelp_records",
    [
        (HelpOffer, "answered_by", ("request_id", "status", "answered_at")),
        (HelpRequestStep, "actor", ("help_request_id", "step", "at")),
        (LabelStep, "actor", ("organisation_label_id", "step", "at")),
    ],
)
privacy.declare_personal_audit_keys("gethelp.helprequest", list(PERSONAL_FIELDS))
privacy.register_purge("help_requests", purge_help_requests)

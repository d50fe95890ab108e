"""What good practices hold about a person (``core.privacy``): their comments and expressions
of interest (removed on erasure), and the practices, investigations and steps they took part in
for their region (kept, pointing at the anonymised account)."""

from __future__ import annotations

from cyberregions.core import privacy

from .models import Attachment, Comment, FollowUp, Interest, Investigation, Practice, Transition


def export_comments(user) -> list[dict]:
    rows = Comment.objects.filter(author=user).values(
        "practice__slug", "kind", "body", "created_at"
    )
    return [{"practice": row.pop("practice__slug"), **row} for row in rows]


def erase_comments(user, erasure: privacy.Erasure) -> None:
    comments = list(Comment.objects.filter(author=user).only("pk"))
    erasure.mark(comments)
    erasure.count(
        "practice_comments", Comment.objects.filter(pk__in=[c.pk for c in comments]).delete()[0]
    )


def export_interests(user) -> list[dict]:
    rows = Interest.objects.filter(user=user).values(
        "practice__slug", "region__code", "message", "contact_consent_at", "created_at"
    )
    return [
        {"practice": row.pop("practice__slug"), "region": row.pop("region__code"), **row}
        for row in rows
    ]


def erase_interests(user, erasure: privacy.Erasure) -> None:
    interests = list(Interest.objects.filter(user=user).only("pk"))
    erasure.mark(interests)
    erasure.count(
        "practice_interests", Interest.objects.filter(pk__in=[i.pk for i in interests]).delete()[0]
    )


privacy.register_personal_data(
    "practice_comments",
    exporter=export_comments,
    eraser=erase_comments,
    covers=["practices.comment.author"],
)
privacy.register_personal_data(
    "practice_interests",
    exporter=export_interests,
    eraser=erase_interests,
    covers=["practices.interest.user"],
)
privacy.register_work_records(
    "practice_records",
    [
        (Practice, "author", ("slug", "title")),
        (Practice, "validated_by", ("slug", "title")),
        (Transition, "actor", ("practice__slug", "step", "at")),
        (Attachment, "uploaded_by", ("practice__slug", "name", "uploaded_at")),
        (Investigation, "created_by", ("title", "start_date")),
        (FollowUp, "owner", ("task", "due_date", "done_at")),
    ],
)
privacy.declare_personal_audit_keys("practices.comment", ["body"])
privacy.declare_personal_audit_keys("practices.interest", ["message"])

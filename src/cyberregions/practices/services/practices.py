"""State changes of good practices. Each runs in one transaction, asks core.permissions first,
writes an audit record and notifies the people concerned."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cyberregions.core import audit
from cyberregions.core.permissions import is_admin, is_authenticated, require

from .. import notifications, permissions, uploads
from ..choices import AWAITING_STAFF, Action, CommentKind, PracticeStatus
from ..models import Attachment, Comment, Interest, Practice, PracticeFigure, Transition

AUDITED_FIELDS = [
    "title",
    "region",
    "main_institution",
    "other_organisations",
    "policy_instruments",
    "barriers",
    "domains",
    "summary",
    "description",
    "budget_eur",
    "staff_fte",
    "resources_note",
    "start_date",
    "end_date",
    "evidence",
    "difficulties",
    "lessons",
    "transfer_potential",
    "links",
    "keywords",
    "contact_name",
    "contact_email",
    "contact_public_consent",
]
TAG_FIELDS = ("other_organisations", "barriers", "domains")


class WorkflowError(Exception):
    """The practice cannot change as asked (wrong state, missing reason…)."""


class AttachmentRefused(WorkflowError):
    """The uploaded file is not accepted."""


def max_attachment_bytes() -> int:
    return int(getattr(settings, "PRACTICES_MAX_ATTACHMENT_BYTES", uploads.DEFAULT_MAX_BYTES))


# Words the library's own pages use in their addresses.
RESERVED_SLUGS = frozenset({"new", "transferability", "investigations", "follow-ups"})


def unique_slug(title: str, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:100] or "practice"
    slug, counter = base, 2
    existing = Practice.objects.exclude(pk=exclude_pk)
    while slug in RESERVED_SLUGS or existing.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def snapshot(practice: Practice) -> dict:
    data = audit.snapshot(practice, AUDITED_FIELDS)
    data["figures"] = [str(figure) for figure in practice.figures.all()] if practice.pk else []
    return data


def _apply(practice: Practice, data: dict, figures: list[dict] | None) -> None:
    consent_before = practice.contact_public_consent
    for field, value in data.items():
        if field not in TAG_FIELDS:
            setattr(practice, field, value)
    if practice.contact_public_consent and not consent_before:
        practice.contact_consent_recorded_at = timezone.now()
    elif not practice.contact_public_consent:
        practice.contact_consent_recorded_at = None
    practice.full_clean(exclude=["slug", *TAG_FIELDS])
    practice.save()
    for field in TAG_FIELDS:
        if field in data:
            getattr(practice, field).set(data[field])
    if figures is not None:
        practice.figures.all().delete()
        PracticeFigure.objects.bulk_create(
            PracticeFigure(practice=practice, position=position, **figure)
            for position, figure in enumerate(figures)
        )


@transaction.atomic
def create_practice(actor, data: dict, figures: list[dict] | None = None) -> Practice:
    region = data.get("region")
    require(region is not None and permissions.can_create_practice(actor, region.pk))
    practice = Practice(
        slug=unique_slug(data["title"]),
        status=PracticeStatus.DRAFT,
        author=actor if is_authenticated(actor) else None,
    )
    _apply(practice, data, figures)
    audit.record(actor, "practice.create", practice, after=snapshot(practice))
    return practice


@transaction.atomic
def update_practice(actor, practice: Practice, data: dict, figures=None) -> Practice:
    require(permissions.can_edit_practice(actor, practice))
    new_region = data.get("region", practice.region)
    if new_region.pk != practice.region_id:
        # Moving a practice hands it to another region's coordinators.
        require(permissions.can_create_practice(actor, new_region.pk))
    before = snapshot(practice)
    _apply(practice, data, figures)
    audit.record(actor, "practice.update", practice, before=before, after=snapshot(practice))
    return practice


# The validation workflow -------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    sources: tuple[str, ...]
    target: str
    allowed: object  # a permission helper (user, practice) -> bool
    needs_reason: bool
    notify: str  # "staff" or "region"
    done: object  # message shown after the step


TRANSITIONS: dict[str, Rule] = {
    Action.SUBMIT: Rule(
        (PracticeStatus.DRAFT,),
        PracticeStatus.SUBMITTED,
        permissions.can_submit_practice,
        False,
        "staff",
        gettext_lazy("The practice has been submitted to programme staff."),
    ),
    Action.REQUEST_CHANGES: Rule(
        AWAITING_STAFF,
        PracticeStatus.CHANGES_REQUESTED,
        permissions.can_decide_practice,
        True,
        "region",
        gettext_lazy("Changes have been requested from the region."),
    ),
    Action.RESUBMIT: Rule(
        (PracticeStatus.CHANGES_REQUESTED,),
        PracticeStatus.RESUBMITTED,
        permissions.can_submit_practice,
        False,
        "staff",
        gettext_lazy("The practice has been resubmitted to programme staff."),
    ),
    Action.VALIDATE: Rule(
        AWAITING_STAFF,
        PracticeStatus.VALIDATED,
        permissions.can_decide_practice,
        False,
        "region",
        gettext_lazy("The practice has been validated."),
    ),
    Action.PUBLISH: Rule(
        (PracticeStatus.VALIDATED,),
        PracticeStatus.PUBLISHED,
        permissions.can_decide_practice,
        False,
        "region",
        gettext_lazy("The practice is now published."),
    ),
    Action.REJECT: Rule(
        (*AWAITING_STAFF, PracticeStatus.CHANGES_REQUESTED, PracticeStatus.VALIDATED),
        PracticeStatus.REJECTED,
        permissions.can_decide_practice,
        True,
        "region",
        gettext_lazy("The practice has been rejected."),
    ),
}


def allowed_actions(user, practice: Practice) -> list[str]:
    """The steps ``user`` may take on ``practice`` as it stands, for buttons and links."""
    return [
        action
        for action, rule in TRANSITIONS.items()
        if practice.status in rule.sources and rule.allowed(user, practice)
    ]


@transaction.atomic
def transition(actor, practice: Practice, action: str, reason: str = "") -> Practice:
    """Move ``practice`` one step along the workflow, recording who, when and why."""
    rule = TRANSITIONS.get(action)
    if rule is None:
        raise WorkflowError(_("Unknown step."))
    require(rule.allowed(actor, practice))
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if practice.status not in rule.sources:
        raise WorkflowError(
            _("This step is not possible while the practice is “%(status)s”.")
            % {"status": practice.get_status_display()}
        )
    reason = (reason or "").strip()
    if rule.needs_reason and not reason:
        raise WorkflowError(_("Say why: the region will read it."))
    if action in (Action.SUBMIT, Action.RESUBMIT) and not practice.barriers.exists():
        raise WorkflowError(_("Say which barrier the practice addresses before submitting it."))
    before = practice.status
    practice.status = rule.target
    fields = ["status", "updated_at"]
    now = timezone.now()
    if action == Action.VALIDATE:
        practice.validated_by, practice.validated_at = actor, now
        fields += ["validated_by", "validated_at"]
    if action == Action.PUBLISH:
        practice.published_at = now
        fields.append("published_at")
    practice.save(update_fields=fields)
    Transition.objects.create(
        practice=practice,
        action=action,
        from_status=before,
        to_status=rule.target,
        actor=actor if is_authenticated(actor) else None,
        at=now,
        reason=reason,
    )
    audit.record(
        actor,
        f"practice.{action}",
        practice,
        before={"status": before},
        after={"status": rule.target},
        reason=reason,
    )
    recipients = (
        notifications.programme_staff()
        if rule.notify == "staff"
        else notifications.region_people(practice)
    )
    notifications.send(
        recipients,
        _("[cyberregions] %(practice)s: %(status)s")
        % {"practice": practice.title, "status": practice.get_status_display()},
        "practices/email/transition.txt",
        {
            "practice": practice,
            "actor": actor,
            "action": Action(action).label,
            "status": practice.get_status_display(),
            "reason": reason,
        },
        exclude=actor,
    )
    return practice


def submit_practice(actor, practice, reason=""):
    return transition(actor, practice, Action.SUBMIT, reason)


def request_changes(actor, practice, reason):
    return transition(actor, practice, Action.REQUEST_CHANGES, reason)


def resubmit_practice(actor, practice, reason=""):
    return transition(actor, practice, Action.RESUBMIT, reason)


def validate_practice(actor, practice, reason=""):
    return transition(actor, practice, Action.VALIDATE, reason)


def publish_practice(actor, practice, reason=""):
    return transition(actor, practice, Action.PUBLISH, reason)


def reject_practice(actor, practice, reason):
    return transition(actor, practice, Action.REJECT, reason)


# Attachments -------------------------------------------------------------------------------

REFUSAL_MESSAGES = {
    "too_large": gettext_lazy("The file is larger than the limit of %(limit)s MB."),
    "empty": gettext_lazy("The file is empty."),
    "executable": gettext_lazy("Programs and scripts cannot be attached, whatever their name."),
    "macros": gettext_lazy("Office files with macros cannot be attached."),
    "encrypted": gettext_lazy("Encrypted archives cannot be attached."),
    "damaged": gettext_lazy("The file is damaged or not what its type says."),
    "unknown_type": gettext_lazy(
        "Only PDF, PNG, JPEG, Word, Excel, PowerPoint, OpenDocument text or spreadsheet, "
        "plain text and CSV files can be attached."
    ),
}


def refusal_message(error: uploads.Refused) -> str:
    template = REFUSAL_MESSAGES.get(error.code, REFUSAL_MESSAGES["unknown_type"])
    limit = error.details.get("limit", max_attachment_bytes())
    return str(template) % {"limit": f"{limit / (1024 * 1024):g}"}


@transaction.atomic
def add_attachment(actor, practice: Practice, uploaded, title: str = "") -> Attachment:
    """Check ``uploaded`` by its content, store it under a generated name, record it."""
    require(permissions.can_manage_practice_attachments(actor, practice))
    try:
        info = uploads.inspect(uploaded, getattr(uploaded, "name", ""), max_attachment_bytes())
    except uploads.Refused as error:
        raise AttachmentRefused(refusal_message(error)) from error
    attachment = Attachment(
        practice=practice,
        name=info.name,
        title=title.strip()[:200],
        kind=info.kind,
        size=info.size,
        sha256=info.sha256,
        uploaded_by=actor if is_authenticated(actor) else None,
    )
    attachment.file.save(info.name, uploaded, save=False)
    stored = attachment.file.name
    try:
        attachment.save()
        audit.record(
            actor,
            "practice.attachment.add",
            practice,
            after={"attachment": attachment.name, "kind": info.kind, "size": info.size},
        )
    except Exception:
        attachment.file.storage.delete(stored)
        raise
    return attachment


@transaction.atomic
def delete_attachment(actor, attachment: Attachment) -> None:
    practice = attachment.practice
    require(permissions.can_manage_practice_attachments(actor, practice))
    audit.record(
        actor,
        "practice.attachment.delete",
        practice,
        before={"attachment": attachment.name, "kind": attachment.kind, "size": attachment.size},
        after={},
    )
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


# Exchange ----------------------------------------------------------------------------------


@transaction.atomic
def add_comment(actor, practice: Practice, body: str, kind: str = CommentKind.COMMENT) -> Comment:
    require(permissions.can_comment_on_practice(actor, practice))
    if kind == CommentKind.ANSWER:
        # Answers come from the practice's owners.
        require(permissions.owns_practice(actor, practice))
    body = (body or "").strip()
    if not body:
        raise WorkflowError(_("Write something first."))
    comment = Comment.objects.create(practice=practice, author=actor, kind=kind, body=body)
    audit.record(actor, "practice.comment", comment, after={"kind": kind, "practice": practice.pk})
    notifications.send(
        notifications.region_people(practice),
        _("[cyberregions] New %(kind)s on %(practice)s")
        % {"kind": comment.get_kind_display().lower(), "practice": practice.title},
        "practices/email/comment.txt",
        {"practice": practice, "comment": comment, "actor": actor},
        exclude=actor,
    )
    return comment


@transaction.atomic
def express_interest(actor, practice: Practice, region, message: str = "", consent=False):
    """ "Interested in learning from this", for ``region``, with the actor as contact."""
    require(permissions.can_express_interest(actor, practice, region.pk))
    if not consent:
        raise WorkflowError(_("Agree to share your name and e-mail with the practice's owners."))
    try:
        with transaction.atomic():
            interest = Interest.objects.create(
                practice=practice,
                region=region,
                user=actor,
                message=(message or "").strip(),
                contact_consent_at=timezone.now(),
            )
    except IntegrityError as error:
        raise WorkflowError(
            _("You have already said that this region is interested in this practice.")
        ) from error
    audit.record(
        actor, "practice.interest", interest, after={"practice": practice.pk, "region": region.pk}
    )
    notifications.send(
        notifications.region_people(practice),
        _("[cyberregions] %(region)s is interested in %(practice)s")
        % {"region": region.name, "practice": practice.title},
        "practices/email/interest.txt",
        {"practice": practice, "interest": interest, "actor": actor},
        exclude=actor,
    )
    return interest


@transaction.atomic
def withdraw_interest(actor, interest: Interest) -> None:
    require(is_admin(actor) or interest.user_id == getattr(actor, "pk", None))
    audit.record(
        actor,
        "practice.interest.withdraw",
        interest,
        before={"practice": interest.practice_id, "region": interest.region_id},
        after={},
    )
    interest.delete()

"""State changes of good practices. Each runs in one transaction, asks core.permissions first,
writes an audit record and notifies the people concerned."""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cyberregions.core import attachments, audit, slugs
from cyberregions.core.consent import date_consent
from cyberregions.core.notifications import notify, programme_staff
from cyberregions.core.permissions import is_admin, is_authenticated, require
from cyberregions.core.workflow import Notice, Step, Transition, Workflow, WorkflowError

from .. import notifications, permissions
from ..choices import AWAITING_STAFF, Action, CommentKind, PracticeStatus
from ..models import Attachment, Comment, Interest, Practice, PracticeFigure
from ..models import Transition as PracticeStep

# What people edit on a practice, declared once: the form edits these fields and the audit
# snapshot records them (test_practice_fields).
PRACTICE_FIELDS = [
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
AUDITED_FIELDS = PRACTICE_FIELDS
TAG_FIELDS = ("other_organisations", "barriers", "domains")


REASON_FOR_REGION = gettext_lazy("Say why: the region will read it.")


class AttachmentRefused(WorkflowError):
    """The uploaded file is not accepted."""


def max_attachment_bytes() -> int:
    return int(getattr(settings, "PRACTICES_MAX_ATTACHMENT_BYTES", attachments.DEFAULT_MAX_BYTES))


# Words the library's own pages use in their addresses.
RESERVED_SLUGS = frozenset({"new", "transferability", "investigations", "follow-ups"})


def unique_slug(title: str, exclude_pk: int | None = None) -> str:
    return slugs.unique_slug(Practice.objects, title, "practice", RESERVED_SLUGS, exclude_pk)


def snapshot(practice: Practice) -> dict:
    data = audit.snapshot(practice, AUDITED_FIELDS)
    data["figures"] = [str(figure) for figure in practice.figures.all()] if practice.pk else []
    return data


def _apply(practice: Practice, data: dict, figures: list[dict] | None) -> None:
    consent_before = practice.contact_public_consent
    for field, value in data.items():
        if field not in TAG_FIELDS:
            setattr(practice, field, value)
    date_consent(practice, "contact_public_consent", "contact_consent_recorded_at", consent_before)
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


def _needs_barrier(step: Step) -> str | None:
    if not step.obj.barriers.exists():
        return _("Say which barrier the practice addresses before submitting it.")
    return None


def _validated(step: Step) -> None:
    step.set(validated_by=step.actor if is_authenticated(step.actor) else None)
    step.set(validated_at=step.at)


def _published(step: Step) -> None:
    step.set(published_at=step.at)


def _subject(step: Step) -> str:
    return _("[cyberregions] %(practice)s: %(status)s") % {
        "practice": step.obj.title,
        "status": step.obj.get_status_display(),
    }


def _context(step: Step) -> dict:
    return {
        "practice": step.obj,
        "actor": step.actor,
        "action": Action(step.name).label,
        "status": step.obj.get_status_display(),
        "reason": step.reason,
    }


WORKFLOW = Workflow(
    model=Practice,
    history=PracticeStep,
    subject_field="practice",
    audit_prefix="practice",
    object_word=gettext_lazy("the practice"),
    notice=Notice(
        kind="practice.step",
        subject=_subject,
        template="practices/email/transition.txt",
        context=_context,
        url=lambda practice: practice.get_absolute_url(),
    ),
    transitions=[
        Transition(
            Action.SUBMIT,
            (PracticeStatus.DRAFT,),
            PracticeStatus.SUBMITTED,
            permissions.can_submit_practice,
            gettext_lazy("The practice has been submitted to programme staff."),
            check=_needs_barrier,
            notify=programme_staff,
        ),
        Transition(
            Action.REQUEST_CHANGES,
            AWAITING_STAFF,
            PracticeStatus.CHANGES_REQUESTED,
            permissions.can_decide_practice,
            gettext_lazy("Changes have been requested from the region."),
            needs_reason=True,
            reason_prompt=REASON_FOR_REGION,
            notify=notifications.region_people,
        ),
        Transition(
            Action.RESUBMIT,
            (PracticeStatus.CHANGES_REQUESTED,),
            PracticeStatus.RESUBMITTED,
            permissions.can_submit_practice,
            gettext_lazy("The practice has been resubmitted to programme staff."),
            check=_needs_barrier,
            notify=programme_staff,
        ),
        Transition(
            Action.VALIDATE,
            AWAITING_STAFF,
            PracticeStatus.VALIDATED,
            permissions.can_decide_practice,
            gettext_lazy("The practice has been validated."),
            effect=_validated,
            notify=notifications.region_people,
        ),
        Transition(
            Action.PUBLISH,
            (PracticeStatus.VALIDATED,),
            PracticeStatus.PUBLISHED,
            permissions.can_decide_practice,
            gettext_lazy("The practice is now published."),
            effect=_published,
            notify=notifications.region_people,
        ),
        Transition(
            Action.REJECT,
            (*AWAITING_STAFF, PracticeStatus.CHANGES_REQUESTED, PracticeStatus.VALIDATED),
            PracticeStatus.REJECTED,
            permissions.can_decide_practice,
            gettext_lazy("The practice has been rejected."),
            needs_reason=True,
            reason_prompt=REASON_FOR_REGION,
            notify=notifications.region_people,
        ),
    ],
)
TRANSITIONS = WORKFLOW.transitions


def allowed_actions(user, practice: Practice) -> list[str]:
    """The steps ``user`` may take on ``practice`` as it stands, for buttons and links."""
    return WORKFLOW.available(user, practice)


def transition(actor, practice: Practice, action: str, reason: str = "") -> Practice:
    """Move ``practice`` one step along the workflow, recording who, when and why."""
    return WORKFLOW.transition(actor, practice, action, reason)


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


@transaction.atomic
def add_attachment(actor, practice: Practice, uploaded, title: str = "") -> Attachment:
    """Check ``uploaded`` by its content, store it under a generated name, record it."""
    require(permissions.can_manage_practice_attachments(actor, practice))
    try:
        info = attachments.check(uploaded, max_attachment_bytes())
    except attachments.UploadRefused as error:
        raise AttachmentRefused(str(error)) from error
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
    notify(
        notifications.region_people(practice),
        kind="practice.comment",
        subject=lambda: (
            _("[cyberregions] New %(kind)s on %(practice)s")
            % {"kind": comment.get_kind_display().lower(), "practice": practice.title}
        ),
        template="practices/email/comment.txt",
        context={"practice": practice, "comment": comment, "actor": actor},
        url=practice.get_absolute_url(),
        actor=actor,
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
    notify(
        notifications.region_people(practice),
        kind="practice.interest",
        subject=lambda: (
            _("[cyberregions] %(region)s is interested in %(practice)s")
            % {"region": region.name, "practice": practice.title}
        ),
        template="practices/email/interest.txt",
        context={"practice": practice, "interest": interest, "actor": actor},
        url=practice.get_absolute_url(),
        actor=actor,
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

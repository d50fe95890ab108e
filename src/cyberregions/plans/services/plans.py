"""State changes of action plans: writing a plan, its actions and indicators, and its
workflow. Each runs in one transaction, asks core.permissions first and writes an audit
record."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cyberregions.core import audit
from cyberregions.core.concurrency import VERSION, claim_version
from cyberregions.core.consent import date_consent
from cyberregions.core.notifications import notify, programme_staff
from cyberregions.core.permissions import is_authenticated, is_programme_staff, require
from cyberregions.core.workflow import Notice, Step, Transition, Workflow, WorkflowError

from .. import notifications, permissions, versions
from ..choices import PlanStatus, PlanStep
from ..models import Action, ActionPlan, Indicator, Milestone, PlanComment, PlanTransition

PLAN_FIELDS = [
    "title",
    "region",
    "partner",
    "partner_name",
    "other_partners",
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact_public_consent",
    "instrument_name",
    "managing_authority",
    "instrument_type",
    "policy_context",
]
PLAN_M2M = ("other_partners",)
ACTION_FIELDS = [
    "position",
    "title",
    "background",
    "practices",
    "description",
    "players",
    "players_note",
    "start_date",
    "end_date",
    "cost_eur",
    "funding_sources",
    "improvement_type",
]
ACTION_M2M = ("practices", "players")
INDICATOR_FIELDS = ["kind", "name", "unit", "baseline", "target", "position"]


class PlanError(WorkflowError):
    """The plan cannot change as asked (wrong state, missing information…)."""


def _actor(actor):
    return actor if is_authenticated(actor) else None


def _check(instance, exclude=()) -> None:
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as error:
        raise PlanError(" ".join(error.messages)) from error


def _apply_plan(plan: ActionPlan, data: dict) -> None:
    consent_before = plan.contact_public_consent
    for name, value in data.items():
        if name not in PLAN_M2M:
            setattr(plan, name, value)
    date_consent(plan, "contact_public_consent", "contact_consent_recorded_at", consent_before)
    _check(plan, PLAN_M2M)
    plan.save()
    if "other_partners" in data:
        plan.other_partners.set(data["other_partners"])


def plan_snapshot(plan: ActionPlan) -> dict:
    # With the version the save produced: core.concurrency reads it back to say what changed
    # since an edit began.
    return audit.snapshot(plan, [*PLAN_FIELDS, VERSION])


@transaction.atomic
def create_plan(actor, data: dict) -> ActionPlan:
    region = data.get("region")
    require(region is not None and permissions.can_create_plan(actor, region.pk))
    plan = ActionPlan(status=PlanStatus.DRAFT, created_by=_actor(actor))
    _apply_plan(plan, data)
    audit.record(actor, "plan.create", plan, after=plan_snapshot(plan))
    return plan


@transaction.atomic
def update_plan(
    actor, plan: ActionPlan, data: dict, expected_version: int | None = None
) -> ActionPlan:
    """Saves parts I and II. With ``expected_version`` (the version the editor started from),
    a save made by someone else since is not overwritten: ``StaleVersion``."""
    require(permissions.can_edit_plan(actor, plan))
    new_region = data.get("region", plan.region)
    if new_region.pk != plan.region_id:
        # Moving a plan hands it to another region's coordinators.
        require(permissions.can_create_plan(actor, new_region.pk))
    before = plan_snapshot(plan)
    claim_version(plan, expected_version)
    _apply_plan(plan, data)
    audit.record(actor, "plan.update", plan, before=before, after=plan_snapshot(plan))
    return plan


@transaction.atomic
def delete_plan(actor, plan: ActionPlan) -> None:
    """A draft that was never submitted may be deleted; afterwards its versions are a record."""
    require(permissions.can_edit_plan(actor, plan))
    if plan.versions.exists():
        raise PlanError(_("A plan that was submitted once is kept: return it to draft instead."))
    audit.record(actor, "plan.delete", plan, before=plan_snapshot(plan))
    plan.delete()


# Actions and indicators -------------------------------------------------------------------


def action_snapshot(action: Action) -> dict:
    return audit.snapshot(action, ACTION_FIELDS)


def _apply_action(action: Action, data: dict) -> None:
    for name, value in data.items():
        if name not in ACTION_M2M:
            setattr(action, name, value)
    if not action.position:
        last = Action.objects.filter(plan=action.plan).aggregate(last=Max("position"))["last"]
        action.position = (last or 0) + 1
    _check(action, ACTION_M2M)
    action.save()
    if "practices" in data:
        action.practices.set(data["practices"])
    if "players" in data:
        action.players.set(data["players"])


@transaction.atomic
def add_action(actor, plan: ActionPlan, data: dict) -> Action:
    require(permissions.can_edit_plan(actor, plan))
    action = Action(plan=plan, position=0)
    _apply_action(action, data)
    audit.record(actor, "plan.action.create", action, after=action_snapshot(action))
    return action


@transaction.atomic
def update_action(actor, action: Action, data: dict) -> Action:
    require(permissions.can_edit_plan(actor, action.plan))
    before = action_snapshot(action)
    _apply_action(action, data)
    audit.record(actor, "plan.action.update", action, before=before, after=action_snapshot(action))
    return action


@transaction.atomic
def delete_action(actor, action: Action) -> None:
    require(permissions.can_edit_plan(actor, action.plan))
    if action.progress_entries.exists():
        raise PlanError(_("This action has been reported on: it cannot be deleted."))
    audit.record(actor, "plan.action.delete", action, before=action_snapshot(action))
    action.delete()


def indicator_snapshot(indicator: Indicator) -> dict:
    data = audit.snapshot(indicator, INDICATOR_FIELDS)
    data["milestones"] = [str(milestone) for milestone in indicator.milestones.all()]
    return data


@transaction.atomic
def save_indicator(
    actor, action: Action, data: dict, milestones: list[dict], indicator: Indicator | None = None
) -> Indicator:
    """Create or update an indicator of ``action`` and replace its milestones."""
    require(permissions.can_edit_plan(actor, action.plan))
    if indicator is not None and indicator.action_id != action.pk:
        raise PlanError(_("This indicator belongs to another action."))
    before = indicator_snapshot(indicator) if indicator is not None else None
    indicator = indicator or Indicator(action=action)
    for name, value in data.items():
        setattr(indicator, name, value)
    _check(indicator)
    indicator.save()
    indicator.milestones.all().delete()
    Milestone.objects.bulk_create(
        Milestone(indicator=indicator, **milestone)
        for milestone in sorted(milestones, key=lambda item: item["due_date"])
    )
    audit.record(
        actor,
        "plan.indicator.update" if before is not None else "plan.indicator.create",
        indicator,
        before=before,
        after=indicator_snapshot(indicator),
    )
    return indicator


@transaction.atomic
def delete_indicator(actor, indicator: Indicator) -> None:
    require(permissions.can_edit_plan(actor, indicator.action.plan))
    audit.record(actor, "plan.indicator.delete", indicator, before=indicator_snapshot(indicator))
    indicator.delete()


# Workflow ---------------------------------------------------------------------------------


def _submitted(step: Step) -> None:
    if not step.obj.actions.exists():
        raise PlanError(_("Add at least one action before submitting the plan."))
    step.set(submitted_at=step.at, validated_by=None, validated_at=None)


def _returned(step: Step) -> None:
    step.set(validated_by=None, validated_at=None)


def _validated(step: Step) -> None:
    step.set(validated_by=_actor(step.actor), validated_at=step.at)


def _endorsed(step: Step) -> None:
    plan, endorsement = step.obj, step.params.get("endorsement") or {}
    authority = (endorsement.get("authority") or "").strip()
    signed_by = (endorsement.get("signed_by") or "").strip()
    endorsed_on = endorsement.get("endorsed_on")
    if not authority or not signed_by or endorsed_on is None:
        raise PlanError(_("Say which authority endorsed the plan, who signed and when."))
    if endorsed_on > timezone.localdate():
        raise PlanError(_("The endorsement cannot be dated in the future."))
    if plan.submitted_at and endorsed_on < timezone.localdate(plan.submitted_at):
        raise PlanError(_("The endorsement cannot come before the plan was submitted."))
    step.set(
        endorsing_authority=authority[:250],
        endorsed_by_name=signed_by[:200],
        endorsed_on=endorsed_on,
        endorsement_recorded_by=_actor(step.actor),
    )


def _started(step: Step) -> None:
    started = step.params.get("on") or timezone.localdate()
    if step.obj.endorsed_on and started < step.obj.endorsed_on:
        raise PlanError(_("The implementation cannot start before the endorsement."))
    step.set(implementation_started_on=started)


def _completed(step: Step) -> None:
    completed = step.params.get("on") or timezone.localdate()
    started = step.obj.implementation_started_on
    if started and completed < started:
        raise PlanError(_("The plan cannot be completed before its implementation started."))
    step.set(completed_on=completed)


def _freeze_version(step: Step) -> None:
    step.audit_after["version"] = versions.freeze(step.obj, step.actor).number


def _subject(step: Step) -> str:
    return _("[cyberregions] %(plan)s: %(status)s") % {
        "plan": step.obj.title,
        "status": step.obj.get_status_display(),
    }


def _context(step: Step) -> dict:
    return {
        "plan": step.obj,
        "actor": _actor(step.actor),
        "step": PlanStep(step.name).label,
        "status": step.obj.get_status_display(),
        "reason": step.reason,
    }


WORKFLOW = Workflow(
    model=ActionPlan,
    history=PlanTransition,
    subject_field="plan",
    audit_prefix="plan",
    object_word=gettext_lazy("the plan"),
    error=PlanError,
    notice=Notice(
        kind="plan.step",
        subject=_subject,
        template="plans/email/transition.txt",
        context=_context,
        url=lambda plan: plan.get_absolute_url(),
    ),
    transitions=[
        Transition(
            PlanStep.SUBMIT,
            (PlanStatus.DRAFT,),
            PlanStatus.SUBMITTED,
            permissions.can_submit_plan,
            gettext_lazy("The plan has been submitted to programme staff; this version is frozen."),
            effect=_submitted,
            after_save=_freeze_version,
            notify=programme_staff,
        ),
        Transition(
            PlanStep.RETURN,
            (PlanStatus.SUBMITTED, PlanStatus.VALIDATED),
            PlanStatus.DRAFT,
            permissions.can_decide_plan,
            gettext_lazy("The plan has been returned to the region for changes."),
            needs_reason=True,
            reason_prompt=gettext_lazy("Say why: the region will read it."),
            effect=_returned,
            notify=notifications.region_people,
        ),
        Transition(
            PlanStep.VALIDATE,
            (PlanStatus.SUBMITTED,),
            PlanStatus.VALIDATED,
            permissions.can_decide_plan,
            gettext_lazy("The plan has been validated: the region may now have it endorsed."),
            effect=_validated,
            notify=notifications.region_people,
        ),
        Transition(
            PlanStep.ENDORSE,
            (PlanStatus.VALIDATED,),
            PlanStatus.ENDORSED,
            permissions.can_record_endorsement,
            gettext_lazy("The endorsement has been recorded; the plan is now public."),
            effect=_endorsed,
            notify=programme_staff,
            wrong_state=lambda plan: (
                _("Programme staff validate the plan before its endorsement is recorded.")
                if plan.status == PlanStatus.SUBMITTED
                else None
            ),
        ),
        Transition(
            PlanStep.START,
            (PlanStatus.ENDORSED,),
            PlanStatus.IN_IMPLEMENTATION,
            permissions.can_run_plan,
            gettext_lazy(
                "The implementation has started: a monitoring report is due each semester."
            ),
            effect=_started,
            notify=programme_staff,
        ),
        Transition(
            PlanStep.COMPLETE,
            (PlanStatus.IN_IMPLEMENTATION,),
            PlanStatus.COMPLETED,
            permissions.can_run_plan,
            gettext_lazy("The plan is completed."),
            effect=_completed,
            notify=programme_staff,
        ),
    ],
)
TRANSITIONS = WORKFLOW.transitions


def allowed_steps(user, plan: ActionPlan) -> list[str]:
    """The steps ``user`` may take on ``plan`` as it stands, for buttons and links."""
    return WORKFLOW.available(user, plan)


def transition(
    actor,
    plan: ActionPlan,
    step: str,
    reason: str = "",
    endorsement: dict | None = None,
    on: datetime.date | None = None,
) -> ActionPlan:
    """Move ``plan`` one step along its workflow, recording who, when and why. Submitting
    freezes a version; endorsing needs ``endorsement`` (authority, signed_by, endorsed_on)."""
    return WORKFLOW.transition(actor, plan, step, reason, endorsement=endorsement, on=on)


def submit_plan(actor, plan, reason=""):
    return transition(actor, plan, PlanStep.SUBMIT, reason)


def return_plan(actor, plan, reason):
    return transition(actor, plan, PlanStep.RETURN, reason)


def validate_plan(actor, plan, reason=""):
    return transition(actor, plan, PlanStep.VALIDATE, reason)


def endorse_plan(actor, plan, authority: str, signed_by: str, endorsed_on, reason=""):
    endorsement = {"authority": authority, "signed_by": signed_by, "endorsed_on": endorsed_on}
    return transition(actor, plan, PlanStep.ENDORSE, reason, endorsement=endorsement)


def start_implementation(actor, plan, on=None, reason=""):
    return transition(actor, plan, PlanStep.START, reason, on=on)


def complete_plan(actor, plan, on=None, reason=""):
    return transition(actor, plan, PlanStep.COMPLETE, reason, on=on)


# Comments ---------------------------------------------------------------------------------


@transaction.atomic
def add_comment(actor, plan: ActionPlan, body: str) -> PlanComment:
    require(permissions.can_follow_plan(actor, plan))
    body = (body or "").strip()
    if not body:
        raise PlanError(_("Write the comment, then send it."))
    comment = PlanComment.objects.create(plan=plan, author=_actor(actor), body=body[:4000])
    audit.record(actor, "plan.comment", comment, after={"plan": plan.pk, "body": comment.body})
    staff_wrote = is_programme_staff(actor) and not permissions.owns_plan(actor, plan)
    recipients = notifications.region_people(plan) if staff_wrote else programme_staff()
    notify(
        recipients,
        kind="plan.comment",
        subject=lambda: _("[cyberregions] Comment on %(plan)s") % {"plan": plan.title},
        template="plans/email/comment.txt",
        context={"plan": plan, "author": actor, "body": comment.body},
        url=f"{plan.get_absolute_url()}#comments",
        actor=actor,
    )
    return comment

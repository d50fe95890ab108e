"""State changes of action plans: writing a plan, its actions and indicators, and its
workflow. Each runs in one transaction, asks core.permissions first and writes an audit
record."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cyberregions.core import audit
from cyberregions.core.permissions import is_authenticated, is_programme_staff, require

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


class PlanError(Exception):
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
    if plan.contact_public_consent and not consent_before:
        plan.contact_consent_recorded_at = timezone.now()
    elif not plan.contact_public_consent:
        plan.contact_consent_recorded_at = None
    _check(plan, PLAN_M2M)
    plan.save()
    if "other_partners" in data:
        plan.other_partners.set(data["other_partners"])


def plan_snapshot(plan: ActionPlan) -> dict:
    return audit.snapshot(plan, PLAN_FIELDS)


@transaction.atomic
def create_plan(actor, data: dict) -> ActionPlan:
    region = data.get("region")
    require(region is not None and permissions.can_create_plan(actor, region.pk))
    plan = ActionPlan(status=PlanStatus.DRAFT, created_by=_actor(actor))
    _apply_plan(plan, data)
    audit.record(actor, "plan.create", plan, after=plan_snapshot(plan))
    return plan


@transaction.atomic
def update_plan(actor, plan: ActionPlan, data: dict) -> ActionPlan:
    require(permissions.can_edit_plan(actor, plan))
    new_region = data.get("region", plan.region)
    if new_region.pk != plan.region_id:
        # Moving a plan hands it to another region's coordinators.
        require(permissions.can_create_plan(actor, new_region.pk))
    before = plan_snapshot(plan)
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


@dataclass(frozen=True)
class Rule:
    sources: tuple[str, ...]
    target: str
    allowed: object  # a permission helper (user, plan) -> bool
    needs_reason: bool
    notify: str  # "staff" or "region"
    done: object  # message shown after the step


TRANSITIONS: dict[str, Rule] = {
    PlanStep.SUBMIT: Rule(
        (PlanStatus.DRAFT,),
        PlanStatus.SUBMITTED,
        permissions.can_submit_plan,
        False,
        "staff",
        gettext_lazy("The plan has been submitted to programme staff; this version is frozen."),
    ),
    PlanStep.RETURN: Rule(
        (PlanStatus.SUBMITTED,),
        PlanStatus.DRAFT,
        permissions.can_decide_plan,
        True,
        "region",
        gettext_lazy("The plan has been returned to the region for changes."),
    ),
    PlanStep.VALIDATE: Rule(
        (PlanStatus.SUBMITTED,),
        PlanStatus.SUBMITTED,
        permissions.can_decide_plan,
        False,
        "region",
        gettext_lazy("The plan has been validated: the region may now have it endorsed."),
    ),
    PlanStep.ENDORSE: Rule(
        (PlanStatus.SUBMITTED,),
        PlanStatus.ENDORSED,
        permissions.can_record_endorsement,
        False,
        "staff",
        gettext_lazy("The endorsement has been recorded; the plan is now public."),
    ),
    PlanStep.START: Rule(
        (PlanStatus.ENDORSED,),
        PlanStatus.IN_IMPLEMENTATION,
        permissions.can_run_plan,
        False,
        "staff",
        gettext_lazy("The implementation has started: a monitoring report is due each semester."),
    ),
    PlanStep.COMPLETE: Rule(
        (PlanStatus.IN_IMPLEMENTATION,),
        PlanStatus.COMPLETED,
        permissions.can_run_plan,
        False,
        "staff",
        gettext_lazy("The plan is completed."),
    ),
}


def _ready(step: str, plan: ActionPlan) -> bool:
    """Conditions beyond the state: a plan is validated once, and endorsed once validated."""
    if step == PlanStep.VALIDATE:
        return plan.validated_at is None
    if step == PlanStep.ENDORSE:
        return plan.validated_at is not None
    return True


def allowed_steps(user, plan: ActionPlan) -> list[str]:
    """The steps ``user`` may take on ``plan`` as it stands, for buttons and links."""
    return [
        step
        for step, rule in TRANSITIONS.items()
        if plan.status in rule.sources and _ready(step, plan) and rule.allowed(user, plan)
    ]


@transaction.atomic
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
    rule = TRANSITIONS.get(step)
    if rule is None:
        raise PlanError(_("Unknown step."))
    require(rule.allowed(actor, plan))
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status not in rule.sources:
        raise PlanError(
            _("This step is not possible while the plan is “%(status)s”.")
            % {"status": plan.get_status_display()}
        )
    reason = (reason or "").strip()
    if rule.needs_reason and not reason:
        raise PlanError(_("Say why: the region will read it."))
    before = {
        "status": plan.status,
        "validated_by": plan.validated_by_id,
        "endorsed_on": str(plan.endorsed_on) if plan.endorsed_on else None,
    }
    now = timezone.now()
    today = timezone.localdate()
    fields = ["status", "updated_at"]
    if step == PlanStep.SUBMIT:
        if not plan.actions.exists():
            raise PlanError(_("Add at least one action before submitting the plan."))
        plan.submitted_at = now
        plan.validated_by, plan.validated_at = None, None
        fields += ["submitted_at", "validated_by", "validated_at"]
    elif step == PlanStep.RETURN:
        plan.validated_by, plan.validated_at = None, None
        fields += ["validated_by", "validated_at"]
    elif step == PlanStep.VALIDATE:
        if plan.validated_at is not None:
            raise PlanError(_("This version of the plan is already validated."))
        plan.validated_by, plan.validated_at = _actor(actor), now
        fields += ["validated_by", "validated_at"]
    elif step == PlanStep.ENDORSE:
        if plan.validated_at is None:
            raise PlanError(
                _("Programme staff validate the plan before its endorsement is recorded.")
            )
        _endorse(plan, actor, endorsement or {}, today)
        fields += [
            "endorsing_authority",
            "endorsed_by_name",
            "endorsed_on",
            "endorsement_recorded_by",
        ]
    elif step == PlanStep.START:
        started = on or today
        if plan.endorsed_on and started < plan.endorsed_on:
            raise PlanError(_("The implementation cannot start before the endorsement."))
        plan.implementation_started_on = started
        fields.append("implementation_started_on")
    elif step == PlanStep.COMPLETE:
        completed = on or today
        if plan.implementation_started_on and completed < plan.implementation_started_on:
            raise PlanError(_("The plan cannot be completed before its implementation started."))
        plan.completed_on = completed
        fields.append("completed_on")
    previous_status = plan.status
    plan.status = rule.target
    plan.save(update_fields=fields)
    version = versions.freeze(plan, actor) if step == PlanStep.SUBMIT else None
    PlanTransition.objects.create(
        plan=plan,
        step=step,
        from_status=previous_status,
        to_status=rule.target,
        actor=_actor(actor),
        at=now,
        reason=reason,
    )
    after = {
        "status": plan.status,
        "validated_by": plan.validated_by_id,
        "endorsed_on": str(plan.endorsed_on) if plan.endorsed_on else None,
    }
    if version is not None:
        after["version"] = version.number
    audit.record(actor, f"plan.{step}", plan, before=before, after=after, reason=reason)
    recipients = (
        notifications.programme_staff()
        if rule.notify == "staff"
        else notifications.region_people(plan)
    )
    notifications.send(
        recipients,
        _("[cyberregions] %(plan)s: %(status)s")
        % {"plan": plan.title, "status": plan.get_status_display()},
        "plans/email/transition.txt",
        {
            "plan": plan,
            "actor": actor if is_authenticated(actor) else None,
            "step": PlanStep(step).label,
            "status": plan.get_status_display(),
            "reason": reason,
        },
        exclude=actor,
    )
    return plan


def _endorse(plan: ActionPlan, actor, endorsement: dict, today: datetime.date) -> None:
    authority = (endorsement.get("authority") or "").strip()
    signed_by = (endorsement.get("signed_by") or "").strip()
    endorsed_on = endorsement.get("endorsed_on")
    if not authority or not signed_by or endorsed_on is None:
        raise PlanError(_("Say which authority endorsed the plan, who signed and when."))
    if endorsed_on > today:
        raise PlanError(_("The endorsement cannot be dated in the future."))
    if plan.submitted_at and endorsed_on < timezone.localdate(plan.submitted_at):
        raise PlanError(_("The endorsement cannot come before the plan was submitted."))
    plan.endorsing_authority = authority[:250]
    plan.endorsed_by_name = signed_by[:200]
    plan.endorsed_on = endorsed_on
    plan.endorsement_recorded_by = _actor(actor)


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
    recipients = (
        notifications.region_people(plan) if staff_wrote else notifications.programme_staff()
    )
    notifications.send(
        recipients,
        _("[cyberregions] Comment on %(plan)s") % {"plan": plan.title},
        "plans/email/comment.txt",
        {"plan": plan, "author": actor, "body": comment.body},
        exclude=actor,
    )
    return comment

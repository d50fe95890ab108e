"""Modification requests of endorsed and running plans: the region proposes changes with a
reason, programme staff approve them through the workflow engine (the plan changes and a new
version is frozen, whose difference with the previous one the versions page shows) or refuse
them with a reason."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cyberregions.core import audit
from cyberregions.core.notifications import notify, programme_staff
from cyberregions.core.permissions import is_authenticated, require
from cyberregions.core.workflow import Notice, Step, Transition, Workflow, WorkflowError

from .. import notifications, permissions, versions
from ..choices import MODIFIABLE_PLAN_STATUSES, ModificationStatus, ModificationStep
from ..models import Action, ActionPlan, ModificationTransition, PlanModification

# What a modification request may change: the plan's own text and each action's content,
# dates and costs. Its region, partners and authority stay as endorsed.
PLAN_FIELDS = ("title", "policy_context", "instrument_name", "managing_authority")
ACTION_FIELDS = ("title", "description", "start_date", "end_date", "cost_eur", "funding_sources")
DATE_FIELDS = ("start_date", "end_date")


class ModificationError(WorkflowError):
    """The modification request cannot be made or decided as asked."""


def _plain(name: str, value):
    if name in DATE_FIELDS and isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _value(name: str, value):
    if name in DATE_FIELDS and value:
        return datetime.date.fromisoformat(value)
    return value


def _differences(plan: ActionPlan, proposed: dict) -> tuple[dict, dict]:
    """The proposed values that differ from the plan as it stands, and those they replace."""
    changes: dict = {"plan": {}, "actions": {}}
    previous: dict = {"plan": {}, "actions": {}}
    for name, value in (proposed.get("plan") or {}).items():
        if name in PLAN_FIELDS and _plain(name, value) != getattr(plan, name):
            changes["plan"][name] = _plain(name, value)
            previous["plan"][name] = getattr(plan, name)
    actions = {action.pk: action for action in plan.actions.all()}
    for key, fields in (proposed.get("actions") or {}).items():
        action = actions.get(int(key))
        if action is None:
            raise ModificationError(_("This action is not part of the plan."))
        for name, value in fields.items():
            current = _plain(name, getattr(action, name))
            if name in ACTION_FIELDS and _plain(name, value) != current:
                changes["actions"].setdefault(str(action.pk), {})[name] = _plain(name, value)
                previous["actions"].setdefault(str(action.pk), {})[name] = current
    return changes, previous


@transaction.atomic
def propose_modification(actor, plan: ActionPlan, reason: str, proposed: dict):
    """The region proposes changes to its endorsed or running plan, saying why."""
    require(permissions.can_propose_modification(actor, plan))
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    require(permissions.can_propose_modification(actor, plan))
    reason = (reason or "").strip()
    if not reason:
        raise ModificationError(_("Say why the plan must change: programme staff will read it."))
    if plan.modifications.filter(status=ModificationStatus.PROPOSED).exists():
        raise ModificationError(
            _("This plan already has a modification request waiting for programme staff.")
        )
    changes, previous = _differences(plan, proposed)
    if not changes["plan"] and not changes["actions"]:
        raise ModificationError(_("The request changes nothing in the plan."))
    modification = PlanModification.objects.create(
        plan=plan,
        reason=reason[:4000],
        changes=changes,
        previous=previous,
        proposed_by=actor if is_authenticated(actor) else None,
    )
    audit.record(
        actor,
        "plan.modification.propose",
        modification,
        before=previous,
        after=changes,
        reason=reason,
    )
    notifications_for_staff(modification, actor)
    return modification


def notifications_for_staff(modification: PlanModification, actor) -> None:
    notify(
        programme_staff(modification),
        kind="plan.modification.proposed",
        subject=lambda: (
            _("[cyberregions] %(plan)s: a modification is proposed")
            % {"plan": modification.plan.title}
        ),
        template="plans/email/modification.txt",
        context={"modification": modification, "status": modification.get_status_display()},
        url=modification.get_absolute_url(),
        actor=actor,
    )


def _apply(step: Step) -> None:
    """Write the approved changes into the plan and its actions."""
    modification = step.obj
    plan = ActionPlan.objects.select_for_update().get(pk=modification.plan_id)
    if plan.status not in MODIFIABLE_PLAN_STATUSES:
        raise ModificationError(_("The plan is no longer endorsed or running."))
    plan_changes = modification.changes.get("plan") or {}
    for name, value in plan_changes.items():
        setattr(plan, name, _value(name, value))
    if plan_changes:
        plan.save(update_fields=[*plan_changes, "updated_at"])
    actions = Action.objects.filter(plan=plan).in_bulk()
    for key, fields in (modification.changes.get("actions") or {}).items():
        action = actions.get(int(key))
        if action is None:
            continue
        for name, value in fields.items():
            setattr(action, name, _value(name, value))
        action.save(update_fields=list(fields))
    step.set(decided_at=step.at, decided_by=_actor(step.actor), decision_reason=step.reason)


def _freeze(step: Step) -> None:
    version = versions.freeze(step.obj.plan, step.actor)
    step.obj.version = version
    step.obj.save(update_fields=["version"])
    step.audit_after["version"] = version.number


def _refused(step: Step) -> None:
    step.set(decided_at=step.at, decided_by=_actor(step.actor), decision_reason=step.reason)


def _actor(actor):
    return actor if is_authenticated(actor) else None


def _region(modification):
    return notifications.region_people(modification.plan)


WORKFLOW = Workflow(
    model=PlanModification,
    history=ModificationTransition,
    subject_field="modification",
    audit_prefix="plan.modification",
    object_word=gettext_lazy("the modification request"),
    error=ModificationError,
    notice=Notice(
        kind="plan.modification.step",
        subject=lambda step: (
            _("[cyberregions] %(plan)s: modification %(status)s")
            % {"plan": step.obj.plan.title, "status": step.obj.get_status_display()}
        ),
        template="plans/email/modification.txt",
        context=lambda step: {
            "modification": step.obj,
            "status": step.obj.get_status_display(),
            "reason": step.reason,
        },
        url=lambda modification: modification.get_absolute_url(),
    ),
    transitions=[
        Transition(
            ModificationStep.APPROVE,
            (ModificationStatus.PROPOSED,),
            ModificationStatus.APPROVED,
            permissions.can_decide_modification,
            gettext_lazy("The modification is approved: the plan has a new version."),
            effect=_apply,
            after_save=_freeze,
            notify=_region,
        ),
        Transition(
            ModificationStep.REFUSE,
            (ModificationStatus.PROPOSED,),
            ModificationStatus.REFUSED,
            permissions.can_decide_modification,
            gettext_lazy("The modification is refused."),
            needs_reason=True,
            reason_prompt=gettext_lazy(
                "Say why the modification is refused: the region will read it."
            ),
            effect=_refused,
            notify=_region,
        ),
    ],
)
MODIFICATION_DONE = {name: transition.done for name, transition in WORKFLOW.transitions.items()}


def allowed_modification_steps(user, modification) -> list[str]:
    return WORKFLOW.available(user, modification)


def modification_step(actor, modification, step: str, reason: str = ""):
    """Approve (the plan changes, a new version is frozen) or refuse with a reason."""
    return WORKFLOW.transition(actor, modification, step, reason)

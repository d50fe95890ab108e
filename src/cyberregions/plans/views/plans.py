"""Pages of action plans: list, detail, writing the plan and its actions and indicators,
the workflow, comments, versions and their differences."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cyberregions.core.concurrency import StaleVersion
from cyberregions.core.permissions import is_coordinator, is_programme_staff, require

from .. import diffing, metrics, permissions, services, versions
from ..choices import MODIFIABLE_PLAN_STATUSES, PlanStatus, PlanStep
from ..filtersets import PlanFilterSet
from ..forms import (
    ActionForm,
    CommentForm,
    IndicatorForm,
    MilestoneFormSet,
    PlanForm,
    StepForm,
    milestone_rows,
)
from ..models import Action, ActionPlan, Indicator, PlanComment, PlanTransition, PlanVersion

PAGE_SIZE = 25


def visible_plan(request, pk, queryset=None) -> ActionPlan:
    queryset = queryset if queryset is not None else ActionPlan.objects.all()
    return get_object_or_404(queryset.visible_to(request.user), pk=pk)


def _who_edits(plan) -> str:
    """Who may change ``plan`` as it stands, for the 403 page."""
    if plan.status in MODIFIABLE_PLAN_STATUSES:
        return _(
            "This plan is %(status)s: it changes only through a modification request, proposed "
            "by the coordinators of %(region)s and approved by programme staff."
        ) % {"status": plan.get_status_display().lower(), "region": plan.region.name}
    if plan.status != PlanStatus.DRAFT:
        return _(
            "This plan is %(status)s and frozen: programme staff return it to the coordinators "
            "of %(region)s, who then edit it as a draft."
        ) % {"status": plan.get_status_display().lower(), "region": plan.region.name}
    return _("Only the coordinators of %(region)s edit this draft.") % {"region": plan.region.name}


def _data(form) -> dict:
    return {name: form.cleaned_data[name] for name in form.Meta.fields if name in form.cleaned_data}


@require_GET
def plan_list(request):
    filterset = PlanFilterSet(request.GET, queryset=ActionPlan.objects.visible_to(request.user))
    queryset = filterset.qs.for_list() if filterset.is_valid() else ActionPlan.objects.none()
    if "sort" not in request.GET:
        queryset = queryset.order_by("region__name", "title", "id")
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "filterset": filterset,
        "page": page,
        "query_string": params.urlencode(),
        "can_create": permissions.can_create_plan(request.user),
        "can_overview": permissions.can_view_plans_overview(request.user),
        "sees_unpublished": is_programme_staff(request.user) or is_coordinator(request.user),
    }
    return render(request, "plans/list.html", context)


@require_GET
def plan_detail(request, pk):
    plan = visible_plan(request, pk, versions.content_queryset())
    user = request.user
    follows = permissions.can_follow_plan(user, plan)
    report = metrics.latest_accepted(plan)
    rollup = None
    if report is not None:
        rollup = metrics.report_rollup(report, report.entries.select_related("action"))
    context = {
        "plan": plan,
        "actions": list(plan.actions.all()),
        "can_edit": permissions.can_edit_plan(user, plan),
        "steps": [(step, PlanStep(step).label) for step in services.allowed_steps(user, plan)],
        "show_contact": permissions.can_see_plan_contact(user, plan),
        "follows": follows,
        "comments": (
            PlanComment.objects.filter(plan=plan).select_related("author") if follows else None
        ),
        "comment_form": CommentForm() if follows else None,
        "transitions": (
            PlanTransition.objects.filter(plan=plan).select_related("actor") if follows else None
        ),
        "version_count": plan.versions.count() if follows else 0,
        "can_modify": permissions.can_propose_modification(user, plan),
        "modifications": (plan.modifications.select_related("version") if follows else None),
        "latest_report": report,
        "rollup": rollup,
    }
    return render(request, "plans/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request):
    require(permissions.can_create_plan(request.user))
    form = PlanForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.create_plan(request.user, _data(form))
        except services.PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The plan has been saved as a draft. Add its actions."))
            return redirect(plan)
    return render(request, "plans/form.html", {"form": form, "plan": None})


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk):
    plan = visible_plan(request, pk)
    require(permissions.can_edit_plan(request.user, plan), _who_edits(plan))
    form = PlanForm(request.POST or None, instance=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        fresh = ActionPlan.objects.get(pk=plan.pk)
        try:
            services.update_plan(
                request.user, fresh, _data(form), expected_version=form.expected_version
            )
        except services.PlanError as error:
            form.add_error(None, str(error))
        except StaleVersion as error:
            form.refuse_stale(error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(fresh)
    return render(request, "plans/form.html", {"form": form, "plan": plan})


@login_required
@require_POST
def plan_delete(request, pk):
    plan = visible_plan(request, pk)
    require(permissions.can_edit_plan(request.user, plan))
    try:
        services.delete_plan(request.user, plan)
    except services.PlanError as error:
        messages.error(request, str(error))
        return redirect(plan)
    messages.success(request, _("The draft plan has been deleted."))
    return redirect("plans:list")


# Actions and indicators -------------------------------------------------------------------


def _editable_action(request, pk, action_pk) -> tuple[ActionPlan, Action]:
    plan = visible_plan(request, pk)
    action = get_object_or_404(Action, pk=action_pk, plan=plan)
    require(permissions.can_edit_plan(request.user, plan))
    return plan, action


@login_required
@require_http_methods(["GET", "POST"])
def action_create(request, pk):
    plan = visible_plan(request, pk)
    require(permissions.can_edit_plan(request.user, plan))
    form = ActionForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            action = services.add_action(request.user, plan, _data(form))
        except services.PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The action has been added. Add its indicators."))
            return redirect(action.get_absolute_url())
    return render(request, "plans/action_form.html", {"form": form, "plan": plan, "action": None})


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request, pk, action_pk):
    plan, action = _editable_action(request, pk, action_pk)
    form = ActionForm(request.POST or None, instance=action, plan=plan)
    if request.method == "POST" and form.is_valid():
        fresh = Action.objects.select_related("plan").get(pk=action.pk)
        try:
            services.update_action(request.user, fresh, _data(form))
        except services.PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(fresh.get_absolute_url())
    return render(request, "plans/action_form.html", {"form": form, "plan": plan, "action": action})


@login_required
@require_POST
def action_delete(request, pk, action_pk):
    plan, action = _editable_action(request, pk, action_pk)
    try:
        services.delete_action(request.user, action)
    except services.PlanError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The action has been deleted."))
    return redirect(plan)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request, pk, action_pk, indicator_pk=None):
    plan, action = _editable_action(request, pk, action_pk)
    indicator = None
    if indicator_pk is not None:
        indicator = get_object_or_404(Indicator, pk=indicator_pk, action=action)
    initial = (
        [
            {"due_date": m.due_date, "value": m.value, "label": m.label}
            for m in indicator.milestones.all()
        ]
        if indicator
        else []
    )
    form = IndicatorForm(request.POST or None, instance=indicator)
    milestones = MilestoneFormSet(request.POST or None, initial=initial, prefix="milestones")
    if request.method == "POST" and form.is_valid() and milestones.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        data["position"] = data.get("position") or 0
        fresh = Indicator.objects.get(pk=indicator.pk) if indicator else None
        try:
            services.save_indicator(
                request.user, action, data, milestone_rows(milestones), indicator=fresh
            )
        except services.PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The indicator has been saved."))
            return redirect(action.get_absolute_url())
    context = {
        "form": form,
        "milestones": milestones,
        "plan": plan,
        "action": action,
        "indicator": indicator,
    }
    return render(request, "plans/indicator_form.html", context)


@login_required
@require_POST
def indicator_delete(request, pk, action_pk, indicator_pk):
    _plan, action = _editable_action(request, pk, action_pk)
    indicator = get_object_or_404(Indicator, pk=indicator_pk, action=action)
    services.delete_indicator(request.user, indicator)
    messages.success(request, _("The indicator has been deleted."))
    return redirect(action.get_absolute_url())


# Workflow and comments --------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def plan_step(request, pk, step):
    plan = visible_plan(request, pk)
    rule = services.TRANSITIONS.get(step)
    if rule is None:
        raise Http404
    require(rule.allowed(request.user, plan))
    form = StepForm(request.POST or None, step=step, needs_reason=rule.needs_reason)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        endorsement = None
        if step == PlanStep.ENDORSE:
            endorsement = {
                "authority": data["authority"],
                "signed_by": data["signed_by"],
                "endorsed_on": data["endorsed_on"],
            }
        try:
            services.transition(
                request.user,
                plan,
                step,
                data.get("reason", ""),
                endorsement=endorsement,
                on=data.get("on"),
            )
        except services.PlanError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, str(rule.done))
        return redirect(plan)
    context = {
        "plan": plan,
        "form": form,
        "step": step,
        "step_label": PlanStep(step).label,
        "possible": step in services.allowed_steps(request.user, plan),
    }
    return render(request, "plans/step.html", context)


@login_required
@require_POST
def comment_add(request, pk):
    plan = visible_plan(request, pk)
    require(permissions.can_follow_plan(request.user, plan))
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(request.user, plan, form.cleaned_data["body"])
        except services.PlanError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your comment has been added."))
    else:
        messages.error(request, _("Write the comment, then send it."))
    return redirect(f"{plan.get_absolute_url()}#comments")


# Versions ---------------------------------------------------------------------------------

CURRENT = "current"


def _version_choice(value, numbers: list[int]):
    if value == CURRENT:
        return CURRENT
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number in numbers else None


@login_required
@require_GET
def plan_versions(request, pk):
    """The versions frozen at each submission, and the difference between any two of them
    (or between one and the plan as it stands)."""
    plan = visible_plan(request, pk)
    require(permissions.can_follow_plan(request.user, plan))
    items = list(PlanVersion.objects.filter(plan=plan).select_related("created_by"))
    numbers = [version.number for version in items]
    if len(numbers) >= 2:
        default_from, default_to = numbers[-2], numbers[-1]
    elif numbers:
        default_from, default_to = numbers[-1], CURRENT
    else:
        default_from = default_to = None
    chosen_from = _version_choice(request.GET.get("from", default_from), numbers)
    chosen_to = _version_choice(request.GET.get("to", default_to), numbers)
    if ("from" in request.GET or "to" in request.GET) and (
        chosen_from is None or chosen_to is None
    ):
        raise Http404
    snapshots = {version.number: version.snapshot for version in items}
    diff = None
    if chosen_from is not None and chosen_to is not None:
        current = None
        if CURRENT in (chosen_from, chosen_to):
            current = versions.snapshot(versions.content_queryset().get(pk=plan.pk))
        old = current if chosen_from == CURRENT else snapshots[chosen_from]
        new = current if chosen_to == CURRENT else snapshots[chosen_to]
        diff = diffing.diff_snapshots(old, new)
    context = {
        "plan": plan,
        "versions": items,
        "chosen_from": chosen_from,
        "chosen_to": chosen_to,
        "diff": diff,
        "plan_changes": _labelled(diff.plan) if diff else [],
        "action_changes": _labelled_items(diff.actions) if diff else [],
        "current": CURRENT,
    }
    return render(request, "plans/versions.html", context)


def _labelled(changes) -> list[dict]:
    return [
        {
            "label": versions.label(change.field),
            "old": versions.display(change.field, change.old),
            "new": versions.display(change.field, change.new),
            "segments": change.segments,
            "added": change.added,
            "removed": change.removed,
            "is_list": change.added is not None,
        }
        for change in changes
    ]


def _labelled_items(items) -> list[dict]:
    return [
        {
            "change": item.change,
            "title": item.title,
            "old_title": item.old_title,
            "fields": _labelled(item.fields),
            "children": _labelled_items(item.children),
        }
        for item in items
    ]

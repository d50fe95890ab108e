"""Modification requests of endorsed and running plans: the region proposes, programme staff
approve or refuse."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cyberregions.core.permissions import require

from .. import permissions, services, versions
from ..choices import ModificationStep
from ..forms import ModificationForm, ModificationStepForm
from ..models import Action, PlanModification
from .plans import visible_plan


def _modification(request, pk) -> PlanModification:
    modification = get_object_or_404(
        PlanModification.objects.select_related("plan", "plan__region", "proposed_by", "version"),
        pk=pk,
    )
    require(permissions.can_view_modification(request.user, modification))
    return modification


@login_required
@require_http_methods(["GET", "POST"])
def modification_create(request, pk):
    plan = visible_plan(request, pk)
    require(
        permissions.can_propose_modification(request.user, plan),
        _(
            "Only the coordinators of %(region)s propose a modification of this plan, and only "
            "once it is endorsed or running; programme staff then approve or refuse it."
        )
        % {"region": plan.region.name},
    )
    form = ModificationForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            modification = services.propose_modification(
                request.user, plan, form.cleaned_data["reason"], form.proposed()
            )
        except services.ModificationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The modification request is sent to programme staff."))
            return redirect(modification)
    return render(request, "plans/modification_form.html", {"plan": plan, "form": form})


@login_required
@require_GET
def modification_detail(request, pk):
    modification = _modification(request, pk)
    actions = Action.objects.filter(plan=modification.plan).in_bulk()
    rows = [
        (_("Plan"), versions.label(name), modification.previous["plan"].get(name), value)
        for name, value in modification.changes.get("plan", {}).items()
    ]
    for key, fields in modification.changes.get("actions", {}).items():
        action = actions.get(int(key))
        where = (
            _("Action %(number)s: %(title)s") % {"number": action.position, "title": action.title}
            if action
            else _("Action removed since")
        )
        for name, value in fields.items():
            before = modification.previous.get("actions", {}).get(key, {}).get(name)
            rows.append((where, versions.label(name), before, value))
    context = {
        "modification": modification,
        "plan": modification.plan,
        "rows": rows,
        "steps": services.allowed_modification_steps(request.user, modification),
        "history": modification.transitions.select_related("actor"),
    }
    return render(request, "plans/modification_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def modification_step(request, pk, step):
    modification = _modification(request, pk)
    if step not in ModificationStep.values:
        raise Http404
    require(
        permissions.can_decide_modification(request.user, modification),
        _("Programme staff approve or refuse a modification request."),
    )
    form = ModificationStepForm(request.POST or None, needs_reason=step == ModificationStep.REFUSE)
    if request.method == "POST" and form.is_valid():
        try:
            services.modification_step(
                request.user, modification, step, form.cleaned_data["reason"]
            )
        except services.ModificationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, str(services.MODIFICATION_DONE[step]))
        return redirect(modification)
    context = {
        "modification": modification,
        "plan": modification.plan,
        "form": form,
        "step": step,
        "step_label": ModificationStep(step).label,
        "possible": step in services.allowed_modification_steps(request.user, modification),
    }
    return render(request, "plans/modification_step.html", context)

"""Pages of study visits and peer reviews, and their follow-up lists."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cyberregions.core.permissions import require

from . import permissions, services
from .forms import FollowUpForm, InvestigationForm
from .models import FollowUp, Investigation, Practice


def _data(form) -> dict:
    return {name: form.cleaned_data[name] for name in form.Meta.fields if name in form.cleaned_data}


@login_required
@require_GET
def investigation_list(request):
    # Coordinators and programme staff: those who take part in investigations.
    require(permissions.can_create_investigation(request.user))
    investigations = (
        Investigation.objects.visible_to(request.user)
        .select_related("host_region")
        .prefetch_related("peer_regions", "follow_ups")
        .order_by("-start_date", "id")
    )
    return render(
        request,
        "practices/investigation_list.html",
        {
            "investigations": investigations,
            "can_create": permissions.can_create_investigation(request.user),
        },
    )


def _visible(request, pk):
    investigation = get_object_or_404(
        Investigation.objects.visible_to(request.user)
        .select_related("host_region", "host_region__country", "created_by")
        .prefetch_related(
            "peer_regions__country",
            Prefetch("practices", queryset=Practice.objects.visible_to(request.user)),
            Prefetch("follow_ups", queryset=FollowUp.objects.select_related("owner")),
        ),
        pk=pk,
    )
    return investigation


@login_required
@require_GET
def investigation_detail(request, pk):
    investigation = _visible(request, pk)
    can_change = permissions.can_change_investigation(request.user, investigation)
    items = list(investigation.follow_ups.all())
    context = {
        "investigation": investigation,
        "can_change": can_change,
        "follow_ups": [
            (item, permissions.can_update_follow_up(request.user, item)) for item in items
        ],
        "follow_up_form": (
            FollowUpForm(owners=services.follow_up_owners(investigation)) if can_change else None
        ),
    }
    return render(request, "practices/investigation_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def investigation_create(request):
    require(permissions.can_create_investigation(request.user))
    initial = {}
    if slug := request.GET.get("practice"):
        initial["practices"] = Practice.objects.visible_to(request.user).filter(slug=slug)
    form = InvestigationForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            investigation = services.create_investigation(request.user, _data(form))
        except services.InvestigationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The investigation has been recorded."))
            return redirect(investigation)
    return render(
        request, "practices/investigation_form.html", {"form": form, "investigation": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def investigation_edit(request, pk):
    investigation = _visible(request, pk)
    require(permissions.can_change_investigation(request.user, investigation))
    form = InvestigationForm(request.POST or None, instance=investigation, user=request.user)
    if request.method == "POST" and form.is_valid():
        fresh = Investigation.objects.get(pk=investigation.pk)
        try:
            services.update_investigation(request.user, fresh, _data(form))
        except services.InvestigationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(fresh)
    return render(
        request,
        "practices/investigation_form.html",
        {"form": form, "investigation": investigation},
    )


@login_required
@require_POST
def follow_up_add(request, pk):
    investigation = _visible(request, pk)
    require(permissions.can_change_investigation(request.user, investigation))
    form = FollowUpForm(request.POST, owners=services.follow_up_owners(investigation))
    if form.is_valid():
        try:
            services.add_follow_up(
                request.user,
                investigation,
                form.cleaned_data["task"],
                form.cleaned_data["owner"],
                form.cleaned_data["due_date"],
            )
        except services.InvestigationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The follow-up item has been added."))
    else:
        messages.error(request, _("Check the follow-up item: a task is required."))
    return redirect(f"{investigation.get_absolute_url()}#follow-up")


@login_required
@require_POST
def follow_up_done(request, pk):
    item = get_object_or_404(FollowUp.objects.select_related("investigation"), pk=pk)
    # Only items of an investigation the user may see, then the rule on the item itself.
    investigation = _visible(request, item.investigation_id)
    require(permissions.can_update_follow_up(request.user, item))
    services.complete_follow_up(request.user, item, done=request.POST.get("done") != "0")
    return redirect(f"{investigation.get_absolute_url()}#follow-up")

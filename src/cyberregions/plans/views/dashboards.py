"""Dashboards: a plan's timeline, and the overview of every plan for programme staff. Each
chart has a table with the same figures."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cyberregions.core.permissions import require

from .. import metrics, permissions
from ..choices import ActionStatus, Rag, ReportStatus
from ..models import Action, ActionProgress, MonitoringReport
from .plans import visible_plan

NOT_REPORTED = "not_reported"


@require_GET
def plan_timeline(request, pk):
    plan = visible_plan(request, pk)
    actions = list(Action.objects.filter(plan=plan).order_by("position", "id"))
    report = (
        MonitoringReport.objects.filter(plan=plan, status=ReportStatus.ACCEPTED)
        .prefetch_related(Prefetch("entries", queryset=ActionProgress.objects.all()))
        .order_by("-year", "-semester")
        .first()
    )
    rows = metrics.timeline(plan, actions, report)
    today = timezone.localdate()
    statuses = {value: str(label) for value, label in ActionStatus.choices}
    statuses[NOT_REPORTED] = str(Rag.NONE.label)
    chart = {
        "today": today.isoformat(),
        "today_label": _("Today"),
        "statuses": statuses,
        "rows": [
            {
                "label": f"{row.position}. {row.title}",
                "start": row.start.isoformat() if row.start else None,
                "end": row.end.isoformat() if row.end else None,
                "status": row.status,
                "progress": row.progress,
            }
            for row in rows
        ],
    }
    context = {
        "plan": plan,
        "rows": rows,
        "latest_report": report,
        "chart": chart,
        "undated": [row for row in rows if not (row.start and row.end)],
    }
    return render(request, "plans/timeline.html", context)


@login_required
@require_GET
def overview(request):
    """Every plan of every region: actions implemented, policy instruments improved, funds
    influenced, good practices transferred, reports late."""
    require(permissions.can_view_plans_overview(request.user))
    data = metrics.overview()
    chart = {
        "labels": [f"{line.plan.region.name}: {line.plan.title}" for line in data.lines],
        "progress": [
            line.rollup.progress if line.rollup and line.rollup.progress is not None else 0
            for line in data.lines
        ],
        "expected": [
            line.rollup.expected if line.rollup and line.rollup.expected is not None else 0
            for line in data.lines
        ],
        "names": {"progress": _("Progress (%)"), "expected": _("Expected progress (%)")},
    }
    return render(request, "plans/overview.html", {"data": data, "chart": chart})

"""What action plans hold about a person (``core.privacy``): their comments (removed on
erasure), and the plans, versions and reports they wrote or decided for their region (kept,
pointing at the anonymised account)."""

from __future__ import annotations

from cyberregions.core import privacy

from .models import (
    ActionPlan,
    Evidence,
    ModificationTransition,
    MonitoringReport,
    PlanComment,
    PlanModification,
    PlanTransition,
    PlanVersion,
    ReportTransition,
)


def export_comments(user) -> list[dict]:
    rows = PlanComment.objects.filter(author=user).values("plan_id", "body", "created_at")
    return [{"plan": row.pop("plan_id"), **row} for row in rows]


def erase_comments(user, erasure: privacy.Erasure) -> None:
    comments = list(PlanComment.objects.filter(author=user).only("pk"))
    erasure.mark(comments)
    deleted = PlanComment.objects.filter(pk__in=[c.pk for c in comments]).delete()[0]
    erasure.count("plan_comments", deleted)


privacy.register_personal_data(
    "plan_comments",
    exporter=export_comments,
    eraser=erase_comments,
    covers=["plans.plancomment.author"],
)
privacy.register_work_records(
    "plan_records",
    [
        (ActionPlan, "created_by", ("title",)),
        (ActionPlan, "validated_by", ("title",)),
        (ActionPlan, "endorsement_recorded_by", ("title",)),
        (PlanVersion, "created_by", ("plan_id", "number")),
        (PlanTransition, "actor", ("plan_id", "step", "at")),
        (MonitoringReport, "created_by", ("plan_id", "year", "semester")),
        (MonitoringReport, "submitted_by", ("plan_id", "year", "semester")),
        (MonitoringReport, "decided_by", ("plan_id", "year", "semester")),
        (ReportTransition, "actor", ("report_id", "step", "at")),
        (Evidence, "uploaded_by", ("title", "name")),
        (PlanModification, "proposed_by", ("plan_id", "proposed_at")),
        (PlanModification, "decided_by", ("plan_id", "decided_at")),
        (ModificationTransition, "actor", ("modification_id", "step", "at")),
    ],
)
privacy.declare_personal_audit_keys("plans.plancomment", ["body"])

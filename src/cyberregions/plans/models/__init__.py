"""The models of the plans app, split by subject: the plans themselves, and their monitoring."""

from .modifications import ModificationTransition, PlanModification
from .monitoring import (
    ActionProgress,
    Evidence,
    IndicatorValue,
    MonitoringReport,
    ReportReminder,
    ReportTransition,
    period_label,
)
from .plans import (
    Action,
    ActionCitation,
    ActionPlan,
    Indicator,
    Milestone,
    PlanComment,
    PlanTransition,
    PlanVersion,
)

__all__ = [
    "Action",
    "ActionCitation",
    "ActionPlan",
    "ActionProgress",
    "Evidence",
    "Indicator",
    "IndicatorValue",
    "Milestone",
    "ModificationTransition",
    "MonitoringReport",
    "PlanComment",
    "PlanModification",
    "PlanTransition",
    "PlanVersion",
    "ReportReminder",
    "ReportTransition",
    "period_label",
]

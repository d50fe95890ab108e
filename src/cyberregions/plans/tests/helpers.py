"""Shared fixtures of the plans tests: plans in a given state written straight to the
database, and one more persona (a coordinator of Tuscany)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from cyberregions.geo.models import Partner, RegionMembership
from cyberregions.plans.models import (
    Action,
    ActionCitation,
    ActionPlan,
    ActionProgress,
    Indicator,
    IndicatorValue,
    Milestone,
    MonitoringReport,
)
from cyberregions.practices.models import Practice
from cyberregions.testing import PersonaTestCase

PUBLIC = ("endorsed", "in_implementation", "completed")


def make_plan(region, status="draft", title=None, **fields) -> ActionPlan:
    """A plan written straight to the database in ``status`` (no workflow, no audit)."""
    if status in PUBLIC:
        fields.setdefault("endorsed_on", datetime.date(2025, 1, 15))
        fields.setdefault("endorsing_authority", "Managing authority")
        fields.setdefault("endorsed_by_name", "Director")
    if status in ("in_implementation", "completed"):
        fields.setdefault("implementation_started_on", datetime.date(2025, 2, 1))
    return ActionPlan.objects.create(
        title=title or f"Action plan of {region.name}",
        region=region,
        partner_name="Regional development agency",
        instrument_name=fields.pop("instrument_name", f"ERDF programme of {region.code}"),
        managing_authority="Regional council",
        instrument_type="igj",
        status=status,
        **fields,
    )


def make_action(plan, position=1, cost=None, start=None, end=None, **fields) -> Action:
    return Action.objects.create(
        plan=plan,
        position=position,
        title=fields.pop("title", f"Action {position}"),
        description=fields.pop("description", "What the region will do."),
        improvement_type=fields.pop("improvement_type", "new_projects"),
        cost_eur=cost,
        start_date=start or datetime.date(2025, 1, 1),
        end_date=end or datetime.date(2026, 12, 31),
        **fields,
    )


def make_indicator(action, target=100, baseline=0, milestones=()) -> Indicator:
    indicator = Indicator.objects.create(
        action=action,
        kind="output",
        name=f"Indicator of {action.title}",
        unit="companies",
        baseline=Decimal(baseline),
        target=Decimal(target),
    )
    for day, value in milestones:
        Milestone.objects.create(indicator=indicator, due_date=day, value=Decimal(value))
    return indicator


def make_report(plan, year=2025, semester=1, status="draft", entries=()) -> MonitoringReport:
    """A report with one entry per (action, status, progress[, explanation])."""
    report = MonitoringReport.objects.create(
        plan=plan,
        year=year,
        semester=semester,
        status=status,
        submitted_at=timezone.now() if status in ("submitted", "accepted", "returned") else None,
    )
    for action, action_status, progress, *rest in entries:
        ActionProgress.objects.create(
            report=report,
            action=action,
            status=action_status,
            progress=progress,
            explanation=rest[0] if rest else "",
        )
        for indicator in action.indicators.all():
            IndicatorValue.objects.create(
                report=report, indicator=indicator, previous=indicator.baseline, current=None
            )
    return report


def cite(action, practice) -> ActionCitation:
    return ActionCitation.objects.create(action=action, practice=practice)


class PlanTestCase(PersonaTestCase):
    """The personas, a coordinator of Tuscany, a published practice of Tuscany, and plans of
    Brittany as a draft and in implementation."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        User = get_user_model()
        cls.tuscan_coordinator = User.objects.create_user("giulia", "giulia@example.org")
        RegionMembership.objects.create(user=cls.tuscan_coordinator, region=cls.tuscany)
        cls.partner = Partner.objects.get(key="P1-BDI")
        cls.practice = Practice.objects.create(
            slug="competence-centre-vouchers",
            title="Competence centre vouchers",
            region=cls.tuscany,
            summary="Vouchers for SMEs.",
            status="published",
            published_at=timezone.now(),
        )
        cls.draft = make_plan(
            cls.brittany, "draft", "Brittany draft plan", created_by=cls.coordinator
        )
        cls.draft_action = make_action(cls.draft, 1, cost=100_000, title="Diagnostic voucher")
        cls.running = make_plan(
            cls.brittany,
            "in_implementation",
            "Brittany plan in implementation",
            instrument_name="Regional innovation strategy",
        )
        cls.running_action = make_action(cls.running, 1, cost=300_000, title="Testbed for SMEs")
        cls.running_indicator = make_indicator(cls.running_action, target=40)

    def personas(self):
        """(name, user or None) for every persona, the visitor included."""
        return [
            ("visitor", None),
            ("registered", self.registered),
            ("member", self.member),
            ("tuscan coordinator", self.tuscan_coordinator),
            ("coordinator", self.coordinator),
            ("staff", self.staff),
            ("admin", self.admin),
        ]

    def as_persona(self, user):
        self.client.logout()
        if user is not None:
            self.client.force_login(user)

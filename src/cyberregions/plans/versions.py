"""Frozen versions of a plan: the JSON snapshot taken at each submission, and how its fields
read on the difference page."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Max, Prefetch
from django.utils.translation import gettext_lazy as _

from .choices import ImprovementType, IndicatorKind, InstrumentType
from .models import Action, ActionCitation, ActionPlan, Indicator, PlanVersion

SCHEMA = 1
LABELS = {
    "title": _("title"),
    "partner": _("partner organisation"),
    "other_partners": _("other partners involved"),
    "country": _("country"),
    "region": _("NUTS region"),
    "contact_name": _("contact person"),
    "contact_email": _("contact e-mail"),
    "contact_phone": _("contact phone"),
    "instrument_name": _("policy instrument addressed"),
    "managing_authority": _("managing authority"),
    "instrument_type": _("type of instrument"),
    "policy_context": _("policy context"),
    "position": _("number"),
    "background": _("background"),
    "practices": _("good practices that inspired it"),
    "description": _("the action"),
    "players": _("players involved"),
    "players_note": _("other players"),
    "start_date": _("start"),
    "end_date": _("end"),
    "cost_eur": _("costs (EUR)"),
    "funding_sources": _("funding sources"),
    "improvement_type": _("expected improvement"),
    "kind": _("kind"),
    "name": _("indicator"),
    "unit": _("unit"),
    "baseline": _("baseline"),
    "target": _("target"),
    "milestones": _("milestones"),
}
CHOICES = {
    "instrument_type": InstrumentType,
    "improvement_type": ImprovementType,
    "kind": IndicatorKind,
}


def number(value: Decimal | None) -> str | None:
    if value is None:
        return None
    text = f"{Decimal(value).normalize():f}"
    return text


def content_queryset():
    """A plan with everything its pages, its PDF and its snapshot show, in a fixed number of
    queries."""
    return ActionPlan.objects.select_related(
        "region", "region__country", "partner", "validated_by", "endorsement_recorded_by"
    ).prefetch_related(
        "other_partners",
        Prefetch(
            "actions",
            queryset=Action.objects.order_by("position", "id").prefetch_related(
                Prefetch(
                    "citations",
                    queryset=ActionCitation.objects.select_related(
                        "practice", "practice__region"
                    ).order_by("practice__title"),
                ),
                Prefetch("players", queryset=_players_queryset()),
                Prefetch(
                    "indicators",
                    queryset=Indicator.objects.order_by("position", "id").prefetch_related(
                        "milestones"
                    ),
                ),
            ),
        ),
    )


def _players_queryset():
    from cyberregions.organisations.models import Organisation

    return Organisation.objects.only("id", "slug", "name").order_by("name")


def snapshot(plan: ActionPlan) -> dict:
    """The whole plan as JSON-ready data; ``plan`` comes from ``content_queryset``."""
    return {
        "schema": SCHEMA,
        "plan": {
            "title": plan.title,
            "partner": plan.partner_label,
            "other_partners": [partner.name for partner in plan.other_partners.all()],
            "country": plan.region.country.name,
            "region": str(plan.region),
            "contact_name": plan.contact_name,
            "contact_email": plan.contact_email,
            "contact_phone": plan.contact_phone,
            "instrument_name": plan.instrument_name,
            "managing_authority": plan.managing_authority,
            "instrument_type": plan.instrument_type,
            "policy_context": plan.policy_context,
        },
        "actions": [_action(action) for action in plan.actions.all()],
    }


def _action(action: Action) -> dict:
    return {
        "key": action.pk,
        "position": action.position,
        "title": action.title,
        "background": action.background,
        "practices": [
            f"{citation.practice.title} ({citation.practice.region.name})"
            for citation in action.citations.all()
        ],
        "description": action.description,
        "players": [organisation.name for organisation in action.players.all()],
        "players_note": action.players_note,
        "start_date": action.start_date.isoformat() if action.start_date else None,
        "end_date": action.end_date.isoformat() if action.end_date else None,
        "cost_eur": action.cost_eur,
        "funding_sources": action.funding_sources,
        "improvement_type": action.improvement_type,
        "indicators": [
            {
                "key": indicator.pk,
                "kind": indicator.kind,
                "name": indicator.name,
                "unit": indicator.unit,
                "baseline": number(indicator.baseline),
                "target": number(indicator.target),
                "milestones": [str(milestone) for milestone in indicator.milestones.all()],
            }
            for indicator in action.indicators.all()
        ],
    }


def freeze(plan: ActionPlan, actor=None) -> PlanVersion:
    """Store the plan as it stands as its next version (call inside the caller's
    transaction, the plan's row locked)."""
    loaded = content_queryset().get(pk=plan.pk)
    last = PlanVersion.objects.filter(plan=plan).aggregate(last=Max("number"))["last"] or 0
    return PlanVersion.objects.create(
        plan=plan,
        number=last + 1,
        snapshot=snapshot(loaded),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


def label(name: str) -> str:
    return str(LABELS.get(name, name.replace("_", " ")))


def display(name: str, value) -> object:
    """A snapshot value as the page shows it: choices by their label, lists as they are."""
    choices = CHOICES.get(name)
    if choices is not None and value:
        try:
            return choices(value).label
        except ValueError:
            return value
    return value

"""The plans app's own rows of the URL permission table (core/tests/test_url_permissions.py):
name: (arguments, answers for anonymous registered member coordinator staff admin). The older
plans rows stay in the core table."""

from __future__ import annotations

RULES: dict[str, tuple[str, str]] = {
    "plans:modification_create": ("pk=plan", "login 403 403 200 403 200"),
    "plans:modification": ("pk=plans_modification", "login 403 403 200 200 200"),
    "plans:modification_step": (
        "pk=plans_modification step=plans_approve",
        "login 403 403 403 200 200",
    ),
}


def make_fixtures(case) -> dict[str, object]:
    """A modification request of the table's endorsed plan of Brittany, waiting for staff."""
    from cyberregions.plans.models import PlanModification

    modification = PlanModification.objects.create(
        plan=case.plan,
        reason="The call moved.",
        changes={"plan": {"title": "Brittany plan, amended"}, "actions": {}},
        previous={"plan": {"title": "Brittany plan"}, "actions": {}},
    )
    return {"plans_modification": modification.pk, "plans_approve": "approve"}

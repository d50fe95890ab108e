"""Modification requests: how an endorsed or running plan changes. The region's coordinator
proposes changes with a reason; programme staff approve them (the plan changes and a new
version is frozen, so the difference shows on the versions page) or refuse them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cyberregions.core.models import WorkflowStep

from ..choices import ModificationStatus
from .plans import ActionPlan, PlanVersion


class PlanModification(models.Model):
    """A proposed change to an endorsed or running plan, with the region's reason.

    ``changes`` holds the new values: ``{"plan": {field: value}, "actions": {id: {field:
    value}}}``; ``previous`` the values they replace, as read when the request was made."""

    plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        on_delete=models.CASCADE,
        related_name="modifications",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ModificationStatus.choices,
        default=ModificationStatus.PROPOSED,
    )
    reason = models.TextField(_("why the plan must change"), max_length=4000)
    changes = models.JSONField(_("proposed changes"), default=dict)
    previous = models.JSONField(_("values replaced"), default=dict)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_modifications_proposed",
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_modifications_decided",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("programme staff's remarks"), blank=True)
    version = models.OneToOneField(
        PlanVersion,
        verbose_name=_("version it produced"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="modification",
    )

    class Meta:
        verbose_name = _("modification request")
        verbose_name_plural = _("modification requests")
        ordering = ["plan", "-proposed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(status="proposed"),
                name="plan_one_open_modification",
                violation_error_message=_("This plan already has a modification request open."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ModificationStatus.values),
                name="plan_modification_status_valid",
                violation_error_message=_("Unknown status of a modification request."),
            ),
        ]

    def __str__(self) -> str:
        return gettext("Modification of %(plan)s (%(status)s)") % {
            "plan": self.plan,
            "status": self.get_status_display(),
        }

    def get_absolute_url(self) -> str:
        return reverse("plans:modification", args=[self.pk])


class ModificationTransition(WorkflowStep):
    """One step of a modification request: approved or refused, by whom, why."""

    modification = models.ForeignKey(
        PlanModification,
        verbose_name=_("modification request"),
        on_delete=models.CASCADE,
        related_name="transitions",
    )
    from_state = models.CharField(_("from"), max_length=30, choices=ModificationStatus.choices)
    to_state = models.CharField(_("to"), max_length=30, choices=ModificationStatus.choices)

    class Meta(WorkflowStep.Meta):
        verbose_name = _("modification step")
        verbose_name_plural = _("modification steps")

    def __str__(self) -> str:
        return f"{self.modification}: {self.from_state} → {self.to_state}"

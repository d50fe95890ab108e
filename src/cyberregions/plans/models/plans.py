"""Action plans in the three-part layout of Interreg Europe: general information, policy
context, the actions (with their indicators and milestones); the versions frozen at each
submission, the workflow steps and the comments of programme staff."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cyberregions.core.concurrency import version_field
from cyberregions.core.models import TimeStampedModel, WorkflowStep

from ..choices import (
    PUBLIC_PLAN_STATUSES,
    ImprovementType,
    IndicatorKind,
    InstrumentType,
    PlanStatus,
)
from ..querysets import CitationManager, PlanQuerySet


class ActionPlan(TimeStampedModel):
    """A region's plan to improve one regional policy instrument with what it learnt in the
    cooperation (Part I: general information; Part II: policy context; Part III: actions)."""

    title = models.CharField(_("title"), max_length=200)
    # Part I — general information
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("NUTS region"),
        on_delete=models.PROTECT,
        related_name="action_plans",
    )
    partner = models.ForeignKey(
        "geo.Partner",
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_plans",
    )
    partner_name = models.CharField(
        _("partner organisation (if not listed)"), max_length=200, blank=True
    )
    other_partners = models.ManyToManyField(
        "geo.Partner",
        verbose_name=_("other partners involved"),
        blank=True,
        related_name="involved_action_plans",
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_public_consent = models.BooleanField(
        _("the contact consents to being shown publicly"), default=False
    )
    contact_consent_recorded_at = models.DateTimeField(
        _("consent recorded at"), null=True, blank=True
    )
    # Part II — policy context
    instrument_name = models.CharField(_("policy instrument addressed"), max_length=250)
    managing_authority = models.CharField(_("managing authority"), max_length=250)
    instrument_type = models.CharField(
        _("type of instrument"), max_length=8, choices=InstrumentType.choices
    )
    policy_context = models.TextField(
        _("policy context"),
        blank=True,
        help_text=_("What the instrument does and why the region wants to improve it."),
    )
    # Workflow
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="created_action_plans",
    )
    submitted_at = models.DateTimeField(_("last submitted at"), null=True, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("validated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="validated_action_plans",
    )
    validated_at = models.DateTimeField(_("validated at"), null=True, blank=True)
    endorsing_authority = models.CharField(_("endorsed by (authority)"), max_length=250, blank=True)
    endorsed_by_name = models.CharField(
        _("signed by (name and function)"), max_length=200, blank=True
    )
    endorsed_on = models.DateField(_("endorsed on"), null=True, blank=True)
    endorsement_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("endorsement recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recorded_plan_endorsements",
    )
    implementation_started_on = models.DateField(
        _("implementation started on"), null=True, blank=True
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    # Edits of parts I and II raise it by one (core.concurrency): not the frozen versions,
    # which are ``versions``.
    version = version_field()

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["region__name", "title", "id"]
        indexes = [models.Index(fields=["status", "region"], name="plan_status_region_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "instrument_name"],
                name="plan_one_per_region_instrument",
                violation_error_message=_(
                    "This region already has an action plan for this policy instrument."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(contact_public_consent=False)
                | models.Q(contact_consent_recorded_at__isnull=False),
                name="plan_contact_consent_has_date",
                violation_error_message=_("Public consent must be recorded with its date."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=PUBLIC_PLAN_STATUSES)
                | models.Q(endorsed_on__isnull=False),
                name="plan_endorsed_has_date",
                violation_error_message=_("An endorsed plan records when it was endorsed."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:detail", args=[self.pk])

    @property
    def partner_label(self) -> str:
        return self.partner.name if self.partner_id else self.partner_name

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_PLAN_STATUSES


class Action(models.Model):
    """Part III: one action of a plan: what inspired it, what it is, who takes part, when,
    at what cost, and which improvement of the instrument it aims at."""

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="actions"
    )
    position = models.PositiveSmallIntegerField(_("number"), default=1)
    title = models.CharField(_("title"), max_length=200)
    background = models.TextField(
        _("background"),
        blank=True,
        help_text=_("The lessons from the cooperation that inspired the action."),
    )
    practices = models.ManyToManyField(
        "practices.Practice",
        verbose_name=_("good practices that inspired it"),
        through="ActionCitation",
        blank=True,
        related_name="inspired_actions",
    )
    description = models.TextField(_("the action"))
    players = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("players involved"),
        blank=True,
        related_name="plan_actions",
    )
    players_note = models.TextField(
        _("other players"), blank=True, help_text=_("Players that are not in the atlas.")
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    cost_eur = models.PositiveBigIntegerField(_("costs (EUR)"), null=True, blank=True)
    funding_sources = models.TextField(_("funding sources"), blank=True)
    improvement_type = models.CharField(
        _("expected improvement"), max_length=20, choices=ImprovementType.choices
    )

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["plan", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="plan_action_dates_in_order",
                violation_error_message=_("The end date cannot come before the start date."),
            )
        ]

    def __str__(self) -> str:
        return gettext("Action %(number)s: %(title)s") % {
            "number": self.position,
            "title": self.title,
        }

    def get_absolute_url(self) -> str:
        return f"{reverse('plans:detail', args=[self.plan_id])}#action-{self.pk}"


class ActionCitation(models.Model):
    """A good practice cited in an action's background. From the practice's side
    (``practice.citations``) it reads as where the practice was transferred to."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="citations"
    )
    practice = models.ForeignKey(
        "practices.Practice",
        verbose_name=_("good practice"),
        # A practice removed from the library leaves the action; the frozen versions keep
        # its title.
        on_delete=models.CASCADE,
        related_name="citations",
    )

    objects = CitationManager()

    class Meta:
        verbose_name = _("citation of a good practice")
        verbose_name_plural = _("citations of good practices")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "practice"],
                name="plan_citation_once_per_action",
                violation_error_message=_("This action already cites this practice."),
            )
        ]

    def __str__(self) -> str:
        action = self.action
        plan = action.plan
        return gettext("%(region)s — %(plan)s, action %(number)s: %(title)s") % {
            "region": plan.region.name,
            "plan": plan.title,
            "number": action.position,
            "title": action.title,
        }

    def get_absolute_url(self) -> str:
        return self.action.get_absolute_url()


class Indicator(models.Model):
    """How an action's output or result is measured: unit, baseline, target, milestones."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="indicators"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=IndicatorKind.choices)
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, default=0)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["action", "position", "id"]

    def __str__(self) -> str:
        return self.name


class Milestone(models.Model):
    """A value an indicator should reach by a date."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    due_date = models.DateField(_("date"))
    value = models.DecimalField(_("value to reach"), max_digits=14, decimal_places=2)
    label = models.CharField(_("what is reached"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["indicator", "due_date", "id"]

    def __str__(self) -> str:
        return f"{self.due_date:%Y-%m-%d}: {self.value.normalize():f} {self.label}".strip()


class PlanVersion(models.Model):
    """The whole plan frozen at a submission, as JSON: its fields, actions and indicators."""

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    snapshot = models.JSONField(_("content"))
    created_at = models.DateTimeField(_("frozen at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_versions",
    )

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="plan_version_number_unique",
                violation_error_message=_("This version number is already taken."),
            )
        ]

    def __str__(self) -> str:
        return gettext("%(plan)s, version %(number)s") % {"plan": self.plan, "number": self.number}


class PlanTransition(WorkflowStep):
    """One step of a plan's workflow: who, when, from which state to which, why."""

    plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        on_delete=models.CASCADE,
        related_name="transitions",
    )
    from_state = models.CharField(_("from"), max_length=30, choices=PlanStatus.choices)
    to_state = models.CharField(_("to"), max_length=30, choices=PlanStatus.choices)

    class Meta(WorkflowStep.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.plan}: {self.from_state} → {self.to_state}"


class PlanComment(models.Model):
    """A comment of programme staff or of the region on a plan."""

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_comments",
    )
    body = models.TextField(_("comment"), max_length=4000)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return gettext("Comment on %(plan)s") % {"plan": self.plan}

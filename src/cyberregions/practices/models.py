"""Good practices: what a region learnt and offers to others, its validation workflow, the
exchange around it (questions, interest), the investigations (study visits, peer reviews)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cyberregions.core.models import TimeStampedModel, WorkflowStep

from . import search
from .choices import (
    EDITABLE_STATUSES,
    AttachmentKind,
    CommentKind,
    InvestigationKind,
    PracticeStatus,
)
from .querysets import InvestigationQuerySet, PracticeQuerySet


def _dates_in_order(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(start_date__isnull=True)
        | models.Q(end_date__isnull=True)
        | models.Q(end_date__gte=models.F("start_date")),
        name=f"{prefix}_dates_in_order",
        violation_error_message=_("The end date cannot come before the start date."),
    )


class Practice(TimeStampedModel):
    """A good practice of a region: a policy, programme or service that worked, described so
    that other regions can learn from it and transfer it."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="practices",
    )
    main_institution = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("main institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_practices",
    )
    other_organisations = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("other organisations involved"),
        blank=True,
        related_name="involved_practices",
    )
    policy_instruments = models.TextField(
        _("policy instruments"), blank=True, help_text=_("One per line.")
    )
    barriers = models.ManyToManyField(
        "taxonomy.Barrier", verbose_name=_("barriers addressed"), related_name="practices"
    )
    domains = models.ManyToManyField(
        "taxonomy.Domain", verbose_name=_("JRC domains"), blank=True, related_name="practices"
    )
    summary = models.TextField(_("summary"), max_length=1000)
    description = models.TextField(_("detailed description"), blank=True)
    budget_eur = models.PositiveBigIntegerField(_("budget (EUR)"), null=True, blank=True)
    staff_fte = models.DecimalField(
        _("staff (full-time equivalents)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
    )
    resources_note = models.TextField(_("other resources needed"), blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    evidence = models.TextField(_("evidence of success"), blank=True)
    difficulties = models.TextField(_("difficulties encountered"), blank=True)
    lessons = models.TextField(_("lessons learnt"), blank=True)
    transfer_potential = models.TextField(_("potential for learning or transfer"), blank=True)
    links = models.TextField(_("links"), blank=True, help_text=_("One web address per line."))
    keywords = models.CharField(
        _("keywords"), max_length=300, blank=True, help_text=_("Separated by commas.")
    )
    contact_name = models.CharField(_("contact name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_public_consent = models.BooleanField(
        _("the contact consents to being shown publicly"), default=False
    )
    contact_consent_recorded_at = models.DateTimeField(
        _("consent recorded at"), null=True, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PracticeStatus.choices,
        default=PracticeStatus.DRAFT,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authored_practices",
    )
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("validated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="validated_practices",
    )
    validated_at = models.DateTimeField(_("validated at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    search_text = models.TextField(_("search text"), blank=True, editable=False)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["title", "id"]
        indexes = [
            models.Index(fields=["status", "region"], name="practice_status_region_idx"),
            models.Index(fields=["title"], name="practice_title_idx"),
            models.Index(fields=["published_at"], name="practice_published_idx"),
            models.Index(fields=["start_date", "end_date"], name="practice_dates_idx"),
        ]
        constraints = [
            _dates_in_order("practice"),
            models.CheckConstraint(
                condition=models.Q(contact_public_consent=False)
                | models.Q(contact_consent_recorded_at__isnull=False),
                name="practice_contact_consent_has_date",
                violation_error_message=_("Public consent must be recorded with its date."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status=PracticeStatus.PUBLISHED)
                | models.Q(published_at__isnull=False),
                name="practice_published_has_date",
                violation_error_message=_("A published practice has a publication date."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:detail", args=[self.slug])

    def derive(self) -> None:
        """Set the fields that are always derived, never typed."""
        self.search_text = search.document_for(self.title, self.summary, self.description)

    def save(self, *args, **kwargs):
        self.derive()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"title", "summary", "description"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == PracticeStatus.PUBLISHED

    @property
    def is_editable_state(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def instrument_list(self) -> list[str]:
        return _lines(self.policy_instruments)

    @property
    def link_list(self) -> list[str]:
        return _lines(self.links)

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class PracticeFigure(models.Model):
    """A figure that shows a practice's success: "companies trained: 120"."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="figures"
    )
    label = models.CharField(_("what was measured"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        value = Decimal(str(self.value)).normalize()
        return f"{self.label}: {value:f} {self.unit}".strip()


class Transition(WorkflowStep):
    """One step of the validation workflow: who moved the practice, when, why."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_state = models.CharField(_("from"), max_length=30, choices=PracticeStatus.choices)
    to_state = models.CharField(_("to"), max_length=30, choices=PracticeStatus.choices)

    class Meta(WorkflowStep.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.practice}: {self.from_state} → {self.to_state}"


def attachment_path(instance: Attachment, filename: str) -> str:
    """A generated name: nothing of the client's file name reaches the file system."""
    return f"practices/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{instance.kind}"


class Attachment(models.Model):
    """A file attached to a practice, checked by content and served only to those who may see
    the practice."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    name = models.CharField(_("file name"), max_length=150)
    title = models.CharField(_("title"), max_length=200, blank=True)
    kind = models.CharField(_("type"), max_length=8, choices=AttachmentKind.choices)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practice_attachments",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title or self.name

    def get_absolute_url(self) -> str:
        return reverse("practices:attachment", args=[self.practice.slug, self.pk])


class Comment(models.Model):
    """A question, comment or answer on a practice."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practice_comments",
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=CommentKind.choices, default=CommentKind.COMMENT
    )
    body = models.TextField(_("text"), max_length=4000)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.practice}"


class Interest(models.Model):
    """ "Interested in learning from this": a region that would like to transfer a practice,
    with the person to contact, who agreed to share their details with the owners."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="interests"
    )
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("interested region"),
        on_delete=models.CASCADE,
        related_name="practice_interests",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact"),
        on_delete=models.CASCADE,
        related_name="practice_interests",
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    contact_consent_at = models.DateTimeField(_("consent to share contact recorded at"))
    created_at = models.DateTimeField(_("expressed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "region", "user"],
                name="practice_interest_once_per_person",
                violation_error_message=_(
                    "You have already said that this region is interested in this practice."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.region} → {self.practice}"


class Investigation(TimeStampedModel):
    """A study visit or a peer review: peers from other regions investigate practices on site,
    write findings and recommendations, and agree on a follow-up."""

    kind = models.CharField(_("kind"), max_length=12, choices=InvestigationKind.choices)
    title = models.CharField(_("title"), max_length=200)
    host_region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("host region"),
        on_delete=models.PROTECT,
        related_name="hosted_investigations",
    )
    peer_regions = models.ManyToManyField(
        "geo.Region", verbose_name=_("peer regions"), related_name="peer_investigations"
    )
    practices = models.ManyToManyField(
        Practice, verbose_name=_("practices"), blank=True, related_name="investigations"
    )
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    participants = models.TextField(
        _("peers taking part"), blank=True, help_text=_("One per line: name, organisation.")
    )
    agenda = models.TextField(_("agenda"), blank=True)
    findings = models.TextField(_("findings"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="created_investigations",
    )

    objects = InvestigationQuerySet.as_manager()

    class Meta:
        verbose_name = _("investigation")
        verbose_name_plural = _("investigations")
        ordering = ["-start_date", "id"]
        constraints = [_dates_in_order("investigation")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:investigation", args=[self.pk])


class FollowUp(models.Model):
    """One item of an investigation's follow-up to-do list."""

    investigation = models.ForeignKey(
        Investigation,
        verbose_name=_("investigation"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    task = models.CharField(_("task"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practice_follow_ups",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up item")
        verbose_name_plural = _("follow-up items")
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.task

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_overdue(self) -> bool:
        return (
            not self.is_done and self.due_date is not None and self.due_date < timezone.now().date()
        )

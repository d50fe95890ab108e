"""Territorial analysis: what the atlas cannot know, asked of the region's stakeholders (the
needs survey) and kept by its coordinators (the SWOT). Indicators computed from the atlas have
no table: they are aggregate queries (``indicators.py``)."""

import uuid

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils.translation import gettext_lazy as _

from cyberregions.core.models import TimeStampedModel

from .choices import Importance, NeedLevel, SurveyStatus, SwotQuadrant
from .querysets import NeedsSurveyQuerySet, SwotItemQuerySet

INVITATION_SALT = "cyberregions.analysis.invitation"


class NeedsSurvey(TimeStampedModel):
    """A questionnaire on the three barriers and on domain needs, put to a region's
    stakeholders through personal invitation links."""

    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        related_name="needs_surveys",
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown to respondents above the questions.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="needs_surveys_created",
    )

    objects = NeedsSurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("needs survey")
        verbose_name_plural = _("needs surveys")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=SurveyStatus.values),
                name="analysis_survey_status_valid",
                violation_error_message=_("Unknown survey status."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == SurveyStatus.OPEN


class SurveyInvitation(models.Model):
    """One personal link to a survey; it admits exactly one answer.

    The link carries a signature of ``key`` (``token``), so the database alone cannot forge
    one, and the coordinator can show the link again at any time. No personal data is kept:
    the coordinator sends the link; ``label`` names the invited group or organisation.
    """

    survey = models.ForeignKey(
        NeedsSurvey,
        verbose_name=_("survey"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation invited"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_invitations",
    )
    label = models.CharField(
        _("label"),
        max_length=150,
        blank=True,
        help_text=_("Who receives this link, e.g. “cluster members”. No personal names."),
    )
    revoked = models.BooleanField(_("revoked"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Set only when the platform e-mails the link: the address is needed for the reminder and
    # is blanked when the survey closes (``services.set_survey_status``).
    email = models.EmailField(_("e-mailed to"), blank=True)
    sent_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        ordering = ["survey", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "email"],
                condition=~models.Q(email=""),
                name="analysis_invitation_email_once",
                violation_error_message=_("This address is already invited to the survey."),
            )
        ]

    def __str__(self) -> str:
        return self.label or str(self.organisation or _("Invitation %(id)s") % {"id": self.pk})

    @property
    def token(self) -> str:
        return signing.Signer(salt=INVITATION_SALT).sign(self.key.hex)

    @staticmethod
    def key_from_token(token: str) -> uuid.UUID | None:
        """The invitation key a link carries, or None when the signature does not hold."""
        try:
            return uuid.UUID(hex=signing.Signer(salt=INVITATION_SALT).unsign(token))
        except (signing.BadSignature, ValueError):
            return None


class SurveyResponse(models.Model):
    """The answer given through one invitation."""

    survey = models.ForeignKey(
        NeedsSurvey,
        verbose_name=_("survey"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    invitation = models.ForeignKey(
        SurveyInvitation,
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    comment = models.TextField(_("anything else the data cannot tell"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["survey", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation"],
                name="analysis_one_response_per_invitation",
                violation_error_message=_("This invitation has already been answered."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"


class BarrierAnswer(models.Model):
    """How strongly one of the three barriers holds the respondent's region back."""

    response = models.ForeignKey(
        SurveyResponse,
        verbose_name=_("response"),
        on_delete=models.CASCADE,
        related_name="barrier_answers",
    )
    barrier = models.ForeignKey(
        "taxonomy.Barrier",
        verbose_name=_("barrier"),
        on_delete=models.PROTECT,
        related_name="survey_answers",
    )
    importance = models.PositiveSmallIntegerField(_("importance"), choices=Importance.choices)

    class Meta:
        verbose_name = _("barrier answer")
        verbose_name_plural = _("barrier answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "barrier"],
                name="analysis_barrier_answer_once",
                violation_error_message=_("Each barrier is rated once per response."),
            ),
            models.CheckConstraint(
                condition=models.Q(importance__gte=1, importance__lte=5),
                name="analysis_barrier_importance_1_5",
                violation_error_message=_("Importance runs from 1 to 5."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.barrier_id}: {self.importance}"


class DomainNeedAnswer(models.Model):
    """A JRC domain in which the respondent needs competence, products or services."""

    response = models.ForeignKey(
        SurveyResponse,
        verbose_name=_("response"),
        on_delete=models.CASCADE,
        related_name="domain_needs",
    )
    domain = models.ForeignKey(
        "taxonomy.Domain",
        verbose_name=_("domain"),
        on_delete=models.PROTECT,
        related_name="survey_needs",
    )
    level = models.PositiveSmallIntegerField(_("level of need"), choices=NeedLevel.choices)

    class Meta:
        verbose_name = _("domain need")
        verbose_name_plural = _("domain needs")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "domain"],
                name="analysis_domain_need_once",
                violation_error_message=_("Each domain is rated once per response."),
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=3),
                name="analysis_domain_need_level_1_3",
                violation_error_message=_("The level of need runs from 1 to 3."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.domain_id}: {self.level}"


class SwotItem(TimeStampedModel):
    """One line of a region's SWOT analysis, kept by the region's coordinators."""

    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        related_name="swot_items",
    )
    quadrant = models.CharField(_("quadrant"), max_length=12, choices=SwotQuadrant.choices)
    text = models.CharField(_("statement"), max_length=300)
    detail = models.TextField(_("evidence or detail"), blank=True)
    barrier = models.ForeignKey(
        "taxonomy.Barrier",
        verbose_name=_("barrier concerned"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="swot_items",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="swot_items_created",
    )

    objects = SwotItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("SWOT item")
        verbose_name_plural = _("SWOT items")
        ordering = ["region", "quadrant", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quadrant__in=SwotQuadrant.values),
                name="analysis_swot_quadrant_valid",
                violation_error_message=_("Unknown SWOT quadrant."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_quadrant_display()}: {self.text}"

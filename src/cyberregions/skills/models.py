"""The skills module: the whole ECSF v1 as reference data (its items and e-CF levels; the
profiles themselves are ``taxonomy.EcsfProfile``), the training catalogue, and the demand side
(declared needs and vacancies)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cyberregions.core.models import TimeStampedModel, WorkflowStep

from .choices import (
    CompetenceArea,
    CostBand,
    CourseKind,
    CourseStatus,
    Horizon,
    ItemKind,
    Mode,
    Remote,
    Seniority,
)
from .querysets import CourseQuerySet, NeedQuerySet, VacancyQuerySet


class EcfCompetence(models.Model):
    """One of the 41 competences of the European e-Competence Framework (EN 16234-1) that the
    ECSF profiles name with a proficiency level."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    title = models.CharField(_("title"), max_length=200)
    area = models.CharField(_("area"), max_length=8, choices=CompetenceArea.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("e-CF competence")
        verbose_name_plural = _("e-CF competences")
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class EcsfItem(models.Model):
    """A deliverable, main task, key skill or key knowledge of the ECSF; one item may belong
    to several profiles, as in ENISA's file."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=ItemKind.choices)
    text = models.TextField(_("text"))
    profiles = models.ManyToManyField(
        "taxonomy.EcsfProfile", verbose_name=_("profiles"), related_name="ecsf_items"
    )

    class Meta:
        verbose_name = _("ECSF item")
        verbose_name_plural = _("ECSF items")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.text


class ProfileCompetence(models.Model):
    """The e-CF proficiency level (1–5) that the ECSF asks of a profile in one competence."""

    profile = models.ForeignKey(
        "taxonomy.EcsfProfile",
        verbose_name=_("profile"),
        on_delete=models.CASCADE,
        related_name="competence_levels",
    )
    competence = models.ForeignKey(
        EcfCompetence,
        verbose_name=_("competence"),
        on_delete=models.CASCADE,
        related_name="profile_levels",
    )
    level = models.PositiveSmallIntegerField(
        _("level"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("e-CF level of a profile")
        verbose_name_plural = _("e-CF levels of profiles")
        ordering = ["profile__position", "competence__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "competence"],
                name="skills_profile_competence_unique",
                violation_error_message=_("A profile names each competence once."),
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5),
                name="skills_profile_competence_level_1_to_5",
                violation_error_message=_("e-CF levels run from 1 to 5."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.profile} — {self.competence.code} e-{self.level}"


class Course(TimeStampedModel):
    """A programme or course offered by an organisation of the atlas, in ECSF terms.

    Its provider's members edit it; the coordinators of the provider's region validate it. It
    must be confirmed every year: past ``STALE_AFTER_DAYS`` it is flagged stale and its
    provider reminded, past the grace period it is hidden."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    provider = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("provider"),
        on_delete=models.CASCADE,
        related_name="courses",
    )
    # The provider's region and country, copied on save so that lists and indicators group
    # courses without joining the atlas.
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
        editable=False,
    )
    country = models.ForeignKey(
        "geo.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="courses",
        editable=False,
    )
    kind = models.CharField(_("type"), max_length=14, choices=CourseKind.choices)
    description = models.TextField(_("description"), blank=True)
    eqf_level = models.PositiveSmallIntegerField(
        _("EQF level"), validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    ects = models.PositiveSmallIntegerField(
        _("ECTS credits"), null=True, blank=True, validators=[MaxValueValidator(360)]
    )
    hours = models.PositiveIntegerField(
        _("hours"), null=True, blank=True, validators=[MaxValueValidator(10000)]
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices)
    city = models.CharField(_("place"), max_length=120, blank=True)
    start_dates = models.JSONField(_("next start dates"), default=list, blank=True)
    next_start = models.DateField(_("next start"), null=True, blank=True, editable=False)
    cost_band = models.CharField(_("cost"), max_length=10, choices=CostBand.choices)
    funding_eligible = models.BooleanField(_("eligible for public funding"), default=False)
    certification = models.CharField(_("certification awarded"), max_length=200, blank=True)
    seats_per_year = models.PositiveIntegerField(
        _("seats per year"), null=True, blank=True, validators=[MaxValueValidator(100000)]
    )
    url = models.URLField(_("link"), blank=True)
    cyber_share = models.PositiveSmallIntegerField(
        _("share of cybersecurity modules (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("For degree programmes: the share of credits in cybersecurity modules."),
    )
    profiles = models.ManyToManyField(
        "taxonomy.EcsfProfile",
        verbose_name=_("ECSF profiles targeted"),
        through="CourseProfile",
        related_name="courses",
    )
    items = models.ManyToManyField(
        EcsfItem, verbose_name=_("ECSF items covered"), blank=True, related_name="courses"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CourseStatus.choices, default=CourseStatus.DRAFT
    )
    confirmed_at = models.DateTimeField(_("last confirmed"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("provider reminded"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses_created",
    )

    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["title", "id"]
        indexes = [
            models.Index(fields=["status", "confirmed_at"], name="skills_course_status_conf"),
            models.Index(fields=["region", "status"], name="skills_course_region_status"),
            # Covers the visibility condition and every facet column, so that the facet counts
            # read this narrow index instead of the course rows (docs/skills.md).
            models.Index(
                fields=[
                    "status",
                    "confirmed_at",
                    "kind",
                    "mode",
                    "eqf_level",
                    "cost_band",
                    "region",
                ],
                name="skills_course_facets",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(eqf_level__gte=1, eqf_level__lte=8),
                name="skills_course_eqf_1_to_8",
                violation_error_message=_("EQF levels run from 1 to 8."),
            ),
            models.CheckConstraint(
                condition=Q(ects__isnull=True) | Q(ects__lte=360),
                name="skills_course_ects_at_most_360",
                violation_error_message=_("A programme carries at most 360 ECTS credits."),
            ),
            models.CheckConstraint(
                condition=Q(cyber_share__isnull=True) | Q(cyber_share__lte=100),
                name="skills_course_share_at_most_100",
                violation_error_message=_("A share is at most 100 %."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("skills:course", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        if self.provider_id:
            self.region_id = self.provider.region_id
            self.country_id = self.provider.country_id
        self.next_start = min(self.start_dates) if self.start_dates else None
        super().save(*args, **kwargs)

    @property
    def is_degree(self) -> bool:
        from .choices import DEGREE_KINDS

        return self.kind in DEGREE_KINDS

    @property
    def meets_inclusion_rule(self) -> bool | None:
        """Whether a bachelor or master meets the inclusion rule of ENISA's higher-education
        database; None when no rule applies or the share is not given."""
        from .choices import INCLUSION_THRESHOLDS

        threshold = INCLUSION_THRESHOLDS.get(self.kind)
        if threshold is None or self.cyber_share is None:
            return None
        return self.cyber_share >= threshold


class CourseProfileQuerySet(models.QuerySet):
    def with_profile_names(self):
        """With each profile's code and label only: a profile row also holds the framework's
        lists as JSON, which would be decoded for every course of a page."""
        return self.select_related("profile").only(
            "course_id",
            "profile_id",
            "coverage",
            "profile__code",
            "profile__label",
            "profile__position",
        )


class CourseProfile(models.Model):
    """A profile a course prepares for, with the share of the profile's tasks, skills and
    knowledge that the course covers (kept by the services when the items change)."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="targets"
    )
    profile = models.ForeignKey(
        "taxonomy.EcsfProfile",
        verbose_name=_("profile"),
        on_delete=models.CASCADE,
        related_name="course_targets",
    )
    coverage = models.FloatField(_("coverage share"), default=0.0)

    objects = CourseProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profile targeted by a course")
        verbose_name_plural = _("profiles targeted by courses")
        ordering = ["profile__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "profile"],
                name="skills_course_profile_unique",
                violation_error_message=_("A course targets each profile once."),
            ),
            models.CheckConstraint(
                condition=Q(coverage__gte=0, coverage__lte=1),
                name="skills_course_profile_coverage_0_to_1",
                violation_error_message=_("A coverage share lies between 0 and 1."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course} → {self.profile}"


class CourseTransition(WorkflowStep):
    """A step of a course's validation workflow."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="history"
    )

    class Meta(WorkflowStep.Meta):
        verbose_name = _("course step")
        verbose_name_plural = _("course steps")

    def __str__(self) -> str:
        return f"{self.course}: {self.from_state} → {self.to_state}"


class SkillsNeed(TimeStampedModel):
    """An organisation's declared need for people of one ECSF profile."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="skills_needs",
    )
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="skills_needs",
        editable=False,
    )
    country = models.ForeignKey(
        "geo.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="skills_needs",
        editable=False,
    )
    profile = models.ForeignKey(
        "taxonomy.EcsfProfile",
        verbose_name=_("ECSF profile"),
        on_delete=models.PROTECT,
        related_name="skills_needs",
    )
    count = models.PositiveIntegerField(
        _("people needed"), validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )
    seniority = models.CharField(_("level"), max_length=12, choices=Seniority.choices)
    horizon = models.CharField(_("horizon"), max_length=4, choices=Horizon.choices)
    hard_to_fill = models.BooleanField(_("hard to fill"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("declared by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="skills_needs_declared",
    )

    objects = NeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("declared skills need")
        verbose_name_plural = _("declared skills needs")
        ordering = ["-created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(count__gte=1),
                name="skills_need_count_positive",
                violation_error_message=_("Say how many people are needed (at least one)."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.count} × {self.profile}"

    def save(self, *args, **kwargs):
        if self.organisation_id:
            self.region_id = self.organisation.region_id
            self.country_id = self.organisation.country_id
        super().save(*args, **kwargs)


class Vacancy(TimeStampedModel):
    """A published job opening of an organisation of the atlas, in ECSF terms."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="vacancies",
    )
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vacancies",
        editable=False,
    )
    country = models.ForeignKey(
        "geo.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="vacancies",
        editable=False,
    )
    title = models.CharField(_("title"), max_length=200)
    profile = models.ForeignKey(
        "taxonomy.EcsfProfile",
        verbose_name=_("ECSF profile"),
        on_delete=models.PROTECT,
        related_name="vacancies",
    )
    city = models.CharField(_("place"), max_length=120, blank=True)
    remote = models.CharField(_("remote work"), max_length=6, choices=Remote.choices)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    closing_date = models.DateField(_("closing date"))
    url = models.URLField(_("link"), blank=True)
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vacancies_published",
    )

    objects = VacancyQuerySet.as_manager()

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        ordering = ["closing_date", "id"]
        indexes = [
            models.Index(fields=["closing_date", "region"], name="skills_vacancy_open_region")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("skills:vacancy", kwargs={"pk": self.pk})

    def save(self, *args, **kwargs):
        if self.organisation_id:
            self.region_id = self.organisation.region_id
            self.country_id = self.organisation.country_id
        super().save(*args, **kwargs)

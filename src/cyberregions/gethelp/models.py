"""The demand side of the ecosystem: providers' services and labels, self-assessments and
help requests routed to responders (``docs/gethelp.md``)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cyberregions.core.models import TimeStampedModel, WorkflowStep

from .choices import (
    BudgetBand,
    ClientType,
    LabelStatus,
    NeedStatus,
    OfferStatus,
    Questionnaire,
    RequestStatus,
    ServiceKind,
    Urgency,
)
from .querysets import (
    AssessmentQuerySet,
    HelpOfferQuerySet,
    HelpRequestQuerySet,
    OrganisationLabelQuerySet,
    ProviderProfileQuerySet,
)


class ServiceCategory(models.Model):
    """A kind of service a provider offers (audit, incident response…), loaded from
    ``reference/service_categories.json`` and mapped to JRC subdomains and NIST CSF functions."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    label = models.CharField(_("label"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=ServiceKind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    subdomains = models.ManyToManyField(
        "taxonomy.Subdomain",
        verbose_name=_("JRC subdomains"),
        blank=True,
        related_name="service_categories",
    )
    nist_functions = models.ManyToManyField(
        "taxonomy.NistFunction",
        verbose_name=_("NIST CSF functions"),
        blank=True,
        related_name="service_categories",
    )

    class Meta:
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        from .vocabulary import category_label

        return str(category_label(self.code, self.label))


class ProviderProfile(TimeStampedModel):
    """What an organisation declares about the services it offers: categories, coverage,
    languages, clients served, availability, response time and capacity. One per organisation.

    Languages and client types are kept as ``,en,fr,`` strings so that one indexed-free
    ``LIKE`` filters them on both engines (a JSON lookup would differ between SQLite and
    PostgreSQL)."""

    organisation = models.OneToOneField(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="provider_profile",
    )
    categories = models.ManyToManyField(
        ServiceCategory, verbose_name=_("services"), related_name="profiles"
    )
    coverage_regions = models.ManyToManyField(
        "geo.Region",
        verbose_name=_("regions served"),
        blank=True,
        related_name="provider_profiles",
    )
    coverage_countries = models.ManyToManyField(
        "geo.Country",
        verbose_name=_("countries served"),
        blank=True,
        related_name="provider_profiles",
    )
    on_site = models.BooleanField(_("on site"), default=True)
    remote = models.BooleanField(_("remotely, anywhere in the EU"), default=False)
    languages = models.CharField(_("languages"), max_length=120, default=",en,")
    clients = models.CharField(_("clients served"), max_length=120, default=",sme,")
    available_24_7 = models.BooleanField(_("available 24/7"), default=False)
    response_hours = models.PositiveSmallIntegerField(
        _("committed response time (hours)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(720)],
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity for new clients (open requests at a time)"),
        default=3,
        validators=[MaxValueValidator(500)],
    )
    is_active = models.BooleanField(_("taking requests"), default=True)
    # When the routing last offered it a request: the fair rotation's clock.
    last_offered_at = models.DateTimeField(_("last offered a request"), null=True, blank=True)

    objects = ProviderProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("provider profile")
        verbose_name_plural = _("provider profiles")
        ordering = ["organisation__name"]
        indexes = [models.Index(fields=["is_active", "organisation"], name="gethelp_profile_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(response_hours__gte=1, response_hours__lte=720),
                name="gethelp_profile_response_hours",
                violation_error_message=_("The response time runs from 1 to 720 hours."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.organisation)

    @staticmethod
    def pack(codes) -> str:
        return "," + ",".join(sorted({code for code in codes if code})) + ","

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def client_list(self) -> list[str]:
        return [code for code in self.clients.split(",") if code]

    def client_labels(self) -> list[str]:
        labels = dict(ClientType.choices)
        return [str(labels.get(code, code)) for code in self.client_list]


class Label(models.Model):
    """A label or certification providers may hold (a national qualification, ISO/IEC 27001
    certification…), kept by staff."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    issuer = models.CharField(_("issuer"), max_length=200)
    scope = models.TextField(_("scope"), blank=True)
    validity_months = models.PositiveSmallIntegerField(_("validity (months)"), default=36)
    register_url = models.URLField(_("public register"), blank=True)
    categories = models.ManyToManyField(
        ServiceCategory,
        verbose_name=_("services it vouches for"),
        blank=True,
        related_name="labels",
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganisationLabel(TimeStampedModel):
    """A label an organisation holds, verified by its region's coordinator. It counts only
    while verified and within its validity (``valid_until`` not past)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="labels",
    )
    label = models.ForeignKey(
        Label, verbose_name=_("label"), on_delete=models.PROTECT, related_name="holders"
    )
    number = models.CharField(_("certificate number"), max_length=80, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    evidence_url = models.URLField(_("evidence (link)"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=LabelStatus.choices, default=LabelStatus.SUBMITTED
    )
    expiry_warned_at = models.DateTimeField(_("expiry warning sent"), null=True, blank=True)

    objects = OrganisationLabelQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation label")
        verbose_name_plural = _("organisation labels")
        ordering = ["organisation", "label"]
        indexes = [
            models.Index(fields=["status", "valid_until"], name="gethelp_label_valid_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="gethelp_label_dates_ordered",
                violation_error_message=_("A label cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["organisation", "label", "number"],
                name="gethelp_label_unique_number",
                violation_error_message=_("This organisation already recorded this label."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} – {self.organisation}"

    @property
    def counts(self) -> bool:
        return self.status == LabelStatus.VERIFIED and self.valid_until >= timezone.localdate()


class LabelStep(WorkflowStep):
    """One step of a label's verification (``services.LABEL_WORKFLOW``)."""

    organisation_label = models.ForeignKey(
        OrganisationLabel,
        verbose_name=_("organisation label"),
        on_delete=models.CASCADE,
        related_name="steps",
    )

    class Meta(WorkflowStep.Meta):
        verbose_name = _("label step")
        verbose_name_plural = _("label history")

    def __str__(self) -> str:
        return f"{self.organisation_label_id}: {self.from_state} → {self.to_state}"


class Assessment(models.Model):
    """One filled self-assessment: the questionnaire and version it answered, the answers and
    the scores computed from them. Anonymous unless saved to an organisation; read through its
    unguessable ``token``."""

    token = models.CharField(_("private link key"), max_length=43, unique=True)
    questionnaire = models.CharField(
        _("questionnaire"), max_length=20, choices=Questionnaire.choices
    )
    version = models.PositiveSmallIntegerField(_("questionnaire version"))
    answers = models.JSONField(_("answers"), default=dict)
    theme_scores = models.JSONField(_("scores per theme"), default=dict)
    overall = models.FloatField(_("overall score"), null=True, blank=True)
    country = models.ForeignKey(
        "geo.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessments",
    )
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessments",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessments",
    )
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous assessment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="retakes",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gethelp_assessments",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["region", "questionnaire"], name="gethelp_assess_idx")]

    def __str__(self) -> str:
        return f"{self.get_questionnaire_display()} v{self.version} ({self.created_at:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("gethelp:assessment_result", args=[self.token])


class HelpRequest(TimeStampedModel):
    """A request for help filed by an SME or an administration, routed to up to N providers.

    The requester follows it through ``token`` (a private link); ``submission_key`` makes a
    repeated submission (a double click) file one request. Personal fields are blanked after
    the retention period (``privacy.py``)."""

    token = models.CharField(_("private link key"), max_length=43, unique=True)
    submission_key = models.CharField(_("submission key"), max_length=64, unique=True)
    categories = models.ManyToManyField(
        ServiceCategory, verbose_name=_("services needed"), related_name="requests"
    )
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices)
    country = models.ForeignKey(
        "geo.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="help_requests",
    )
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="help_requests",
    )
    sector = models.ForeignKey(
        "taxonomy.Sector",
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="help_requests",
    )
    entity_type = models.CharField(
        _("who you are"), max_length=12, choices=ClientType.choices, default=ClientType.SME
    )
    language = models.CharField(_("language"), max_length=8)
    description = models.TextField(_("what is needed"))
    contact_name = models.CharField(_("contact name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_consent = models.BooleanField(
        _("I agree that the chosen providers receive my contact details"), default=False
    )
    consent_recorded_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.ROUTED
    )
    deadline_at = models.DateTimeField(_("acceptance deadline"))
    accepted_by = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accepted_help_requests",
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    rating_comment = models.TextField(_("comment on the help received"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(
        _("personal data erased at"), null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gethelp_requests",
    )

    objects = HelpRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "deadline_at"], name="gethelp_request_due_idx"),
            models.Index(fields=["region", "status"], name="gethelp_request_region_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(contact_consent=False)
                | models.Q(consent_recorded_at__isnull=False),
                name="gethelp_request_consent_dated",
                violation_error_message=_("A consent must be recorded with its date."),
            ),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="gethelp_request_rating_1_to_5",
                violation_error_message=_("A rating runs from 1 to 5."),
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_urgency_display()} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("gethelp:request_status", args=[self.token])


class HelpOffer(models.Model):
    """A request offered to one provider by the routing; the first acceptance wins."""

    request = models.ForeignKey(
        HelpRequest, verbose_name=_("help request"), on_delete=models.CASCADE, related_name="offers"
    )
    provider = models.ForeignKey(
        ProviderProfile,
        verbose_name=_("provider"),
        on_delete=models.CASCADE,
        related_name="offers",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=OfferStatus.choices, default=OfferStatus.PENDING
    )
    rank = models.PositiveSmallIntegerField(_("rank in the routing"), default=0)
    offered_at = models.DateTimeField(_("offered at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gethelp_offer_answers",
    )

    objects = HelpOfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("offer to a provider")
        verbose_name_plural = _("offers to providers")
        ordering = ["request", "rank"]
        indexes = [models.Index(fields=["provider", "status"], name="gethelp_offer_load_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "provider"],
                name="gethelp_offer_once_per_provider",
                violation_error_message=_("This request was already offered to this provider."),
            ),
            models.UniqueConstraint(
                fields=["request"],
                condition=models.Q(status="accepted"),
                name="gethelp_offer_one_acceptance",
                violation_error_message=_("Another provider already accepted this request."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request_id} → {self.provider} ({self.get_status_display()})"


class HelpRequestStep(WorkflowStep):
    """One step of a help request (``services.REQUEST_WORKFLOW``)."""

    help_request = models.ForeignKey(
        HelpRequest,
        verbose_name=_("help request"),
        on_delete=models.CASCADE,
        related_name="steps",
    )

    class Meta(WorkflowStep.Meta):
        verbose_name = _("help request step")
        verbose_name_plural = _("help request history")

    def __str__(self) -> str:
        return f"{self.help_request_id}: {self.from_state} → {self.to_state}"


class BuyerNeed(TimeStampedModel):
    """An upcoming need a local administration publishes (sector, budget band, timeline), so
    that providers following the sector hear of it before the tender."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("buyer"),
        on_delete=models.CASCADE,
        related_name="buyer_needs",
    )
    sector = models.ForeignKey(
        "taxonomy.Sector",
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        related_name="buyer_needs",
    )
    categories = models.ManyToManyField(
        ServiceCategory, verbose_name=_("services"), blank=True, related_name="buyer_needs"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    budget_band = models.CharField(
        _("budget"), max_length=10, choices=BudgetBand.choices, default=BudgetBand.UNKNOWN
    )
    expected_from = models.DateField(_("expected start"))
    status = models.CharField(
        _("status"), max_length=10, choices=NeedStatus.choices, default=NeedStatus.OPEN
    )

    class Meta:
        verbose_name = _("public buyer's need")
        verbose_name_plural = _("public buyers' needs")
        ordering = ["expected_from", "id"]
        indexes = [models.Index(fields=["status", "sector"], name="gethelp_need_sector_idx")]

    def __str__(self) -> str:
        return self.title


class SectorFollow(models.Model):
    """A provider following a sector's public buyers' needs: its members are told of each."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="followed_sectors",
    )
    sector = models.ForeignKey(
        "taxonomy.Sector",
        verbose_name=_("sector"),
        on_delete=models.CASCADE,
        related_name="followers",
    )

    class Meta:
        verbose_name = _("followed sector")
        verbose_name_plural = _("followed sectors")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "sector"],
                name="gethelp_follow_once",
                violation_error_message=_("This organisation already follows this sector."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.sector}"

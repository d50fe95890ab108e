"""The ecosystem atlas: organisations, their offers and needs, contacts and memberships."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cyberregions.core.concurrency import version_field
from cyberregions.core.models import TimeStampedModel, WorkflowStep

from .choices import (
    HELIX_OF_ACTOR_TYPE,
    ActorType,
    ClaimStatus,
    HelixGroup,
    ItemKind,
    MembershipRole,
    RegistrationStatus,
    SizeClass,
    Status,
)
from .querysets import (
    AtlasRowQuerySet,
    ClaimRequestQuerySet,
    ContactQuerySet,
    OrganisationQuerySet,
    RegistrationRequestQuerySet,
)
from .sizeclass import size_class


class Organisation(TimeStampedModel):
    """An actor of a regional cybersecurity ecosystem: a company, research centre, training
    centre, incubator, public body… Its helix group and EU size class are derived on save."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    legal_name = models.CharField(_("legal name"), max_length=250, blank=True)
    country = models.ForeignKey(
        "geo.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    website = models.URLField(_("website"), blank=True)
    founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    actor_type = models.CharField(_("actor type"), max_length=12, choices=ActorType.choices)
    helix_group = models.CharField(
        _("triple-helix group"), max_length=14, choices=HelixGroup.choices, editable=False
    )
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    turnover_eur = models.PositiveBigIntegerField(_("annual turnover (EUR)"), null=True, blank=True)
    balance_sheet_eur = models.PositiveBigIntegerField(
        _("balance-sheet total (EUR)"), null=True, blank=True
    )
    size_class = models.CharField(
        _("EU size class"),
        max_length=8,
        choices=SizeClass.choices,
        default=SizeClass.UNKNOWN,
        editable=False,
    )
    core_business = models.BooleanField(_("cybersecurity is its core business"), default=False)
    description = models.TextField(_("description"), blank=True)
    products_services = models.TextField(
        _("products and services"), blank=True, help_text=_("One per line.")
    )
    domains = models.ManyToManyField(
        "taxonomy.Domain", verbose_name=_("domains"), blank=True, related_name="organisations"
    )
    sectors = models.ManyToManyField(
        "taxonomy.Sector", verbose_name=_("sectors"), blank=True, related_name="organisations"
    )
    technologies = models.ManyToManyField(
        "taxonomy.Technology",
        verbose_name=_("technologies"),
        blank=True,
        related_name="organisations",
    )
    nist_functions = models.ManyToManyField(
        "taxonomy.NistFunction",
        verbose_name=_("NIST CSF functions covered"),
        blank=True,
        related_name="organisations",
    )
    search_document = models.TextField(_("search text"), blank=True, editable=False)
    # Raised by every save through the services: an edit from an older version is refused.
    version = version_field()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["country", "actor_type"], name="org_country_type_idx"),
            models.Index(fields=["region", "actor_type"], name="org_region_type_idx"),
            models.Index(fields=["size_class"], name="org_size_idx"),
            models.Index(fields=["name"], name="org_name_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(founded__isnull=True)
                | models.Q(founded__gte=1800, founded__lte=2100),
                name="org_founded_plausible",
                violation_error_message=_("The founding year must lie between 1800 and 2100."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("organisations:detail", args=[self.slug])

    def derive(self) -> None:
        """Set the fields that are always derived, never typed."""
        self.helix_group = HELIX_OF_ACTOR_TYPE.get(self.actor_type, HelixGroup.CIVIL_SOCIETY)
        if self.actor_type in (ActorType.SME, ActorType.LARGE, ActorType.INVESTOR, ActorType.OTHER):
            self.size_class = size_class(self.employees, self.turnover_eur, self.balance_sheet_eur)
        else:
            # The EU SME definition applies to enterprises; a university or a public body has none.
            self.size_class = SizeClass.UNKNOWN

    def save(self, *args, **kwargs):
        self.derive()
        super().save(*args, **kwargs)

    @property
    def is_sme(self) -> bool:
        return self.size_class in (SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM)

    @property
    def product_lines(self) -> list[str]:
        return [line.strip() for line in self.products_services.splitlines() if line.strip()]


class AtlasRow(models.Model):
    """A narrow copy of each organisation's filter and sort columns, written by database
    triggers on ``organisations_organisation`` (migration 0004), never by the application.

    The atlas counts its facets over the organisations matching a search: thousands of
    rows. Read from the organisation table, each costs a page of its own (rows of 1.6 kB
    with their texts); here forty rows share a page. On PostgreSQL the table also holds the
    search vector and its GIN index, so that the index points at these narrow rows."""

    id = models.BigIntegerField(primary_key=True)
    country = models.ForeignKey(
        "geo.Country",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    region = models.ForeignKey(
        "geo.Region",
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    actor_type = models.CharField(max_length=12)
    size_class = models.CharField(max_length=8)
    core_business = models.BooleanField()
    status = models.CharField(max_length=10)
    name = models.CharField(max_length=200)
    founded = models.PositiveSmallIntegerField(null=True)
    employees = models.PositiveIntegerField(null=True)

    objects = AtlasRowQuerySet.as_manager()

    class Meta:
        # Read-only for Django: the triggers write it, flush and cascades leave it to them.
        default_permissions = ()
        indexes = [
            # Counts without a search group over this index alone, and the id comes with.
            models.Index(
                fields=["country", "region", "actor_type", "size_class", "core_business", "id"],
                name="org_atlas_facets_idx",
            )
        ]

    def __str__(self) -> str:
        return self.name


class OfferOrNeed(models.Model):
    """Something an organisation offers to the ecosystem, or needs from it."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    kind = models.CharField(_("kind"), max_length=5, choices=ItemKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    domains = models.ManyToManyField(
        "taxonomy.Domain", verbose_name=_("domains"), blank=True, related_name="offers_needs"
    )
    sectors = models.ManyToManyField(
        "taxonomy.Sector", verbose_name=_("sectors"), blank=True, related_name="offers_needs"
    )
    technologies = models.ManyToManyField(
        "taxonomy.Technology",
        verbose_name=_("technologies"),
        blank=True,
        related_name="offers_needs",
    )

    class Meta:
        verbose_name = _("offer or need")
        verbose_name_plural = _("offers and needs")
        ordering = ["organisation", "kind", "id"]
        indexes = [models.Index(fields=["kind"], name="org_item_kind_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class Contact(models.Model):
    """A person to contact at an organisation. Shown publicly only with recorded consent."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    public_consent = models.BooleanField(_("consents to being shown publicly"), default=False)
    consent_recorded_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["organisation", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(public_consent=False)
                | models.Q(consent_recorded_at__isnull=False),
                name="org_contact_consent_has_date",
                violation_error_message=_("Public consent must be recorded with its date."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class OrganisationMembership(models.Model):
    """A user acting for an organisation: keeps its profile, offers and needs."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                name="org_membership_unique_user_org",
                violation_error_message=_("This user is already a member of this organisation."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"


class ClaimRequest(models.Model):
    """A user's request to act for an organisation, decided by the region's coordinator."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="claims",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="organisation_claims",
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.PENDING
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decided_claims",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)

    objects = ClaimRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("claim request")
        verbose_name_plural = _("claim requests")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(status="pending"),
                name="org_claim_one_pending_per_user",
                violation_error_message=_(
                    "You already have a pending request for this organisation."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation} ({self.get_status_display()})"


class ClaimHistory(WorkflowStep):
    """One step of a claim's decision (``services.CLAIM_WORKFLOW``): who, when, why."""

    claim = models.ForeignKey(
        ClaimRequest,
        verbose_name=_("claim request"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    from_state = models.CharField(_("from"), max_length=30, choices=ClaimStatus.choices)
    to_state = models.CharField(_("to"), max_length=30, choices=ClaimStatus.choices)

    class Meta(WorkflowStep.Meta):
        verbose_name = _("claim step")
        verbose_name_plural = _("claim history")

    def __str__(self) -> str:
        return f"{self.claim_id}: {self.from_state} → {self.to_state}"


class RegistrationRequest(TimeStampedModel):
    """A user's request for a new organisation in the atlas. The organisation is created only
    when the request is approved; until then its fields wait in ``data`` (the form's cleaned
    values, with countries, regions and tags by code)."""

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.CASCADE,
        related_name="organisation_registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisation_registrations",
    )
    data = models.JSONField(_("organisation data"), default=dict)
    registration_number = models.CharField(
        _("VAT number"), max_length=20, blank=True, db_index=True
    )
    website_domain = models.CharField(_("website domain"), max_length=253, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.DRAFT,
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation created"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )

    objects = RegistrationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration request")
        verbose_name_plural = _("registration requests")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "region"], name="org_registration_status_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(organisation__isnull=False),
                name="org_registration_one_per_organisation",
                violation_error_message=_("This organisation was already created by a request."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("organisations:registration", args=[self.pk])


class RegistrationHistory(WorkflowStep):
    """One step of a registration request (``services_registration.WORKFLOW``)."""

    registration = models.ForeignKey(
        RegistrationRequest,
        verbose_name=_("registration request"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    from_state = models.CharField(_("from"), max_length=30, choices=RegistrationStatus.choices)
    to_state = models.CharField(_("to"), max_length=30, choices=RegistrationStatus.choices)

    class Meta(WorkflowStep.Meta):
        verbose_name = _("registration step")
        verbose_name_plural = _("registration history")

    def __str__(self) -> str:
        return f"{self.registration_id}: {self.from_state} → {self.to_state}"

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import PartnerRole, RegionRole
from .names import country_name
from .querysets import RegionQuerySet


class Country(models.Model):
    """An EU member state, keyed by its ISO 3166-1 alpha-2 code. ``name`` is the reference's
    English name; ``str(country)`` is CLDR's name in the reader's language (``geo.names``)."""

    iso = models.CharField(_("ISO code"), max_length=2, unique=True)
    nuts = models.CharField(_("NUTS code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    is_eu_member = models.BooleanField(_("EU member state"), default=True)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]

    def __str__(self) -> str:
        return country_name(self.iso, self.name)


class Region(models.Model):
    """A NUTS region. Partner territories are the regions whose ecosystems the platform maps in
    detail; their NUTS sub-regions hang below them through ``parent``."""

    code = models.CharField(_("NUTS code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=150)
    level = models.PositiveSmallIntegerField(_("NUTS level"))
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="regions"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent region"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    is_partner_territory = models.BooleanField(_("partner territory"), default=False)
    capital = models.CharField(_("capital"), max_length=100, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    population_date = models.DateField(_("population reference date"), null=True, blank=True)
    population_source = models.CharField(_("population source"), max_length=300, blank=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["country__name", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__lte=3),
                name="geo_region_level_0_to_3",
                violation_error_message=_("NUTS levels run from 0 to 3."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Partner(models.Model):
    """A partner organisation of the interregional cooperation (lead, partner or advisory)."""

    key = models.CharField(_("key"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="partners"
    )
    territory = models.ForeignKey(
        Region,
        verbose_name=_("territory"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partners",
    )

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.name


class RegionMembership(models.Model):
    """A user's role in a region: a regional coordinator keeps that region's data."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="region_memberships",
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=RegionRole.choices, default=RegionRole.COORDINATOR
    )

    class Meta:
        verbose_name = _("region membership")
        verbose_name_plural = _("region memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "region"],
                name="geo_membership_unique_user_region",
                violation_error_message=_("This user already has a role in this region."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.region.code} ({self.get_role_display()})"

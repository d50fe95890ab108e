"""Controlled vocabularies: the JRC cybersecurity taxonomy, NIST CSF 2.0, ECSF role profiles
and the three barriers of interregional cooperation."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import labels as term_labels


class Term(models.Model):
    """A vocabulary entry with a stable code and a label.

    ``label`` holds the English text of the reference; ``str(term)`` is the label in the
    reader's language, from the translations kept with the reference data (``labels.py``).
    Templates, forms and exports print ``term``, never ``term.label``."""

    code = models.CharField(_("code"), max_length=64, unique=True)
    label = models.CharField(_("label"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return term_labels.label(self._meta.model_name, self.code, self.label)

    @property
    def labels(self) -> dict[str, str]:
        """The label in every language of the platform."""
        return term_labels.labels(self._meta.model_name, self.code, self.label)


class Barrier(Term):
    """One of the three barriers to interregional cooperation named by the source document."""

    description = models.TextField(_("description"), blank=True)

    class Meta(Term.Meta):
        verbose_name = _("barrier")
        verbose_name_plural = _("barriers")

    @property
    def localized_description(self) -> str:
        return term_labels.description("barrier", self.code, self.description)


class Domain(Term):
    """A knowledge domain of the JRC cybersecurity taxonomy."""

    atlas_uuid = models.UUIDField(_("Atlas identifier"), null=True, blank=True)

    class Meta(Term.Meta):
        verbose_name = _("domain")
        verbose_name_plural = _("domains")


class Subdomain(Term):
    """A subdomain of a JRC knowledge domain."""

    domain = models.ForeignKey(
        Domain, verbose_name=_("domain"), on_delete=models.CASCADE, related_name="subdomains"
    )
    atlas_uuid = models.UUIDField(_("Atlas identifier"), null=True, blank=True)

    class Meta(Term.Meta):
        verbose_name = _("subdomain")
        verbose_name_plural = _("subdomains")


class Sector(Term):
    """An application sector of the JRC taxonomy."""

    class Meta(Term.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class Technology(Term):
    """A technology or use case of the JRC taxonomy."""

    kind = models.CharField(_("kind"), max_length=20, blank=True)

    class Meta(Term.Meta):
        verbose_name = _("technology or use case")
        verbose_name_plural = _("technologies and use cases")


class NistFunction(Term):
    """A function of the NIST Cybersecurity Framework 2.0 (Govern, Identify, …)."""

    overview = models.TextField(_("overview"), blank=True)

    class Meta(Term.Meta):
        verbose_name = _("NIST CSF function")
        verbose_name_plural = _("NIST CSF functions")


class NistCategory(Term):
    """A category of a NIST CSF 2.0 function."""

    function = models.ForeignKey(
        NistFunction,
        verbose_name=_("function"),
        on_delete=models.CASCADE,
        related_name="categories",
    )
    statement = models.TextField(_("statement"), blank=True)
    subcategories = models.JSONField(_("subcategory identifiers"), default=list, blank=True)

    class Meta(Term.Meta):
        verbose_name = _("NIST CSF category")
        verbose_name_plural = _("NIST CSF categories")


class EcsfProfile(Term):
    """A role profile of the ENISA European Cybersecurity Skills Framework."""

    summary = models.TextField(_("summary statement"), blank=True)
    mission = models.TextField(_("mission"), blank=True)
    alternative_titles = models.JSONField(_("alternative titles"), default=list, blank=True)
    deliverables = models.JSONField(_("deliverables"), default=list, blank=True)
    main_tasks = models.JSONField(_("main tasks"), default=list, blank=True)
    key_skills = models.JSONField(_("key skills"), default=list, blank=True)
    key_knowledge = models.JSONField(_("key knowledge"), default=list, blank=True)
    ecf_competences = models.JSONField(_("e-CF competences"), default=list, blank=True)

    class Meta(Term.Meta):
        verbose_name = _("ECSF role profile")
        verbose_name_plural = _("ECSF role profiles")

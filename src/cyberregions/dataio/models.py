"""Imports of organisations: the uploaded file is kept from its preview to its confirmation,
then only the summary stays."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import ImportSource, ImportStatus
from .querysets import OrganisationImportQuerySet


class OrganisationImport(models.Model):
    """One file of organisations: previewed (a dry run), then imported or discarded."""

    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisation_imports",
    )
    source = models.CharField(
        _("source"), max_length=12, choices=ImportSource.choices, default=ImportSource.UPLOAD
    )
    filename = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    content = models.BinaryField(_("content"), null=True, blank=True, editable=False)
    encoding = models.CharField(
        _("declared encoding"), max_length=20, blank=True, help_text=_("Empty: detected.")
    )
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisation_imports",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.PREVIEWED
    )
    only_valid = models.BooleanField(_("only the valid rows"), default=False)
    report = models.JSONField(_("report"), default=dict, blank=True)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    error_count = models.PositiveIntegerField(_("rows with errors"), default=0)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = OrganisationImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation import")
        verbose_name_plural = _("organisation imports")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status=ImportStatus.PREVIEWED) | models.Q(content__isnull=True),
                name="dataio_import_content_only_while_previewed",
                violation_error_message=_(
                    "The uploaded file is kept only until it is imported or discarded."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ImportStatus.IMPORTED)
                | models.Q(finished_at__isnull=False),
                name="dataio_import_finished_has_date",
                violation_error_message=_("An import that is done records when it finished."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("dataio:import_detail", args=[self.pk])

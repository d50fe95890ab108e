from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    VALIDATED = "validated", _("Validated by programme staff")
    ENDORSED = "endorsed", _("Endorsed")
    IN_IMPLEMENTATION = "in_implementation", _("In implementation")
    COMPLETED = "completed", _("Completed")


# Everyone sees a plan once its responsible authority has endorsed it.
PUBLIC_PLAN_STATUSES = (PlanStatus.ENDORSED, PlanStatus.IN_IMPLEMENTATION, PlanStatus.COMPLETED)
# Monitoring reports are written for plans in these states.
REPORTING_STATUSES = (PlanStatus.IN_IMPLEMENTATION, PlanStatus.COMPLETED)


class PlanStep(models.TextChoices):
    """The steps of a plan's workflow."""

    SUBMIT = "submit", _("Submit to programme staff")
    RETURN = "return", _("Return for changes")
    VALIDATE = "validate", _("Validate")
    ENDORSE = "endorse", _("Record the endorsement")
    START = "start", _("Start the implementation")
    COMPLETE = "complete", _("Mark as completed")


class InstrumentType(models.TextChoices):
    GROWTH_AND_JOBS = "igj", _("Investment for Growth and Jobs programme")
    TERRITORIAL_COOPERATION = "etc", _("European Territorial Cooperation programme")
    OTHER = "other", _("Other regional development policy instrument")


class ImprovementType(models.TextChoices):
    NEW_PROJECTS = "new_projects", _("New projects")
    MANAGEMENT = "management", _("Change in the management of the instrument")
    STRATEGIC_FOCUS = "strategic_focus", _("Change in the strategic focus of the instrument")


class IndicatorKind(models.TextChoices):
    OUTPUT = "output", _("Output")
    RESULT = "result", _("Result")


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    DELAYED = "delayed", _("Delayed")
    IMPLEMENTED = "implemented", _("Implemented")
    ABANDONED = "abandoned", _("Abandoned")


# A monitoring report explains these statuses.
NEEDS_EXPLANATION = (ActionStatus.DELAYED, ActionStatus.ABANDONED)


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    ACCEPTED = "accepted", _("Accepted")


# The region writes a report in these states.
REPORT_EDITABLE_STATUSES = (ReportStatus.DRAFT, ReportStatus.RETURNED)
# A period counts as reported once its report is in one of these states.
REPORT_DONE_STATUSES = (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)


class ReportStep(models.TextChoices):
    SUBMIT = "submit", _("Submit the report")
    ACCEPT = "accept", _("Accept the report")
    RETURN = "return", _("Return the report for changes")


class Rag(models.TextChoices):
    GREEN = "green", _("Green: on track")
    AMBER = "amber", _("Amber: needs attention")
    RED = "red", _("Red: at risk")
    NONE = "none", _("Not reported yet")


class ReminderStage(models.TextChoices):
    DUE = "due", _("The semester has ended")
    OVERDUE = "overdue", _("The report is late")


class EvidenceKind(models.TextChoices):
    LINK = "link", _("Link")
    PDF = "pdf", _("PDF document")
    PNG = "png", _("PNG image")
    JPEG = "jpeg", _("JPEG image")
    DOCX = "docx", _("Word document")
    XLSX = "xlsx", _("Excel workbook")
    PPTX = "pptx", _("PowerPoint presentation")
    ODT = "odt", _("OpenDocument text")
    ODS = "ods", _("OpenDocument spreadsheet")
    TEXT = "txt", _("Plain text")
    CSV = "csv", _("CSV table")


class ModificationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class ModificationStep(models.TextChoices):
    APPROVE = "approve", _("Approve the modification")
    REFUSE = "refuse", _("Refuse the modification")


# An endorsed or running plan changes only through an approved modification request.
MODIFIABLE_PLAN_STATUSES = (PlanStatus.ENDORSED, PlanStatus.IN_IMPLEMENTATION)

from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    RESUBMITTED = "resubmitted", _("Resubmitted")
    VALIDATED = "validated", _("Validated")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


# The region that owns a practice edits it only in these states.
EDITABLE_STATUSES = (PracticeStatus.DRAFT, PracticeStatus.CHANGES_REQUESTED)
# States waiting for programme staff.
AWAITING_STAFF = (PracticeStatus.SUBMITTED, PracticeStatus.RESUBMITTED)


class Action(models.TextChoices):
    """The transitions of the validation workflow."""

    SUBMIT = "submit", _("Submit for validation")
    REQUEST_CHANGES = "request_changes", _("Request changes")
    RESUBMIT = "resubmit", _("Resubmit")
    VALIDATE = "validate", _("Validate")
    PUBLISH = "publish", _("Publish")
    REJECT = "reject", _("Reject")


class AttachmentKind(models.TextChoices):
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


class CommentKind(models.TextChoices):
    QUESTION = "question", _("Question")
    COMMENT = "comment", _("Comment")
    ANSWER = "answer", _("Answer")


class InvestigationKind(models.TextChoices):
    STUDY_VISIT = "study_visit", _("Study visit")
    PEER_REVIEW = "peer_review", _("Peer review")


# A peer review brings peers from at least this many countries other than the host's.
PEER_REVIEW_MIN_COUNTRIES = 2

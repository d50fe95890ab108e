"""The one upload service: a file is checked by its content (``core.uploads``) against a
size limit, and a refusal becomes a message the person can act on, in their language.

Every app that stores a file a person sends (practices' attachments, monitoring reports'
evidence, and the modules after them) calls ``check`` and stores the file under a generated
name, never the client's."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from . import uploads

DEFAULT_MAX_BYTES = uploads.DEFAULT_MAX_BYTES
CONTENT_TYPES = uploads.CONTENT_TYPES

REFUSAL_MESSAGES = {
    "too_large": gettext_lazy("The file is larger than the limit of %(limit)s MB."),
    "empty": gettext_lazy("The file is empty."),
    "executable": gettext_lazy("Programs and scripts cannot be attached, whatever their name."),
    "macros": gettext_lazy("Office files with macros cannot be attached."),
    "encrypted": gettext_lazy("Encrypted archives cannot be attached."),
    "damaged": gettext_lazy("The file is damaged or not what its type says."),
    "unknown_type": gettext_lazy(
        "Only PDF, PNG, JPEG, Word, Excel, PowerPoint, OpenDocument text or spreadsheet, "
        "plain text and CSV files can be attached."
    ),
}


class UploadRefused(Exception):
    """The file is not accepted; the message says why."""


def refusal_message(error: uploads.Refused, max_bytes: int) -> str:
    template = REFUSAL_MESSAGES.get(error.code, REFUSAL_MESSAGES["unknown_type"])
    limit = error.details.get("limit", max_bytes)
    return str(template) % {"limit": f"{limit / (1024 * 1024):g}"}


def check(uploaded, max_bytes: int = DEFAULT_MAX_BYTES) -> uploads.Inspected:
    """What ``uploaded`` (a Django uploaded file or any seekable binary file) really is, or
    ``UploadRefused`` with the reason."""
    try:
        info = uploads.inspect(uploaded, getattr(uploaded, "name", ""), max_bytes)
    except uploads.Refused as error:
        raise UploadRefused(refusal_message(error, max_bytes)) from error
    uploaded.seek(0)
    return info

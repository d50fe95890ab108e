"""Request limits and the CSRF failure answer.

``RequestLimitsMiddleware`` refuses, before the body is read:
- any request whose declared ``Content-Length`` passes ``REQUEST_MAX_BODY_BYTES`` (the largest
  upload the platform accepts, with room for the form around it);
- a multipart request to a view that takes no file, when it declares more than
  ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (what Django allows for the fields alone);
and a request that carries a null character (in its path, query string, form or JSON body),
with 400: no text of the platform may hold one, and PostgreSQL cannot store it.
For the views that take no file, it parses the form with a handler that refuses the first
file part it meets, so that a file sent to the login form is neither buffered in memory nor
spooled to disk.
The views that take files are listed in ``UPLOAD_VIEWS`` by URL name, in one place, so that a
reviewer sees every door a file can come through.

Django's own limits still apply beneath: ``DATA_UPLOAD_MAX_MEMORY_SIZE``,
``DATA_UPLOAD_MAX_NUMBER_FIELDS`` and ``DATA_UPLOAD_MAX_NUMBER_FILES`` (settings). The
reverse proxy should refuse larger bodies first (``client_max_body_size`` in nginx), see
``docs/deployment.md``.

``csrf_failure`` answers a CSRF refusal under ``/api/`` in the API's JSON shape, and with
Django's page elsewhere.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import csrf
from rest_framework import exceptions

# URL names (namespace:name) of the views that accept files; every other view refuses them.
UPLOAD_VIEWS = frozenset(
    {
        "practices:attachment_upload",
        "plans:evidence_add",
        "dataio:import_upload",
        "skills:course_import",
        "api:organisationimport-list",
    }
)
API_PREFIX = "/api/"


class FilePartRefused(exceptions.APIException):
    """A file part reached a view that takes no file. An API error too, so that a PUT or PATCH
    parsed later by the API answers in its JSON shape rather than with a 500."""

    status_code = 413
    default_code = "files_not_accepted"

    def __init__(self):
        super().__init__(_("This address does not accept files."))


class RefuseFileParts(FileUploadHandler):
    """Stops the parsing at the first file part, before any byte of it is kept."""

    def new_file(self, *args, **kwargs):
        raise FilePartRefused

    def receive_data_chunk(self, raw_data, start):  # pragma: no cover - never reached
        raise FilePartRefused

    def file_complete(self, file_size):  # pragma: no cover - never reached
        return None


def declared_length(request) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None


def refusal(request, status: int, message: str, code: str) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": message, "code": code}, status=status)
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def too_large(request, limit: int) -> HttpResponse:
    message = _("The request is larger than the limit of %(limit)s MB.") % {
        "limit": f"{limit / (1024 * 1024):g}"
    }
    return refusal(request, 413, message, "request_too_large")


def accepts_uploads(request) -> bool:
    match = request.resolver_match
    return bool(match and match.view_name in UPLOAD_VIEWS)


# PostgreSQL text cannot hold a null character, so a lookup or a write with one would fail
# deep in the database instead of answering.
FORM_BODY = "application/x-www-form-urlencoded"


def _holds_null(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_null(key) or _holds_null(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_holds_null(item) for item in value)
    return False


def carries_null_character(request) -> bool:
    """A null character in the path, the query string, a form or a JSON body (as decoded)."""
    if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
        return True
    content_type = request.content_type or ""
    if content_type == FORM_BODY:
        body = request.body
        return b"%00" in body or b"\x00" in body
    if content_type == "application/json" or content_type.endswith("+json"):
        body = request.body
        if b"\\u0000" not in body and b"\x00" not in body:
            return False  # the usual case: no escape that could decode to one, no parse
        try:
            return _holds_null(json.loads(body))
        except ValueError:
            return False  # not JSON: the parser answers that
    return False


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = declared_length(request)
        if length is None or length < 0:
            return refusal(request, 400, _("The request's length is not a number."), "bad_length")
        if length > settings.REQUEST_MAX_BODY_BYTES:
            return too_large(request, settings.REQUEST_MAX_BODY_BYTES)
        if carries_null_character(request):
            return refusal(
                request,
                400,
                _("The request holds a null character, which no text of the platform may hold."),
                "null_character",
            )
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.content_type.startswith("multipart/") or accepts_uploads(request):
            return None
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and (declared_length(request) or 0) > limit:
            return too_large(request, limit)
        request.upload_handlers = [RefuseFileParts(request)]
        if request.method == "POST":
            # Parsed now, before the CSRF check reads the form, so that a refusal is an
            # answer and not an error; other methods are parsed by the API, which answers
            # FilePartRefused itself.
            try:
                request.POST  # noqa: B018 - the parsing is the point
            except FilePartRefused as error:
                return refusal(request, 413, str(error.detail), error.default_code)
        return None


def csrf_failure(request, reason: str = ""):
    """CSRF_FAILURE_VIEW: JSON under /api/, Django's page (templates/403_csrf.html) elsewhere."""
    if request.path.startswith(API_PREFIX):
        return JsonResponse(
            {
                "detail": _("CSRF check failed: send the CSRF token, or use an API token."),
                "code": "csrf_failed",
            },
            status=403,
        )
    return csrf.csrf_failure(request, reason=reason)

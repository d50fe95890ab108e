"""One shape for every error of the API, always JSON.

- A request the API refuses: ``{"detail": "<message>", "code": "<code>"}`` with the HTTP
  status (``not_authenticated`` 401, ``permission_denied`` 403, ``not_found`` 404,
  ``method_not_allowed`` 405, ``throttled`` 429, ``server_error`` 500…).
- Invalid data: ``{"<field>": ["<message>", …], …}`` with status 400; errors that belong to
  no single field are under ``non_field_errors``.

Missing or wrong credentials answer 401 with ``WWW-Authenticate: Token`` whichever
authentication class comes first in the settings. Unexpected failures are logged and answer a
plain 500 without any trace of the code.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

logger = logging.getLogger("cyberregions.api")


def exception_handler(exc, context):
    # Django's own refusals, as DRF would convert them, so that they carry a code too.
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        exc.status_code = status.HTTP_401_UNAUTHORIZED
        exc.auth_header = 'Token realm="api"'
    response = drf_exception_handler(exc, context)
    if response is None:
        if settings.DEBUG:
            return None  # Django's debug page, for developers
        logger.exception("Unexpected error in the API", exc_info=exc)
        set_rollback()
        return Response(
            {
                "detail": _("Something went wrong on our side; it has been logged."),
                "code": "server_error",
            },
            status=status.HTTP_500_INTERNAL_SERVER_ERROR,
        )
    if isinstance(exc, exceptions.ValidationError):
        response.data = field_errors(response.data)
    elif isinstance(response.data, dict) and "detail" in response.data:
        response.data["code"] = getattr(exc.detail, "code", None) or exc.default_code
    return response


def field_errors(data) -> dict:
    """Validation errors as a mapping of field names to lists of messages."""
    key = api_settings.NON_FIELD_ERRORS_KEY
    if isinstance(data, dict):
        return {
            name: messages if isinstance(messages, list | dict) else [messages]
            for name, messages in data.items()
        }
    if isinstance(data, list):
        return {key: data}
    return {key: [data]}


def not_found(request, *args, **kwargs):
    """Unknown addresses under /api/ answer in JSON too."""
    from django.http import JsonResponse

    return JsonResponse({"detail": _("Not found."), "code": "not_found"}, status=404)

"""What the OpenAPI document says about authentication, so that clients and conformance
tools (schemathesis) read the same rules the API applies.

- Reading is open to everyone under ``ApiPermission`` (the API's default): such operations
  list the empty security requirement beside the session and the token, as drf-spectacular
  does by itself only for DRF's own ``IsAuthenticatedOrReadOnly``.
- Personal API tokens (``Authorization: Token <secret>``) are described as what they are.
"""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from rest_framework.permissions import SAFE_METHODS

from .permissions import ApiPermission

# Permissions that let anyone read: an operation guarded by these alone is open for reading.
OPEN_FOR_READING = (ApiPermission,)


class PlatformAutoSchema(AutoSchema):
    def get_auth(self):
        auths = super().get_auth()
        permissions = self.view.get_permissions()
        open_for_reading = permissions and all(
            type(permission) in OPEN_FOR_READING for permission in permissions
        )
        if self.method in SAFE_METHODS and open_for_reading and {} not in auths:
            auths.append({})
        return auths


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    # A lower priority than any extension the accounts app may declare for its own class.
    target_class = "cyberregions.accounts.api_tokens.ApiTokenAuthentication"
    name = "tokenAuth"
    priority = -1

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(
            header_name="Authorization",
            token_prefix="Token",  # noqa: S106 - a keyword
        )


# The refusals every operation may answer (cyberregions.api.errors gives them one shape), so
# that the document lists what clients really receive.
ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
    "required": ["detail"],
}
VALIDATION_ERROR_SCHEMA = {
    "type": "object",
    "description": "Messages per field; errors of no single field under non_field_errors.",
    "additionalProperties": {},
}
ERROR_DESCRIPTIONS = {
    "400": "Invalid parameters or data: messages per field.",
    "401": "Credentials missing for a write, or a token unknown, revoked or expired.",
    "403": "Not allowed for this account (or the session's CSRF token is missing).",
    "404": "No such object, or not visible to this account; or a page past the last.",
    "413": "The request body is larger than the limit, or holds a file where none is taken.",
    "415": "A request body in a media type the operation does not read.",
    "429": "Too many requests: the Retry-After header says when to try again.",
}
BODY_METHODS = {"post", "put", "patch"}


def document_error_responses(result, generator, request, public):
    """POSTPROCESSING_HOOK: add the standard refusals to every operation that lacks them."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("Error", ERROR_SCHEMA)
    components.setdefault("ValidationError", VALIDATION_ERROR_SCHEMA)
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            codes = ["400", "401", "403", "404", "429"]
            if method in BODY_METHODS:
                codes += ["413", "415"]
            for code in codes:
                reference = "ValidationError" if code == "400" else "Error"
                operation["responses"].setdefault(
                    code,
                    {
                        "description": ERROR_DESCRIPTIONS[code],
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{reference}"}
                            }
                        },
                    },
                )
    return result


# django-filter's NumberFilter refuses values beyond this (a guard against huge decimals).
NUMBER_FILTER_BOUND = 1e50


def document_number_filter_bounds(result, generator, request, public):
    """POSTPROCESSING_HOOK: number query parameters state the bounds their filter enforces."""
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if parameter.get("in") == "query" and schema.get("type") == "number":
                    schema.setdefault("maximum", NUMBER_FILTER_BOUND)
                    schema.setdefault("minimum", -NUMBER_FILTER_BOUND)
    return result


# Query parameters that are not filters: an empty value there is not "no filter".
NOT_FILTERS = {"page", "format"}


def document_empty_filter_values(result, generator, request, public):
    """POSTPROCESSING_HOOK: an empty filter value means "no filter" (core.filtering, and every
    optional Django form field), so the document allows it on every filter parameter."""
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query" and parameter["name"] not in NOT_FILTERS:
                    parameter.setdefault("allowEmptyValue", True)
    return result

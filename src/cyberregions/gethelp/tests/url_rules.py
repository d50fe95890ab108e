"""The get-help pages and API in the URL permission table
(``core/tests/test_url_permissions.py``)."""

from __future__ import annotations

# name: (arguments, answers for anonymous registered member coordinator staff admin)
RULES: dict[str, tuple[str, str]] = {
    "gethelp:index": ("-", "200 200 200 200 200 200"),
    "gethelp:emergency": ("-", "200 200 200 200 200 200"),
    "gethelp:providers": ("-", "200 200 200 200 200 200"),
    "gethelp:services_edit": ("slug=organisation", "login 403 403 200 403 200"),
    "gethelp:labels": ("slug=organisation", "200 200 200 200 200 200"),
    "gethelp:label_step": (
        "pk=gethelp_label step=gethelp_verify",
        "login 405 405 405 405 405",
    ),
    "gethelp:assessment_start": ("-", "200 200 200 200 200 200"),
    "gethelp:assessment_form": ("key=gethelp_questionnaire", "200 200 200 200 200 200"),
    "gethelp:assessment_result": ("token=gethelp_assessment", "200 200 200 200 200 200"),
    "gethelp:assessment_save": ("token=gethelp_assessment", "login 405 405 405 405 405"),
    "gethelp:request_new": ("-", "200 200 200 200 200 200"),
    "gethelp:request_status": ("token=gethelp_request_token", "200 200 200 200 200 200"),
    "gethelp:request_step": (
        "token=gethelp_request_token step=gethelp_close",
        "405 405 405 405 405 405",
    ),
    "gethelp:inbox": ("-", "login 200 200 200 200 200"),
    "gethelp:request_detail": ("pk=gethelp_request", "login 404 404 200 404 200"),
    "gethelp:offer_answer": ("pk=missing answer=gethelp_accept", "login 405 405 405 405 405"),
    "gethelp:demand": ("code=region", "login 403 403 200 200 200"),
    "gethelp:needs": ("-", "200 200 200 200 200 200"),
    "gethelp:need_new": ("slug=organisation", "login 403 403 403 403 403"),
    "gethelp:need_close": ("pk=missing", "login 405 405 405 405 405"),
    "gethelp:follow_sectors": ("slug=organisation", "login 403 403 200 403 200"),
    "api:buyer-need-list": ("-", "200 200 200 200 200 200"),
    "api:buyer-need-detail": ("pk=missing", "404 404 404 404 404 404"),
    "api:service-category-list": ("-", "200 200 200 200 200 200"),
    "api:service-category-detail": ("code=gethelp_category", "200 200 200 200 200 200"),
    "api:provider-list": ("-", "200 200 200 200 200 200"),
    "api:provider-detail": ("slug=gethelp_provider", "200 200 200 200 200 200"),
    "api:label-list": ("-", "200 200 200 200 200 200"),
    "api:label-detail": ("code=gethelp_label_code", "200 200 200 200 200 200"),
    "api:csirt-list": ("-", "200 200 200 200 200 200"),
    "api:csirt-detail": ("country=country", "200 200 200 200 200 200"),
}


def make_fixtures(case) -> dict[str, object]:
    """A provider profile and a label for the Breton SME, an anonymous self-assessment and a
    help request in Brittany (no provider speaks Finnish: it waits with the coordinator)."""
    from .. import questionnaires, services
    from .helpers import give_label, make_label, make_profile, request_data

    make_profile(case.breton_sme, "incident_response", languages=("fr",))
    label = make_label()
    case.gethelp_label = give_label(case.breton_sme, label=label, status="submitted")
    assessment = services.save_assessment(None, questionnaires.load("sme"), {"gov_owner": "yes"})
    help_request, _created = services.file_request(
        None, request_data(language="fi"), "url-rules-request-key"
    )
    return {
        "gethelp_label": case.gethelp_label.pk,
        "gethelp_verify": "verify",
        "gethelp_questionnaire": "sme",
        "gethelp_assessment": assessment.token,
        "gethelp_request_token": help_request.token,
        "gethelp_request": help_request.pk,
        "gethelp_close": "close",
        "gethelp_accept": "accept",
        "gethelp_category": "incident_response",
        "gethelp_provider": case.breton_sme.slug,
        "gethelp_label_code": label.code,
    }

"""Every URL of the site, for every persona: the answer to a GET is declared here, in one table.

The URL configuration is walked (``get_resolver().url_patterns``, recursively). Each named
pattern must have a row in ``RULES``: the arguments that make it a concrete address (from the
objects made in ``setUpTestData``) and the answer each persona gets, in the order of
``PERSONAS``. A pattern without a row fails the suite with the row to add; a row without a
pattern fails too (a URL removed or renamed).

Answers: a status code (``200``, ``403``, ``404``, ``405``…), ``login`` (a redirect to the
login page), or ``302`` (a redirect elsewhere). Arguments: ``-`` for none, otherwise
``name=fixture`` pairs, where a fixture is one of ``FIXTURES`` (an object's slug or pk) or
``missing`` (a pk that matches nothing, for objects below the ones made here: the answer
then says that the view checks its object before anything else, or not).

Left out, with the reason:
- ``admin/``: Django's admin has its own login and is_staff check; the accounts tests send
  its login to the platform's one.
- ``static/`` and media: served by whitenoise and the file views, not by URL patterns.
- the API's format-suffix twins (``countries.json``): the same view as the row without it.
- the API's unnamed catch-all for unknown addresses (tested in the API's error tests).
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cyberregions.events.tests.factories import make_brokerage, register
from cyberregions.plans.tests.helpers import make_plan
from cyberregions.practices.tests.helpers import make_practice
from cyberregions.testing import PersonaTestCase

PERSONAS = ("anonymous", "registered", "member", "coordinator", "staff", "admin")
EXCLUDED_PREFIXES = ("admin/",)
MISSING = 999_999

# name: (arguments, answers for anonymous registered member coordinator staff admin)
RULES: dict[str, tuple[str, str]] = {
    "healthz": ("-", "200 200 200 200 200 200"),
    "favicon": ("-", "301 301 301 301 301 301"),
    "set_language": ("-", "302 302 302 302 302 302"),
    "admin_login_redirect": ("-", "login 403 403 403 403 302"),
    "api:schema": ("-", "200 200 200 200 200 200"),
    "api:docs": ("-", "200 200 200 200 200 200"),
    "api:country-list": ("-", "200 200 200 200 200 200"),
    "api:country-detail": ("iso=country", "200 200 200 200 200 200"),
    "api:region-list": ("-", "200 200 200 200 200 200"),
    "api:region-detail": ("code=region", "200 200 200 200 200 200"),
    "api:barrier-list": ("-", "200 200 200 200 200 200"),
    "api:barrier-detail": ("code=barrier", "200 200 200 200 200 200"),
    "api:domain-list": ("-", "200 200 200 200 200 200"),
    "api:domain-detail": ("code=domain", "200 200 200 200 200 200"),
    "api:sector-list": ("-", "200 200 200 200 200 200"),
    "api:sector-detail": ("code=region", "404 404 404 404 404 404"),
    "api:technology-list": ("-", "200 200 200 200 200 200"),
    "api:technology-detail": ("code=region", "404 404 404 404 404 404"),
    "api:nistfunction-list": ("-", "200 200 200 200 200 200"),
    "api:nistfunction-detail": ("code=region", "404 404 404 404 404 404"),
    "api:ecsfprofile-list": ("-", "200 200 200 200 200 200"),
    "api:ecsfprofile-detail": ("code=region", "404 404 404 404 404 404"),
    "api:organisation-list": ("-", "200 200 200 200 200 200"),
    "api:organisation-detail": ("slug=organisation", "200 200 200 200 200 200"),
    "api:analysis-indicator-list": ("-", "200 200 200 200 200 200"),
    "api:analysis-indicator-detail": ("key=indicator", "200 200 200 200 200 200"),
    "api:analysis-swot-list": ("-", "200 200 200 200 200 200"),
    "api:analysis-swot-detail": ("pk=missing", "404 404 404 404 404 404"),
    "api:practice-list": ("-", "200 200 200 200 200 200"),
    "api:practice-detail": ("slug=practice", "200 200 200 200 200 200"),
    "api:plan-list": ("-", "200 200 200 200 200 200"),
    "api:plan-detail": ("pk=plan", "200 200 200 200 200 200"),
    "api:plan-report-list": ("-", "401 200 200 200 200 200"),
    "api:plan-report-detail": ("pk=missing", "401 404 404 404 404 404"),
    "api:organisationimport-list": ("-", "401 403 403 200 403 200"),
    "api:organisationimport-detail": ("pk=missing", "401 403 403 404 403 404"),
    "api:organisationimport-confirm": ("pk=missing", "401 403 403 405 403 405"),
    "api:event-list": ("-", "200 200 200 200 200 200"),
    "api:event-detail": ("slug=event", "200 200 200 200 200 200"),
    "api:meeting-request-list": ("-", "401 200 200 200 200 200"),
    "api:meeting-request-detail": ("pk=missing", "401 404 404 404 404 404"),
    "api:api-root": ("-", "200 200 200 200 200 200"),
    "home": ("-", "200 200 200 200 200 200"),
    "accounts:login": ("-", "200 302 302 302 302 302"),
    "accounts:logout": ("-", "302 200 200 200 200 200"),
    "accounts:signup": ("-", "200 302 302 302 302 302"),
    "accounts:password_change": ("-", "login 302 302 302 302 302"),
    "accounts:password_reset": ("-", "200 200 200 200 200 200"),
    "accounts:profile": ("-", "login 200 200 200 200 200"),
    "accounts:preferences": ("-", "login 405 405 405 405 405"),
    "accounts:create_api_token": ("-", "login 405 405 405 405 405"),
    "accounts:revoke_api_token": ("token_id=missing", "login 405 405 405 405 405"),
    "accounts:security_log": ("-", "login 403 403 403 403 200"),
    "accounts:end_session": ("session_id=missing", "login 405 405 405 405 405"),
    "accounts:my_data": ("-", "login 200 200 200 200 200"),
    "accounts:erase_account": ("-", "login 200 200 200 200 200"),
    "account_login": ("-", "200 302 302 302 302 302"),
    "account_logout": ("-", "302 200 200 200 200 200"),
    "account_inactive": ("-", "200 200 200 200 200 200"),
    "account_signup": ("-", "200 302 302 302 302 302"),
    "account_reauthenticate": ("-", "login 403 403 403 403 403"),
    "account_email": ("-", "login 200 200 200 200 200"),
    "account_email_verification_sent": ("-", "200 200 200 200 200 200"),
    "account_change_password": ("-", "login 302 302 302 302 302"),
    "account_set_password": ("-", "login 200 200 200 200 200"),
    "account_reset_password": ("-", "200 200 200 200 200 200"),
    "account_confirm_login_code": ("-", "login 302 302 302 302 302"),
    "account_confirm_email": ("key=key", "200 200 200 200 200 200"),
    "account_reset_password_from_key_done": ("-", "200 200 200 200 200 200"),
    "account_reset_password_from_key": ("uidb36=missing key=key", "200 200 200 200 200 200"),
    "account_reset_password_done": ("-", "200 200 200 200 200 200"),
    "mfa_index": ("-", "login 200 200 200 200 200"),
    "mfa_authenticate": ("-", "login 302 302 302 302 302"),
    "mfa_reauthenticate": ("-", "login 403 403 403 403 403"),
    "mfa_activate_totp": ("-", "login 200 200 200 200 200"),
    "mfa_deactivate_totp": ("-", "login 404 404 404 404 404"),
    "mfa_view_recovery_codes": ("-", "login 404 404 404 404 404"),
    "mfa_generate_recovery_codes": ("-", "login 200 200 200 200 200"),
    "mfa_download_recovery_codes": ("-", "login 404 404 404 404 404"),
    "mfa_list_webauthn": ("-", "login 200 200 200 200 200"),
    "mfa_add_webauthn": ("-", "login 200 200 200 200 200"),
    "mfa_reauthenticate_webauthn": ("-", "login 403 403 403 403 403"),
    "mfa_remove_webauthn": ("pk=missing", "login 404 404 404 404 404"),
    "mfa_edit_webauthn": ("pk=missing", "login 404 404 404 404 404"),
    "usersessions_list": ("-", "login 200 200 200 200 200"),
    "core:notifications": ("-", "login 200 200 200 200 200"),
    "core:notification_bell": ("-", "login 200 200 200 200 200"),
    "core:notification_read": ("-", "login 405 405 405 405 405"),
    "tasks:list": ("-", "login 200 200 200 200 200"),
    "tasks:detail": ("pk=missing", "login 404 404 404 404 404"),
    "tasks:status": ("pk=missing", "login 404 404 404 404 404"),
    "tasks:retry": ("pk=missing", "login 405 405 405 405 405"),
    "tasks:file": ("pk=missing", "login 404 404 404 404 404"),
    "organisations:list": ("-", "200 200 200 200 200 200"),
    "organisations:create": ("-", "login 403 403 200 403 200"),
    "organisations:map": ("-", "200 200 200 200 200 200"),
    "organisations:map_data": ("-", "200 200 200 200 200 200"),
    "organisations:claims": ("-", "login 200 200 200 200 200"),
    "organisations:claim_decide": ("pk=missing", "login 404 404 404 404 404"),
    "organisations:register": ("-", "login 200 200 200 200 200"),
    "organisations:registrations": ("-", "login 200 200 200 200 200"),
    "organisations:registration": ("pk=missing", "login 404 404 404 404 404"),
    "organisations:registration_edit": ("pk=missing", "login 404 404 404 404 404"),
    "organisations:registration_step": ("pk=missing step=missing", "login 404 404 404 404 404"),
    "organisations:detail": ("slug=organisation", "200 200 200 200 200 200"),
    "organisations:edit": ("slug=organisation", "login 403 403 200 403 200"),
    "organisations:contacts": ("slug=organisation", "login 403 403 200 403 200"),
    "organisations:contact_edit": ("slug=organisation pk=missing", "login 403 403 404 403 404"),
    "organisations:contact_delete": ("slug=organisation pk=missing", "login 405 405 405 405 405"),
    "organisations:claim": ("slug=organisation", "login 200 200 200 200 200"),
    "geo:region_list": ("-", "200 200 200 200 200 200"),
    "geo:region_detail": ("code=region", "200 200 200 200 200 200"),
    "taxonomy:index": ("-", "200 200 200 200 200 200"),
    "taxonomy:vocabulary": ("slug=vocabulary", "200 200 200 200 200 200"),
    "analysis:overview": ("-", "200 200 200 200 200 200"),
    "analysis:compare": ("-", "200 200 200 200 200 200"),
    "analysis:indicators_csv": ("-", "200 200 200 200 200 200"),
    "analysis:dashboard": ("code=region", "200 200 200 200 200 200"),
    "analysis:report": ("code=region", "200 200 200 200 200 200"),
    "analysis:report_pdf": ("code=region", "200 200 200 200 200 200"),
    "analysis:report_pdf_prepare": ("code=region", "login 405 405 405 405 405"),
    "analysis:swot": ("code=region", "login 403 403 200 403 200"),
    "analysis:survey_list": ("code=region", "login 403 403 200 403 200"),
    "analysis:swot_item": ("pk=missing", "login 404 404 404 404 404"),
    "analysis:swot_item_delete": ("pk=missing", "login 405 405 405 405 405"),
    "analysis:survey_detail": ("pk=missing", "login 404 404 404 404 404"),
    "analysis:survey_status": ("pk=missing", "login 405 405 405 405 405"),
    "analysis:survey_invite": ("pk=missing", "login 405 405 405 405 405"),
    "analysis:survey_answers": ("pk=missing", "login 404 404 404 404 404"),
    "analysis:invitation_revoke": ("pk=missing", "login 405 405 405 405 405"),
    "analysis:survey_thanks": ("-", "200 200 200 200 200 200"),
    "analysis:survey_answer": ("token=token", "404 404 404 404 404 404"),
    "practices:list": ("-", "200 200 200 200 200 200"),
    "practices:create": ("-", "login 403 403 200 403 200"),
    "practices:transferability": ("-", "login 403 403 200 200 200"),
    "practices:export_csv": ("-", "200 200 200 200 200 200"),
    "practices:export_json": ("-", "200 200 200 200 200 200"),
    "practices:investigations": ("-", "login 403 403 200 200 200"),
    "practices:investigation_create": ("-", "login 403 403 200 200 200"),
    "practices:investigation": ("pk=missing", "login 404 404 404 404 404"),
    "practices:investigation_edit": ("pk=missing", "login 404 404 404 404 404"),
    "practices:follow_up_add": ("pk=missing", "login 405 405 405 405 405"),
    "practices:follow_up_done": ("pk=missing", "login 405 405 405 405 405"),
    "practices:detail": ("slug=practice", "200 200 200 200 200 200"),
    "practices:edit": ("slug=practice", "login 403 403 403 403 403"),
    "practices:print": ("slug=practice", "200 200 200 200 200 200"),
    "practices:pdf": ("slug=practice", "200 200 200 200 200 200"),
    "practices:transition": ("slug=practice action=submit", "login 403 403 200 403 200"),
    "practices:attachment_upload": ("slug=practice", "login 405 405 405 405 405"),
    "practices:attachment": ("slug=practice pk=missing", "404 404 404 404 404 404"),
    "practices:attachment_delete": ("slug=practice pk=missing", "login 405 405 405 405 405"),
    "practices:comment": ("slug=practice", "login 405 405 405 405 405"),
    "practices:interest": ("slug=practice", "login 403 200 403 403 403"),
    "practices:interest_withdraw": ("slug=practice pk=missing", "login 405 405 405 405 405"),
    "plans:list": ("-", "200 200 200 200 200 200"),
    "plans:create": ("-", "login 403 403 200 403 200"),
    "plans:overview": ("-", "login 403 403 403 200 200"),
    "plans:export_plans": ("-", "200 200 200 200 200 200"),
    "plans:export_actions": ("-", "200 200 200 200 200 200"),
    "plans:export_reports": ("-", "login 200 200 200 200 200"),
    "plans:detail": ("pk=plan", "200 200 200 200 200 200"),
    "plans:edit": ("pk=plan", "login 403 403 403 403 403"),
    "plans:delete": ("pk=missing", "login 405 405 405 405 405"),
    "plans:pdf": ("pk=plan", "200 200 200 200 200 200"),
    "plans:pdf_prepare": ("pk=plan", "login 405 405 405 405 405"),
    "plans:timeline": ("pk=plan", "200 200 200 200 200 200"),
    "plans:versions": ("pk=plan", "login 403 403 200 200 200"),
    "plans:comment": ("pk=plan", "login 405 405 405 405 405"),
    "plans:step": ("pk=plan step=submit", "login 403 403 200 403 200"),
    "plans:action_create": ("pk=plan", "login 403 403 403 403 403"),
    "plans:action_edit": ("pk=missing action_pk=missing", "login 404 404 404 404 404"),
    "plans:action_delete": ("pk=missing action_pk=missing", "login 405 405 405 405 405"),
    "plans:indicator_create": ("pk=missing action_pk=missing", "login 404 404 404 404 404"),
    "plans:indicator_edit": (
        "pk=missing action_pk=missing indicator_pk=missing",
        "login 404 404 404 404 404",
    ),
    "plans:indicator_delete": (
        "pk=missing action_pk=missing indicator_pk=missing",
        "login 405 405 405 405 405",
    ),
    "plans:reports": ("pk=plan", "login 403 403 200 200 200"),
    "plans:report_start": ("pk=missing", "login 405 405 405 405 405"),
    "plans:report": ("pk=missing", "login 404 404 404 404 404"),
    "plans:report_edit": ("pk=missing", "login 404 404 404 404 404"),
    "plans:report_pdf": ("pk=missing", "login 404 404 404 404 404"),
    "plans:report_pdf_prepare": ("pk=missing", "login 405 405 405 405 405"),
    "plans:report_step": ("pk=missing step=missing", "login 404 404 404 404 404"),
    "plans:evidence_add": ("pk=missing entry_pk=missing", "login 405 405 405 405 405"),
    "plans:evidence": ("pk=missing evidence_pk=missing", "login 404 404 404 404 404"),
    "plans:evidence_delete": ("pk=missing evidence_pk=missing", "login 405 405 405 405 405"),
    "events:list": ("-", "200 200 200 200 200 200"),
    "events:feed": ("-", "200 200 200 200 200 200"),
    "events:create": ("-", "login 403 403 200 403 200"),
    "events:detail": ("slug=event", "200 200 200 200 200 200"),
    "events:ics": ("slug=event", "200 200 200 200 200 200"),
    "events:edit": ("slug=event", "login 403 403 200 200 200"),
    "events:status": ("slug=event", "login 405 405 405 405 405"),
    "events:session_add": ("slug=event", "login 405 405 405 405 405"),
    "events:session_delete": ("slug=event pk=missing", "login 405 405 405 405 405"),
    "events:register": ("slug=event", "login 200 302 200 200 200"),
    "events:cancel": ("slug=event", "login 405 405 405 405 405"),
    "events:registrations": ("slug=event", "login 403 403 200 200 200"),
    "events:registration_update": ("slug=event pk=registration", "login 405 405 405 405 405"),
    "events:feedback": ("slug=event", "login 403 302 403 403 403"),
    "events:feedback_results": ("slug=event", "login 403 403 200 200 200"),
    "events:b2b": ("slug=event", "login 403 200 302 302 302"),
    "events:b2b_profile": ("slug=event", "login 403 200 403 403 403"),
    "events:b2b_item_add": ("slug=event", "login 403 200 403 403 403"),
    "events:b2b_item_edit": ("slug=event pk=missing", "login 403 404 403 403 403"),
    "events:b2b_item_delete": ("slug=event pk=missing", "login 405 405 405 405 405"),
    "events:b2b_participants": ("slug=event", "login 403 200 200 200 200"),
    "events:b2b_participant": ("slug=event pk=registration", "login 403 200 200 200 200"),
    "events:b2b_request": ("slug=event pk=missing", "login 405 405 405 405 405"),
    "events:b2b_answer": ("slug=event pk=missing", "login 405 405 405 405 405"),
    "events:b2b_cancel": ("slug=event pk=missing", "login 405 405 405 405 405"),
    "events:b2b_availability": ("slug=event", "login 403 200 403 403 403"),
    "events:agenda": ("slug=event pk=registration", "login 403 200 200 200 200"),
    "events:agenda_pdf": ("slug=event pk=registration", "login 403 200 200 200 200"),
    "events:agenda_ics": ("slug=event pk=registration", "login 403 200 200 200 200"),
    "events:organiser": ("slug=event", "login 403 403 200 200 200"),
    "events:organiser_grid": ("slug=event", "login 403 403 200 200 200"),
    "events:organiser_schedule": ("slug=event", "login 405 405 405 405 405"),
    "events:organiser_publish": ("slug=event", "login 405 405 405 405 405"),
    "events:organiser_meetings": ("slug=event", "login 403 403 200 200 200"),
    "events:organiser_meeting_lock": ("slug=event pk=missing", "login 405 405 405 405 405"),
    "events:organiser_meeting_remove": ("slug=event pk=missing", "login 405 405 405 405 405"),
    "events:organiser_requests": ("slug=event", "login 403 403 200 200 200"),
    "events:organiser_place": ("slug=event pk=missing", "login 403 403 404 404 404"),
    "events:organiser_priority": ("slug=event pk=missing", "login 405 405 405 405 405"),
    "events:organiser_tables": ("slug=event", "login 403 403 200 200 200"),
    "events:organiser_tables_pdf": ("slug=event", "login 403 403 200 200 200"),
    "events:organiser_statistics": ("slug=event", "login 403 403 200 200 200"),
    "matching:organisation": ("slug=organisation", "200 200 200 200 200 200"),
    "matching:participant": ("slug=event pk=registration", "login 403 200 200 200 200"),
    "dataio:index": ("-", "200 200 200 200 200 200"),
    "dataio:import_upload": ("-", "login 403 403 200 403 200"),
    "dataio:import_template": ("fmt=csv", "200 200 200 200 200 200"),
    "dataio:import_detail": ("pk=missing", "login 404 404 404 404 404"),
    "dataio:import_confirm": ("pk=missing", "login 405 405 405 405 405"),
    "dataio:import_discard": ("pk=missing", "login 405 405 405 405 405"),
    "dataio:export": ("name=export fmt=csv", "200 200 200 200 200 200"),
    "dataio:open_atlas": ("fmt=json", "200 200 200 200 200 200"),
    "dataio:open_vocabularies": ("fmt=json", "404 404 404 404 404 404"),
}


def app_rule_modules():
    """The apps that keep their own rows in ``tests/url_rules.py``: a ``RULES`` dict like the
    one above and ``make_fixtures(case)``, which makes the app's objects on the test class and
    returns the fixture names it adds, so that apps do not all edit this one table."""
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("cyberregions.") or not find_spec(f"{config.name}.tests"):
            continue
        if find_spec(f"{config.name}.tests.url_rules"):
            modules.append(import_module(f"{config.name}.tests.url_rules"))
    return modules


def all_rules() -> dict[str, tuple[str, str]]:
    rules = dict(RULES)
    for module in app_rule_modules():
        overlap = set(rules) & set(module.RULES)
        assert not overlap, f"{module.__name__} repeats rules: {sorted(overlap)}"
        rules.update(module.RULES)
    return rules


def url_patterns(patterns=None, prefix: str = "", namespace: str | None = None):
    """(name, route, pattern) of every named pattern, admin and format twins left out."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route.startswith(EXCLUDED_PREFIXES):
                continue
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from url_patterns(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            if "format" in pattern.pattern.regex.groupindex:
                continue
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, route, pattern


def route_arguments(pattern: URLPattern) -> list[str]:
    return list(pattern.pattern.regex.groupindex)


class UrlPermissionTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.practice = make_practice("Cyber voucher", cls.brittany, main_institution=cls.breton_sme)
        cls.plan = make_plan(cls.brittany, "endorsed", "Brittany plan")
        cls.event = make_brokerage(cls.coordinator, slots=2, tables=1, slug="b2b-days")
        cls.registration = register(cls.event, cls.member, cls.tuscan_sme)
        cls.app_fixtures = {}
        for module in app_rule_modules():
            cls.app_fixtures.update(module.make_fixtures(cls))

    def objects(self) -> dict[str, object]:
        return self.app_fixtures | {
            "missing": MISSING,
            "organisation": self.breton_sme.slug,
            "practice": self.practice.slug,
            "plan": self.plan.pk,
            "event": self.event.slug,
            "registration": self.registration.pk,
            "region": "FRH0",
            "country": "FR",
            "barrier": "skills",
            "domain": "CRY",
            "indicator": "region-FRH0",
            "json": "json",
            "vocabulary": "domains",
            "csv": "csv",
            "export": "organisations",
            "submit": "submit",
            "token": "not-a-token",
            "key": "not-a-key",
            "uid": "0",
        }

    def arguments(self, spec: str) -> dict[str, object]:
        if spec == "-":
            return {}
        values = self.objects()
        return {
            name: values[fixture] for name, fixture in (pair.split("=") for pair in spec.split())
        }

    def answer(self, response) -> str:
        if response.status_code == 302:
            login = reverse("accounts:login")
            return "login" if response["Location"].startswith(login) else "302"
        return str(response.status_code)

    def observe(self, url: str) -> list[str]:
        answers = []
        for persona in PERSONAS:
            self.client.logout()
            if persona != "anonymous":
                self.client.force_login(getattr(self, persona))
            answers.append(self.answer(self.client.get(url)))
        return answers

    def suggested_arguments(self, name: str, pattern: URLPattern) -> str:
        guesses = {"code": "region", "fmt": "csv", "token": "token", "key": "key"}
        namespace = name.split(":")[0]
        slug = {
            "organisations": "organisation",
            "practices": "practice",
            "events": "event",
            "matching": "organisation",
            "taxonomy": "vocabulary",
        }.get(namespace, "missing")
        parts = []
        for argument in route_arguments(pattern):
            fixture = guesses.get(argument) or ("missing" if argument != "slug" else slug)
            parts.append(f"{argument}={fixture}")
        return " ".join(parts) or "-"

    def test_every_url_pattern_has_a_rule_and_answers_as_declared(self):
        self.check(url_patterns(), all_rules())

    def test_a_url_without_a_rule_fails_naming_the_row_to_add(self):
        healthz = [entry for entry in url_patterns() if entry[0] == "healthz"]
        rules = {"home": RULES["home"]}
        with self.assertRaises(AssertionError) as failure:
            self.check(healthz, rules)
        message = str(failure.exception)
        self.assertIn("URL 'healthz' (healthz) has no rule. Add to RULES", message)
        self.assertIn("'healthz': ('-', '200 200 200 200 200 200'),", message)
        self.assertIn("RULES has 'home', which is no longer a URL name", message)

    def check(self, patterns, rules):
        problems = []
        seen = set()
        for name, route, pattern in patterns:
            if name in seen:
                continue
            seen.add(name)
            rule = rules.get(name)
            if rule is None:
                spec = self.suggested_arguments(name, pattern)
                try:
                    observed = " ".join(self.observe(reverse(name, kwargs=self.arguments(spec))))
                except Exception as error:  # noqa: BLE001 - the message says what to write
                    observed = f"? ({error.__class__.__name__}: choose arguments)"
                problems.append(
                    f"URL {name!r} ({route}) has no rule. Add to RULES in {__name__}, "
                    f"after checking the answers (observed now: anonymous registered member "
                    f"coordinator staff admin):\n    {name!r}: ({spec!r}, {observed!r}),"
                )
                continue
            spec, expected = rule
            url = reverse(name, kwargs=self.arguments(spec))
            observed = self.observe(url)
            if observed != expected.split():
                problems.append(
                    f"URL {name!r} ({url}): expected {expected!r} for {' '.join(PERSONAS)}, "
                    f"got {' '.join(observed)!r}"
                )
        for name in sorted(set(rules) - seen):
            problems.append(f"RULES has {name!r}, which is no longer a URL name: remove it.")
        if problems:
            self.fail(f"{len(problems)} URL rule(s) to fix:\n" + "\n".join(problems))

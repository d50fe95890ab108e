"""The API keeps the promises of its OpenAPI document.

schemathesis loads ``/api/schema/`` from the application itself (WSGI, no network), generates
requests for every operation from the document (valid ones, and invalid ones that must be
refused with a 4xx), sends them anonymously and with a personal API token, and checks each
answer: no server error, a status and a content type the document lists, a body that matches
its schema. Bounded in time: a fixed number of examples per operation, derandomized so that a
failure comes back the same on the next run, and each request's changes rolled back.

Also here, the findings that schemathesis made and that stay fixed: nullable relations
documented as nullable, an empty filter value meaning "no filter", a CSRF refusal in JSON.
"""

from __future__ import annotations

import re

import hypothesis
import schemathesis
from django.db import transaction
from drf_spectacular.generators import SchemaGenerator
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from cyberregions.analysis.models import SwotItem
from cyberregions.events.tests.factories import make_event
from cyberregions.geo.models import Region
from cyberregions.plans.tests.helpers import make_action, make_indicator, make_plan
from cyberregions.practices.tests.helpers import make_practice
from cyberregions.testing import PersonaTestCase, WSGIApplicationForTests, api_token

# Examples per operation and generation mode: enough to reach every parameter's edge values
# (empty, null, unknown codes, out-of-range numbers), few enough for the suite's time budget.
EXAMPLES = 8
# Operations left out, each with its reason. Keep this short: an entry hides a whole operation.
EXCLUDED_OPERATIONS: dict[tuple[str, str], str] = {}
# Operations whose valid-looking bodies may still be refused with 400 (every other check runs
# on them: no server error, documented statuses, content types and bodies).
BODY_RULES_BEYOND_THE_DOCUMENT = {
    ("POST", "/api/organisations/"): "website must be an http(s) address Django's URL "
    "validator accepts, and region must lie in country: rules OpenAPI cannot state",
    ("PUT", "/api/organisations/{slug}/"): "the same rules as POST",
    ("PATCH", "/api/organisations/{slug}/"): "the same rules as POST",
}
UNKNOWN_CHOICE = "Select a valid choice."
UNKNOWN_OBJECT = re.compile(r"^Object with \w+=.* does not exist\.$", re.S)
NOT_A_FILE = "The submitted data was not a file."
EMPTY_CODE = "This field may not be null."


def accepts_positive_data(case, response) -> None:
    """schemathesis's positive_data_acceptance, with two narrow, stated exceptions.

    1. Vocabulary and territory codes (``region``, ``country``, ``domain``, ``barrier``…, in
       query parameters and in bodies) are checked against the reference data when the
       request arrives; the document types them as strings, since listing the codes of every
       NUTS region in each operation would swell it past use. An unknown (or, in a form,
       empty) code answers 400 naming the parameter: that answer is accepted for a request
       the document calls valid.
    2. schemathesis sends a ``format: binary`` multipart property as a plain form field; the
       import endpoint needs a file part (with a file name, as browsers and ``curl -F`` send)
       and says so with 400 on ``file``.
    3. A text with a null character is refused with 400 (``null_character``) before any view:
       PostgreSQL cannot store one, and the document does not repeat it for every string.
    """
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return
    if (
        (case.method.upper(), case.operation.path) in BODY_RULES_BEYOND_THE_DOCUMENT
        and response.status_code == 400
        and set(response.json()) <= set(case.body or {})
    ):
        return  # refused on fields of the body only: see the reason listed
    if response.status_code < 400 or response.status_code in (401, 403, 404, 409, 429):
        return
    if response.status_code == 400 and response.json().get("code") == "null_character":
        return  # 3. no text may hold a null character (PostgreSQL cannot store one)
    free_codes = {
        parameter.name
        for parameter in case.operation.query
        if "enum" not in str(parameter.definition)
    }
    body = response.json() if response.status_code == 400 else {}

    def stated_exception(name, messages) -> bool:
        texts = [str(message) for message in messages] if isinstance(messages, list) else []
        if name in free_codes and texts and all(t.startswith(UNKNOWN_CHOICE) for t in texts):
            return True
        if isinstance(case.body, dict) and name in case.body and texts:
            if all(UNKNOWN_OBJECT.match(text) for text in texts):
                return True
            # A form-encoded empty code reaches the field as null.
            if case.body[name] == "" and texts == [EMPTY_CODE]:
                return True
            return name == "file" and all(text.startswith(NOT_A_FILE) for text in texts)
        return False

    if body and all(stated_exception(name, messages) for name, messages in body.items()):
        return
    raise AssertionError(
        f"Valid data refused: {case.method} {case.formatted_path} {case.query} -> "
        f"{response.status_code} {response.text[:500]}"
    )


def api_schema():
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", WSGIApplicationForTests())
    for method, path in EXCLUDED_OPERATIONS:
        schema = schema.exclude(method=method, path=path)
    return schema


class SchemaConformanceTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Something in every list, including the nullable relations left empty.
        practice = make_practice("Cyber voucher", cls.brittany, main_institution=cls.breton_sme)
        plan = make_plan(cls.brittany, "endorsed", "Brittany plan")
        make_indicator(make_action(plan, 1), milestones=[("2026-01-01", 5)])
        make_event(title="NIS2 seminar", days=10)
        SwotItem.objects.create(
            region=cls.brittany, quadrant="strength", text="Dense SME fabric", barrier=None
        )
        cls.practice_slug = practice.slug

    def run_operations(self, headers: dict) -> list[str]:
        failures: list[str] = []
        excluded_checks = [positive_data_acceptance]  # replaced by accepts_positive_data
        if headers:
            # ignored_auth generates credentials and probes with them; with a real token in
            # the headers it cannot tell ours from its own. The anonymous run keeps the check.
            excluded_checks.append(ignored_auth)
        schema = api_schema()
        for result in schema.get_all_operations():
            operation = result.ok()
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                strategy = operation.as_strategy(generation_mode=mode)
                label = f"{operation.method.upper()} {operation.path} ({mode.value})"

                @hypothesis.settings(
                    max_examples=EXAMPLES,
                    deadline=None,
                    derandomize=True,
                    database=None,
                    phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
                    suppress_health_check=list(hypothesis.HealthCheck),
                )
                @hypothesis.given(case=strategy)
                def check(case):
                    with transaction.atomic():
                        try:
                            response = case.call_and_validate(
                                headers=headers, excluded_checks=excluded_checks
                            )
                            accepts_positive_data(case, response)
                        finally:
                            transaction.set_rollback(True)

                try:
                    check()
                except hypothesis.errors.Unsatisfiable:
                    continue  # no invalid request exists for it (no parameter, no body)
                except (Exception, BaseExceptionGroup) as error:  # reported all together below
                    failures.append(f"{label}: {str(error)[:3000]}")
        return failures

    def assert_conforms(self, headers: dict):
        failures = self.run_operations(headers)
        if failures:
            self.fail(f"{len(failures)} operations fail:\n\n" + "\n\n".join(failures))

    def test_anonymous_requests_conform_to_the_schema(self):
        self.assert_conforms({})

    def test_requests_with_a_token_conform_to_the_schema(self):
        self.assert_conforms({"Authorization": f"Token {api_token(self.coordinator)}"})


class SchemaFindingsTests(PersonaTestCase):
    """What schemathesis found once, kept fixed by plain tests that name the cause."""

    def component(self, name: str) -> dict:
        schema = SchemaGenerator().get_schema(request=None, public=True)
        return schema["components"]["schemas"][name]

    def test_nullable_relations_are_documented_as_nullable(self):
        self.assertTrue(self.component("Region")["properties"]["parent"].get("nullable"))
        self.assertTrue(self.component("SwotItem")["properties"]["barrier"].get("nullable"))

    def test_a_region_without_parent_answers_null_as_documented(self):
        top = Region.objects.filter(parent__isnull=True).order_by("code").first()
        response = self.client.get(f"/api/regions/{top.code}/")
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(response.json()["parent"])

    def test_an_empty_filter_value_means_no_filter(self):
        make_event(title="NIS2 seminar", days=10)
        for path, parameter in (
            ("/api/organisations/", "region"),
            ("/api/organisations/", "actor_type"),
            ("/api/events/", "event_type"),
            ("/api/plans/", "status"),
            ("/api/analysis/swot/", "quadrant"),
        ):
            with self.subTest(path=path, parameter=parameter):
                unfiltered = self.client.get(path).json()["count"]
                response = self.client.get(path, {parameter: ""})
                self.assertEqual(response.status_code, 200, response.content[:300])
                self.assertEqual(response.json()["count"], unfiltered)
        # An empty value beside a real one is dropped; an unknown one is still refused.
        both = self.client.get("/api/organisations/", {"actor_type": ["", "rto"]})
        self.assertEqual(both.json()["count"], 1)
        unknown = self.client.get("/api/organisations/", {"actor_type": "nonsense"})
        self.assertEqual(unknown.status_code, 400)
        self.assertIn("actor_type", unknown.json())

    def test_a_boolean_filter_refuses_what_is_not_true_or_false(self):
        for value in ("-8.5e+245", "yes please", "2"):
            with self.subTest(value):
                response = self.client.get("/api/organisations/", {"core_business": value})
                self.assertEqual(response.status_code, 400)
                self.assertEqual(response.json(), {"core_business": ["Must be true or false."]})
        self.assertEqual(
            self.client.get("/api/organisations/", {"core_business": "false"}).status_code, 200
        )
        # The regions' partner-territory filter goes through the same check.
        refused = self.client.get("/api/regions/", {"is_partner_territory": "yes please"})
        self.assertEqual(refused.status_code, 400)
        territories = self.client.get("/api/regions/", {"is_partner_territory": "true"}).json()
        self.assertEqual(len(territories), Region.objects.filter(is_partner_territory=True).count())

    def test_a_csrf_refusal_under_the_api_answers_json(self):
        client = self.client_class(enforce_csrf_checks=True)
        client.force_login(self.coordinator)
        # Refused by Django's CSRF check before any API view (the HTML page before).
        response = client.post("/api/no-such-thing/", {"title": "x"})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(response.json()["code"], "csrf_failed")
        # Refused by the API's session authentication: JSON as every API error.
        response = client.post("/api/practices/", {"title": "x"})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertIn("CSRF", response.json()["detail"])
        # Pages keep Django's page.
        page = client.post("/notifications/", {})
        self.assertEqual(page.status_code, 403)
        self.assertIn("text/html", page["Content-Type"])

"""The API as a whole: every error is JSON in one of two shapes, the OpenAPI document
validates and describes every endpoint, and /api/docs/ browses it under the CSP."""

import re

import yaml
from openapi_spec_validator import validate

from cyberregions.api.urls import router
from cyberregions.organisations.filtersets import vocabulary_choices
from cyberregions.testing import PersonaTestCase


class ApiErrorTests(PersonaTestCase):
    def setUp(self):
        vocabulary_choices()

    def test_missing_credentials_answer_401_with_a_challenge(self):
        response = self.client.post("/api/organisations/", {}, content_type="application/json")
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response["WWW-Authenticate"], 'Token realm="api"')
        self.assertEqual(response.json()["code"], "not_authenticated")
        self.assertEqual(set(response.json()), {"detail", "code"})

    def test_refusals_unknown_things_and_methods_have_detail_and_code(self):
        self.login(self.member)
        cases = [
            ("delete", "/api/organisations/armor-cyber-defence/", 403, "permission_denied"),
            ("get", "/api/organisations/nope/", 404, "not_found"),
            ("get", "/api/no-such-endpoint/", 404, "not_found"),
            ("post", "/api/countries/", 405, "method_not_allowed"),
        ]
        for method, url, status, code in cases:
            response = getattr(self.client, method)(url)
            self.assertEqual(response.status_code, status, url)
            self.assertEqual(response["Content-Type"], "application/json", url)
            self.assertEqual(response.json()["code"], code, url)
            self.assertTrue(response.json()["detail"], url)

    def test_invalid_data_answers_field_messages(self):
        self.login(self.admin)
        response = self.client.post(
            "/api/organisations/",
            {"country": "XX", "founded": 1500},
            content_type="application/json",
        )
        self.assertEqual(response.status_code, 400)
        body = response.json()
        self.assertTrue({"name", "country", "founded"} <= set(body))
        self.assertTrue(all(isinstance(messages, list) and messages for messages in body.values()))
        response = self.client.post(
            "/api/organisations/", "[1, 2]", content_type="application/json"
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("non_field_errors", response.json())

    def test_malformed_json_is_a_400_with_detail(self):
        self.login(self.admin)
        response = self.client.post("/api/organisations/", "{", content_type="application/json")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["code"], "parse_error")


class OpenApiTests(PersonaTestCase):
    def test_the_document_validates_and_describes_every_endpoint(self):
        response = self.client.get("/api/schema/")
        self.assertEqual(response.status_code, 200)
        document = yaml.safe_load(response.content)
        validate(document)  # raises on any violation of the OpenAPI 3 specification
        paths = set(document["paths"])
        for prefix, _viewset, _basename in router.registry:
            self.assertIn(f"/api/{prefix}/", paths, prefix)
        imports = document["paths"]["/api/organisation-imports/"]
        self.assertEqual(set(imports), {"get", "post"})
        self.assertIn("multipart/form-data", imports["post"]["requestBody"]["content"])
        self.assertIn("/api/organisation-imports/{id}/confirm/", paths)


class ApiDocsTests(PersonaTestCase):
    def test_the_docs_page_loads_nothing_inline_and_nothing_from_elsewhere(self):
        response = self.client.get("/api/docs/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('<html lang="en">', html)
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
        self.assertEqual(len(scripts), 3)
        for attributes, body in scripts:
            self.assertIn("src=", attributes)
            self.assertEqual(body.strip(), "")
        self.assertNotIn("<style", html)
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            self.assertTrue(url.startswith("/"), url)
        self.assertIn("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js", html)
        self.assertNotIn("unsafe-inline", response["Content-Security-Policy"])

    def test_the_settings_script_and_the_assets_are_served_here(self):
        response = self.client.get("/api/docs/", {"script": ""})
        self.assertEqual(response.status_code, 200)
        self.assertIn("javascript", response["Content-Type"])
        self.assertIn("/api/schema/", response.content.decode())
        asset = self.client.get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css")
        self.assertEqual(asset.status_code, 200)

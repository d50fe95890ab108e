"""A null character in a request is refused with 400 wherever it comes (query string, form,
JSON body), instead of reaching the database, where PostgreSQL cannot hold it (500)."""

import json

from cyberregions.testing import PersonaTestCase, api_token


class NullCharacterTests(PersonaTestCase):
    def test_a_query_string_with_a_null_character_is_refused(self):
        response = self.client.get("/api/countries/?search=a%00b")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["code"], "null_character")
        self.assertEqual(self.client.get("/organisations/?q=cyber%00").status_code, 400)

    def test_a_json_body_with_a_null_character_is_refused(self):
        token = api_token(self.admin)
        response = self.client.post(
            "/api/organisations/",
            json.dumps({"name": "Cyber\u0000 Sud", "country": "FR"}),
            content_type="application/json",
            headers={"Authorization": f"Token {token}"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["code"], "null_character")

    def test_a_form_with_a_null_character_is_refused(self):
        response = self.client.post(
            "/accounts/login/",
            "login=ana%00&password=x",
            content_type="application/x-www-form-urlencoded",
        )
        self.assertEqual(response.status_code, 400)

    def test_ordinary_requests_pass(self):
        self.assertEqual(self.client.get("/api/countries/?search=fr").status_code, 200)
        response = self.client.post(
            "/accounts/login/",
            "login=ana&password=x",
            content_type="application/x-www-form-urlencoded",
        )
        self.assertEqual(response.status_code, 200)

"""/api/organisation-imports/: every method per persona, the preview and confirmation steps,
tokens, and the list's query count."""

from django.core.files.uploadedfile import SimpleUploadedFile

from cyberregions.dataio.models import OrganisationImport
from cyberregions.organisations.models import Organisation
from cyberregions.testing import PersonaTestCase, api_token

from .files import csv_bytes

LIST = "/api/organisation-imports/"
HEADER = ["name", "country", "region"]
ROWS = [["Landerneau Cyber", "FR", "FRH0"], ["Morlaix Keys", "FR", ""]]
# Session, user, their region memberships (the permission), count, page.
LIST_QUERIES = 5


def file(rows=ROWS):
    return SimpleUploadedFile("atlas.csv", csv_bytes(rows, header=HEADER), "text/csv")


class ApiImportTests(PersonaTestCase):
    def as_user(self, user):
        if user is None:
            self.client.logout()
        else:
            self.client.force_login(user)

    def upload(self, user=None, rows=ROWS, **data):
        self.as_user(user)
        return self.client.post(LIST, {"file": file(rows), **data})

    def staged(self, user=None) -> OrganisationImport:
        response = self.upload(user or self.coordinator)
        self.assertEqual(response.status_code, 201, response.content)
        return OrganisationImport.objects.get(pk=response.json()["id"])

    def test_visitors_get_401_on_every_method(self):
        record = self.staged()
        self.client.logout()
        detail = f"{LIST}{record.pk}/"
        calls = [
            ("get", LIST),
            ("post", LIST),
            ("get", detail),
            ("put", detail),
            ("patch", detail),
            ("delete", detail),
            ("post", f"{detail}confirm/"),
        ]
        for method, url in calls:
            response = getattr(self.client, method)(url)
            self.assertEqual(response.status_code, 401, (method, url))
            self.assertEqual(response.json()["code"], "not_authenticated")
            self.assertEqual(response["WWW-Authenticate"], 'Token realm="api"')

    def test_people_without_an_import_role_get_403(self):
        record = self.staged()
        detail = f"{LIST}{record.pk}/"
        for user in (self.registered, self.member, self.staff):
            self.as_user(user)
            for method, url in (
                ("get", LIST),
                ("post", LIST),
                ("get", detail),
                ("delete", detail),
                ("post", f"{detail}confirm/"),
            ):
                response = getattr(self.client, method)(url)
                self.assertEqual(response.status_code, 403, (user, method, url))
                self.assertEqual(response.json()["code"], "permission_denied")

    def test_an_import_is_seen_by_its_author_and_administrators_only(self):
        record = self.staged()
        other = type(self.coordinator).objects.create_user("gwen", "gwen@example.org")
        other.region_memberships.create(region=self.brittany)
        detail = f"{LIST}{record.pk}/"
        self.as_user(other)
        self.assertEqual(self.client.get(LIST).json()["count"], 0)
        for method, url in (("get", detail), ("delete", detail), ("post", f"{detail}confirm/")):
            self.assertEqual(getattr(self.client, method)(url).status_code, 404, (method, url))
        self.as_user(self.admin)
        self.assertEqual(self.client.get(detail).status_code, 200)
        self.assertEqual(self.client.get(LIST).json()["count"], 1)

    def test_imports_cannot_be_edited(self):
        record = self.staged()
        self.as_user(self.coordinator)
        for method in ("put", "patch"):
            response = getattr(self.client, method)(
                f"{LIST}{record.pk}/", {}, content_type="application/json"
            )
            self.assertEqual(response.status_code, 405, method)
            self.assertEqual(response.json()["code"], "method_not_allowed")

    def test_upload_preview_then_confirm(self):
        response = self.upload(self.coordinator)
        self.assertEqual(response.status_code, 201)
        body = response.json()
        self.assertEqual(
            (body["status"], body["source"], body["region"]), ("previewed", "api", "FRH0")
        )
        self.assertEqual(body["report"]["counts"]["create"], 2)
        self.assertFalse(Organisation.objects.filter(name="Morlaix Keys").exists())
        response = self.client.post(
            f"{LIST}{body['id']}/confirm/", {}, content_type="application/json"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            (response.json()["status"], response.json()["created_count"]), ("imported", 2)
        )
        self.assertEqual(Organisation.objects.get(name="Morlaix Keys").region, self.brittany)

    def test_a_file_with_errors_is_refused_unless_only_valid(self):
        self.as_user(self.admin)
        body = self.upload(self.admin, rows=[*ROWS, ["Nowhere", "XX", ""]]).json()
        url = f"{LIST}{body['id']}/confirm/"
        response = self.client.post(url, {}, content_type="application/json")
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.json()["code"], "import_refused")
        self.assertEqual(response.json()["errors"][0]["row"], 4)
        self.assertFalse(Organisation.objects.filter(name="Morlaix Keys").exists())
        response = self.client.post(url, {"only_valid": True}, content_type="application/json")
        self.assertEqual(response.json()["created_count"], 2)

    def test_discarding(self):
        record = self.staged()
        self.assertEqual(self.client.delete(f"{LIST}{record.pk}/").status_code, 204)
        record.refresh_from_db()
        self.assertEqual(record.status, "discarded")
        self.assertEqual(self.client.delete(f"{LIST}{record.pk}/").status_code, 409)

    def test_bad_uploads_answer_with_field_messages(self):
        self.as_user(self.coordinator)
        cases = [
            ({}, {"file"}),
            ({"file": SimpleUploadedFile("x.csv", b"")}, {"file"}),
            ({"file": SimpleUploadedFile("x.csv", b"just,words\r\n1,2\r\n")}, {"file"}),
            ({"file": file(), "region": "ITI1"}, {"non_field_errors"}),
            ({"file": file(), "region": "ZZ9"}, {"region"}),
        ]
        for data, fields in cases:
            response = self.client.post(LIST, data)
            if fields == {"non_field_errors"}:
                self.assertEqual(response.status_code, 403, data)  # not their region
                continue
            self.assertEqual(response.status_code, 400, data)
            self.assertEqual(set(response.json()), fields, data)
            self.assertIsInstance(next(iter(response.json().values())), list)

    def test_a_token_works_like_a_session(self):
        token = api_token(self.coordinator)
        self.client.logout()
        response = self.client.post(
            LIST, {"file": file()}, headers={"Authorization": f"Token {token}"}
        )
        self.assertEqual(response.status_code, 201)
        response = self.client.get(LIST, headers={"Authorization": "Token wrong"})
        self.assertEqual(response.status_code, 401)

    def test_the_list_pins_its_queries(self):
        self.staged()
        self.as_user(self.coordinator)
        with self.assertNumQueries(LIST_QUERIES):
            self.client.get(LIST)
        self.staged()
        self.staged()
        self.as_user(self.coordinator)
        with self.assertNumQueries(LIST_QUERIES):
            response = self.client.get(LIST)
        self.assertEqual(response.json()["count"], 3)

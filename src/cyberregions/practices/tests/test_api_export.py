"""Published practices in the API and in the open-data export (CSV, JSON)."""

import csv
import io
import json

from django.utils import timezone

from cyberregions.testing import api_token

from .helpers import PracticeTestCase, make_practice

API = "/api/practices/"
# count, page rows, then other organisations, barriers, domains, figures, attachments.
API_LIST_QUERIES = 7


class OpenDataTests(PracticeTestCase):
    def slugs(self, response):
        return [row["slug"] for row in response.json()["results"]]

    def test_it_lists_published_practices_only_whoever_asks(self):
        for name, user in self.personas():
            self.as_persona(user)
            response = self.client.get(API)
            self.assertEqual(response.status_code, 200, name)
            self.assertEqual(
                self.slugs(response), ["competence-centre-vouchers", "cyber-voucher-for-smes"], name
            )
        self.login(self.admin)
        self.assertEqual(self.client.get(f"{API}{self.draft.slug}/").status_code, 404)

    def test_it_shares_the_library_filters(self):
        self.assertEqual(
            self.slugs(self.client.get(API, {"domain": "CRY"})), ["competence-centre-vouchers"]
        )
        self.assertEqual(
            self.slugs(self.client.get(API, {"q": "smes"})), ["cyber-voucher-for-smes"]
        )
        self.assertEqual(
            self.slugs(self.client.get(API, {"region": "FRH0", "year": "2020"})),
            ["cyber-voucher-for-smes"],
        )

    def test_the_contact_appears_only_with_consent(self):
        self.published.contact_name, self.published.contact_email = "Marie", "marie@example.org"
        self.published.save()
        row = self.client.get(f"{API}{self.published.slug}/").json()
        self.assertIsNone(row["contact"])
        self.assertEqual(row["barriers"], ["fragmentation", "skills"])
        self.published.contact_public_consent = True
        self.published.contact_consent_recorded_at = timezone.now()
        self.published.save()
        row = self.client.get(f"{API}{self.published.slug}/").json()
        self.assertEqual(row["contact"], {"name": "Marie", "email": "marie@example.org"})

    def test_writes_are_refused(self):
        for method in ("post", "put", "patch", "delete"):
            url = API if method == "post" else f"{API}{self.published.slug}/"
            response = getattr(self.client, method)(url, {}, content_type="application/json")
            self.assertEqual(response.status_code, 401, method)
        token = api_token(self.admin)
        for method in ("post", "put", "patch", "delete"):
            url = API if method == "post" else f"{API}{self.published.slug}/"
            response = getattr(self.client, method)(
                url,
                {},
                content_type="application/json",
                headers={"Authorization": f"Token {token}"},
            )
            self.assertEqual(response.status_code, 405, method)

    def test_the_list_pins_its_queries(self):
        with self.assertNumQueries(API_LIST_QUERIES):
            self.client.get(API)
        for number in range(12):
            make_practice(f"More {number}", self.tuscany, domains=("EDU", "CRY"))
        with self.assertNumQueries(API_LIST_QUERIES):
            response = self.client.get(API)
        self.assertEqual(response.json()["count"], 14)

    # Open-data export -------------------------------------------------------------------------
    def test_the_csv_holds_published_practices_without_unconsented_contacts(self):
        self.published.contact_name, self.published.contact_email = "Marie", "marie@example.org"
        self.published.summary = '=HYPERLINK("http://evil")'
        self.published.save()
        response = self.client.get("/practices/export.csv")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        text = response.getvalue().decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        self.assertEqual(
            [row["slug"] for row in rows], ["competence-centre-vouchers", "cyber-voucher-for-smes"]
        )
        voucher = rows[1]
        self.assertEqual(voucher["barriers"], "fragmentation|skills")
        self.assertEqual(voucher["contact_email"], "")
        self.assertTrue(voucher["summary"].startswith("'="))
        self.assertNotIn("Regional incident line", text)

    def test_the_json_follows_the_filters(self):
        self.login(self.admin)  # even an administrator exports published practices only
        data = json.loads(self.client.get("/practices/export.json", {"region": "FRH0"}).getvalue())
        self.assertEqual([row["slug"] for row in data["practices"]], ["cyber-voucher-for-smes"])
        self.assertEqual(data["practices"][0]["domains"], ["SMG"])
        self.assertEqual(self.client.post("/practices/export.json").status_code, 405)

"""Export of a person's data: every category, nothing of anyone else, bounded queries."""

from __future__ import annotations

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cyberregions.accounts import privacy
from cyberregions.core import privacy as core_privacy

from .personal_data import EMAIL, FULL_NAME, PersonalDataTestCase, give_items


class ExportTests(PersonalDataTestCase):
    def test_it_exports_every_category(self):
        data = privacy.export_personal_data(self.ana, self.ana)
        self.assertEqual(data["format"], core_privacy.EXPORT_FORMAT)
        self.assertEqual(data["account"]["email"], EMAIL)
        self.assertNotIn("password", data["account"])
        self.assertEqual(data["region_memberships"][0]["region"], "ITI1")
        self.assertEqual(data["organisation_memberships"][0]["organisation"], self.tuscan_sme.slug)
        self.assertEqual([c["name"] for c in data["contacts"]], [FULL_NAME])
        self.assertEqual(data["claim_requests"][0]["message"], "I work there too")
        self.assertEqual(data["notifications"][0]["title"], "Notice 1")
        self.assertIn("test.action", {entry["action"] for entry in data["audit_entries"]})
        self.assertEqual(len(data["event_registrations"]), 2)
        brokerage = next(r for r in data["event_registrations"] if r["b2b_profile"])
        self.assertEqual(brokerage["b2b_profile"]["items"][0]["title"], "Key management audits")
        self.assertEqual(brokerage["feedback"]["comments"], "Ana enjoyed it")
        self.assertEqual(data["meeting_requests"]["sent"][0]["message"], "Hello, Ana Moreau here")
        self.assertEqual(data["meeting_requests"]["sent"][0]["meeting_table"], 1)
        self.assertEqual(len(data["meeting_requests"]["received"]), 1)
        self.assertEqual(data["practice_comments"][0]["body"], "Comment 1 by Ana")
        self.assertEqual(data["practice_interests"][0]["message"], "We want it")
        self.assertEqual(data["plan_comments"][0]["body"], "Plan comment 1")
        self.assertEqual(len(data["survey_responses"]), 1)
        self.assertEqual(data["task_runs"][0]["title"], "Import 1")
        if "accounts.apitoken" in data["credentials"]:
            token = data["credentials"]["accounts.apitoken"][0]
            self.assertEqual(token["name"], "scripts")
            self.assertNotIn("secret_hash", token)

    def test_it_contains_nothing_of_another_person(self):
        text = core_privacy.to_json(privacy.export_personal_data(self.ana, self.ana))
        for other in ("luca@example.org", "Luca Bianchi", "Luca's private words", "luca"):
            self.assertNotIn(other, text)
        self.assertNotIn("f" * 64, text)  # a token's hash never leaves

    def test_it_is_refused_for_another_person_unless_administrator(self):
        from django.core.exceptions import PermissionDenied

        with self.assertRaises(PermissionDenied):
            privacy.export_personal_data(self.luca, self.ana)
        self.assertEqual(
            privacy.export_personal_data(self.admin, self.ana)["account"]["email"], EMAIL
        )

    def test_it_reads_as_many_queries_for_ten_items_as_for_one(self):
        with CaptureQueriesContext(connection) as one:
            privacy.export_personal_data(self.ana, self.ana)
        for index in range(2, 11):
            give_items(
                self,
                self.ana,
                index,
                self.tuscan_sme,
                self.brokerage,
                self.practice,
                self.plan,
                self.survey,
            )
        with self.assertNumQueries(len(one.captured_queries)):
            data = privacy.export_personal_data(self.ana, self.ana)
        self.assertEqual(len(data["notifications"]), 10)
        self.assertEqual(len(data["event_registrations"]), 11)


class DownloadPageTests(PersonalDataTestCase):
    url = reverse("accounts:my_data")

    def test_it_sends_the_person_their_data_as_a_json_attachment(self):
        self.login(self.ana)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment;", response["Content-Disposition"])
        self.assertEqual(response["Cache-Control"], "no-store")
        data = json.loads(response.content)
        self.assertEqual(data["account"]["username"], "anamoreau")
        self.assertNotIn("luca@example.org", response.content.decode())

    def test_it_sends_a_visitor_to_the_login_page(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:login"), response["Location"])

    def test_it_answers_post_with_405(self):
        self.login(self.ana)
        self.assertEqual(self.client.post(self.url).status_code, 405)

    def test_the_profile_links_to_it(self):
        self.login(self.ana)
        response = self.client.get(reverse("accounts:profile"))
        self.assertContains(response, self.url)
        self.assertContains(response, reverse("accounts:erase_account"))

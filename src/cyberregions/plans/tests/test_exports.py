"""Exports: the plan as PDF in the three-part layout, each monitoring report as PDF, and CSV
files of plans, actions and reports limited to what the reader may see."""

import csv
import io

from cyberregions.plans.models import ActionPlan

from .helpers import PlanTestCase, cite, make_report


def rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


class ExportTests(PlanTestCase):
    def test_the_plan_downloads_as_a_pdf(self):
        response = self.client.get(f"/plans/{self.running.pk}/pdf/")
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF-"))
        self.assertIn(f"action-plan-{self.running.pk}.pdf", response["Content-Disposition"])

    def test_the_printed_document_has_the_three_parts(self):
        from django.template.loader import render_to_string

        from cyberregions.plans import versions

        plan = versions.content_queryset().get(pk=self.running.pk)
        html = render_to_string(
            "plans/pdf/plan.html",
            {"plan": plan, "actions": list(plan.actions.all()), "show_contact": False},
        )
        for part in (
            "Part I — General information",
            "Part II — Policy context",
            "Part III — Details of the actions envisaged",
            "Investment for Growth and Jobs programme",
            "Action 1: Testbed for SMEs",
        ):
            self.assertIn(part, html)

    def test_a_report_pdf_goes_to_the_region_and_staff(self):
        report = make_report(self.running, entries=[(self.running_action, "on_track", 30)])
        self.login(self.staff)
        response = self.client.get(f"/plans/reports/{report.pk}/pdf/")
        self.assertTrue(response.content.startswith(b"%PDF-"))
        self.login(self.member)
        self.assertEqual(self.client.get(f"/plans/reports/{report.pk}/pdf/").status_code, 403)

    def test_the_csv_files_hold_what_the_reader_may_see(self):
        cite(self.running_action, self.practice)
        ActionPlan.objects.filter(pk=self.running.pk).update(title='=HYPERLINK("x")')
        public = rows(self.client.get("/plans/export/plans.csv"))
        self.assertEqual([row["id"] for row in public], [str(self.running.pk)])
        self.assertEqual(public[0]["title"], '\'=HYPERLINK("x")')  # no formula
        self.assertEqual(public[0]["contact_email"], "")
        actions = rows(self.client.get("/plans/export/actions.csv"))
        self.assertEqual(
            [(row["title"], row["practices"]) for row in actions],
            [("Testbed for SMEs", self.practice.slug)],
        )
        self.login(self.coordinator)
        self.assertEqual(len(rows(self.client.get("/plans/export/plans.csv"))), 2)
        filtered = rows(self.client.get("/plans/export/plans.csv", {"status": "draft"}))
        self.assertEqual([row["title"] for row in filtered], ["Brittany draft plan"])

    def test_the_report_csv_needs_an_account_and_shows_the_rollup(self):
        make_report(self.running, 2025, 1, "accepted", [(self.running_action, "implemented", 100)])
        self.assertEqual(self.client.get("/plans/export/reports.csv").status_code, 302)
        self.login(self.tuscan_coordinator)
        self.assertEqual(rows(self.client.get("/plans/export/reports.csv")), [])
        self.login(self.staff)
        [row] = rows(self.client.get("/plans/export/reports.csv"))
        self.assertEqual(
            (row["period"], row["status"], row["progress_percent"], row["rag"]),
            ("2025-S1", "accepted", "100.0", "green"),
        )

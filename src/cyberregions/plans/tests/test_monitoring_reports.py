"""Monitoring: a report per semester prefilled from the last one, explanations required for
delayed or abandoned actions, submitted then accepted or returned by programme staff; a
returned report cannot be accepted without resubmission."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied

from cyberregions.plans import services
from cyberregions.plans.models import ActionProgress, MonitoringReport

from .helpers import PlanTestCase, make_action, make_report

ON = datetime.date(2026, 3, 1)


class ReportTests(PlanTestCase):
    def start(self, user=None, period=None):
        return services.start_report(user or self.coordinator, self.running, period, on=ON)

    def test_the_first_report_starts_from_the_baseline(self):
        report = self.start()
        self.assertEqual((report.year, report.semester, report.status), (2025, 1, "draft"))
        [entry] = report.entries.all()
        self.assertEqual((entry.status, entry.progress), ("not_started", 0))
        [value] = report.indicator_values.all()
        self.assertEqual((value.previous, value.current), (Decimal("0"), None))

    def test_a_report_is_prefilled_from_the_last_one(self):
        first = self.start()
        services.update_report(
            self.coordinator,
            first,
            summary="First semester.",
            entries={self.running_action.pk: {"status": "on_track", "progress": 30}},
            values={self.running_indicator.pk: Decimal("12")},
        )
        added = make_action(self.running, 2, title="Added later")
        second = self.start()
        self.assertEqual(second.period, (2025, 2))
        entries = {entry.action_id: entry for entry in second.entries.all()}
        self.assertEqual(
            (entries[self.running_action.pk].status, entries[self.running_action.pk].progress),
            ("on_track", 30),
        )
        self.assertEqual(entries[added.pk].status, "not_started")
        [value] = second.indicator_values.all()
        self.assertEqual((value.previous, value.current), (Decimal("12"), Decimal("12")))
        self.assertEqual(second.summary, "")
        with self.assertRaises(services.ReportError):
            self.start(period=(2025, 2))  # one report per semester

    def test_a_delayed_or_abandoned_action_needs_an_explanation(self):
        report = self.start()
        for status in ("delayed", "abandoned"):
            with self.assertRaises(services.ReportError):
                services.update_report(
                    self.coordinator,
                    report,
                    entries={self.running_action.pk: {"status": status, "progress": 10}},
                )
        services.update_report(
            self.coordinator,
            report,
            entries={
                self.running_action.pk: {
                    "status": "delayed",
                    "progress": 10,
                    "explanation": "The call opened late.",
                }
            },
        )
        entry = ActionProgress.objects.get(report=report)
        self.assertEqual((entry.status, entry.explanation), ("delayed", "The call opened late."))
        services.update_report(
            self.coordinator,
            report,
            entries={self.running_action.pk: {"status": "implemented", "progress": 60}},
        )
        self.assertEqual(ActionProgress.objects.get(report=report).progress, 100)

    def test_a_returned_report_cannot_be_accepted_without_resubmission(self):
        report = self.start()
        services.submit_report(self.coordinator, report)
        with self.assertRaises(PermissionDenied):
            services.update_report(self.coordinator, report, summary="Too late to change.")
        with self.assertRaises(services.ReportError):
            services.return_report(self.staff, report, "")
        services.return_report(self.staff, report, "Add evidence for action 1.")
        with self.assertRaises(services.ReportError):
            services.accept_report(self.staff, MonitoringReport.objects.get(pk=report.pk))
        self.assertEqual(MonitoringReport.objects.get(pk=report.pk).status, "returned")
        services.update_report(self.coordinator, report, summary="Evidence added.")
        services.submit_report(self.coordinator, MonitoringReport.objects.get(pk=report.pk))
        accepted = services.accept_report(self.staff, MonitoringReport.objects.get(pk=report.pk))
        self.assertEqual((accepted.status, accepted.decided_by), ("accepted", self.staff))

    def test_only_the_region_writes_and_only_staff_decide(self):
        for user in (self.tuscan_coordinator, self.staff, self.member):
            with self.subTest(user=user), self.assertRaises(PermissionDenied):
                self.start(user)
        report = self.start()
        for user in (self.coordinator, self.tuscan_coordinator):
            with self.subTest(user=user), self.assertRaises(PermissionDenied):
                services.accept_report(user, report)
        with self.assertRaises(PermissionDenied):
            services.start_report(self.coordinator, self.draft, on=ON)  # not in implementation

    def test_the_pages_follow_the_same_rules(self):
        report = make_report(
            self.running, status="submitted", entries=[(self.running_action, "on_track", 40)]
        )
        urls = [
            f"/plans/{self.running.pk}/reports/",
            f"/plans/reports/{report.pk}/",
            f"/plans/reports/{report.pk}/pdf/",
        ]
        for url in urls:
            self.as_persona(None)
            self.assertEqual(self.client.get(url).status_code, 302, url)
            for user, code in (
                (self.registered, 403),
                (self.tuscan_coordinator, 403),
                (self.coordinator, 200),
                (self.staff, 200),
            ):
                self.as_persona(user)
                self.assertEqual(self.client.get(url).status_code, code, (url, user))
        draft_report = make_report(self.draft, entries=[(self.draft_action, "on_track", 5)])
        self.as_persona(self.registered)
        self.assertEqual(self.client.get(f"/plans/reports/{draft_report.pk}/").status_code, 404)
        self.as_persona(self.coordinator)
        self.assertEqual(self.client.get(f"/plans/reports/{report.pk}/edit/").status_code, 403)
        self.assertEqual(
            self.client.get(f"/plans/reports/{report.pk}/step/accept/").status_code, 403
        )
        self.as_persona(self.staff)
        response = self.client.post(f"/plans/reports/{report.pk}/step/return/", {"reason": ""})
        self.assertContains(response, "This field is required")
        self.client.post(f"/plans/reports/{report.pk}/step/return/", {"reason": "Add evidence."})
        page = self.client.get(f"/plans/reports/{report.pk}/step/accept/")
        self.assertContains(page, "must be resubmitted by the region before it can be accepted")
        self.client.post(f"/plans/reports/{report.pk}/step/accept/", {"reason": ""})
        self.assertEqual(MonitoringReport.objects.get(pk=report.pk).status, "returned")

    def test_the_region_starts_and_writes_a_report_through_the_pages(self):
        self.login(self.coordinator)
        response = self.client.post(f"/plans/{self.running.pk}/reports/new/", {"period": "2025-S1"})
        report = MonitoringReport.objects.get(plan=self.running)
        self.assertRedirects(response, f"/plans/reports/{report.pk}/edit/")
        action = self.running_action.pk
        indicator = self.running_indicator.pk
        data = {
            "summary": "Good semester.",
            f"action-{action}-status": "delayed",
            f"action-{action}-progress": "20",
            f"action-{action}-explanation": "",
            f"indicator-{indicator}-current": "8",
        }
        response = self.client.post(f"/plans/reports/{report.pk}/edit/", data)
        self.assertContains(response, "Explain why the action is delayed or abandoned.")
        data[f"action-{action}-explanation"] = "Suppliers were late."
        response = self.client.post(f"/plans/reports/{report.pk}/edit/", data)
        self.assertRedirects(response, f"/plans/reports/{report.pk}/")
        response = self.client.post(f"/plans/reports/{report.pk}/step/submit/", {"reason": ""})
        self.assertEqual(MonitoringReport.objects.get(pk=report.pk).status, "submitted")
        page = self.client.get(f"/plans/reports/{report.pk}/")
        self.assertContains(page, "Suppliers were late.")
        self.assertContains(page, "Red: at risk")  # its only action is delayed

"""A monitoring report is accepted only once its semester has ended and every earlier report
of the plan has been accepted; reports waiting for a decision show on the overview."""

import datetime
from unittest import mock

from cyberregions.plans import metrics, services

from .helpers import PlanTestCase, make_report


def on(day):
    """Freeze the date the acceptance check reads."""
    moment = datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)
    return mock.patch("django.utils.timezone.now", return_value=moment)


class AcceptanceOrderTests(PlanTestCase):
    def test_it_refuses_a_report_whose_semester_has_not_ended(self):
        report = make_report(
            self.running, 2026, 1, "submitted", [(self.running_action, "on_track", 40)]
        )
        with (
            on(datetime.date(2026, 5, 20)),
            self.assertRaisesMessage(services.ReportError, "30 June 2026"),
        ):
            services.accept_report(self.staff, report)
        report.refresh_from_db()
        self.assertEqual(report.status, "submitted")
        with on(datetime.date(2026, 7, 2)):
            services.accept_report(self.staff, report)
        report.refresh_from_db()
        self.assertEqual(report.status, "accepted")

    def test_it_refuses_a_report_while_an_earlier_one_is_pending(self):
        first = make_report(
            self.running, 2025, 1, "submitted", [(self.running_action, "on_track", 20)]
        )
        second = make_report(
            self.running, 2025, 2, "submitted", [(self.running_action, "on_track", 40)]
        )
        with self.assertRaisesMessage(services.ReportError, "January–June 2025"):
            services.accept_report(self.staff, second)
        services.accept_report(self.staff, first)
        services.accept_report(self.staff, second)
        second.refresh_from_db()
        self.assertEqual(second.status, "accepted")

    def test_it_lists_pending_reports_on_the_overview(self):
        make_report(self.running, 2025, 1, "accepted", [(self.running_action, "on_track", 20)])
        pending = make_report(
            self.running, 2025, 2, "submitted", [(self.running_action, "on_track", 40)]
        )
        data = metrics.overview(on=datetime.date(2026, 3, 1))
        line = next(line for line in data.lines if line.plan == self.running)
        self.assertEqual([report.pk for report in line.pending], [pending.pk])
        self.assertEqual(data.reports_pending, 1)
        self.login(self.staff)
        response = self.client.get("/plans/overview/")
        self.assertContains(response, "reports waiting for a decision")
        self.assertContains(response, f'href="/plans/reports/{pending.pk}/"')

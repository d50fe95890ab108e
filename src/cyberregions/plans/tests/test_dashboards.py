"""Dashboards: a plan's timeline (a chart and its table), and the overview of every plan for
programme staff, in a fixed number of queries."""

import datetime

from cyberregions.plans import metrics

from .helpers import PlanTestCase, cite, make_action, make_plan, make_report

# session, user, the user's roles for the navigation (2), then metrics.overview: plans,
# actions, reports, entries of the latest accepted reports, citations.
OVERVIEW_QUERIES = 9


class DashboardTests(PlanTestCase):
    def test_the_timeline_draws_each_action_with_its_status_and_has_a_table(self):
        make_report(
            self.running, 2025, 1, "accepted", [(self.running_action, "delayed", 20, "Late.")]
        )
        make_report(self.running, 2025, 2, "submitted", [(self.running_action, "on_track", 60)])
        response = self.client.get(f"/plans/{self.running.pk}/timeline/")
        chart = response.context["chart"]
        self.assertEqual(
            chart["rows"],
            [
                {
                    "label": "1. Testbed for SMEs",
                    "start": "2025-01-01",
                    "end": "2026-12-31",
                    "status": "delayed",  # from the latest accepted report
                    "progress": 20,
                }
            ],
        )
        self.assertContains(response, 'id="plan-timeline-data"')
        self.assertContains(response, "<caption>Actions over time</caption>", html=True)
        self.assertContains(response, "plans/charts.js")

    def test_the_overview_counts_what_the_issue_asks_for(self):
        cite(self.running_action, self.practice)
        second = make_action(self.running, 2, cost=100_000, title="Skills criterion")
        make_report(
            self.running,
            2025,
            1,
            "accepted",
            [(self.running_action, "on_track", 50), (second, "implemented", 100)],
        )
        data = metrics.overview(on=datetime.date(2026, 3, 1))
        line = next(line for line in data.lines if line.plan == self.running)
        self.assertEqual((line.actions, line.implemented, line.funds_eur), (2, 1, 400_000))
        self.assertEqual(line.rollup.progress, 62.5)  # (50 × 300,000 + 100 × 100,000) / 400,000
        self.assertEqual(line.late, [(2025, 2)])
        self.assertEqual(data.actions_implemented, 1)
        self.assertEqual(data.instruments_improved, 1)
        self.assertEqual(data.funds_eur, 400_000)
        self.assertEqual(data.practices_transferred, 1)
        self.assertEqual(data.reports_late, 1)

    def test_the_overview_is_for_programme_staff_and_pins_its_queries(self):
        self.assertEqual(self.client.get("/plans/overview/").status_code, 302)
        for user in (self.registered, self.member, self.coordinator):
            self.login(user)
            self.assertEqual(self.client.get("/plans/overview/").status_code, 403, user)
        make_report(self.running, 2025, 1, "accepted", [(self.running_action, "on_track", 50)])
        self.login(self.staff)
        with self.assertNumQueries(OVERVIEW_QUERIES):
            response = self.client.get("/plans/overview/")
        self.assertContains(response, "policy instruments improved")
        for number in range(6):
            plan = make_plan(
                self.tuscany, "in_implementation", f"Plan {number}", instrument_name=f"I{number}"
            )
            action = make_action(plan, 1, cost=1000)
            make_report(plan, 2025, 1, "accepted", [(action, "implemented", 100)])
        with self.assertNumQueries(OVERVIEW_QUERIES):
            response = self.client.get("/plans/overview/")
        self.assertEqual(response.context["data"].actions_implemented, 6)

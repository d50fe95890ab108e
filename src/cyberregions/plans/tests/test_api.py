"""Plans and monitoring reports in the API: read only, visibility per persona, 401 for
anonymous writes and for the reports, 405 for authenticated writes, pinned query counts."""

from cyberregions.testing import api_token

from .helpers import PlanTestCase, cite, make_action, make_indicator, make_plan, make_report

PLANS = "/api/plans/"
REPORTS = "/api/plan-reports/"
# count, page, other partners, actions, their citations, players, indicators, milestones.
PLAN_QUERIES = 8
# (with a token) token, count, page, entries, indicator values; plus the token's last use,
# written at its first use and then at most once a minute.
REPORT_QUERIES = 5


class ApiTests(PlanTestCase):
    def ids(self, response):
        return [row["id"] for row in response.json()["results"]]

    def test_plans_are_listed_as_their_reader_may_see_them(self):
        cite(self.running_action, self.practice)
        for name, user in self.personas():
            self.as_persona(user)
            expected = (
                [self.draft.pk, self.running.pk]
                if name in ("coordinator", "staff", "admin")
                else [self.running.pk]
            )
            self.assertEqual(self.ids(self.client.get(PLANS)), expected, name)
        self.as_persona(None)
        row = self.client.get(f"{PLANS}{self.running.pk}/").json()
        self.assertEqual(row["region"], "FRH0")
        self.assertEqual(row["actions"][0]["practices"], [self.practice.slug])
        self.assertIsNone(row["contact"])
        self.assertEqual(self.client.get(f"{PLANS}{self.draft.pk}/").status_code, 404)

    def test_writes_are_refused(self):
        for method in ("post", "put", "patch", "delete"):
            url = PLANS if method == "post" else f"{PLANS}{self.running.pk}/"
            response = getattr(self.client, method)(url, {}, content_type="application/json")
            self.assertEqual(response.status_code, 401, method)
        token = api_token(self.admin)
        for method in ("post", "put", "patch", "delete"):
            url = PLANS if method == "post" else f"{PLANS}{self.running.pk}/"
            response = getattr(self.client, method)(
                url,
                {},
                content_type="application/json",
                headers={"Authorization": f"Token {token}"},
            )
            self.assertEqual(response.status_code, 405, method)

    def test_reports_go_to_the_region_and_staff_only(self):
        report = make_report(self.running, entries=[(self.running_action, "on_track", 40)])
        self.assertEqual(self.client.get(REPORTS).status_code, 401)
        self.login(self.tuscan_coordinator)
        self.assertEqual(self.ids(self.client.get(REPORTS)), [])
        self.assertEqual(self.client.get(f"{REPORTS}{report.pk}/").status_code, 404)
        self.login(self.coordinator)
        [row] = self.client.get(REPORTS).json()["results"]
        self.assertEqual((row["period"], row["rollup"]["progress_percent"]), ("2025-S1", 40.0))
        self.assertEqual(row["entries"][0]["status"], "on_track")
        self.assertEqual(row["indicator_values"][0]["target"], "40.00")

    def test_the_lists_pin_their_queries(self):
        with self.assertNumQueries(PLAN_QUERIES):
            self.client.get(PLANS)
        for number in range(5):
            plan = make_plan(
                self.tuscany, "endorsed", f"Plan {number}", instrument_name=f"I{number}"
            )
            action = make_action(plan, 1)
            make_indicator(action, milestones=[("2026-01-01", 5)])
            cite(action, self.practice)
        with self.assertNumQueries(PLAN_QUERIES):
            self.assertEqual(self.client.get(PLANS).json()["count"], 6)
        token = api_token(self.staff)
        headers = {"Authorization": f"Token {token}"}
        make_report(self.running, entries=[(self.running_action, "on_track", 40)])
        with self.assertNumQueries(REPORT_QUERIES + 1):
            self.client.get(REPORTS, headers=headers)
        for semester in (2,):
            make_report(
                self.running,
                2025,
                semester,
                entries=[(self.running_action, "delayed", 40, "Late.")],
            )
        with self.assertNumQueries(REPORT_QUERIES):
            self.assertEqual(self.client.get(REPORTS, headers=headers).json()["count"], 2)

"""Writing a practice: only its region, only as a draft or when changes are asked; audited."""

from cyberregions.core.models import AuditEntry
from cyberregions.practices.models import Practice
from cyberregions.taxonomy.models import Barrier, Domain

from .helpers import PracticeTestCase

CREATE = "/practices/new/"


def edit_url(practice):
    return f"/practices/{practice.slug}/edit/"


class PracticeEditTests(PracticeTestCase):
    def form(self, **changes):
        data = {
            "title": "Security sprints for software SMEs",
            "region": self.brittany.pk,
            "main_institution": self.breton_sme.pk,
            "barriers": [Barrier.objects.get(code="skills").pk],
            "domains": [Domain.objects.get(code="SHE").pk],
            "summary": "Two-week sprints in which experts coach a team.",
            "budget_eur": "300000",
            "staff_fte": "1.5",
            "start_date": "2021-01-01",
            "end_date": "2022-12-31",
            "links": "https://example.org/sprints",
            "keywords": "secure development, coaching",
            "figures-TOTAL_FORMS": "2",
            "figures-INITIAL_FORMS": "0",
            "figures-MIN_NUM_FORMS": "0",
            "figures-MAX_NUM_FORMS": "20",
            "figures-0-label": "companies coached",
            "figures-0-value": "28",
            "figures-0-unit": "",
        }
        data.update(changes)
        return data

    def test_the_coordinator_creates_a_draft_with_figures_and_an_audit_entry(self):
        self.login(self.coordinator)
        self.assertEqual(self.client.get(CREATE).status_code, 200)
        response = self.client.post(CREATE, self.form())
        practice = Practice.objects.get(title="Security sprints for software SMEs")
        self.assertRedirects(response, f"/practices/{practice.slug}/")
        self.assertEqual((practice.status, practice.author), ("draft", self.coordinator))
        self.assertEqual([str(f) for f in practice.figures.all()], ["companies coached: 28"])
        self.assertEqual(practice.link_list, ["https://example.org/sprints"])
        entry = AuditEntry.objects.get(action="practice.create")
        self.assertEqual(entry.actor, self.coordinator)
        self.assertEqual(entry.after["figures"], ["companies coached: 28"])

    def test_the_coordinator_cannot_create_for_another_region(self):
        self.login(self.coordinator)
        response = self.client.post(CREATE, self.form(region=self.tuscany.pk))
        self.assertEqual(response.status_code, 200)
        self.assertIn("region", response.context["form"].errors)
        self.assertFalse(Practice.objects.filter(title__startswith="Security sprints").exists())

    def test_who_may_open_the_create_page(self):
        expected = {
            "visitor": 302,
            "registered": 403,
            "member": 403,
            "staff": 403,
            "tuscan coordinator": 200,
            "coordinator": 200,
            "admin": 200,
        }
        for name, user in self.personas():
            self.as_persona(user)
            self.assertEqual(self.client.get(CREATE).status_code, expected[name], name)
            if expected[name] != 200:
                self.assertIn(self.client.post(CREATE, self.form()).status_code, (302, 403))
        self.assertFalse(Practice.objects.filter(title__startswith="Security sprints").exists())

    def test_only_the_region_edits_its_draft(self):
        expected = {
            "visitor": 302,
            "registered": 404,
            "member": 404,
            "staff": 404,
            "tuscan coordinator": 404,
            "coordinator": 200,
            "admin": 200,
        }
        for name, user in self.personas():
            self.as_persona(user)
            self.assertEqual(
                self.client.get(edit_url(self.draft)).status_code, expected[name], name
            )

    def test_nobody_edits_a_practice_under_validation_or_published(self):
        for practice in (self.submitted, self.published):
            for name, user in self.personas():
                self.as_persona(user)
                status = self.client.get(edit_url(practice)).status_code
                self.assertIn(status, (302, 403, 404), (name, practice.status))
                self.assertNotEqual(status, 200)
            self.login(self.coordinator)
            response = self.client.post(edit_url(practice), self.form(title="Changed"))
            self.assertEqual(response.status_code, 403)
        self.assertFalse(Practice.objects.filter(title="Changed").exists())

    def test_editing_records_before_and_after(self):
        self.login(self.coordinator)
        response = self.client.post(
            edit_url(self.draft),
            self.form(title="Regional incident line", summary="A new summary."),
        )
        self.assertRedirects(response, f"/practices/{self.draft.slug}/")
        self.draft.refresh_from_db()
        self.assertEqual(self.draft.summary, "A new summary.")
        entry = AuditEntry.objects.get(action="practice.update")
        self.assertEqual(entry.before["summary"], "Summary of Regional incident line.")
        self.assertEqual(entry.after["summary"], "A new summary.")

    def test_it_checks_links_and_dates(self):
        self.login(self.coordinator)
        response = self.client.post(
            CREATE,
            self.form(links="javascript:alert(1)", start_date="2022-01-01", end_date="2021-01-01"),
        )
        errors = response.context["form"].errors
        self.assertIn("links", errors)
        self.assertIn("end_date", errors)

    def test_the_create_page_refuses_other_methods(self):
        self.login(self.coordinator)
        for method in ("put", "patch", "delete"):
            self.assertEqual(getattr(self.client, method)(CREATE).status_code, 405, method)

"""Writing Part III: actions citing good practices and involving organisations of the atlas,
their indicators and milestones; each change audited."""

import datetime

from django.core.exceptions import PermissionDenied

from cyberregions.core.models import AuditEntry
from cyberregions.plans import services
from cyberregions.plans.models import Action, Indicator

from .helpers import PlanTestCase


class ActionEditingTests(PlanTestCase):
    def action_data(self, **overrides):
        data = {
            "title": "Cyber desk in the chambers",
            "background": "Inspired by the Tuscan vouchers.",
            "practices": [self.practice.pk],
            "description": "A desk answering SMEs' questions.",
            "players": [self.breton_sme.pk],
            "players_note": "Chambers of commerce",
            "start_date": "2025-03-01",
            "end_date": "2026-02-28",
            "cost_eur": "250000",
            "funding_sources": "ERDF",
            "improvement_type": "management",
        }
        data.update(overrides)
        return data

    def test_the_region_adds_an_action_citing_a_practice_and_players(self):
        self.login(self.coordinator)
        url = f"/plans/{self.draft.pk}/actions/new/"
        page = self.client.get(url)
        self.assertContains(page, "Competence centre vouchers (Tuscany")
        self.assertContains(page, "Armor Cyber Defence")
        self.assertNotContains(page, "Firenze Secure Systems")  # another region's organisation
        response = self.client.post(url, self.action_data())
        action = Action.objects.get(title="Cyber desk in the chambers")
        self.assertRedirects(response, f"/plans/{self.draft.pk}/#action-{action.pk}")
        self.assertEqual(action.position, 2)
        self.assertEqual(list(action.practices.all()), [self.practice])
        self.assertEqual(list(action.players.all()), [self.breton_sme])
        self.assertTrue(
            AuditEntry.objects.filter(
                action="plan.action.create", object_id=str(action.pk)
            ).exists()
        )
        page = self.client.get(f"/plans/{self.draft.pk}/")
        self.assertContains(page, f'href="/practices/{self.practice.slug}/"')

    def test_dates_out_of_order_are_refused(self):
        self.login(self.coordinator)
        response = self.client.post(
            f"/plans/{self.draft.pk}/actions/new/",
            self.action_data(start_date="2026-01-01", end_date="2025-01-01"),
        )
        self.assertContains(response, "The end date cannot come before the start date.")
        self.assertFalse(Action.objects.filter(title="Cyber desk in the chambers").exists())

    def test_an_indicator_is_written_with_its_milestones(self):
        self.login(self.coordinator)
        url = f"/plans/{self.draft.pk}/actions/{self.draft_action.pk}/indicators/new/"
        data = {
            "name": "SMEs diagnosed",
            "kind": "output",
            "unit": "companies",
            "baseline": "0",
            "target": "120",
            "milestones-TOTAL_FORMS": "2",
            "milestones-INITIAL_FORMS": "0",
            "milestones-0-due_date": "2026-06-30",
            "milestones-0-value": "80",
            "milestones-1-due_date": "2025-12-31",
            "milestones-1-value": "30",
            "milestones-1-label": "first call closed",
        }
        response = self.client.post(url, data)
        self.assertRedirects(response, f"/plans/{self.draft.pk}/#action-{self.draft_action.pk}")
        indicator = Indicator.objects.get(name="SMEs diagnosed")
        self.assertEqual(
            [(m.due_date, int(m.value)) for m in indicator.milestones.all()],
            [(datetime.date(2025, 12, 31), 30), (datetime.date(2026, 6, 30), 80)],
        )
        edit = f"/plans/{self.draft.pk}/actions/{self.draft_action.pk}/indicators/{indicator.pk}/"
        self.assertContains(self.client.get(edit), "first call closed")
        self.client.post(f"{edit}delete/")
        self.assertFalse(Indicator.objects.filter(pk=indicator.pk).exists())

    def test_actions_of_a_submitted_plan_or_another_region_stay_closed(self):
        running_url = f"/plans/{self.running.pk}/actions/{self.running_action.pk}/edit/"
        draft_url = f"/plans/{self.draft.pk}/actions/{self.draft_action.pk}/edit/"
        self.login(self.coordinator)
        self.assertEqual(self.client.get(running_url).status_code, 403)
        self.assertEqual(self.client.get(draft_url).status_code, 200)
        self.login(self.tuscan_coordinator)
        self.assertEqual(self.client.get(draft_url).status_code, 404)
        self.assertEqual(self.client.get(running_url).status_code, 403)
        self.login(self.staff)
        self.assertEqual(self.client.get(draft_url).status_code, 403)
        with self.assertRaises(PermissionDenied):
            services.add_action(self.staff, self.draft, {"title": "x", "description": "y"})
        other = f"/plans/{self.draft.pk}/actions/{self.running_action.pk}/edit/"
        self.login(self.coordinator)
        self.assertEqual(self.client.get(other).status_code, 404)  # not this plan's action

    def test_deleting_an_action_is_audited(self):
        self.login(self.coordinator)
        url = f"/plans/{self.draft.pk}/actions/{self.draft_action.pk}/delete/"
        self.assertRedirects(self.client.post(url), f"/plans/{self.draft.pk}/")
        self.assertFalse(Action.objects.filter(pk=self.draft_action.pk).exists())
        entry = AuditEntry.objects.get(action="plan.action.delete")
        self.assertEqual(entry.before["title"], "Diagnostic voucher")

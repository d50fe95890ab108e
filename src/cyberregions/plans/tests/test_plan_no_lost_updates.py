"""Two people editing parts I and II of one plan: the second save, made from an older version,
is refused with what changed meanwhile and the first one's values are kept."""

from cyberregions.core.concurrency import StaleVersion
from cyberregions.core.models import AuditEntry
from cyberregions.plans import services
from cyberregions.plans.forms import PlanForm
from cyberregions.plans.models import ActionPlan
from cyberregions.plans.services.plans import PLAN_FIELDS, plan_snapshot

from .helpers import PlanTestCase


def form_data(plan: ActionPlan, **changes) -> dict:
    data = {
        "title": plan.title,
        "region": plan.region_id,
        "partner_name": plan.partner_name,
        "instrument_name": plan.instrument_name,
        "managing_authority": plan.managing_authority,
        "instrument_type": plan.instrument_type,
        "version": plan.version,
    }
    data.update(changes)
    return data


class PlanStaleEditTests(PlanTestCase):
    def url(self) -> str:
        return f"/plans/{self.draft.pk}/edit/"

    def fresh(self) -> ActionPlan:
        return ActionPlan.objects.get(pk=self.draft.pk)

    def test_the_form_and_the_audit_snapshot_use_the_one_field_list(self):
        self.assertEqual(list(PlanForm._meta.fields), PLAN_FIELDS)
        self.assertEqual(list(PlanForm.base_fields), PLAN_FIELDS)
        self.assertEqual(list(plan_snapshot(self.draft)), [*PLAN_FIELDS, "version"])

    def test_every_save_raises_the_version_by_exactly_one(self):
        self.assertEqual(self.fresh().version, 1)
        self.login(self.coordinator)
        for expected, title in ((2, "Brittany plan, v2"), (3, "Brittany plan, v3")):
            response = self.client.post(self.url(), form_data(self.fresh(), title=title))
            self.assertEqual(response.status_code, 302, title)
            self.assertEqual((self.fresh().title, self.fresh().version), (title, expected))

    def test_the_second_of_two_edits_from_one_version_is_refused_naming_what_changed(self):
        opened = self.fresh()
        self.login(self.coordinator)
        first = self.client.post(
            self.url(), form_data(opened, managing_authority="Brittany Region")
        )
        self.assertEqual(first.status_code, 302)

        self.login(self.admin)
        second = self.client.post(self.url(), form_data(opened, title="Renamed"))
        self.assertEqual(second.status_code, 200)
        message = " ".join(second.context["form"].non_field_errors())
        self.assertIn("Managing authority is now “Brittany Region”", message)
        self.assertNotIn("Title is now", message)
        stored = self.fresh()
        self.assertEqual(
            (stored.title, stored.managing_authority, stored.version),
            ("Brittany draft plan", "Brittany Region", 2),
        )
        self.assertEqual(AuditEntry.objects.filter(action="plan.update").count(), 1)
        self.assertEqual(second.context["form"]["title"].value(), "Renamed")
        self.assertContains(second, 'name="version" value="2"')

    def test_a_form_without_its_version_is_refused(self):
        self.login(self.coordinator)
        data = form_data(self.fresh(), title="No version")
        data.pop("version")
        response = self.client.post(self.url(), data)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.fresh().title, "Brittany draft plan")

    def test_the_service_refuses_a_stale_version(self):
        services.update_plan(self.coordinator, self.fresh(), {"policy_context": "New context."})
        with self.assertRaises(StaleVersion) as refused:
            services.update_plan(self.admin, self.fresh(), {"title": "X"}, expected_version=1)
        self.assertEqual(
            [(change.field, change.value) for change in refused.exception.changes],
            [("policy_context", "New context.")],
        )
        self.assertEqual(self.fresh().title, "Brittany draft plan")

    def test_a_column_the_edit_does_not_touch_is_not_written_back_as_it_was_read(self):
        stale = self.fresh()
        # A workflow step saved meanwhile: it changes the status, not the version.
        ActionPlan.objects.filter(pk=self.draft.pk).update(status="submitted")
        services.update_plan(self.coordinator, stale, {"title": "Renamed"}, expected_version=1)
        stored = self.fresh()
        self.assertEqual((stored.status, stored.title, stored.version), ("submitted", "Renamed", 2))

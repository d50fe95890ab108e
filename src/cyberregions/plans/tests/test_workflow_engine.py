"""The shared workflow engine as plans and reports use it: a step is checked against the row
as it is in the database (not as the caller last saw it), writes its history, audit entry
and notifications in one transaction, and leaves nothing behind when it is refused; monitoring
reports keep a history; the data migration moves validated plans into their own state."""

from django.apps import apps
from django.core import mail
from django.utils import translation

from cyberregions.core.models import AuditEntry, Notification
from cyberregions.plans import services
from cyberregions.plans.models import ActionPlan, MonitoringReport, PlanTransition, ReportTransition

from .helpers import PlanTestCase, make_plan, make_report


def migration_module():
    import importlib

    return importlib.import_module("cyberregions.plans.migrations.0002_workflow_engine")


class WorkflowEngineTests(PlanTestCase):
    def fresh(self, plan=None):
        return ActionPlan.objects.get(pk=(plan or self.draft).pk)

    def test_a_stale_copy_cannot_take_a_step_the_row_no_longer_allows(self):
        stale = self.fresh()
        services.submit_plan(self.coordinator, self.fresh())
        # The caller still holds the draft: submitting it again is refused from the row.
        with self.assertRaises(services.PlanError) as caught:
            services.submit_plan(self.coordinator, stale)
        self.assertIn("Submitted", str(caught.exception))
        self.assertEqual(PlanTransition.objects.filter(plan=self.draft).count(), 1)
        self.assertEqual(self.fresh().versions.count(), 1)

    def test_a_refused_step_writes_nothing(self):
        self.draft_action.delete()
        before = (AuditEntry.objects.count(), Notification.objects.count())
        with self.assertRaises(services.PlanError):
            services.submit_plan(self.coordinator, self.fresh())
        self.assertEqual((AuditEntry.objects.count(), Notification.objects.count()), before)
        self.assertEqual(PlanTransition.objects.filter(plan=self.draft).count(), 0)
        self.assertEqual(self.fresh().status, "draft")

    def test_unknown_steps_are_refused(self):
        with self.assertRaises(services.PlanError):
            services.transition(self.coordinator, self.fresh(), "publish-everything")

    def test_the_audit_entry_holds_the_fields_the_step_changed(self):
        services.submit_plan(self.coordinator, self.fresh())
        services.validate_plan(self.staff, self.fresh())
        entry = AuditEntry.objects.filter(action="plan.validate").get()
        self.assertEqual(entry.before["status"], "submitted")
        self.assertEqual(entry.after["status"], "validated")
        self.assertEqual(entry.after["validated_by"], self.staff.pk)
        submitted = AuditEntry.objects.filter(action="plan.submit").get()
        self.assertEqual(submitted.after["version"], 1)

    def test_notifications_are_in_the_recipients_language_and_in_their_bell(self):
        self.staff.language = "fr"
        self.staff.save(update_fields=["language"])
        with translation.override("en"), self.captureOnCommitCallbacks(execute=True):
            services.submit_plan(self.coordinator, self.fresh())
        item = Notification.objects.get(recipient=self.staff)
        self.assertEqual((item.kind, item.url), ("plan.step", self.draft.get_absolute_url()))
        # "Submitted" in French, although the coordinator acted in English.
        self.assertIn("Soumis", item.title)
        self.assertEqual(mail.outbox[0].subject, item.title)
        self.assertFalse(Notification.objects.filter(recipient=self.coordinator).exists())

    def test_a_person_who_wants_no_mail_is_told_in_the_platform_only(self):
        self.staff.email_notifications = "never"
        self.staff.save(update_fields=["email_notifications"])
        with self.captureOnCommitCallbacks(execute=True):
            services.submit_plan(self.coordinator, self.fresh())
        self.assertEqual(mail.outbox, [])
        self.assertEqual(Notification.objects.get(recipient=self.staff).email_state, "not_sent")


class ReportHistoryTests(PlanTestCase):
    def test_each_report_step_is_kept_with_who_and_why(self):
        report = make_report(
            self.running, entries=[(self.running_action, "on_track", 40)], status="draft"
        )
        services.submit_report(self.coordinator, report)
        services.return_report(
            self.staff, MonitoringReport.objects.get(pk=report.pk), "Add evidence."
        )
        services.submit_report(self.coordinator, MonitoringReport.objects.get(pk=report.pk))
        services.accept_report(self.staff, MonitoringReport.objects.get(pk=report.pk), "Good.")
        steps = list(
            ReportTransition.objects.filter(report=report).values_list(
                "step", "from_state", "to_state", "actor__username", "reason"
            )
        )
        self.assertEqual(
            steps,
            [
                ("submit", "draft", "submitted", "brittany", ""),
                ("return", "submitted", "returned", "staff", "Add evidence."),
                ("submit", "returned", "submitted", "brittany", ""),
                ("accept", "submitted", "accepted", "staff", "Good."),
            ],
        )
        self.assertEqual(MonitoringReport.objects.get(pk=report.pk).decision_reason, "Good.")


class ValidatedStateMigrationTests(PlanTestCase):
    def test_validated_plans_and_their_history_move_to_the_new_state_and_back(self):
        plan = make_plan(
            self.brittany, "submitted", "Validated before", instrument_name="Smart specialisation"
        )
        waiting = make_plan(self.tuscany, "submitted", "Waiting for validation")
        plan.validated_at = plan.created_at
        plan.save(update_fields=["validated_at"])
        for step, source, target in (
            ("submit", "draft", "submitted"),
            ("validate", "submitted", "submitted"),
            ("return", "submitted", "draft"),
            ("submit", "draft", "submitted"),
            ("validate", "submitted", "submitted"),
        ):
            PlanTransition.objects.create(plan=plan, step=step, from_state=source, to_state=target)
        migration = migration_module()
        migration.validated_state(apps, None)
        self.assertEqual(ActionPlan.objects.get(pk=plan.pk).status, "validated")
        self.assertEqual(ActionPlan.objects.get(pk=waiting.pk).status, "submitted")
        self.assertEqual(
            list(
                PlanTransition.objects.filter(plan=plan)
                .order_by("id")
                .values_list("from_state", "to_state")
            ),
            [
                ("draft", "submitted"),
                ("submitted", "validated"),
                ("validated", "draft"),
                ("draft", "submitted"),
                ("submitted", "validated"),
            ],
        )
        migration.submitted_state(apps, None)
        self.assertEqual(ActionPlan.objects.get(pk=plan.pk).status, "submitted")
        self.assertFalse(PlanTransition.objects.filter(to_state="validated").exists())

    def test_reports_already_decided_get_their_history(self):
        report = make_report(self.running, status="returned")
        report.decided_by, report.decided_at = self.staff, report.submitted_at
        report.decision_reason = "Late."
        report.save()
        make_report(self.running, year=2025, semester=2, status="draft")
        migration_module().report_history(apps, None)
        self.assertEqual(
            list(ReportTransition.objects.values_list("report_id", "step", "to_state", "reason")),
            [(report.pk, "submit", "submitted", ""), (report.pk, "return", "returned", "Late.")],
        )

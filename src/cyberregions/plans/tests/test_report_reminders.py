"""`remind_due_reports`: safe to run from cron: a reminder per plan, semester and stage,
recorded and sent once however often the command runs; none once the report is submitted.
Reminders are notifications: in the region people's bell, e-mailed by their preference, in
their language."""

import io

from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from cyberregions.core.models import Notification
from cyberregions.plans.models import ReportReminder

from .helpers import PlanTestCase, make_report


class ReminderTests(PlanTestCase):
    def run_command(self, day, *extra):
        out = io.StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("remind_due_reports", "--date", day, *extra, stdout=out)
        return out.getvalue()

    def test_a_due_report_is_reminded_once_then_once_more_when_late(self):
        # Implementation started on 2025-02-01: the first semester ends on 2025-06-30.
        self.assertIn("0 reminder(s) sent", self.run_command("2025-06-30"))
        output = self.run_command("2025-07-02")
        self.assertIn(f"reminded: plan {self.running.pk} (FRH0) 2025-S1 due", output)
        self.assertEqual([message.to for message in mail.outbox], [["yann@example.org"]])
        self.assertIn("is due by", mail.outbox[0].body)
        self.assertIn("0 reminder(s) sent, 1 already sent before", self.run_command("2025-07-20"))
        self.assertIn("2025-S1 overdue", self.run_command("2025-08-01"))
        self.assertIn("was due on", mail.outbox[1].body)
        self.run_command("2025-08-02")
        self.assertEqual(len(mail.outbox), 2)
        self.assertEqual(
            list(ReportReminder.objects.order_by("id").values_list("stage", "recipients")),
            [("due", 1), ("overdue", 1)],
        )
        reports = f"/plans/{self.running.pk}/reports/"
        self.assertEqual(
            list(
                Notification.objects.order_by("id").values_list("recipient", "kind", "url", "actor")
            ),
            [
                (self.coordinator.pk, "plans.report.due", reports, None),
                (self.coordinator.pk, "plans.report.overdue", reports, None),
            ],
        )

    def test_a_person_who_chose_never_sees_the_reminder_in_the_platform_only(self):
        self.coordinator.email_notifications = "never"
        self.coordinator.save()
        self.run_command("2025-07-02")
        self.assertEqual(mail.outbox, [])
        self.assertEqual(
            list(Notification.objects.values_list("recipient", "email_state")),
            [(self.coordinator.pk, "not_sent")],
        )

    def test_the_reminder_is_written_in_the_recipients_language(self):
        self.coordinator.language = "fr"
        self.coordinator.save()
        self.run_command("2025-08-01")
        self.assertIn("était attendu", mail.outbox[0].body)
        self.assertIn("31 juillet 2025", mail.outbox[0].body)

    def test_a_submitted_report_is_not_reminded_and_a_dry_run_sends_nothing(self):
        make_report(self.running, 2025, 1, status="submitted")
        self.assertIn("would remind", self.run_command("2026-01-05", "--dry-run"))
        self.assertEqual(len(mail.outbox), 0)
        self.assertFalse(ReportReminder.objects.exists())
        output = self.run_command("2026-01-05")
        self.assertNotIn("2025-S1", output)
        self.assertIn("2025-S2 due", output)

    def test_a_returned_report_still_counts_as_due(self):
        make_report(self.running, 2025, 1, status="returned")
        self.assertIn("2025-S1 overdue", self.run_command("2025-09-01"))

    def test_a_wrong_date_is_refused(self):
        with self.assertRaises(CommandError):
            call_command("remind_due_reports", "--date", "yesterday", stdout=io.StringIO())

"""``cyberregions run-periodic`` enqueues the periodic jobs; in the test run the immediate
backend runs them at once, so each test sees their effect."""

from datetime import timedelta
from io import StringIO

from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from cyberregions.core.models import TaskRun, TaskRunStatus
from cyberregions.core.periodic import PERIODIC_JOBS, jobs
from cyberregions.plans import tasks as plan_tasks
from cyberregions.testing import PersonaTestCase


class RunPeriodicTests(PersonaTestCase):
    def run_command(self, *args) -> str:
        out = StringIO()
        call_command("run_periodic", *args, stdout=out)
        return out.getvalue()

    def test_every_job_is_an_importable_task(self):
        for cadence in PERIODIC_JOBS:
            self.assertTrue(jobs(cadence), cadence)

    @override_settings(TASK_RUN_STALE_SECONDS=60)
    def test_often_fails_the_runs_whose_worker_is_gone(self):
        run = TaskRun.objects.create(
            requested_by=self.member,
            kind="sample",
            title="Lost",
            task_path="x",
            status=TaskRunStatus.RUNNING,
            attempt=1,
            heartbeat_at=timezone.now() - timedelta(hours=1),
        )
        output = self.run_command()
        self.assertIn("enqueued cyberregions.core.task_runs.reap_stale_runs", output)
        run.refresh_from_db()
        self.assertEqual(run.status, TaskRunStatus.FAILED)
        self.assertIn("Nothing was saved", run.failure_message)

    def test_daily_enqueues_the_reminders_and_the_digest(self):
        output = self.run_command("daily")
        self.assertIn("cyberregions.plans.tasks.remind_due_reports", output)
        self.assertIn("cyberregions.core.notifications.send_daily_digests", output)

    def test_an_unknown_cadence_is_refused(self):
        with self.assertRaises(CommandError):
            self.run_command("hourly")

    def test_the_reminder_task_reports_its_counts(self):
        result = plan_tasks.remind_due_reports.enqueue()
        self.assertEqual(result.status, "SUCCESSFUL")
        self.assertEqual(set(result.return_value), {"checked_plans", "sent", "already_sent"})

    def test_the_reminder_command_can_hand_its_work_to_a_worker(self):
        out = StringIO()
        call_command("remind_due_reports", "--enqueue", stdout=out)
        self.assertIn("enqueued as task", out.getvalue())
        with self.assertRaises(CommandError):
            call_command("remind_due_reports", "--enqueue", "--dry-run", stdout=StringIO())


class PruneTaskResultsTests(PersonaTestCase):
    def test_finished_results_of_the_database_queue_older_than_two_weeks_go(self):
        from django_tasks_db.models import DBTaskResult

        from cyberregions.core.tasks import prune_finished_task_results

        database = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        with override_settings(TASKS=database):
            old, recent, waiting = (plan_tasks.remind_due_reports.enqueue() for _ in range(3))
            DBTaskResult.objects.filter(pk__in=[old.id, recent.id]).update(
                status="SUCCESSFUL", finished_at=timezone.now() - timedelta(days=1)
            )
            DBTaskResult.objects.filter(pk=old.id).update(
                finished_at=timezone.now() - timedelta(days=15)
            )
            self.assertEqual(prune_finished_task_results.call(), 1)
            self.assertEqual(
                {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)},
                {recent.id, waiting.id},
            )

    def test_other_backends_have_nothing_to_prune(self):
        from cyberregions.core.tasks import prune_finished_task_results

        self.assertEqual(prune_finished_task_results.call(), 0)

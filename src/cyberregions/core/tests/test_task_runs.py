"""Task runs with the immediate backend (the test run's default): the task runs inside the
request that starts it, so each test sees the outcome without a worker. The worker process
itself is exercised in test_task_worker.py."""

from datetime import timedelta
from unittest import mock

from django.db import OperationalError, connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cyberregions.core import task_runs, task_views
from cyberregions.core.models import AuditEntry, TaskRun, TaskRunStatus
from cyberregions.core.tests.sample_tasks import write_marker
from cyberregions.testing import PersonaTestCase


def effects() -> int:
    return AuditEntry.objects.filter(action="sample.effect").count()


class TaskRunLifecycleTests(PersonaTestCase):
    def start(self, user=None, **arguments) -> TaskRun:
        return task_runs.start(
            user or self.member,
            kind="sample",
            title="Sample",
            task=write_marker,
            arguments=arguments,
        )

    def test_a_run_succeeds_with_its_effect_and_link(self):
        run = self.start(steps=3)
        self.assertEqual(run.status, TaskRunStatus.SUCCEEDED)
        self.assertEqual((run.progress_done, run.progress_total), (3, 3))
        self.assertEqual(run.result_url, "/")
        self.assertTrue(run.task_result_id)
        self.assertEqual(run.attempt, 1)
        self.assertEqual(effects(), 1)

    def test_running_the_task_again_does_not_apply_it_twice(self):
        run = self.start()
        write_marker.call(run.pk)
        write_marker.enqueue(run.pk)
        self.assertEqual(effects(), 1)
        run.refresh_from_db()
        self.assertEqual(run.attempt, 1)

    def test_an_attempt_taken_over_does_not_apply(self):
        run = self.start(steps=1)
        TaskRun.objects.filter(pk=run.pk).update(status=TaskRunStatus.RUNNING, attempt=5)
        run.refresh_from_db()
        run.attempt = 4  # an older worker still holding the run
        with self.assertRaises(task_runs.RunNoLongerOwned), task_runs.applying(run):
            AuditEntry.objects.create(action="sample.effect", object_type="x", object_id="1")
        self.assertEqual(effects(), 1)

    def test_a_refusal_is_shown_to_the_requester_and_nothing_is_applied(self):
        run = self.start(refuse=True)
        self.assertEqual(run.status, TaskRunStatus.FAILED)
        self.assertEqual(run.failure_message, "Row 3, field 'name': a name is required.")
        self.assertEqual(effects(), 0)
        self.login(self.member)
        page = self.client.get(reverse("tasks:detail", args=[run.pk]))
        self.assertContains(page, "Row 3, field &#x27;name&#x27;: a name is required.")
        self.assertContains(page, "Try again")
        self.assertNotContains(page, "every 1s")

    def test_an_unexpected_error_gives_a_plain_message(self):
        run = self.start(crash=True)
        self.assertEqual(run.status, TaskRunStatus.FAILED)
        self.assertIn("Nothing was saved", run.failure_message)
        self.assertNotIn("unexpected", run.failure_message)

    def test_retry_runs_a_failed_task_again(self):
        run = self.start(refuse=True)
        TaskRun.objects.filter(pk=run.pk).update(arguments={})
        self.login(self.member)
        response = self.client.post(reverse("tasks:retry", args=[run.pk]))
        self.assertRedirects(response, reverse("tasks:detail", args=[run.pk]))
        run.refresh_from_db()
        self.assertEqual(run.status, TaskRunStatus.SUCCEEDED)
        self.assertEqual(run.failure_message, "")
        self.assertEqual(run.attempt, 2)
        self.assertEqual(effects(), 1)
        self.assertTrue(AuditEntry.objects.filter(action="task.retry").exists())

    def test_retry_of_a_finished_task_is_refused(self):
        run = self.start()
        self.login(self.member)
        self.client.post(reverse("tasks:retry", args=[run.pk]))
        self.assertEqual(effects(), 1)
        run.refresh_from_db()
        self.assertEqual(run.attempt, 1)

    def test_retry_by_get_is_refused(self):
        run = self.start(refuse=True)
        self.login(self.member)
        self.assertEqual(self.client.get(reverse("tasks:retry", args=[run.pk])).status_code, 405)

    def test_only_the_requester_may_retry(self):
        run = self.start(refuse=True)
        self.login(self.admin)
        page = self.client.get(reverse("tasks:detail", args=[run.pk]))
        self.assertNotContains(page, "Try again")
        self.assertEqual(self.client.post(reverse("tasks:retry", args=[run.pk])).status_code, 403)
        self.login(self.registered)
        self.assertEqual(self.client.post(reverse("tasks:retry", args=[run.pk])).status_code, 404)
        run.refresh_from_db()
        self.assertEqual(run.status, TaskRunStatus.FAILED)


class ProgressPageTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.task_run = TaskRun.objects.create(
            requested_by=cls.member,
            kind="sample",
            title="Import of members.csv",
            task_path=write_marker.module_path,
            status=TaskRunStatus.RUNNING,
            progress_done=40,
            progress_total=100,
            heartbeat_at=timezone.now(),
            attempt=1,
        )

    def url(self, name="detail"):
        return reverse(f"tasks:{name}", args=[self.task_run.pk])

    def test_the_requester_follows_progress_and_the_page_polls(self):
        self.login(self.member)
        page = self.client.get(self.url())
        self.assertContains(page, "Import of members.csv")
        self.assertContains(page, "40 % done")
        self.assertContains(page, f'hx-get="{self.url("status")}"')
        self.assertContains(page, 'hx-trigger="every 1s"')
        self.assertNotContains(page, "<script>")
        partial = self.client.get(self.url("status"))
        self.assertContains(partial, 'hx-trigger="every 1s"')
        self.assertNotContains(partial, "<html")

    def test_each_poll_reads_the_run_once(self):
        # Called directly, so that only the view's own queries count (not the session's).
        request = RequestFactory().get(self.url("status"))
        request.user = self.member
        with self.assertNumQueries(1):
            response = task_views.task_run_status(request, self.task_run.pk)
        self.assertContains(response, "40 % done")

    def test_polling_stops_once_finished(self):
        TaskRun.objects.filter(pk=self.task_run.pk).update(
            status=TaskRunStatus.SUCCEEDED,
            result_url="/organisations/",
            result_label="See the organisations",
        )
        self.login(self.member)
        partial = self.client.get(self.url("status"))
        self.assertNotContains(partial, "every 1s")
        self.assertContains(partial, 'href="/organisations/"')

    def test_staff_and_admin_may_look(self):
        for user in (self.staff, self.admin):
            self.login(user)
            self.assertEqual(self.client.get(self.url()).status_code, 200)

    def test_another_user_gets_404(self):
        for user in (self.registered, self.coordinator):
            self.login(user)
            self.assertEqual(self.client.get(self.url()).status_code, 404)
            self.assertEqual(self.client.get(self.url("status")).status_code, 404)
            self.assertEqual(self.client.get(self.url("file")).status_code, 404)

    def test_anonymous_is_sent_to_log_in(self):
        response = self.client.get(self.url())
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:login"), response["Location"])
        self.assertEqual(self.client.get(self.url("status")).status_code, 302)

    def test_an_unknown_run_is_404(self):
        self.login(self.member)
        self.assertEqual(self.client.get(reverse("tasks:detail", args=[99999])).status_code, 404)

    @override_settings(TASK_RUN_STALE_SECONDS=60)
    def test_a_run_whose_worker_died_is_failed_when_viewed(self):
        TaskRun.objects.filter(pk=self.task_run.pk).update(
            heartbeat_at=timezone.now() - timedelta(minutes=5)
        )
        self.login(self.member)
        page = self.client.get(self.url())
        self.assertContains(page, "The worker running this task stopped")
        self.assertContains(page, "Try again")
        self.task_run.refresh_from_db()
        self.assertEqual(self.task_run.status, TaskRunStatus.FAILED)

    @override_settings(TASK_RUN_STALE_SECONDS=60)
    def test_a_silent_run_whose_worker_is_busy_writing_is_not_taken_for_dead(self):
        TaskRun.objects.filter(pk=self.task_run.pk).update(
            heartbeat_at=timezone.now() - timedelta(minutes=5)
        )
        self.login(self.member)
        # SQLite answers "database is locked" while the worker's transaction writes.
        busy = OperationalError("database is locked")
        with mock.patch.object(TaskRun.objects, "select_for_update", side_effect=busy):
            page = self.client.get(self.url())
            self.assertEqual(task_runs.reap_stale(), 0)
        self.assertContains(page, "every 1s")
        self.task_run.refresh_from_db()
        self.assertEqual(self.task_run.status, TaskRunStatus.RUNNING)

    @override_settings(TASK_RUN_STALE_SECONDS=60)
    def test_the_periodic_cleanup_fails_only_runs_without_sign_of_life(self):
        fresh = TaskRun.objects.create(
            requested_by=self.member,
            kind="sample",
            title="Fresh",
            task_path="x",
            status=TaskRunStatus.RUNNING,
            heartbeat_at=timezone.now(),
            attempt=1,
        )
        TaskRun.objects.filter(pk=self.task_run.pk).update(
            heartbeat_at=timezone.now() - timedelta(minutes=5)
        )
        self.assertEqual(task_runs.reap_stale_runs.call(), 1)
        fresh.refresh_from_db()
        self.task_run.refresh_from_db()
        self.assertEqual(fresh.status, TaskRunStatus.RUNNING)
        self.assertEqual(self.task_run.status, TaskRunStatus.FAILED)
        # The old worker, should it wake up, cannot apply any more.
        with self.assertRaises(task_runs.RunNoLongerOwned), task_runs.applying(self.task_run):
            pass


class WorkerStateTests(PersonaTestCase):
    """What the page says about the worker, with tasks queued in the database backend."""

    def setUp(self):
        self.enterContext(
            override_settings(
                TASKS={
                    "default": {
                        "BACKEND": "django_tasks_db.DatabaseBackend",
                        "QUEUES": ["default"],
                    }
                }
            )
        )
        self.login(self.member)

    def start(self) -> TaskRun:
        return task_runs.start(
            self.member, kind="sample", title="Sample", task=write_marker, arguments={}
        )

    def test_a_run_queued_for_long_warns_that_no_worker_may_be_running(self):
        run = self.start()
        page = self.client.get(reverse("tasks:detail", args=[run.pk]))
        self.assertContains(page, "waiting for a worker")
        self.assertNotContains(page, "may be stopped")
        TaskRun.objects.filter(pk=run.pk).update(created_at=timezone.now() - timedelta(minutes=5))
        page = self.client.get(reverse("tasks:detail", args=[run.pk]))
        self.assertContains(page, "worker may be stopped")
        self.assertContains(page, "every 1s")

    def test_a_run_whose_task_the_backend_failed_is_shown_failed(self):
        from django_tasks_db.models import DBTaskResult

        run = self.start()
        self.assertEqual(run.status, TaskRunStatus.QUEUED)
        DBTaskResult.objects.filter(pk=run.task_result_id).update(status="FAILED")
        page = self.client.get(reverse("tasks:detail", args=[run.pk]))
        self.assertContains(page, "The worker running this task stopped")
        run.refresh_from_db()
        self.assertEqual(run.status, TaskRunStatus.FAILED)


class TaskRunListTests(PersonaTestCase):
    def make(self, user, title):
        return TaskRun.objects.create(requested_by=user, kind="sample", title=title, task_path="x")

    def test_a_person_sees_only_their_own_runs_in_a_fixed_number_of_queries(self):
        self.make(self.member, "Mine")
        self.make(self.coordinator, "Someone else's")
        self.login(self.member)
        self.client.get(reverse("tasks:list"))
        with CaptureQueriesContext(connection) as one_run:
            page = self.client.get(reverse("tasks:list"))
        self.assertContains(page, "Mine")
        self.assertNotContains(page, "Someone else")
        for number in range(20):
            self.make(self.member, f"Mine {number}")
        # As many queries for 21 runs as for one (the session's own included).
        with self.assertNumQueries(len(one_run)):
            self.client.get(reverse("tasks:list"))

    def test_visitors_are_sent_to_log_in(self):
        response = self.client.get(reverse("tasks:list"))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.post(reverse("tasks:list")).status_code, 302)

    def test_post_is_refused(self):
        self.login(self.member)
        self.assertEqual(self.client.post(reverse("tasks:list")).status_code, 405)

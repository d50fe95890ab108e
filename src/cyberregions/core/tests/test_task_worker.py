"""Real worker processes: the database backend's ``db_worker`` and an RQ worker on Redis.

The rest of the suite runs tasks immediately (TASKS_BACKEND=immediate); here the tasks are
enqueued for real and a separate process runs them. The worker must see the test's rows, so:
on SQLite the in-memory test database is copied to a file the worker opens; on PostgreSQL the
worker connects to the test database itself (committed rows: a TransactionTestCase).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TransactionTestCase, override_settings

from cyberregions.core import task_runs
from cyberregions.core.tests.sample_tasks import add_numbers, write_marker, write_marker_and_hold

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
CLI = [sys.executable, "-m", "cyberregions.cli"]
WAIT_SECONDS = 90


def _wait_for(condition, what: str, timeout: float = WAIT_SECONDS) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


class WorkerDatabaseMixin:
    """The test database, handed to worker processes, and read back where they write.

    ``serialized_rollback``: the flush that ends a TransactionTestCase would otherwise take the
    rows made by migrations (regions, content types) from the tests that run after it."""

    serialized_rollback = True

    def setUp(self):
        super().setUp()
        self.tmp = Path(tempfile.mkdtemp(prefix="cyberregions-worker-"))
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)
        self.user = get_user_model().objects.create_user("requester", "r@example.org")
        self.sqlite_file = None

    # The worker's database -------------------------------------------------------------------

    def hand_over_database(self) -> None:
        """On SQLite, copy the in-memory test database to a file for the worker processes."""
        if connection.vendor != "sqlite":
            return
        import sqlite3

        connection.ensure_connection()
        self.sqlite_file = self.tmp / "worker.sqlite3"
        target = sqlite3.connect(self.sqlite_file)
        connection.connection.backup(target)
        target.close()

    def database_url(self) -> str:
        if self.sqlite_file:
            return f"sqlite:///{self.sqlite_file}"
        db = connection.settings_dict
        password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        host = db.get("HOST") or "127.0.0.1"
        port = f":{db['PORT']}" if db.get("PORT") else ""
        return f"postgres://{db['USER']}{password}@{host}{port}/{db['NAME']}"

    def query(self, sql: str, params=()):
        """One row, read where the worker writes."""
        if self.sqlite_file:
            import sqlite3

            with sqlite3.connect(self.sqlite_file, timeout=30) as db:
                return db.execute(sql, params).fetchone()
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("?", "%s"), params)
            return cursor.fetchone()

    def run_state(self, pk: int):
        return self.query(
            "SELECT status, attempt, failure_message FROM core_taskrun WHERE id = ?", [pk]
        )

    def effects(self) -> int:
        return self.query("SELECT count(*) FROM core_auditentry WHERE action = 'sample.effect'")[0]

    def env(self, **extra) -> dict:
        return {
            **os.environ,
            "CYBERREGIONS_TESTING": "1",
            "CYBERREGIONS_VAR": str(self.tmp),
            "DATABASE_URL": self.database_url(),
            "TASKS_BACKEND": "database",
            "LOG_LEVEL": "WARNING",
            **extra,
        }

    def cli(self, *args, **env) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603 — our own command line
            [*CLI, *args], env=self.env(**env), capture_output=True, text=True, timeout=120
        )


@override_settings(TASKS=DATABASE_TASKS)
class DatabaseWorkerTests(WorkerDatabaseMixin, TransactionTestCase):
    def worker(self) -> subprocess.Popen:
        return subprocess.Popen(  # noqa: S603 — our own command line
            [*CLI, "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    # The test ------------------------------------------------------------------------------

    def test_a_worker_runs_tasks_and_a_killed_one_leaves_nothing_half_written(self):
        holding = self.tmp / "holding"
        quick = task_runs.start(
            self.user, kind="sample", title="Quick", task=write_marker, arguments={}
        )
        held = task_runs.start(
            self.user,
            kind="sample",
            title="Held",
            task=write_marker_and_hold,
            arguments={"holding": str(holding)},
        )
        self.assertEqual(quick.status, "queued")  # enqueued, not run: no worker yet
        self.hand_over_database()

        # A worker runs the first task to the end, then is killed inside the second one's
        # transaction, its effect written but not committed.
        worker = self.worker()
        try:
            _wait_for(holding.exists, "the second task to hold its transaction")
            self.assertEqual(self.run_state(quick.pk)[0], "succeeded")
        finally:
            worker.send_signal(signal.SIGKILL)
            output = worker.communicate(timeout=30)[0]
        self.assertEqual(self.effects(), 1, output)
        self.assertEqual(self.run_state(held.pk)[:2], ("running", 1))

        # The periodic cleanup finds the run without a worker and tells the requester.
        cleanup = self.cli("run-periodic", TASK_RUN_STALE_SECONDS="0", TASKS_BACKEND="immediate")
        self.assertEqual(cleanup.returncode, 0, cleanup.stderr)
        status, _attempt, message = self.run_state(held.pk)
        self.assertEqual(status, "failed")
        self.assertIn("stopped before it finished", message)

        # The requester retries; a new worker applies the task, once.
        retry = self.cli(
            "shell",
            "-c",
            "from cyberregions.core import task_runs;"
            "from cyberregions.core.models import TaskRun;"
            f"run = TaskRun.objects.get(pk={held.pk});"
            "task_runs.retry(run.requested_by, run)",
        )
        self.assertEqual(retry.returncode, 0, retry.stderr)
        worker = self.worker()
        output = worker.communicate(timeout=WAIT_SECONDS)[0]
        self.assertEqual(worker.returncode, 0, output)
        self.assertEqual(self.run_state(held.pk)[:2], ("succeeded", 2))
        self.assertEqual(self.effects(), 2)


REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_answers() -> str:
    """Empty when Redis answers, else why not."""
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception as error:  # noqa: BLE001 — any failure means: no Redis to test against
        return f"no Redis answers at {REDIS_URL} ({error.__class__.__name__}): RQ test skipped"
    return ""


@pytest.mark.skipif(bool(_redis_answers()), reason=_redis_answers() or "Redis answers")
@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}},
    RQ_QUEUES={"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 60}},
)
class RedisWorkerTests(WorkerDatabaseMixin, TransactionTestCase):
    """The scale-out backend: tasks go to Redis and an RQ worker (burst mode) runs them."""

    def rq_worker(self) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603 — our own command line
            [*CLI, "rqworker", "--burst", "--job-class", "django_tasks_rq.Job", "default"],
            env=self.env(TASKS_BACKEND="rq", REDIS_URL=REDIS_URL),
            capture_output=True,
            text=True,
            timeout=120,
        )

    def test_an_rq_worker_runs_an_enqueued_task(self):
        result = add_numbers.enqueue(2, 3)
        self.assertEqual(result.status, "READY")
        worker = self.rq_worker()
        self.assertEqual(worker.returncode, 0, worker.stderr)
        result.refresh()
        self.assertEqual(result.status, "SUCCESSFUL", worker.stderr)
        self.assertEqual(result.return_value, 5)

    def test_a_task_run_is_sent_after_the_commit_and_applied_by_an_rq_worker(self):
        run = task_runs.start(
            self.user, kind="sample", title="On Redis", task=write_marker, arguments={}
        )
        run.refresh_from_db()
        self.assertEqual(run.status, "queued")
        self.assertTrue(run.task_result_id)  # set once the job was sent, after the commit
        self.hand_over_database()
        worker = self.rq_worker()
        self.assertEqual(worker.returncode, 0, worker.stderr)
        self.assertEqual(self.run_state(run.pk)[:2], ("succeeded", 1))
        self.assertEqual(self.effects(), 1)

"""PostgreSQL: a run whose row a worker holds locked (inside ``applying``, writing) is alive,
however long since its last progress; the cleanup skips it and takes it once released."""

import threading
from datetime import timedelta
from unittest import skipUnless

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections, transaction
from django.test import TransactionTestCase, override_settings
from django.utils import timezone

from cyberregions.core import task_runs
from cyberregions.core.models import TaskRun, TaskRunStatus


@pytest.mark.postgres
@skipUnless(connection.vendor == "postgresql", "PostgreSQL only: SQLite has no row locks")
@override_settings(TASK_RUN_STALE_SECONDS=60)
class LockedRunTests(TransactionTestCase):
    serialized_rollback = True

    def test_the_cleanup_skips_a_run_locked_by_its_worker(self):
        user = get_user_model().objects.create_user("requester", "r@example.org")
        run = TaskRun.objects.create(
            requested_by=user,
            kind="sample",
            title="Writing",
            task_path="x",
            status=TaskRunStatus.RUNNING,
            attempt=1,
            heartbeat_at=timezone.now() - timedelta(minutes=5),
        )
        locked, release = threading.Event(), threading.Event()

        def worker():
            try:
                with transaction.atomic():
                    TaskRun.objects.select_for_update().get(pk=run.pk)
                    locked.set()
                    release.wait(30)
            finally:
                connections.close_all()

        thread = threading.Thread(target=worker)
        thread.start()
        try:
            self.assertTrue(locked.wait(30))
            self.assertEqual(task_runs.reap_stale(), 0)
        finally:
            release.set()
            thread.join(30)
        self.assertEqual(task_runs.reap_stale(), 1)
        run.refresh_from_db()
        self.assertEqual(run.status, TaskRunStatus.FAILED)

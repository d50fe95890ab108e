"""The confirmed import runs as a task (immediately in the test run): refusals found by the
task reach the requester's progress page, and a task delivered twice imports once."""

from unittest import mock

from cyberregions.core import task_runs
from cyberregions.core.models import TaskRun, TaskRunStatus
from cyberregions.dataio import services, tasks
from cyberregions.dataio.choices import ImportSource
from cyberregions.organisations.models import Organisation
from cyberregions.testing import PersonaTestCase

from .files import csv_bytes

HEADER = ["name", "country", "region", "description"]
GOOD = [["Concarneau Cyber", "FR", "FRH0", "Port security."]]


class ImportTaskTests(PersonaTestCase):
    def preview(self):
        record, _plan = services.preview_import(
            self.coordinator,
            filename="atlas.csv",
            data=csv_bytes(GOOD, header=HEADER),
            region=self.brittany,
            source=ImportSource.UPLOAD,
        )
        return record

    def test_the_import_is_applied_once_even_if_the_task_runs_again(self):
        record = self.preview()
        run = tasks.start_confirm(self.coordinator, record, only_valid=False)
        self.assertEqual(run.status, TaskRunStatus.SUCCEEDED)
        tasks.confirm_import.call(run.pk)
        self.assertEqual(Organisation.objects.filter(name="Concarneau Cyber").count(), 1)
        record.refresh_from_db()
        self.assertEqual(record.status, "imported")

    def test_an_import_closed_before_the_task_runs_fails_with_the_reason(self):
        record = self.preview()
        services.discard_import(self.coordinator, record)
        run = tasks.start_confirm(self.coordinator, record, only_valid=False)
        self.assertEqual(run.status, TaskRunStatus.FAILED)
        self.assertEqual(run.failure_message, "This import is already closed.")
        self.assertFalse(Organisation.objects.filter(name="Concarneau Cyber").exists())

    def test_a_refused_write_leaves_the_run_failed_and_the_import_open(self):
        record = self.preview()
        # A late delivery of a run that already ended (here failed) writes nothing.
        run = TaskRun.objects.create(
            requested_by=self.coordinator,
            kind=tasks.KIND,
            title="x",
            task_path=tasks.confirm_import.module_path,
            arguments={"import_id": record.pk, "only_valid": False},
            status=TaskRunStatus.FAILED,
        )
        tasks.confirm_import.call(run.pk)
        record.refresh_from_db()
        self.assertEqual(record.status, "previewed")
        self.assertFalse(Organisation.objects.filter(name="Concarneau Cyber").exists())

    def test_a_second_click_follows_the_running_import(self):
        record = self.preview()
        run = TaskRun.objects.create(
            requested_by=self.coordinator,
            kind=tasks.KIND,
            title="x",
            task_path=tasks.confirm_import.module_path,
            arguments={"import_id": record.pk, "only_valid": False},
            status=TaskRunStatus.RUNNING,
        )
        self.login(self.coordinator)
        response = self.client.post(f"/data/import/{record.pk}/confirm/")
        self.assertRedirects(response, f"/tasks/{run.pk}/", fetch_redirect_response=False)
        self.assertEqual(TaskRun.objects.count(), 1)

    def test_a_region_lost_since_the_preview_is_refused(self):
        record = self.preview()
        self.coordinator.region_memberships.all().delete()
        self.login(self.coordinator)
        self.assertEqual(self.client.post(f"/data/import/{record.pk}/confirm/").status_code, 403)
        self.assertFalse(TaskRun.objects.exists())

    def test_progress_runs_on_one_scale_that_never_goes_back(self):
        record = self.preview()
        seen = []

        def record_progress(_run, done, total):
            seen.append((done, total))

        with mock.patch.object(task_runs, "report_progress", side_effect=record_progress):
            run = tasks.start_confirm(self.coordinator, record, only_valid=False)
        self.assertEqual(run.status, TaskRunStatus.SUCCEEDED)
        self.assertTrue(seen)
        self.assertEqual({total for _done, total in seen}, {100})
        self.assertEqual([done for done, _ in seen], sorted(done for done, _ in seen))

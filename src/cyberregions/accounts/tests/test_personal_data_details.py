"""Erasure and export details: the admin's log, others' notifications, non-ASCII names in JSON,
credentials, the waiting list, a user name already taken, task run files."""

from __future__ import annotations

import unittest

from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from cyberregions.accounts import privacy
from cyberregions.core import audit
from cyberregions.core import privacy as core_privacy
from cyberregions.core.models import AuditEntry, Notification, TaskRun
from cyberregions.events.models import Registration
from cyberregions.events.tests.factories import make_event, register

from .personal_data import EMAIL, FULL_NAME, PersonalDataTestCase


def _model(label: str):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


class ExportShapeTests(PersonalDataTestCase):
    def test_every_declared_section_is_in_the_export(self):
        data = privacy.export_personal_data(self.ana, self.ana)
        self.assertLessEqual({s.section for s in core_privacy.sections()}, set(data))

    def test_audit_entries_are_exported_as_facts_without_values(self):
        data = privacy.export_personal_data(self.ana, self.ana)
        for entry in data["audit_entries"]:
            self.assertEqual(set(entry), {"action", "object_type", "object_id", "at"})

    def test_work_records_name_what_she_made(self):
        event = make_event(self.ana, title="Ana's workshop")
        data = privacy.export_personal_data(self.ana, self.ana)
        created = data["event_records"]["events.event.created_by"]
        self.assertEqual([row["slug"] for row in created], [event.slug])


class ErasureDetailTests(PersonalDataTestCase):
    def test_the_admin_log_keeps_the_change_without_her_name(self):
        user_type = ContentType.objects.get_for_model(get_user_model())
        LogEntry.objects.create(
            user=self.admin,
            content_type=user_type,
            object_id=str(self.ana.pk),
            object_repr=FULL_NAME,
            action_flag=CHANGE,
            change_message="[]",
        )
        privacy.erase_person(self.admin, self.ana)
        entry = LogEntry.objects.get(object_id=str(self.ana.pk), content_type=user_type)
        self.assertEqual(entry.object_repr, "")
        self.assertEqual(entry.action_flag, CHANGE)

    def test_others_notifications_about_what_she_did_lose_her_name(self):
        told = Notification.objects.create(
            recipient=self.luca,
            actor=self.ana,
            kind="x",
            title=f"{FULL_NAME} commented",
            body=f"Write to {EMAIL}",
        )
        privacy.erase_person(self.ana, self.ana)
        told.refresh_from_db()
        self.assertEqual((told.title, told.body), ("[erased] commented", "Write to [erased]"))

    def test_non_ascii_names_are_found_in_json_values_on_every_engine(self):
        get_user_model().objects.filter(pk=self.ana.pk).update(last_name="Ørsted-Léa")
        ana = get_user_model().objects.get(pk=self.ana.pk)
        entry = audit.record(
            self.admin, "organisation.note", self.breton_sme, after={"note": "met Ana Ørsted-Léa"}
        )
        privacy.erase_person(self.admin, ana)
        entry.refresh_from_db()
        self.assertEqual(entry.after, {"note": "met [erased]"})

    @unittest.skipIf(_model("accounts.ApiToken") is None, "no API tokens in this installation")
    def test_api_tokens_go_and_the_security_log_keeps_the_fact(self):
        token_model = _model("accounts.ApiToken")
        event_model = _model("accounts.SecurityEvent")
        event = event_model.objects.create(
            kind="login", user=self.ana, address="192.0.2.7", user_agent="Firefox"
        )
        privacy.erase_person(self.ana, self.ana)
        self.assertFalse(token_model.objects.filter(user=self.ana).exists())
        event.refresh_from_db()
        self.assertEqual((event.kind, event.address, event.user_agent), ("login", None, ""))

    def test_a_seat_she_frees_goes_to_the_waiting_list(self):
        event = make_event(self.coordinator, title="Small room", capacity=1)
        register(event, self.ana, self.tuscan_sme)
        waiting = register(event, self.luca, self.tuscan_sme, status="waitlisted")
        privacy.erase_person(self.ana, self.ana)
        self.assertFalse(Registration.objects.filter(event=event, user=self.ana).exists())
        self.assertEqual(Registration.objects.get(pk=waiting.pk).status, "confirmed")

    def test_a_taken_erased_name_does_not_stop_the_erasure(self):
        get_user_model().objects.create_user(f"erased-{self.ana.pk}", "squatter@example.org")
        privacy.erase_person(self.ana, self.ana)
        ana = get_user_model().objects.get(pk=self.ana.pk)
        self.assertTrue(ana.username.startswith(f"erased-{self.ana.pk}-"))
        self.assertTrue(privacy.is_erased(ana))

    def test_task_run_files_are_deleted_after_the_commit(self):
        run = TaskRun.objects.create(
            requested_by=self.ana,
            kind="export",
            title="Export",
            task_path="x",
            status="succeeded",
            finished_at=timezone.now(),
        )
        run.result_file.save("ana-export.csv", ContentFile(b"name\nAna Moreau\n"))
        storage, name = run.result_file.storage, run.result_file.name
        self.assertTrue(storage.exists(name))
        with self.captureOnCommitCallbacks(execute=True):
            privacy.erase_person(self.ana, self.ana)
        self.assertFalse(storage.exists(name))

    def test_erasing_twice_changes_nothing_more(self):
        privacy.erase_person(self.ana, self.ana)
        entries = AuditEntry.objects.count()
        counts = privacy.erase_person(self.admin, get_user_model().objects.get(pk=self.ana.pk))
        self.assertEqual(set(counts) - {"account", "audit_entries_scrubbed"}, set())
        self.assertEqual(AuditEntry.objects.count(), entries + 1)


class WorkflowReasonTests(PersonalDataTestCase):
    def test_a_step_keeps_its_reason_without_her_name(self):
        from cyberregions.practices.models import Transition

        step = Transition.objects.create(
            practice=self.practice,
            step="refuse",
            from_state="submitted",
            to_state="draft",
            actor=self.staff,
            reason=f"Ask {FULL_NAME} to add figures",
        )
        counts = privacy.erase_person(self.ana, self.ana)
        step.refresh_from_db()
        self.assertEqual(step.reason, "Ask [erased] to add figures")
        self.assertEqual(counts["workflow_reasons_scrubbed"], 1)

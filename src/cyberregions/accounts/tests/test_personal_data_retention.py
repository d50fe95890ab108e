"""Retention periods: the daily job removes what a period no longer allows, and only that."""

from __future__ import annotations

import datetime
import unittest

from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone

from cyberregions.accounts import privacy
from cyberregions.core import audit, periodic
from cyberregions.core import privacy as core_privacy
from cyberregions.core.models import AuditEntry, Notification, TaskRun
from cyberregions.testing import PersonaTestCase

NOW = timezone.now()
LONG_AGO = NOW - datetime.timedelta(days=800)


class RetentionTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        User = get_user_model()
        cls.sleeper = User.objects.create_user("sleeper", "sleeper@example.org")
        User.objects.filter(pk=cls.sleeper.pk).update(last_login=LONG_AGO, date_joined=LONG_AGO)
        User.objects.filter(pk=cls.admin.pk).update(last_login=LONG_AGO)
        cls.old_notice = Notification.objects.create(
            recipient=cls.member, kind="x", title="old", created_at=LONG_AGO
        )
        cls.new_notice = Notification.objects.create(recipient=cls.member, kind="x", title="new")
        cls.old_run = TaskRun.objects.create(
            requested_by=cls.member,
            kind="x",
            title="old",
            task_path="x",
            status="succeeded",
            created_at=LONG_AGO,
        )
        cls.running = TaskRun.objects.create(
            requested_by=cls.member,
            kind="x",
            title="running",
            task_path="x",
            status="running",
            created_at=LONG_AGO,
        )
        entry = audit.record(
            cls.admin,
            "account.update",
            cls.member,
            before={"email": "old@example.org", "language": ""},
            after={"email": "luca@example.org", "language": "it"},
        )
        AuditEntry.objects.filter(pk=entry.pk).update(at=LONG_AGO)
        cls.recent = audit.record(
            cls.admin,
            "account.update",
            cls.member,
            before={"email": "luca@example.org"},
            after={"email": "l@example.org"},
        )

    @override_settings(
        NOTIFICATION_RETENTION_DAYS=365,
        TASK_RUN_RETENTION_DAYS=90,
        AUDIT_PERSONAL_RETENTION_DAYS=730,
        INACTIVE_ACCOUNT_RETENTION_DAYS=730,
    )
    def test_the_daily_job_applies_every_period(self):
        self.assertIn(
            "cyberregions.core.privacy.purge_personal_data", periodic.PERIODIC_JOBS["daily"]
        )
        core_privacy.purge_personal_data.enqueue()
        self.assertFalse(Notification.objects.filter(pk=self.old_notice.pk).exists())
        self.assertTrue(Notification.objects.filter(pk=self.new_notice.pk).exists())
        self.assertFalse(TaskRun.objects.filter(pk=self.old_run.pk).exists())
        self.assertTrue(TaskRun.objects.filter(pk=self.running.pk).exists())
        old = AuditEntry.objects.filter(action="account.update").exclude(pk=self.recent.pk).get()
        self.assertEqual(
            (old.object_repr, old.before, old.after), ("", {"language": ""}, {"language": "it"})
        )
        self.assertEqual(
            AuditEntry.objects.get(pk=self.recent.pk).after, {"email": "l@example.org"}
        )
        self.assertTrue(privacy.is_erased(get_user_model().objects.get(pk=self.sleeper.pk)))
        self.assertTrue(get_user_model().objects.get(pk=self.admin.pk).is_active)
        self.assertTrue(get_user_model().objects.get(pk=self.member.pk).is_active)
        # Run again: nothing left to do.
        self.assertEqual(set(core_privacy.purge().values()), {0})

    @override_settings(
        NOTIFICATION_RETENTION_DAYS=0,
        TASK_RUN_RETENTION_DAYS=0,
        AUDIT_PERSONAL_RETENTION_DAYS=0,
        INACTIVE_ACCOUNT_RETENTION_DAYS=0,
    )
    def test_zero_keeps_everything(self):
        core_privacy.purge()
        self.assertTrue(Notification.objects.filter(pk=self.old_notice.pk).exists())
        self.assertTrue(TaskRun.objects.filter(pk=self.old_run.pk).exists())
        self.assertTrue(get_user_model().objects.get(pk=self.sleeper.pk).is_active)


def _api_token_model():
    from django.apps import apps

    try:
        return apps.get_model("accounts", "ApiToken")
    except LookupError:
        return None


@unittest.skipIf(_api_token_model() is None, "no API tokens in this installation")
class TokenOnlyAccountTests(PersonaTestCase):
    @override_settings(INACTIVE_ACCOUNT_RETENTION_DAYS=730)
    def test_an_account_used_through_its_tokens_is_kept(self):
        robot = get_user_model().objects.create_user("robot", "robot@example.org")
        get_user_model().objects.filter(pk=robot.pk).update(date_joined=LONG_AGO)
        _api_token_model().objects.create(
            user=robot,
            name="sync",
            scope="read",
            prefix="rob0t1",
            secret_hash="e" * 64,
            expires_at=NOW + datetime.timedelta(days=30),
            last_used_at=NOW,
        )
        privacy.purge_inactive_accounts(timezone.now())
        self.assertTrue(get_user_model().objects.get(pk=robot.pk).is_active)


def _security_event_model():
    from django.apps import apps

    try:
        return apps.get_model("accounts", "SecurityEvent")
    except LookupError:
        return None


@unittest.skipIf(_security_event_model() is None, "no security log in this installation")
class SecurityLogRetentionTests(PersonaTestCase):
    @override_settings(AUDIT_PERSONAL_RETENTION_DAYS=730)
    def test_old_events_lose_their_address_and_browser(self):
        model = _security_event_model()
        old = model.objects.create(
            kind="login", user=self.member, address="192.0.2.1", user_agent="Firefox"
        )
        model.objects.filter(pk=old.pk).update(at=LONG_AGO)
        new = model.objects.create(
            kind="login", user=self.member, address="192.0.2.2", user_agent="Firefox"
        )
        privacy.purge_security_log_addresses(timezone.now())
        old.refresh_from_db()
        new.refresh_from_db()
        self.assertEqual((old.kind, old.address, old.user_agent), ("login", None, ""))
        self.assertEqual(new.address, "192.0.2.2")

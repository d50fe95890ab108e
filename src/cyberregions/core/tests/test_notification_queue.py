"""With the database task backend (a deployment's default), the e-mail task is queued in the
same transaction as the change: it commits with it and is rolled back with it."""

from django.core import mail
from django.db import transaction
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from cyberregions.core.models import Notification
from cyberregions.core.notifications import notify
from cyberregions.testing import PersonaTestCase

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def tell(users):
    return notify(
        users,
        kind="test.queue",
        subject="Something happened",
        template="core/email/digest.txt",
        context={"user": None, "items": []},
        url="/events/",
    )


@override_settings(TASKS=DATABASE_TASKS)
class DatabaseQueueTests(PersonaTestCase):
    def test_the_task_row_is_written_with_the_change_and_waits_for_a_worker(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            tell([self.member, self.coordinator])
        self.assertEqual(callbacks, [])
        [queued] = DBTaskResult.objects.all()
        self.assertEqual(
            queued.task_path, "cyberregions.core.notifications.send_notification_emails"
        )
        self.assertEqual(
            sorted(queued.args_kwargs["args"][0]),
            sorted(Notification.objects.values_list("pk", flat=True)),
        )
        self.assertEqual(mail.outbox, [])

    def test_a_rolled_back_change_leaves_neither_notification_nor_task(self):
        with self.assertRaises(RuntimeError), transaction.atomic():
            tell([self.member])
            raise RuntimeError("the change failed")
        self.assertFalse(DBTaskResult.objects.exists())
        self.assertFalse(Notification.objects.exists())

"""The notification service: one in-app notification per recipient in the recipient's language,
e-mailed after commit by the recipient's preference (at once, daily digest, never), each
e-mail sent once however often its task runs; the bell, the list, marking as read, and the
preferences on the profile page."""

from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from cyberregions.core import notifications
from cyberregions.core.models import AuditEntry, Notification
from cyberregions.testing import PersonaTestCase

# session, user, the page's count and rows, the unread count, the navigation's two role lookups.
LIST_QUERIES = 7

# The notice body shows the language it was rendered in, so a test can see which was active.
NOTICE = "test/notice.txt"
TEMPLATES = [
    {
        **settings.TEMPLATES[0],
        "APP_DIRS": False,
        "OPTIONS": {
            **settings.TEMPLATES[0]["OPTIONS"],
            "loaders": [
                (
                    "django.template.loaders.locmem.Loader",
                    {
                        NOTICE: "{% load i18n %}{% get_current_language as language %}"
                        "{{ what }} in {{ language }}: {{ url }}"
                    },
                ),
                "django.template.loaders.filesystem.Loader",
                "django.template.loaders.app_directories.Loader",
            ],
        },
    }
]


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


def tell(recipients, what="Something happened", actor=None, url="/events/"):
    return notifications.notify(
        recipients,
        kind="test.something",
        subject=lambda: f"{what} ({translation.get_language()})",
        template=NOTICE,
        context={"what": what},
        url=url,
        actor=actor,
    )


@override_settings(TEMPLATES=TEMPLATES)
class NotifyTests(PersonaTestCase):
    def committed(self, function, *args, **kwargs):
        with self.captureOnCommitCallbacks(execute=True):
            return function(*args, **kwargs)

    def test_it_tells_each_recipient_once_and_never_the_actor(self):
        made = self.committed(
            tell, [self.member, self.member, self.coordinator, self.staff], actor=self.staff
        )
        self.assertEqual(
            sorted(item.recipient_id for item in made), [self.coordinator.pk, self.member.pk]
        )
        item = Notification.objects.get(recipient=self.member)
        self.assertEqual(
            (item.kind, item.url, item.actor), ("test.something", "/events/", self.staff)
        )
        self.assertTrue(item.is_unread)
        self.assertEqual(
            sorted(m.to[0] for m in mail.outbox), ["luca@example.org", "yann@example.org"]
        )
        self.assertIn("http://127.0.0.1:8000/events/", mail.outbox[0].body)

    def test_it_leaves_out_inactive_people(self):
        self.member.is_active = False
        self.member.save()
        self.assertEqual(self.committed(tell, [self.member]), [])
        self.assertEqual(mail.outbox, [])

    def test_it_writes_each_recipient_in_their_language(self):
        self.member.language = "it"
        self.member.save()
        self.coordinator.language = "fr"
        self.coordinator.save()
        with translation.override("de"):
            self.committed(tell, [self.member, self.coordinator, self.registered])
            self.assertEqual(translation.get_language(), "de")
        titles = dict(Notification.objects.values_list("recipient__username", "title"))
        self.assertEqual(
            titles,
            {
                "luca": "Something happened (it)",
                "brittany": "Something happened (fr)",
                "nobody": f"Something happened ({settings.LANGUAGE_CODE})",
            },
        )
        bodies = {message.to[0]: message.body for message in mail.outbox}
        self.assertIn("in it:", bodies["luca@example.org"])
        self.assertIn("in fr:", bodies["yann@example.org"])

    def test_the_preference_decides_the_email(self):
        for user, preference in (
            (self.member, "immediately"),
            (self.coordinator, "daily"),
            (self.registered, "never"),
        ):
            user.email_notifications = preference
            user.save()
        self.staff.email = ""
        self.staff.save()
        self.committed(tell, [self.member, self.coordinator, self.registered, self.staff])
        states = dict(Notification.objects.values_list("recipient__username", "email_state"))
        self.assertEqual(
            states,
            {"luca": "sent", "brittany": "digest", "nobody": "not_sent", "staff": "not_sent"},
        )
        self.assertEqual([message.to for message in mail.outbox], [["luca@example.org"]])

    def test_nothing_is_sent_when_the_transaction_rolls_back(self):
        with (
            self.captureOnCommitCallbacks(execute=True) as callbacks,
            self.assertRaises(RuntimeError),
            transaction.atomic(),
        ):
            tell([self.member])
            raise RuntimeError("the change failed")
        self.assertEqual(callbacks, [])
        self.assertFalse(Notification.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_the_email_task_run_twice_sends_once(self):
        # Not committed: the task is run by hand, as a retried or duplicated worker would.
        ids = [item.pk for item in tell([self.member, self.coordinator])]
        self.assertEqual(notifications.send_notification_emails.call(ids), 2)
        self.assertEqual(notifications.send_notification_emails.call(ids), 0)
        self.assertEqual(len(mail.outbox), 2)
        self.assertEqual(set(Notification.objects.values_list("email_state", flat=True)), {"sent"})
        self.assertFalse(Notification.objects.filter(emailed_at__isnull=True).exists())

    def test_a_failing_mail_server_puts_the_notification_back_in_the_queue(self):
        ids = [item.pk for item in tell([self.member])]
        with (
            override_settings(EMAIL_BACKEND=f"{__name__}.FailingBackend"),
            self.assertRaises(ConnectionRefusedError),
            self.assertLogs("cyberregions.core.notifications", "WARNING"),
        ):
            notifications.send_notification_emails.call(ids)
        item = Notification.objects.get()
        self.assertEqual((item.email_state, item.emailed_at), ("pending", None))
        self.assertEqual(mail.outbox, [])
        # The retry sends it.
        self.assertEqual(notifications.send_notification_emails.call(ids), 1)
        self.assertEqual(Notification.objects.get().email_state, "sent")


@override_settings(TEMPLATES=TEMPLATES)
class DigestTests(PersonaTestCase):
    def setUp(self):
        for user in (self.member, self.coordinator):
            user.email_notifications = "daily"
            user.save()

    def test_the_digest_groups_a_persons_items_into_one_email_and_runs_once(self):
        with self.captureOnCommitCallbacks(execute=True):
            tell([self.member, self.coordinator], "First news", url="/events/")
            tell([self.member], "Second news", url="/plans/")
        self.assertEqual(mail.outbox, [])
        self.assertEqual(notifications.send_daily_digests.call(), 2)
        by_address = {message.to[0]: message for message in mail.outbox}
        self.assertEqual(sorted(by_address), ["luca@example.org", "yann@example.org"])
        digest = by_address["luca@example.org"]
        self.assertIn("2 notification(s)", digest.subject)
        self.assertIn("First news", digest.body)
        self.assertIn("Second news", digest.body)
        self.assertIn("http://127.0.0.1:8000/plans/", digest.body)
        self.assertNotIn("Second news", by_address["yann@example.org"].body)
        self.assertEqual(notifications.send_daily_digests.call(), 0)
        self.assertEqual(len(mail.outbox), 2)

    def test_the_digest_is_written_in_the_recipients_language(self):
        self.member.language = "fr"
        self.member.save()
        self.coordinator.language = "it"
        self.coordinator.save()
        tell([self.member, self.coordinator])
        # The digest's own sentences are translated in a later pass: a stand-in template shows
        # which language is active while the digest is written.
        loaders = TEMPLATES[0]["OPTIONS"]["loaders"]
        stand_in = {
            NOTICE: loaders[0][1][NOTICE],
            "core/email/digest.txt": (
                "{% load i18n %}{% get_current_language as language %}digest in {{ language }}"
            ),
        }
        templates = [
            {
                **TEMPLATES[0],
                "OPTIONS": {
                    **TEMPLATES[0]["OPTIONS"],
                    "loaders": [("django.template.loaders.locmem.Loader", stand_in), *loaders[1:]],
                },
            }
        ]
        with override_settings(TEMPLATES=templates), translation.override("de"):
            notifications.send_daily_digests.call()
        bodies = {message.to[0]: message.body for message in mail.outbox}
        self.assertEqual(
            bodies, {"luca@example.org": "digest in fr", "yann@example.org": "digest in it"}
        )

    def test_a_failing_digest_stays_waiting(self):
        tell([self.member])
        with (
            override_settings(EMAIL_BACKEND=f"{__name__}.FailingBackend"),
            self.assertRaises(ConnectionRefusedError),
            self.assertLogs("cyberregions.core.notifications", "WARNING"),
        ):
            notifications.send_daily_digests.call()
        self.assertEqual(Notification.objects.get().email_state, "digest")
        self.assertEqual(notifications.send_daily_digests.call(), 1)


@override_settings(TEMPLATES=TEMPLATES)
class NotificationPageTests(PersonaTestCase):
    def test_visitors_are_sent_to_log_in(self):
        for url in ("/notifications/", "/notifications/bell/"):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302, url)
            self.assertTrue(response["Location"].startswith("/accounts/login/"), url)
        response = self.client.post("/notifications/read/")
        self.assertTrue(response["Location"].startswith("/accounts/login/"))

    def test_the_bell_shows_the_unread_count(self):
        tell([self.member])
        tell([self.member])
        self.login(self.member)
        response = self.client.get("/notifications/bell/")
        self.assertEqual(response.context["unread"], 2)
        self.assertContains(response, '2<span class="visually-hidden"> unread notifications')
        self.assertEqual(response["Cache-Control"].count("no-cache"), 1)
        self.login(self.coordinator)
        self.assertEqual(self.client.get("/notifications/bell/").context["unread"], 0)

    def test_the_list_shows_only_ones_own_notifications(self):
        tell([self.member], "For Luca")
        tell([self.coordinator], "For Yann")
        self.login(self.member)
        response = self.client.get("/notifications/")
        self.assertContains(response, "For Luca")
        self.assertNotContains(response, "For Yann")
        self.assertEqual(self.client.post("/notifications/").status_code, 405)

    def test_marking_one_as_read_goes_where_it_points(self):
        item, *_ = tell([self.member], url="/events/")
        other, *_ = tell([self.member], url="/plans/")
        self.login(self.member)
        self.assertEqual(self.client.get("/notifications/read/").status_code, 405)
        response = self.client.post("/notifications/read/", {"id": item.pk})
        self.assertRedirects(response, "/events/", fetch_redirect_response=False)
        item.refresh_from_db()
        other.refresh_from_db()
        self.assertFalse(item.is_unread)
        self.assertTrue(other.is_unread)

    def test_another_persons_notification_cannot_be_marked_read(self):
        item, *_ = tell([self.coordinator])
        self.login(self.member)
        self.assertEqual(self.client.post("/notifications/read/", {"id": item.pk}).status_code, 404)
        self.assertEqual(self.client.post("/notifications/read/", {"id": "x"}).status_code, 404)
        item.refresh_from_db()
        self.assertTrue(item.is_unread)

    def test_an_outside_link_is_not_followed(self):
        item, *_ = tell([self.member], url="https://elsewhere.example/")
        self.login(self.member)
        response = self.client.post("/notifications/read/", {"id": item.pk})
        self.assertRedirects(response, "/notifications/")

    def test_marking_all_as_read_leaves_others_alone(self):
        tell([self.member, self.coordinator])
        tell([self.member])
        self.login(self.member)
        self.assertRedirects(self.client.post("/notifications/read/"), "/notifications/")
        self.assertEqual(notifications.unread_count(self.member), 0)
        self.assertEqual(notifications.unread_count(self.coordinator), 1)

    def test_the_list_costs_the_same_queries_however_many_notifications(self):
        self.login(self.member)
        tell([self.member])
        with self.assertNumQueries(LIST_QUERIES):
            self.client.get("/notifications/")
        for n in range(40):
            tell([self.member], f"News {n}", actor=self.coordinator)
        with self.assertNumQueries(LIST_QUERIES):
            response = self.client.get("/notifications/")
        self.assertEqual(len(response.context["page"].object_list), 30)


class PreferencesTests(PersonaTestCase):
    def test_the_profile_saves_and_audits_the_preferences(self):
        self.login(self.member)
        response = self.client.post(
            "/accounts/profile/preferences/",
            {"language": "fr", "email_notifications": "daily"},
        )
        self.assertRedirects(response, "/accounts/profile/")
        self.member.refresh_from_db()
        self.assertEqual((self.member.language, self.member.email_notifications), ("fr", "daily"))
        entry = AuditEntry.objects.get(action="account.preferences")
        self.assertEqual(entry.actor, self.member)
        self.assertEqual(
            (entry.before["email_notifications"], entry.after["email_notifications"]),
            ("immediately", "daily"),
        )

    def test_an_unknown_choice_is_refused(self):
        self.login(self.member)
        response = self.client.post(
            "/accounts/profile/preferences/",
            {"language": "fr", "email_notifications": "hourly"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("email_notifications", response.context["form"].errors)
        self.member.refresh_from_db()
        self.assertEqual(self.member.email_notifications, "immediately")
        self.assertFalse(AuditEntry.objects.filter(action="account.preferences").exists())

    def test_preferences_need_a_login_and_a_post(self):
        response = self.client.post("/accounts/profile/preferences/", {})
        self.assertTrue(response["Location"].startswith("/accounts/login/"))
        self.login(self.member)
        self.assertEqual(self.client.get("/accounts/profile/preferences/").status_code, 405)

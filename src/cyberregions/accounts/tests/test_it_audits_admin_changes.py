"""Finding: admin edits were not in the platform's audit trail. Every registered ModelAdmin
now writes an entry with the values before and after; secrets are never copied."""

from django.contrib import admin

from cyberregions.core.admin_audit import AuditedModelAdmin, audited_field_names
from cyberregions.core.models import AuditEntry

from .base import LoginTestCase


class AdminAuditTests(LoginTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.admin)

    def test_every_registered_admin_is_audited(self):
        unaudited = [
            model._meta.label
            for model, model_admin in admin.site._registry.items()
            if not isinstance(model_admin, AuditedModelAdmin)
        ]
        self.assertEqual(unaudited, [])

    def test_a_change_is_recorded_with_before_and_after(self):
        url = f"/admin/accounts/user/{self.registered.pk}/change/"
        data = self.client.get(url).context["adminform"].form.initial
        form = {
            key: value
            for key, value in data.items()
            if value is not None and key not in ("password", "groups", "user_permissions")
        }
        form.update(
            {
                "username": "nobody",
                "first_name": "Noémie",
                "date_joined_0": "2026-01-01",
                "date_joined_1": "10:00:00",
                "last_login_0": "",
                "last_login_1": "",
            }
        )
        form.pop("date_joined", None)
        form.pop("last_login", None)
        response = self.client.post(url, form)
        self.assertEqual(
            response.status_code,
            302,
            getattr(response, "context", None) and response.context["adminform"].form.errors,
        )
        entry = AuditEntry.objects.get(action="admin.change", object_id=str(self.registered.pk))
        self.assertEqual(entry.actor, self.admin)
        self.assertEqual(entry.before["first_name"], "")
        self.assertEqual(entry.after["first_name"], "Noémie")
        self.assertNotIn("password", entry.before)

    def test_an_addition_and_a_deletion_are_recorded(self):
        response = self.client.post(
            "/admin/accounts/user/add/",
            {
                "username": "newcomer",
                "password1": "a-long-new-pass-31",
                "password2": "a-long-new-pass-31",
                "usable_password": "true",
            },
        )
        self.assertEqual(response.status_code, 302)
        added = AuditEntry.objects.get(action="admin.add")
        self.assertEqual(added.after["username"], "newcomer")
        self.assertNotIn("password", added.after)
        user_id = added.object_id
        response = self.client.post(f"/admin/accounts/user/{user_id}/delete/", {"post": "yes"})
        self.assertEqual(response.status_code, 302)
        deleted = AuditEntry.objects.get(action="admin.delete", object_id=user_id)
        self.assertEqual(deleted.before["username"], "newcomer")

    def test_a_bulk_deletion_records_each_record(self):
        from django.contrib.auth import get_user_model

        users = [get_user_model().objects.create_user(f"gone{n}") for n in range(2)]
        ids = [user.pk for user in users]
        response = self.client.post(
            "/admin/accounts/user/",
            {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
        )
        self.assertEqual(response.status_code, 302)
        entries = AuditEntry.objects.filter(action="admin.delete", object_type="accounts.user")
        self.assertEqual(sorted(int(entry.object_id) for entry in entries), sorted(ids))
        self.assertEqual({entry.before["username"] for entry in entries}, {"gone0", "gone1"})

    def test_secrets_are_never_audited(self):
        from allauth.mfa.models import Authenticator

        self.assertNotIn("data", audited_field_names(Authenticator))
        self.assertNotIn("password", audited_field_names(type(self.admin)))

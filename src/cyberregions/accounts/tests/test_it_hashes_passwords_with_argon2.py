"""With the project's own hasher settings (no fast hasher here)."""

from django.contrib.auth import get_user_model

from .base import PASSWORD, AdminPasswordTestCase


class HashingTests(AdminPasswordTestCase):
    def test_passwords_are_hashed_with_argon2(self):
        self.admin.refresh_from_db()
        self.assertTrue(self.admin.password.startswith("argon2$"), self.admin.password[:10])
        self.assertNotIn(PASSWORD, self.admin.password)
        user = get_user_model().objects.create_user("new", "new@example.org", "another-pass-42")
        self.assertTrue(user.password.startswith("argon2$"))

    def test_a_changed_password_is_hashed_with_argon2(self):
        self.client.force_login(self.admin)
        self.client.post(
            "/accounts/password/change/",
            {
                "oldpassword": PASSWORD,
                "password1": "changed-pass-123",
                "password2": "changed-pass-123",
            },
        )
        self.admin.refresh_from_db()
        self.assertTrue(self.admin.password.startswith("argon2$"))
        self.assertTrue(self.admin.check_password("changed-pass-123"))

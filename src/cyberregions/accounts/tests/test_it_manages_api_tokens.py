"""Personal API tokens: made on the profile, shown once, stored hashed, read-only or
read-write, expiring, last use shown, revoked by their owner or by a password change/reset.
Finding: tokens were made only in the admin, never expired, were stored in plaintext and
survived a password reset."""

import datetime
import hashlib

from django.utils import timezone

from cyberregions.accounts import api_tokens
from cyberregions.accounts.models import ApiToken, SecurityEvent

from .base import PASSWORD, LoginTestCase

API = "/api/organisations/"


def make(user, scope="read_write", days=30, name="script"):
    return api_tokens.create_token(user, name=name, scope=scope, lifetime_days=days)


class MakingTokensTests(LoginTestCase):
    def test_a_user_makes_a_token_on_the_profile_and_sees_it_once(self):
        self.client.force_login(self.member)
        response = self.client.post(
            "/accounts/profile/tokens/",
            {"name": "Nightly sync", "scope": "read", "lifetime_days": "30"},
        )
        self.assertEqual(response.status_code, 200)
        secret = response.context["new_secret"]
        self.assertContains(response, secret)
        self.assertEqual(response["Cache-Control"], "no-store")
        token = ApiToken.objects.get(user=self.member)
        self.assertEqual(token.secret_hash, hashlib.sha256(secret.encode()).hexdigest())
        self.assertNotIn(secret, str(ApiToken.objects.values().get()))
        self.assertEqual(token.scope, "read")
        self.assertAlmostEqual(
            token.expires_at,
            timezone.now() + datetime.timedelta(days=30),
            delta=datetime.timedelta(minutes=1),
        )
        # Shown once: the profile afterwards names it without the secret.
        response = self.client.get("/accounts/profile/")
        self.assertContains(response, "Nightly sync")
        self.assertNotContains(response, secret)
        self.assertTrue(SecurityEvent.objects.filter(kind="token_created", user=self.member))

    def test_bad_input_is_refused_with_the_field_named(self):
        self.client.force_login(self.member)
        for data, field in [
            ({"name": "", "scope": "read", "lifetime_days": "30"}, "name"),
            ({"name": "x", "scope": "admin", "lifetime_days": "30"}, "scope"),
            ({"name": "x", "scope": "read", "lifetime_days": "0"}, "lifetime_days"),
            ({"name": "x", "scope": "read", "lifetime_days": "9999"}, "lifetime_days"),
        ]:
            response = self.client.post("/accounts/profile/tokens/", data)
            self.assertEqual(response.status_code, 400, data)
            self.assertIn(field, response.context["token_form"].errors)
        self.assertFalse(ApiToken.objects.exists())

    def test_the_token_pages_need_login_and_post(self):
        response = self.client.post("/accounts/profile/tokens/", {"name": "x"})
        self.assertEqual(response.status_code, 302)
        self.client.force_login(self.member)
        self.assertEqual(self.client.get("/accounts/profile/tokens/").status_code, 405)
        self.assertFalse(ApiToken.objects.exists())


class UsingTokensTests(LoginTestCase):
    def call(self, secret, method="get", keyword="Token"):
        return getattr(self.client, method)(
            API, headers={"Authorization": f"{keyword} {secret}"}, content_type="application/json"
        )

    def test_a_token_authenticates_with_token_or_bearer_and_records_its_last_use(self):
        token, secret = make(self.member)
        self.assertEqual(self.call(secret).status_code, 200)
        self.assertEqual(self.call(secret, keyword="Bearer").status_code, 200)
        token.refresh_from_db()
        self.assertIsNotNone(token.last_used_at)

    def test_a_read_only_token_is_refused_on_unsafe_methods(self):
        _token, secret = make(self.coordinator, scope="read")
        self.assertEqual(self.call(secret).status_code, 200)
        for method in ("post", "put", "patch", "delete"):
            self.assertEqual(self.call(secret, method=method).status_code, 403, method)

    def test_wrong_expired_and_revoked_tokens_answer_401(self):
        self.assertEqual(self.call("not-a-token").status_code, 401)
        token, secret = make(self.member)
        ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now())
        self.assertEqual(self.call(secret).status_code, 401)
        token, secret = make(self.member, name="other")
        api_tokens.revoke_token(self.member, token)
        self.assertEqual(self.call(secret).status_code, 401)

    def test_the_owner_revokes_a_token_and_no_one_else_can(self):
        token, secret = make(self.member)
        self.client.force_login(self.registered)
        response = self.client.post(f"/accounts/profile/tokens/{token.pk}/revoke/")
        self.assertEqual(response.status_code, 404)
        self.client.force_login(self.member)
        self.assertEqual(
            self.client.get(f"/accounts/profile/tokens/{token.pk}/revoke/").status_code, 405
        )
        response = self.client.post(f"/accounts/profile/tokens/{token.pk}/revoke/")
        self.assertRedirects(response, "/accounts/profile/")
        self.client.logout()
        self.assertEqual(self.call(secret).status_code, 401)
        self.assertTrue(SecurityEvent.objects.filter(kind="token_revoked", user=self.member))


class PasswordChangeRevokesTokensTests(LoginTestCase):
    def test_a_password_change_revokes_every_token(self):
        _token, secret = make(self.admin)
        self.client.force_login(self.admin)
        self.client.post(
            "/accounts/password/change/",
            {
                "oldpassword": PASSWORD,
                "password1": "changed-pass-123",
                "password2": "changed-pass-123",
            },
        )
        self.client.logout()
        self.assertEqual(self.call_api(secret), 401)

    def test_a_password_reset_revokes_every_token(self):
        import re

        from django.core import mail

        _token, secret = make(self.admin)
        self.client.post("/accounts/password/reset/", {"email": "admin@example.org"})
        link = re.search(
            r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[0].body
        )
        response = self.client.get(link.group(1), follow=True)
        self.client.post(
            response.redirect_chain[-1][0],
            {"password1": "reset-pass-456", "password2": "reset-pass-456"},
        )
        self.assertEqual(self.call_api(secret), 401)

    def call_api(self, secret):
        return self.client.get(API, headers={"Authorization": f"Token {secret}"}).status_code

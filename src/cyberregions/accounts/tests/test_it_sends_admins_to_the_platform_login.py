"""Finding: /admin/login/ bypassed the login throttle (unlimited guesses at the
administrator's password) and a locked account still logged in there."""

from .base import LOGIN, PASSWORD, RATE_LIMITED, LoginTestCase


class AdminLoginTests(LoginTestCase):
    def test_the_admin_login_page_redirects_to_the_platform_login_with_next(self):
        response = self.client.get("/admin/login/?next=/admin/accounts/user/")
        self.assertRedirects(
            response, f"{LOGIN}?next=%2Fadmin%2Faccounts%2Fuser%2F", fetch_redirect_response=False
        )

    def test_an_admin_page_sends_visitors_through_the_platform_login(self):
        response = self.client.get("/admin/", follow=True)
        self.assertEqual(response.redirect_chain[-1][0], f"{LOGIN}?next=%2Fadmin%2F")

    def test_posting_a_password_to_the_admin_login_does_not_log_in(self):
        response = self.client.post(
            "/admin/login/", {"username": "admin", "password": PASSWORD, "next": "/admin/"}
        )
        self.assertEqual(response.status_code, 405)
        self.assertIsNone(self.logged_in_user_id())

    def test_a_locked_account_cannot_log_in_through_the_admin(self):
        for _ in range(5):
            self.attempt(password="wrong")
        response = self.client.get("/admin/login/?next=/admin/", follow=True)
        response = self.client.post(
            response.redirect_chain[-1][0],
            {"login": "admin", "password": PASSWORD},
            REMOTE_ADDR="10.0.0.1",
        )
        self.assertContains(response, RATE_LIMITED)
        self.assertIsNone(self.logged_in_user_id())

    def test_the_platform_login_leads_back_to_the_admin(self):
        response = self.client.post(
            f"{LOGIN}?next=/admin/", {"login": "admin", "password": PASSWORD}
        )
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_a_logged_in_non_staff_user_is_refused_not_looped(self):
        self.client.force_login(self.registered)
        self.assertEqual(self.client.get("/admin/login/?next=/admin/").status_code, 403)

    def test_a_logged_in_administrator_goes_to_the_admin(self):
        self.client.force_login(self.admin)
        response = self.client.get("/admin/login/")
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)

    def test_an_offsite_next_is_dropped(self):
        response = self.client.get("/admin/login/?next=https://evil.example/")
        self.assertRedirects(response, f"{LOGIN}?next=%2Fadmin%2F", fetch_redirect_response=False)

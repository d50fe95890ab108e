"""Who runs a region's surveys and who reads their answers: raw answers stay with the
region's own coordinators; other coordinators and programme staff see aggregated counts."""

from django.contrib.auth import get_user_model

from cyberregions.analysis import services
from cyberregions.analysis.choices import SurveyStatus
from cyberregions.geo.models import RegionMembership
from cyberregions.testing import PersonaTestCase


class SurveyPermissionTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tuscan_coordinator = get_user_model().objects.create_user("giulia", "g@example.org")
        RegionMembership.objects.create(user=cls.tuscan_coordinator, region=cls.tuscany)
        cls.survey = services.create_survey(cls.coordinator, cls.brittany, "Needs 2024")
        services.set_survey_status(cls.coordinator, cls.survey, SurveyStatus.OPEN)
        invitations = services.create_invitations(cls.coordinator, cls.survey, count=3)
        services.submit_response(
            None, invitations[0], {"skills": 5}, {"CRY": 2}, comment="Secret remark"
        )
        cls.invitation = invitations[1]

    def status(self, user, url, method="get"):
        self.client.logout()
        if user is not None:
            self.client.force_login(user)
        return getattr(self.client, method)(url).status_code

    def test_only_the_regions_coordinators_and_admins_read_raw_answers(self):
        url = f"/analysis/surveys/{self.survey.pk}/answers/"
        expected = {
            "admin": 200,
            "coordinator": 200,
            "tuscan_coordinator": 403,
            "staff": 403,
            "member": 403,
            "registered": 403,
        }
        for name, code in expected.items():
            self.assertEqual(self.status(getattr(self, name), url), code, name)
        self.assertEqual(self.status(None, url), 302)  # to the login page
        self.client.force_login(self.coordinator)
        self.assertContains(self.client.get(url), "Secret remark")

    def test_coordinators_of_other_regions_cannot_manage_the_survey(self):
        pk = self.survey.pk
        for url, method in [
            (f"/analysis/surveys/{pk}/", "get"),
            (f"/analysis/surveys/{pk}/status/", "post"),
            (f"/analysis/surveys/{pk}/invitations/", "post"),
            (f"/analysis/invitations/{self.invitation.pk}/revoke/", "post"),
            ("/analysis/regions/FRH0/surveys/", "get"),
            ("/analysis/regions/FRH0/surveys/", "post"),
        ]:
            for name in ("tuscan_coordinator", "staff", "member", "registered"):
                self.assertEqual(self.status(getattr(self, name), url, method), 403, (url, name))
            self.assertEqual(self.status(None, url, method), 302, url)
        self.assertEqual(self.status(self.coordinator, f"/analysis/surveys/{pk}/"), 200)
        self.assertEqual(self.status(self.admin, f"/analysis/surveys/{pk}/"), 200)

    def test_post_only_actions_refuse_get(self):
        pk = self.survey.pk
        for url in (
            f"/analysis/surveys/{pk}/status/",
            f"/analysis/surveys/{pk}/invitations/",
            f"/analysis/invitations/{self.invitation.pk}/revoke/",
        ):
            self.assertEqual(self.status(self.coordinator, url), 405, url)

    def test_aggregated_results_wait_for_enough_answers_before_going_public(self):
        url = "/analysis/regions/FRH0/"
        for name in ("staff", "coordinator"):
            self.client.force_login(getattr(self, name))
            self.assertContains(self.client.get(url), 'id="survey-barriers-table"', msg_prefix=name)
        for user in (self.tuscan_coordinator, None):
            self.client.logout()
            if user:
                self.client.force_login(user)
            response = self.client.get(url)
            self.assertNotContains(response, 'id="survey-barriers-table"')
            self.assertContains(response, "published once at least 3 stakeholders")
        for invitation in services.create_invitations(self.coordinator, self.survey, count=2):
            services.submit_response(None, invitation, {"skills": 3}, {})
        self.client.logout()
        response = self.client.get(url)
        self.assertContains(response, 'id="survey-barriers-table"')
        self.assertNotContains(response, "Secret remark")  # counts only, never the answers

    def test_the_services_ask_the_permission_module(self):
        from django.core.exceptions import PermissionDenied

        for call in (
            lambda: services.create_survey(self.tuscan_coordinator, self.brittany, "X"),
            lambda: services.create_invitations(self.tuscan_coordinator, self.survey),
            lambda: services.set_survey_status(self.staff, self.survey, SurveyStatus.CLOSED),
            lambda: services.revoke_invitation(self.member, self.invitation),
        ):
            with self.assertRaises(PermissionDenied):
                call()

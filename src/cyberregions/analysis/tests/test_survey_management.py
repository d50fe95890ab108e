"""A coordinator creates a survey, opens it, hands out links, closes it; each step audited."""

from cyberregions.analysis import services
from cyberregions.analysis.choices import SurveyStatus
from cyberregions.analysis.models import NeedsSurvey, SurveyInvitation
from cyberregions.core.models import AuditEntry
from cyberregions.testing import PersonaTestCase


class SurveyManagementTests(PersonaTestCase):
    def setUp(self):
        self.client.force_login(self.coordinator)

    def test_it_creates_a_survey_for_the_coordinators_region(self):
        response = self.client.post(
            "/analysis/regions/FRH0/surveys/", {"title": "Needs 2025", "introduction": "Hello"}
        )
        survey = NeedsSurvey.objects.get()
        self.assertRedirects(response, f"/analysis/surveys/{survey.pk}/")
        self.assertEqual((survey.region, survey.status), (self.brittany, SurveyStatus.DRAFT))
        self.assertEqual(AuditEntry.objects.get(action="survey.create").actor, self.coordinator)

    def test_it_lists_the_regions_surveys_with_counts(self):
        survey = services.create_survey(self.coordinator, self.brittany, "Needs 2025")
        services.create_invitations(self.coordinator, survey, count=3)
        # session, user, region, region and organisation memberships, surveys
        with self.assertNumQueries(6):
            response = self.client.get("/analysis/regions/FRH0/surveys/")
        self.assertContains(response, "Needs 2025")
        self.assertEqual(response.context["surveys"][0].invitation_count, 3)

    def test_it_creates_invitation_links_and_shows_them_to_the_coordinator(self):
        survey = services.create_survey(self.coordinator, self.brittany, "Needs 2025")
        response = self.client.post(
            f"/analysis/surveys/{survey.pk}/invitations/",
            {"count": 4, "label": "Cluster members", "organisation": self.breton_sme.pk},
        )
        self.assertRedirects(response, f"/analysis/surveys/{survey.pk}/")
        invitations = SurveyInvitation.objects.filter(survey=survey)
        self.assertEqual(invitations.count(), 4)
        self.assertEqual({i.organisation for i in invitations}, {self.breton_sme})
        page = self.client.get(f"/analysis/surveys/{survey.pk}/")
        for invitation in invitations:
            self.assertContains(page, f"/analysis/answer/{invitation.token}/")
        self.assertEqual(AuditEntry.objects.filter(action="survey.invite").count(), 1)

    def test_it_refuses_invitations_for_organisations_of_other_regions(self):
        survey = services.create_survey(self.coordinator, self.brittany, "Needs 2025")
        self.client.post(
            f"/analysis/surveys/{survey.pk}/invitations/",
            {"count": 1, "organisation": self.tuscan_sme.pk},
        )
        self.assertFalse(SurveyInvitation.objects.exists())

    def test_it_moves_a_survey_through_its_statuses(self):
        survey = services.create_survey(self.coordinator, self.brittany, "Needs 2025")
        url = f"/analysis/surveys/{survey.pk}/status/"
        self.client.post(url, {"status": "closed"})  # a draft cannot close
        survey.refresh_from_db()
        self.assertEqual(survey.status, SurveyStatus.DRAFT)
        self.client.post(url, {"status": "open"})
        survey.refresh_from_db()
        self.assertEqual(survey.status, SurveyStatus.OPEN)
        self.client.post(url, {"status": "closed"})
        survey.refresh_from_db()
        self.assertEqual(survey.status, SurveyStatus.CLOSED)
        self.assertEqual(
            list(
                AuditEntry.objects.filter(action__startswith="survey.")
                .order_by("id")
                .values_list("action", flat=True)
            ),
            ["survey.create", "survey.open", "survey.closed"],
        )

    def test_a_closed_survey_takes_no_new_invitations(self):
        survey = services.create_survey(self.coordinator, self.brittany, "Needs 2025")
        services.set_survey_status(self.coordinator, survey, SurveyStatus.OPEN)
        services.set_survey_status(self.coordinator, survey, SurveyStatus.CLOSED)
        with self.assertRaises(services.SurveyError):
            services.create_invitations(self.coordinator, survey)
        with self.assertRaises(services.SurveyError):
            services.create_invitations(self.coordinator, survey, count=0)

    def test_a_revoked_link_is_no_longer_shown(self):
        survey = services.create_survey(self.coordinator, self.brittany, "Needs 2025")
        invitation = services.create_invitations(self.coordinator, survey)[0]
        self.client.post(f"/analysis/invitations/{invitation.pk}/revoke/")
        invitation.refresh_from_db()
        self.assertTrue(invitation.revoked)
        self.assertNotContains(self.client.get(f"/analysis/surveys/{survey.pk}/"), invitation.token)

    def test_the_survey_page_and_the_answers_page_run_a_fixed_number_of_queries(self):
        survey = services.create_survey(self.coordinator, self.brittany, "Needs 2025")
        services.set_survey_status(self.coordinator, survey, SurveyStatus.OPEN)
        answered = 0
        for count in (1, 4):
            answered += count
            for invitation in services.create_invitations(self.coordinator, survey, count=count):
                services.submit_response(None, invitation, {"skills": 4}, {"CRY": 2}, "Note")
            self.client.get(f"/analysis/surveys/{survey.pk}/")
            # session, user, survey, memberships (region, organisation), invitations with
            # their organisation, their responses, three aggregates, the organisation choices,
            # the response rate of the e-mailed invitations
            with self.assertNumQueries(12):
                self.client.get(f"/analysis/surveys/{survey.pk}/")
            # session, user, survey, memberships (2), responses, barrier answers and barriers,
            # domain needs and domains
            with self.assertNumQueries(10):
                response = self.client.get(f"/analysis/surveys/{survey.pk}/answers/")
            self.assertContains(response, "Note", count=answered)

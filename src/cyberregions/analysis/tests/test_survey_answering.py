"""Only invited respondents answer, each invitation once, while the survey is open."""

from django.core.exceptions import PermissionDenied

from cyberregions.analysis import services
from cyberregions.analysis.choices import SurveyStatus
from cyberregions.analysis.models import BarrierAnswer, DomainNeedAnswer, SurveyResponse
from cyberregions.core.models import AuditEntry
from cyberregions.testing import PersonaTestCase

ANSWER = {
    "barrier_coordination": "4",
    "barrier_fragmentation": "2",
    "barrier_skills": "5",
    "domain_CRY": "3",
    "domain_IHF": "1",
    "comment": "We lack post-quantum skills.",
}


def url(invitation):
    return f"/analysis/answer/{invitation.token}/"


class SurveyAnsweringTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.survey = services.create_survey(cls.coordinator, cls.brittany, "Needs 2024")
        services.set_survey_status(cls.coordinator, cls.survey, SurveyStatus.OPEN)
        cls.invitation, cls.other = services.create_invitations(
            cls.coordinator, cls.survey, count=2, label="Cluster members"
        )

    def test_it_shows_the_questionnaire_to_the_holder_of_a_link_without_an_account(self):
        response = self.client.get(url(self.invitation))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Lack of coordination")
        self.assertContains(response, 'name="domain_CRY"')

    def test_it_records_one_answer_with_its_audit_entry(self):
        response = self.client.post(url(self.invitation), ANSWER)
        self.assertRedirects(response, "/analysis/answer/thanks/")
        answer = SurveyResponse.objects.get()
        self.assertEqual(answer.invitation, self.invitation)
        self.assertEqual(answer.comment, "We lack post-quantum skills.")
        self.assertEqual(
            dict(BarrierAnswer.objects.values_list("barrier__code", "importance")),
            {"coordination": 4, "fragmentation": 2, "skills": 5},
        )
        self.assertEqual(
            dict(DomainNeedAnswer.objects.values_list("domain__code", "level")),
            {"CRY": 3, "IHF": 1},
        )
        entry = AuditEntry.objects.get(action="survey.answer")
        self.assertIsNone(entry.actor)
        self.assertEqual(entry.after["barriers"]["skills"], 5)

    def test_it_keeps_a_logged_in_respondent_anonymous(self):
        self.client.force_login(self.member)
        self.client.post(url(self.invitation), ANSWER)
        self.assertIsNone(AuditEntry.objects.get(action="survey.answer").actor)

    def test_it_refuses_a_second_answer_through_the_same_link(self):
        self.client.post(url(self.invitation), ANSWER)
        self.assertEqual(self.client.get(url(self.invitation)).status_code, 403)
        self.assertEqual(self.client.post(url(self.invitation), ANSWER).status_code, 403)
        self.assertEqual(SurveyResponse.objects.count(), 1)
        # The other link still works.
        self.assertEqual(self.client.get(url(self.other)).status_code, 200)

    def test_the_service_refuses_a_second_answer_too(self):
        services.submit_response(None, self.invitation, {"skills": 3}, {})
        with self.assertRaises(PermissionDenied):
            services.submit_response(None, self.invitation, {"skills": 4}, {})
        self.assertEqual(SurveyResponse.objects.count(), 1)

    def test_it_refuses_forged_and_unknown_links(self):
        key = self.invitation.key.hex
        self.assertEqual(self.client.get(f"/analysis/answer/{key}:forged/").status_code, 404)
        self.assertEqual(self.client.get(f"/analysis/answer/{key}/").status_code, 404)
        self.assertEqual(self.client.post("/analysis/answer/nothing/", ANSWER).status_code, 404)

    def test_it_refuses_revoked_links(self):
        services.revoke_invitation(self.coordinator, self.invitation)
        self.assertEqual(self.client.post(url(self.invitation), ANSWER).status_code, 403)
        self.assertFalse(SurveyResponse.objects.exists())

    def test_it_refuses_answers_while_the_survey_is_not_open(self):
        services.set_survey_status(self.coordinator, self.survey, SurveyStatus.CLOSED)
        response = self.client.post(url(self.invitation), ANSWER)
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "cannot be used", status_code=403)
        draft = services.create_survey(self.coordinator, self.brittany, "Draft")
        invitation = services.create_invitations(self.coordinator, draft)[0]
        self.assertEqual(self.client.get(url(invitation)).status_code, 403)
        self.assertFalse(SurveyResponse.objects.exists())

    def test_it_requires_every_barrier_to_be_rated(self):
        incomplete = {key: value for key, value in ANSWER.items() if key != "barrier_skills"}
        response = self.client.post(url(self.invitation), incomplete)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Some answers are missing")
        self.assertFalse(SurveyResponse.objects.exists())

    def test_it_refuses_put_and_delete(self):
        self.assertEqual(self.client.put(url(self.invitation)).status_code, 405)
        self.assertEqual(self.client.delete(url(self.invitation)).status_code, 405)

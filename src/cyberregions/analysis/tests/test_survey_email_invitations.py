"""Survey invitations e-mailed in bulk (typed addresses, or the region's consenting contacts)
through a background task, one reminder to those who have not answered, and the response
rate on the survey's page."""

from django.core import mail

from cyberregions.analysis import services
from cyberregions.analysis.models import NeedsSurvey, SurveyInvitation, SurveyResponse
from cyberregions.organisations.models import Contact

from .base import AnalysisTestCase


class SurveyEmailTests(AnalysisTestCase):
    def setUp(self):
        super().setUp()
        self.survey = NeedsSurvey.objects.create(
            region=self.brittany, title="Needs 2026", status="open"
        )
        Contact.objects.create(
            organisation=self.naval,
            name="Anne",
            email="anne@naval.example",
            public_consent=True,
            consent_recorded_at="2026-01-01T00:00:00Z",
        )
        Contact.objects.create(organisation=self.cert, name="Bob", email="bob@cert.example")

    def test_it_emails_each_address_a_personal_link(self):
        counts = services.email_invitations(
            self.coordinator,
            self.survey,
            "a@example.org, B@example.org\nnot-an-address\na@example.org",
            include_contacts=True,
        )
        self.assertEqual(counts["created"], 3)  # a, b and the consenting contact; not Bob
        self.assertEqual(counts["invalid"], ["not-an-address"])
        self.assertEqual(
            sorted(message.to[0] for message in mail.outbox),
            ["a@example.org", "anne@naval.example", "b@example.org"],
        )
        invitation = SurveyInvitation.objects.get(email="anne@naval.example")
        self.assertEqual(invitation.organisation, self.naval)
        self.assertIsNotNone(invitation.sent_at)
        self.assertIn(
            f"/analysis/answer/{invitation.token}/",
            mail.outbox[0].body + mail.outbox[1].body + mail.outbox[2].body,
        )
        again = services.email_invitations(self.coordinator, self.survey, "a@example.org")
        self.assertEqual((again["created"], again["already"]), (0, 1))
        self.assertEqual(len(mail.outbox), 3)

    def test_it_reminds_once_those_who_have_not_answered_and_counts_the_rate(self):
        services.email_invitations(self.coordinator, self.survey, "a@example.org b@example.org")
        answered = SurveyInvitation.objects.get(email="a@example.org")
        SurveyResponse.objects.create(survey=self.survey, invitation=answered)
        mail.outbox.clear()
        self.assertEqual(services.remind_invitations(self.coordinator, self.survey), 1)
        self.assertEqual([message.to for message in mail.outbox], [["b@example.org"]])
        self.assertIn("Reminder", mail.outbox[0].subject)
        self.assertEqual(services.remind_invitations(self.coordinator, self.survey), 0)
        rate = services.response_rate(self.survey)
        self.assertEqual((rate["sent"], rate["answered"], rate["reminded"]), (2, 1, 1))
        self.assertEqual(rate["rate"], 0.5)
        self.login(self.coordinator)
        page = self.client.get(f"/analysis/surveys/{self.survey.pk}/")
        self.assertContains(page, "Response rate: 50 %")

    def test_it_forgets_the_addresses_when_the_survey_closes(self):
        services.email_invitations(self.coordinator, self.survey, "a@example.org")
        services.set_survey_status(self.coordinator, self.survey, "closed")
        self.assertFalse(SurveyInvitation.objects.exclude(email="").exists())
        self.assertEqual(services.response_rate(self.survey)["sent"], 1)

    def test_only_the_regions_coordinators_send_and_only_while_open(self):
        self.login(self.member)
        url = f"/analysis/surveys/{self.survey.pk}/email/"
        self.assertEqual(self.client.post(url, {"addresses": "a@example.org"}).status_code, 403)
        self.login(self.coordinator)
        self.assertEqual(self.client.get(url).status_code, 405)
        response = self.client.post(url, {"addresses": "a@example.org"})
        self.assertRedirects(response, f"/analysis/surveys/{self.survey.pk}/")
        self.assertEqual(len(mail.outbox), 1)
        self.survey.status = "draft"
        self.survey.save()
        with self.assertRaises(services.SurveyError):
            services.email_invitations(self.coordinator, self.survey, "c@example.org")

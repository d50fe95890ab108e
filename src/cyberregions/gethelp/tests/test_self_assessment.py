"""The self-assessment pages: answering, the private result, retake and progress, saving to
an organisation, printing."""

from django.urls import reverse

from .. import questionnaires
from ..models import Assessment
from .base import GetHelpTestCase


def answers(key, choice="worst", **overrides):
    """Every question answered with its worst or best answer, or one special answer."""
    picks = {"worst": -1, "best": 0}
    data = {
        f"q_{q['key']}": q["answers"][picks[choice]]["key"] if choice in picks else choice
        for q in questionnaires.load(key)["questions"]
    }
    data.update(overrides)
    return data


class SelfAssessmentTests(GetHelpTestCase):
    def submit(self, key="sme", **data):
        return self.client.post(reverse("gethelp:assessment_form", args=[key]), data)

    def test_it_scores_and_gives_a_private_result_with_measures_and_providers(self):
        from .helpers import category

        self.armor.categories.add(category("identity"))  # the first measure's service
        response = self.submit(country="FR", region="FRH0", **answers("sme"))
        assessment = Assessment.objects.get()
        self.assertRedirects(response, assessment.get_absolute_url())
        self.assertGreaterEqual(len(assessment.token), 40)
        self.assertEqual(assessment.overall, 0.0)
        self.assertIsNone(assessment.created_by)
        # The result, NIST categories, service categories, providers for three services.
        with self.assertNumQueries(6):
            page = self.client.get(assessment.get_absolute_url())
        self.assertContains(page, "Measures, most important first")
        self.assertContains(page, "PR.AA")
        self.assertContains(page, "Armor Cyber Defence")  # labelled, Brittany, incident response
        self.assertContains(page, "@media print", count=0)
        self.assertContains(page, "gethelp/gethelp")

    def test_it_asks_for_every_answer_and_refuses_unknown_ones(self):
        response = self.submit(**answers("sme", q_acc_mfa="maybe"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Select a valid choice")
        data = answers("sme")
        data.pop("q_acc_mfa")
        self.assertContains(self.submit(**data), "Choose an answer")
        self.assertFalse(Assessment.objects.exists())
        self.assertEqual(
            self.client.get(reverse("gethelp:assessment_form", args=["nuclear"])).status_code, 404
        )

    def test_it_shows_progress_on_a_retake(self):
        self.submit(key="local_admin", **answers("local_admin"))
        first = Assessment.objects.get()
        form = self.client.get(
            reverse("gethelp:assessment_form", args=["local_admin"]), {"retake": first.token}
        )
        self.assertContains(form, "A retake")
        self.submit(key="local_admin", retake=first.token, **answers("local_admin", "best"))
        second = Assessment.objects.exclude(pk=first.pk).get()
        self.assertEqual(second.previous, first)
        page = self.client.get(second.get_absolute_url())
        self.assertContains(page, "previously 0.0")
        self.assertEqual(second.overall, 100.0)

    def test_it_saves_a_result_to_the_members_organisation_only(self):
        self.submit(**answers("sme", "dont_know"))
        assessment = Assessment.objects.get()
        url = reverse("gethelp:assessment_save", args=[assessment.token])
        self.assertEqual(
            self.client.post(url, {"organisation": self.tuscan_sme.pk}).status_code, 302
        )
        assessment.refresh_from_db()
        self.assertIsNone(assessment.organisation)
        self.login(self.member)
        self.assertEqual(
            self.client.post(url, {"organisation": self.breton_sme.pk}).status_code, 403
        )
        self.client.post(url, {"organisation": self.tuscan_sme.pk})
        assessment.refresh_from_db()
        self.assertEqual(assessment.organisation, self.tuscan_sme)
        self.assertIsNone(assessment.overall)  # every answer "don't know": no score, no zero

    def test_it_answers_404_to_an_unknown_link(self):
        url = reverse("gethelp:assessment_result", args=["not-a-token"])
        self.assertEqual(self.client.get(url).status_code, 404)

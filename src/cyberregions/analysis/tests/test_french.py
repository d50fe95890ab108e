"""The analysis ships in French as well as English, numbers formatted per locale."""

from django.utils import translation

from .base import AnalysisTestCase


class FrenchTests(AnalysisTestCase):
    def test_the_dashboard_speaks_french(self):
        response = self.client.get("/analysis/regions/FRH0/", HTTP_ACCEPT_LANGUAGE="fr")
        self.assertContains(response, "Analyse territoriale de Bretagne")
        self.assertContains(response, "Indice de spécialisation (quotient de localisation)")
        self.assertContains(response, "Part des micro-entreprises et PME")
        headline = {row["key"]: row["display"] for row in response.context["tables"]["headline"]}
        self.assertEqual(headline["sme_share"], "50,0 %")
        self.assertEqual(headline["market_size_eur"], "81,5 M EUR")

    def test_the_survey_speaks_french(self):
        with translation.override("fr"):
            from cyberregions.analysis.forms import ResponseForm

            form = ResponseForm()
            self.assertEqual(str(form.fields["comment"].label)[:22], "Autre chose que les do")
            self.assertIn(
                "Fortement", [str(label) for _v, label in form.fields["barrier_skills"].choices]
            )

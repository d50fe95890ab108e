"""The analysis app's own rows of the URL permission table (core/tests/test_url_permissions.py):
name: (arguments, answers for anonymous registered member coordinator staff admin). The older
analysis rows stay in the core table."""

from __future__ import annotations

RULES: dict[str, tuple[str, str]] = {
    "analysis:survey_email": ("pk=analysis_survey", "login 405 405 405 405 405"),
    "analysis:survey_remind": ("pk=analysis_survey", "login 405 405 405 405 405"),
}


def make_fixtures(case) -> dict[str, object]:
    from cyberregions.analysis.models import NeedsSurvey

    survey = NeedsSurvey.objects.create(region=case.brittany, title="Needs", status="open")
    return {"analysis_survey": survey.pk}

"""The skills module's rows of the URL permission table (core/tests/test_url_permissions.py):
name: (arguments, answers for anonymous registered member coordinator staff admin)."""

from __future__ import annotations

RULES: dict[str, tuple[str, str]] = {
    "skills:index": ("-", "200 200 200 200 200 200"),
    "skills:profiles": ("-", "200 200 200 200 200 200"),
    "skills:profile": ("code=skills_profile", "200 200 200 200 200 200"),
    "skills:competences": ("-", "200 200 200 200 200 200"),
    "skills:courses": ("-", "200 200 200 200 200 200"),
    "skills:course_create": ("-", "login 403 200 200 403 200"),
    "skills:course_import": ("-", "login 200 200 200 200 200"),
    "skills:course": ("slug=skills_draft", "404 404 200 404 200 200"),
    "skills:course_edit": ("slug=skills_draft", "login 404 200 404 403 200"),
    "skills:course_step": ("slug=skills_draft step=skills_submit", "login 404 200 404 403 200"),
    "skills:vacancies": ("-", "200 200 200 200 200 200"),
    "skills:vacancy_create": ("-", "login 403 200 200 403 200"),
    "skills:vacancy": ("pk=skills_vacancy", "200 200 200 200 200 200"),
    "skills:vacancy_withdraw": ("pk=skills_vacancy", "login 405 405 405 405 405"),
    "skills:needs": ("-", "200 200 200 200 200 200"),
    "skills:need_create": ("-", "login 403 200 200 403 200"),
    "skills:need_withdraw": ("pk=missing", "login 405 405 405 405 405"),
    "skills:indicators": ("-", "200 200 200 200 200 200"),
    "skills:region": ("code=region", "200 200 200 200 200 200"),
    "skills:region_plan_action": ("code=region", "login 405 405 405 405 405"),
    "api:skills-profile-list": ("-", "200 200 200 200 200 200"),
    "api:skills-profile-detail": ("code=skills_profile", "200 200 200 200 200 200"),
    "api:skills-competence-list": ("-", "200 200 200 200 200 200"),
    "api:skills-competence-detail": ("code=skills_competence", "200 200 200 200 200 200"),
    "api:skills-course-list": ("-", "200 200 200 200 200 200"),
    "api:skills-course-detail": ("slug=skills_draft", "404 404 200 404 200 200"),
    "api:skills-vacancy-list": ("-", "200 200 200 200 200 200"),
    "api:skills-vacancy-detail": ("pk=skills_vacancy", "200 200 200 200 200 200"),
    "api:skills-need-list": ("-", "200 200 200 200 200 200"),
    "api:skills-need-detail": ("pk=missing", "404 404 404 404 404 404"),
    "api:skills-indicator-list": ("-", "200 200 200 200 200 200"),
    "api:skills-indicator-detail": ("key=skills_area", "200 200 200 200 200 200"),
}


def make_fixtures(case) -> dict[str, object]:
    """A draft course of the Tuscan SME (its member edits it; Brittany's coordinator does
    not see it) and an open vacancy."""
    from .helpers import make_course, make_vacancy

    case.skills_draft = make_course(case.tuscan_sme, "Draft course", status="draft")
    case.skills_vacancy = make_vacancy(case.tuscan_sme)
    return {
        "skills_draft": case.skills_draft.slug,
        "skills_submit": "submit",
        "skills_vacancy": case.skills_vacancy.pk,
        "skills_profile": "ECSF-CISO",
        "skills_competence": "D.1",
        "skills_area": "EU",
    }

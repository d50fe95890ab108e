"""What the skills module holds about a person (``core.privacy``): the courses they created,
the needs they declared and the vacancies they published, and the workflow steps they took,
all on behalf of an organisation or a region (kept, pointing at the anonymised account)."""

from __future__ import annotations

from cyberregions.core import privacy

from .models import Course, CourseTransition, SkillsNeed, Vacancy

privacy.register_work_records(
    "skills_records",
    [
        (Course, "created_by", ("slug", "title")),
        (CourseTransition, "actor", ("course__slug", "step", "at")),
        (SkillsNeed, "created_by", ("organisation__slug", "profile__code", "count")),
        (Vacancy, "created_by", ("organisation__slug", "title", "closing_date")),
    ],
)

"""The whole ECSF v1 is loaded by the migration: 12 profiles, their items and e-CF levels, and
the 41 e-CF competences."""

from collections import Counter

from django.test import TestCase

from cyberregions.taxonomy.models import EcsfProfile

from .. import reference, translations
from ..models import EcfCompetence, EcsfItem, ProfileCompetence


class EcsfReferenceTests(TestCase):
    def test_it_loads_the_41_competences_and_every_item(self):
        self.assertEqual(EcfCompetence.objects.count(), 41)
        counts = Counter(EcsfItem.objects.values_list("kind", flat=True))
        self.assertEqual(counts, {"task": 125, "skill": 82, "knowledge": 67, "deliverable": 22})
        self.assertEqual(ProfileCompetence.objects.count(), 55)

    def test_it_matches_the_profiles_lists_of_the_taxonomy(self):
        for profile in EcsfProfile.objects.all():
            with self.subTest(profile=profile.code):
                tasks = set(profile.ecsf_items.filter(kind="task").values_list("text", flat=True))
                self.assertEqual(tasks, {text.strip() for text in profile.main_tasks})
                skills = set(profile.ecsf_items.filter(kind="skill").values_list("text", flat=True))
                self.assertEqual(skills, {text.strip() for text in profile.key_skills})
                levels = {
                    (level.competence.code, level.level)
                    for level in profile.competence_levels.select_related("competence")
                }
                self.assertEqual(levels, {(c["id"], c["level"]) for c in profile.ecf_competences})

    def test_it_knows_the_ciso_asks_d1_at_level_5(self):
        level = ProfileCompetence.objects.get(profile__code="ECSF-CISO", competence__code="D.1")
        self.assertEqual(level.level, 5)
        self.assertEqual(level.competence.title, "Information Security Strategy Development")

    def test_it_is_idempotent(self):
        from ..models import EcfCompetence as C

        counts = reference.load_ecsf(C, EcsfItem, ProfileCompetence, EcsfProfile)
        self.assertEqual(counts["items"], 296)
        self.assertEqual(EcsfItem.objects.count(), 296)

    def test_it_marks_every_profile_summary_for_translation(self):
        summaries = set(EcsfProfile.objects.values_list("summary", flat=True))
        self.assertEqual(set(translations.SUMMARY_STRINGS), summaries)

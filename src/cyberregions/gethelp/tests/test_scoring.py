"""The self-assessment score, by hand, and the rule that "don't know" and "not applicable"
never lower it."""

from django.test import SimpleTestCase

from .. import questionnaires
from ..scoring import DONT_KNOW, NOT_APPLICABLE, InvalidAnswers, score, validate_questionnaire

YNP = [
    {"key": "yes", "label": "Yes", "score": 1},
    {"key": "partly", "label": "Partly", "score": 0.5},
    {"key": "no", "label": "No", "score": 0},
]
FIXTURE = {
    "key": "fixture",
    "version": 1,
    "themes": [{"key": "a", "label": "A"}, {"key": "b", "label": "B"}],
    "questions": [
        {"key": "q1", "theme": "a", "weight": 2, "answers": YNP},
        {"key": "q2", "theme": "a", "weight": 1, "answers": YNP},
        {"key": "q3", "theme": "b", "weight": 3, "answers": YNP},
        {"key": "q4", "theme": "b", "weight": 1, "answers": YNP},
    ],
}


class ScoringTests(SimpleTestCase):
    def test_it_scores_the_hand_computed_fixture(self):
        result = score(FIXTURE, {"q1": "partly", "q2": "no", "q3": DONT_KNOW, "q4": "yes"})
        # A: (2×0.5 + 1×0) ÷ (2 + 1) = 33.3; B: q3 left out, (1×1) ÷ 1 = 100;
        # overall: (1 + 0 + 1) ÷ (2 + 1 + 1) = 50.
        self.assertEqual(result.themes, {"a": 33.3, "b": 100.0})
        self.assertEqual(result.overall, 50.0)
        self.assertEqual((result.answered, result.unknown, result.not_applicable), (3, 1, 0))
        # q3 (don't know, 3 × 0.5 = 1.5) first, then q1 (2 × 0.5 = 1) and q2 (1 × 1 = 1) in order.
        self.assertEqual([m.question for m in result.measures], ["q3", "q1", "q2"])
        self.assertEqual([m.priority for m in result.measures], [1.5, 1.0, 1.0])
        self.assertTrue(result.measures[0].unknown)

    def test_it_never_lowers_a_score_for_dont_know_or_not_applicable(self):
        base = {"q1": "yes", "q2": "partly", "q3": "no", "q4": "yes"}
        for key in base:
            without = {k: v for k, v in base.items() if k != key}
            expected = score(FIXTURE, without)
            for special in (DONT_KNOW, NOT_APPLICABLE):
                with self.subTest(question=key, answer=special):
                    got = score(FIXTURE, {**without, key: special})
                    self.assertEqual(got.overall, expected.overall)
                    self.assertEqual(got.themes, expected.themes)
                    self.assertGreaterEqual(
                        got.overall, score(FIXTURE, {**without, key: "no"}).overall
                    )

    def test_it_gives_no_score_to_a_theme_without_scored_answers(self):
        result = score(FIXTURE, {"q1": NOT_APPLICABLE, "q2": DONT_KNOW, "q3": "yes", "q4": "no"})
        self.assertIsNone(result.themes["a"])
        self.assertEqual(result.themes["b"], 75.0)
        empty = score(FIXTURE, {"q1": NOT_APPLICABLE})
        self.assertIsNone(empty.overall)

    def test_it_refuses_unknown_questions_and_answers(self):
        with self.assertRaises(InvalidAnswers):
            score(FIXTURE, {"q9": "yes"})
        with self.assertRaises(InvalidAnswers):
            score(FIXTURE, {"q1": "maybe"})

    def test_it_finds_every_questionnaire_file_valid_with_all_eight_themes(self):
        themes = set(questionnaires.THEME_LABELS)
        for key, numbers in questionnaires.versions().items():
            for version in numbers:
                with self.subTest(questionnaire=key, version=version):
                    data = questionnaires.load(key, version)
                    self.assertEqual(validate_questionnaire(data), [])
                    self.assertEqual({theme["key"] for theme in data["themes"]}, themes)
                    used = {question["theme"] for question in data["questions"]}
                    self.assertEqual(used, themes, "every theme has questions")
        self.assertEqual(set(questionnaires.versions()), {"sme", "local_admin"})

    def test_it_reports_a_broken_questionnaire(self):
        broken = {
            "themes": [{"key": "a"}],
            "questions": [
                {"key": "x", "theme": "z", "weight": 0, "answers": [{"key": "no", "score": 0.5}]}
            ],
        }
        problems = validate_questionnaire(broken)
        self.assertEqual(len(problems), 3, problems)

"""Scoring a self-assessment: a pure function over the questionnaire and the answers, no
Django.

A questionnaire (``questionnaires/*.json``) has themes and questions; each question a weight,
answers with a score between 0 and 1, and a measure (what to do, the NIST CSF categories and
service categories it relates to). Two answers exist for every question without being listed:
``dont_know`` and ``not_applicable``.

The rule (``docs/gethelp.md``):
- a theme's score is ``100 × Σ(weight × score) ÷ Σ(weight)`` over its questions answered with a
  scored answer; the overall score is the same sum over every theme's scored questions;
- **not applicable** removes the question from both sums: it can neither raise nor lower a
  score;
- **don't know** is treated exactly the same in the score, so it never lowers it either, but it
  yields a measure ("find out"), ranked below every measure of the same weight with a known gap;
- an unanswered question counts as not answered (left out), as the form requires every answer;
- a theme without any scored question has no score (``None``), likewise the overall score.

Measures: every question answered below the full score, with priority ``weight × (1 − score)``,
and every "don't know" with priority ``weight × 0.5``; sorted by priority, highest first, then by
the questionnaire's order.
"""

from __future__ import annotations

from dataclasses import dataclass

DONT_KNOW = "dont_know"
NOT_APPLICABLE = "not_applicable"
SPECIAL_ANSWERS = (DONT_KNOW, NOT_APPLICABLE)
DONT_KNOW_PRIORITY = 0.5


@dataclass(frozen=True)
class Measure:
    question: str
    theme: str
    priority: float
    unknown: bool  # from a "don't know": find out first


@dataclass(frozen=True)
class Result:
    themes: dict[str, float | None]
    overall: float | None
    measures: tuple[Measure, ...]
    answered: int
    unknown: int
    not_applicable: int


class InvalidAnswers(ValueError):
    """An answer names a question or a choice the questionnaire does not have."""


def answer_scores(question: dict) -> dict[str, float]:
    return {answer["key"]: float(answer["score"]) for answer in question["answers"]}


def score(questionnaire: dict, answers: dict[str, str]) -> Result:
    questions = {question["key"]: question for question in questionnaire["questions"]}
    unknown_keys = set(answers) - set(questions)
    if unknown_keys:
        raise InvalidAnswers(f"unknown questions: {sorted(unknown_keys)}")
    sums: dict[str, list[float]] = {theme["key"]: [0.0, 0.0] for theme in questionnaire["themes"]}
    total = [0.0, 0.0]
    measures: list[tuple[float, bool, int, Measure]] = []
    answered = unknown = not_applicable = 0
    for order, question in enumerate(questionnaire["questions"]):
        choice = answers.get(question["key"])
        if choice is None:
            continue
        weight = float(question["weight"])
        theme = question["theme"]
        if choice == NOT_APPLICABLE:
            not_applicable += 1
            continue
        if choice == DONT_KNOW:
            unknown += 1
            priority = weight * DONT_KNOW_PRIORITY
            measures.append(
                (-priority, True, order, Measure(question["key"], theme, priority, True))
            )
            continue
        scores = answer_scores(question)
        if choice not in scores:
            raise InvalidAnswers(f"unknown answer {choice!r} to {question['key']!r}")
        value = scores[choice]
        answered += 1
        sums[theme][0] += weight * value
        sums[theme][1] += weight
        total[0] += weight * value
        total[1] += weight
        if value < 1:
            priority = weight * (1 - value)
            measures.append(
                (-priority, False, order, Measure(question["key"], theme, priority, False))
            )
    themes = {
        key: (round(100 * got / out_of, 1) if out_of else None)
        for key, (got, out_of) in sums.items()
    }
    overall = round(100 * total[0] / total[1], 1) if total[1] else None
    measures.sort(key=lambda item: item[:3])
    return Result(
        themes=themes,
        overall=overall,
        measures=tuple(item[3] for item in measures),
        answered=answered,
        unknown=unknown,
        not_applicable=not_applicable,
    )


def validate_questionnaire(questionnaire: dict) -> list[str]:
    """Problems in a questionnaire file (the tests run it on every file of the repository)."""
    problems = []
    themes = {theme["key"] for theme in questionnaire.get("themes", [])}
    seen = set()
    for question in questionnaire.get("questions", []):
        key = question.get("key")
        if key in seen:
            problems.append(f"{key}: repeated")
        seen.add(key)
        if question.get("theme") not in themes:
            problems.append(f"{key}: unknown theme {question.get('theme')!r}")
        if not float(question.get("weight", 0)) > 0:
            problems.append(f"{key}: weight must be positive")
        values = [answer.get("score") for answer in question.get("answers", [])]
        if not values or any(not 0 <= float(value) <= 1 for value in values):
            problems.append(f"{key}: scores must lie between 0 and 1")
        if values and max(float(value) for value in values) != 1:
            problems.append(f"{key}: the best answer must score 1")
        for answer in question.get("answers", []):
            if answer.get("key") in SPECIAL_ANSWERS:
                problems.append(f"{key}: {answer['key']} is implicit")
    return problems

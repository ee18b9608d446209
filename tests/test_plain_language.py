"""Plain language: each provision's English explanation reads at US grade 9 or below."""

from __future__ import annotations

import textstat

MAX_GRADE = 9.0


def explanation(prov) -> str:
    parts = [prov.recommendation.en, prov.meaning.en, *(w.text.en for w in prov.why), prov.limits.en]
    return " ".join(parts)


def test_every_provision_explanation_is_at_most_grade_9(guide):
    grades = {p.code: textstat.flesch_kincaid_grade(explanation(p)) for p in guide.provisions}
    too_hard = {code: g for code, g in grades.items() if g > MAX_GRADE}
    assert len(grades) == 14
    assert too_hard == {}


def test_the_measure_can_fail():
    hard = ("Notwithstanding the aforementioned jurisdictional considerations, municipal "
            "administrative instrumentalities shall categorically refrain from facilitating "
            "intergovernmental immigration-enforcement collaboration.")
    assert textstat.flesch_kincaid_grade(hard) > MAX_GRADE

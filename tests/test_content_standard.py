"""The checkable rules of the content standard (shared/content-standard.md), over every module that exists."""

from __future__ import annotations

import collections
import datetime
import re

import nbformat
import pytest
from helpers import REPO, keys_file, modules

from veerkracht_lib import model
from veerkracht_lib.keys import canonical_key

MODULES = modules()
VIGNETTES = list(model.load_vignettes().values())
PROGRAMME_MODULES = [m for m in MODULES if m.programme]
TODAY = datetime.date.today()


def _cases(module) -> list[model.Vignette]:
    return [v for v in VIGNETTES if v.module == module.code]


def _lesson_text(module) -> str:
    nb = nbformat.read(REPO / module.lesson, as_version=4)
    return "\n".join(c.source for c in nb.cells)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.code)
def test_best_option_is_not_always_in_the_same_place(module) -> None:
    positions = collections.Counter()
    for case in _cases(module):
        for step in case.steps.values():
            for n, option in enumerate(step.options):
                if option.quality == "strong":
                    positions[n] += 1
    total = sum(positions.values())
    assert total and max(positions.values()) / total <= 0.40, dict(positions)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.code)
def test_enough_cases_with_a_dilemma_outside_school_and_without_concern(module) -> None:
    cases = _cases(module)
    assert len(cases) >= (3 if module.programme else 2)
    assert all(any(step.dilemma for step in case.steps.values()) for case in cases)
    assert any(case.setting not in model.SCHOOL_SETTINGS for case in cases)
    assert any(not case.concern for case in cases)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.code)
def test_questions_types_objectives_and_protection(module) -> None:
    questions = module.questions
    assert len(questions) >= 6
    assert len({q.type for q in questions}) >= 3
    assert {q.objective for q in questions} == {o.id for o in module.objectives}, "every objective is tested"
    assert any(model.PROTECTIVE_TAG in q.tags for q in questions), "a question about protective factors"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.code)
def test_a_key_says_insufficient_information_or_no_concern(module) -> None:
    keys = keys_file(module)
    found = False
    for question in module.questions:
        entry = keys.keys[question.id]
        canon = canonical_key(question, entry.key)
        codes: set[str] = set()
        if question.type in ("multilabel", "ordering"):
            codes = set(canon)
        elif question.type == "single":
            codes = {c for c, credit in canon.items() if credit > 0}
        else:
            codes = {label for labels in canon.values() for label in labels}
        found |= bool(codes & {model.INSUFFICIENT, model.NO_CONCERN})
    assert found


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.code)
def test_practice_answers_are_not_recognisable_by_length_or_place(module) -> None:
    longest_right = 0
    places = set()
    for practice in module.practice:
        lengths = [len(o.text) for o in practice.options]
        right = next(n for n, o in enumerate(practice.options) if o.correct)
        places.add(right)
        others = [length for n, length in enumerate(lengths) if n != right]
        assert lengths[right] <= 1.3 * max(others), practice.id
        longest_right += lengths[right] == max(lengths) and lengths.count(max(lengths)) == 1
    assert len(places) > 1 or len(module.practice) < 2
    assert longest_right < max(2, len(module.practice) / 2)


def test_no_ideology_dominates_the_cases_with_a_concern() -> None:
    concern = [v.ideology for v in VIGNETTES if v.concern]
    shares = collections.Counter(concern)
    assert max(shares.values()) / len(concern) <= 0.35, shares
    for ideology in (
        "religieus-extremistisch",
        "rechts-extremistisch",
        "anti-institutioneel",
        "incel",
        "links-activistisch",
        "wederzijdse-polarisatie",
    ):
        assert shares[ideology] >= 1, ideology


def test_settings_cover_school_youth_work_family_neighbourhood_and_online() -> None:
    settings = {v.setting for v in VIGNETTES}
    assert settings & set(model.SCHOOL_SETTINGS)
    assert "jongerenwerk" in settings and "gezin" in settings and "online" in settings
    assert settings & {"wijkteam", "wijkagent", "gemeente", "sportclub"}


def test_time_sensitive_facts_were_checked_within_a_year() -> None:
    referrals = model.load_referrals()
    assert (TODAY - referrals.checked).days <= 365
    for entry in referrals.referrals:
        assert (TODAY - entry.checked).days <= 365, entry.id


def test_the_referral_file_has_the_lines_the_course_promises() -> None:
    text = " ".join(f"{r.name} {r.what} {r.phone}" for r in model.load_referrals().referrals)
    for expected in ("Platform JEP", "Veilig Thuis", "112", "0900-8844", "Steunpunt Extremisme", "School"):
        assert expected in text, expected
    assert any(r.local for r in model.load_referrals().referrals), "a 'wie is dit bij mij?' line"


@pytest.mark.parametrize("module", PROGRAMME_MODULES, ids=lambda m: m.code)
def test_every_intervention_of_the_programme_is_in_its_lesson(module) -> None:
    text = _lesson_text(module).lower()
    for intervention in model.load_framework().programme(module.programme).interventions:
        words = [w for w in re.split(r"[\s\-(:]+", intervention.name.lower()) if w and w not in ("de", "het", "een")]
        assert words[0] in text, intervention.name


def test_the_course_teaches_every_programme_value_and_risk_factor() -> None:
    """Named in the course text with an explanation around it, not only in a figure or a list."""
    text = "\n".join(_lesson_text(m) for m in MODULES)
    text += "\n".join(c.source for c in nbformat.read(REPO / "course/00_introductie.ipynb", as_version=4).cells)
    fw = model.load_framework()
    lowered = text.lower()
    for element in (*fw.risk_factors, *fw.programmes, *fw.values):
        stem = element.name.split(":")[0].split("(")[0].strip().lower().split()[0][:6]
        count = lowered.count(stem)
        assert count >= 2, (element.code, element.name, count)


def test_a_case_where_consulting_is_the_best_move() -> None:
    consult = re.compile(r"Platform JEP|collega|aandachtsfunctionaris|advies", re.I)
    assert any(
        option.quality == "strong" and consult.search(option.text)
        for case in VIGNETTES
        for step in case.steps.values()
        for option in step.options
    )


def test_option_quality_agrees_with_its_feedback() -> None:
    """The feedback never contradicts the quality: a weak option is not praised as 'sterk', a strong one not 'zwak'."""
    for case in VIGNETTES:
        for step in case.steps.values():
            for option in step.options:
                opening = option.feedback.strip().split(".")[0].lower()
                if option.quality == "weak":
                    assert not opening.startswith(("sterk", "goed", "juist")), (case.id, opening)
                if option.quality == "strong":
                    assert not opening.startswith(("zwak", "niet goed", "onjuist")), (case.id, opening)


def test_value_tags_of_options_are_consistent_with_endings() -> None:
    for case in VIGNETTES:
        for ending in case.endings.values():
            assert not set(ending.strengthened) & set(ending.pressured), (case.id, ending.title)

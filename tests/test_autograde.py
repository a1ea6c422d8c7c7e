"""The calls in test cells: form messages that let Run All go on, points that never raise, and a grading fault
that earns 0 with a marker for the trainer instead of vanishing (or blaming the learner)."""

from __future__ import annotations

import pytest
from helpers import every_question, key_entry, right_value, wrong_value

from veerkracht_lib import autograde
from veerkracht_lib.autograde import FAULT_MIME, GradingFault, points_result
from veerkracht_lib.grading.executor import display_output

QUESTION = every_question()[0]


def _ns(value: object) -> dict:
    return {QUESTION.variable: value}


def test_right_and_wrong_answers_earn_their_points_with_the_explanation() -> None:
    entry = key_entry(QUESTION)
    earned, shown = points_result(
        QUESTION.id, _ns(right_value(QUESTION)), entry.key, entry.optional, entry.critical, entry.explanations
    )
    assert earned == QUESTION.points
    assert "Uitleg bij vraag" in shown[0]._repr_html_()
    earned, _ = points_result(QUESTION.id, _ns(wrong_value(QUESTION)), entry.key, entry.optional, entry.critical)
    assert earned < QUESTION.points


@pytest.mark.parametrize("key", [5, None, object()])
def test_a_broken_key_gives_zero_and_a_fault_marker(key: object, caplog: pytest.LogCaptureFixture) -> None:
    earned, shown = points_result(QUESTION.id, _ns(right_value(QUESTION)), key)
    assert earned == 0.0
    assert len(shown) == 1 and isinstance(shown[0], GradingFault)
    bundle = display_output(shown[0])["data"]
    assert FAULT_MIME in bundle and bundle[FAULT_MIME]["question"] == QUESTION.id
    assert "niet aan jouw antwoord" in bundle["text/plain"]
    assert any("grading fault" in r.message for r in caplog.records)


def test_an_unknown_question_is_a_fault_too() -> None:
    earned, shown = points_result("zz99", {}, ["A"])
    assert earned == 0.0 and isinstance(shown[0], GradingFault)


def test_form_check_displays_in_a_run_and_raises_only_when_validating(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[object] = []
    monkeypatch.setattr(autograde, "_display", shown.append)
    autograde.toets_vorm(QUESTION.id, {})  # the answer cell was never run
    assert "ontbreekt" in repr(shown[0])
    monkeypatch.setenv(autograde.VALIDATE_ENV, "validate")
    with pytest.raises(autograde.AnswerFormError) as caught:
        autograde.toets_vorm(QUESTION.id, {QUESTION.variable: 42})
    assert caught.value._render_traceback_()[0].startswith(f"Vraag {QUESTION.id}")

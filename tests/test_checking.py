"""controleer(): Dutch feedback for right, partial and malformed answers of every question; never a traceback,
never a key. Right answers come from the instructor's keys, not from a copy kept here."""

from __future__ import annotations

import json

import pytest
from helpers import every_question, partial_value, right_value, wrong_value

from veerkracht_lib import controleer, toon_modelantwoord, toon_vraag
from veerkracht_lib.model import load_modules, load_questions
from veerkracht_lib.settings import FEEDBACK_ENV

QIDS = [q.id for q in every_question()]


def first_of(kind: str):
    return next(q for q in every_question() if q.type == kind)


@pytest.mark.parametrize("qid", QIDS)
def test_right_answers_are_right_and_explained(qid: str) -> None:
    question = load_questions()[qid]
    result = controleer(qid, right_value(question))
    assert result.status == "goed", repr(result)
    assert result.uitleg is not None  # the reason behind the right answer, once it is found
    assert "Uitleg bij vraag" in result._repr_html_()


@pytest.mark.parametrize("qid", QIDS)
def test_wrong_answers_are_not_right_and_not_explained_at_first(qid: str) -> None:
    question = load_questions()[qid]
    result = controleer(qid, wrong_value(question))
    assert result.status in ("nog_niet", "deels"), repr(result)
    assert result.uitleg is None


@pytest.mark.parametrize("qid", QIDS)
def test_third_try_shows_the_explanation(qid: str) -> None:
    question = load_questions()[qid]
    results = [controleer(qid, wrong_value(question)) for _ in range(3)]
    assert results[0].uitleg is None and results[1].uitleg is None
    assert results[2].uitleg is not None
    assert "3 keer" in " ".join(results[2].berichten)


@pytest.mark.parametrize("qid", QIDS)
def test_partial_answers_score_between(qid: str) -> None:
    question = load_questions()[qid]
    result = controleer(qid, partial_value(question))
    assert result.status in ("deels", "goed", "nog_niet")
    assert result.score is not None and 0.0 <= result.score <= 1.0


def test_codes_are_read_case_insensitively_and_by_label() -> None:
    question = first_of("multilabel")
    right = sorted(right_value(question))
    lower = {code.lower() for code in right}
    assert controleer(question.id, lower).status == "goed"
    labels = {question.options[right[0]], *right[1:]}
    assert controleer(question.id, labels).status == "goed"


def _malformed() -> list[tuple[str, object, str]]:
    ml, single, order, item = (
        first_of("multilabel"),
        first_of("single"),
        first_of("ordering"),
        first_of("classification"),
    )
    code = next(iter(ml.options))
    typo = code[0] + code[2] + code[1] + code[3:] if len(code) >= 3 else code + "X"
    steps = list(order.options)
    items = list(item.items)
    cases = [
        (ml.id, set(), "nog niets ingevuld"),
        (ml.id, 42, "verzameling codes tussen accolades"),
        (ml.id, {"XYZQ"}, "bestaat niet"),
        (ml.id, [code, 3], "geen code"),
        (ml.id, {("nested",)}, "geen code"),
        (single.id, 5, "één code tussen aanhalingstekens"),
        (single.id, "", "nog niets ingevuld"),
        (order.id, "".join(steps), "lijst tussen blokhaken"),
        (order.id, [steps[0], *steps[:-1]], "twee keer"),
        (order.id, steps[:-1], "mist nog"),
        (item.id, {items[0]: next(iter(item.options)), items[1]: "?"}, "nog niet alles ingevuld"),
        (item.id, {"999": next(iter(item.options))}, "hoort niet bij deze vraag"),
        (item.id, ["K", "K"], "vorm van het sjabloon"),
    ]
    if typo.upper() not in {c.upper() for c in ml.options}:
        cases.append((ml.id, {typo}, f"Bedoel je '{code}'"))
    excl = next((q for q in every_question() if q.exclusive and len(q.options) > 2), None)
    if excl is not None:
        other = next(c for c in excl.options if c not in excl.exclusive)
        cases.append((excl.id, {excl.exclusive[0], other}, "niet combineren"))
    return cases


@pytest.mark.parametrize(("qid", "answer", "fragment"), _malformed())
def test_malformed_answers_get_a_precise_dutch_message(qid: str, answer: object, fragment: str) -> None:
    result = controleer(qid, answer)
    assert result.status == "vorm_fout"
    assert fragment in " ".join(result.berichten)
    assert "Traceback" not in repr(result)


def test_unknown_question_and_typo_in_question_id() -> None:
    qid = QIDS[0]
    assert f"Bedoel je '{qid}'" in repr(controleer(qid.upper(), {"X"}))
    assert "bestaat niet" in repr(controleer("q99", {"X"}))
    assert "aanhalingstekens" in repr(controleer(1, {"X"}))


def test_cohort_mode_checks_form_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FEEDBACK_ENV, "form")
    question = first_of("multilabel")
    result = controleer(question.id, right_value(question))
    assert result.status == "vorm" and result.score is None and result.uitleg is None
    assert "trainer" in repr(result)
    for _ in range(3):
        assert controleer(question.id, wrong_value(question)).uitleg is None
    assert controleer(question.id, {"XYZQ"}).status == "vorm_fout"


def test_check_is_recorded_locally_without_the_answer(progress_home) -> None:
    question = first_of("multilabel")
    wrong = wrong_value(question)
    controleer(question.id, wrong)
    controleer(question.id, {"XYZQ"})  # a form error does not erase the earlier status
    stored = json.loads((progress_home / "voortgang.json").read_text(encoding="utf-8"))
    assert stored["questions"][question.id]["status"] in ("nog_niet", "deels")
    assert stored["questions"][question.id]["attempts"] == 2
    assert all(code not in json.dumps(stored) for code in wrong)


def test_check_survives_an_unwritable_progress_folder(progress_home, monkeypatch) -> None:
    monkeypatch.setenv("VEERKRACHT_HOME", str(progress_home / "file-not-dir"))
    (progress_home / "file-not-dir").write_text("x")
    question = first_of("single")
    assert controleer(question.id, right_value(question)).status == "goed"


@pytest.mark.parametrize("qid", QIDS)
def test_question_view_shows_options_and_template(qid: str) -> None:
    question = load_questions()[qid]
    html = toon_vraag(qid)._repr_html_()
    for label in question.options.values():
        assert label.split()[0].replace("'", "&#x27;") in html


def test_hints_say_which_item_is_off_without_the_key() -> None:
    question = first_of("classification")
    from helpers import key_entry

    from veerkracht_lib.keys import canonical_key

    canon = canonical_key(question, key_entry(question).key)
    answer = dict(right_value(question))
    last = list(question.items)[-1]
    answer[last] = next(c for c in question.options if c not in canon[last])
    result = controleer(question.id, answer)
    assert result.status == "deels"
    assert f"nummer: {last}" in " ".join(result.berichten)
    assert answer[last] not in " ".join(result.berichten)


def test_cohort_mode_gives_no_hints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FEEDBACK_ENV, "form")
    question = first_of("multilabel")
    assert len(controleer(question.id, wrong_value(question)).berichten) == 1


@pytest.mark.parametrize("module", sorted(load_modules()))
def test_model_answer_self_paced_only(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "<details" in toon_modelantwoord(module)._repr_html_()
    monkeypatch.setenv(FEEDBACK_ENV, "form")
    assert "<details" not in toon_modelantwoord(module)._repr_html_()


def test_calls_without_arguments_explain_themselves() -> None:
    from veerkracht_lib import oefenvraag, speel_casus, toon_interventies
    from veerkracht_lib.model import load_practice, load_vignettes

    assert "aanhalingstekens" in repr(controleer())
    assert QIDS[0] in repr(toon_vraag())
    assert next(iter(load_vignettes())) in repr(speel_casus())
    assert next(iter(load_practice())) in repr(oefenvraag())
    assert "Kies uit: a, b, c" in repr(toon_interventies())

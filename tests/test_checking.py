"""controleer(): Dutch feedback for good, partial and malformed answers; never a traceback, never a key."""

from __future__ import annotations

import json

import pytest

from veerkracht_lib import checking, controleer, toon_vraag
from veerkracht_lib.model import load_questions

RIGHT = {
    "a1": {"POL", "REK", "GRP"},
    "a3": {1: "K", 2: "K", 3: "G", 4: "K", 5: "R", 6: "G", 7: "R", 8: "O"},
    "a5": "F",
    "a6": ["C", "E", "A", "D", "B"],
}


@pytest.mark.parametrize("qid", sorted(RIGHT))
def test_right_answers_are_right(qid: str) -> None:
    result = controleer(qid, RIGHT[qid])
    assert result.status == "goed", repr(result)
    assert "Goed" in result._repr_html_()


@pytest.mark.parametrize(
    ("qid", "answer", "status"),
    [
        ("a1", {"POL"}, "deels"),
        ("a1", {"pol", " rek ", "Grp"}, "goed"),  # case and spaces do not matter
        ("a1", {"Politieke factoren (wij-zij-verhalen)", "REK", "GRP"}, "goed"),  # a label counts as its code
        ("a1", {"SOC"}, "nog_niet"),
        ("a5", "A", "deels"),
        ("a5", ["F"], "goed"),
        ("a6", ["E", "C", "A", "D", "B"], "deels"),
        ("a6", ["D", "E", "A", "C", "B"], "nog_niet"),  # breaks the critical pair
    ],
)
def test_partial_and_wrong_answers(qid: str, answer: object, status: str) -> None:
    assert controleer(qid, answer).status == status


@pytest.mark.parametrize(
    ("qid", "answer", "fragment"),
    [
        ("a1", set(), "nog niets ingevuld"),
        ("a1", 42, "verzameling codes tussen accolades"),
        ("a1", {"PLO"}, "Bedoel je 'POL'"),
        ("a1", {"XYZ"}, "bestaat niet"),
        ("a1", ["POL", 3], "geen code"),
        ("a1", {"ONV", "POL"}, "niet combineren"),
        ("a5", 5, "één code tussen aanhalingstekens"),
        ("a5", "", "nog niets ingevuld"),
        ("a6", "CEADB", "lijst tussen blokhaken"),
        ("a6", ["C", "C", "A", "D", "B"], "twee keer"),
        ("a6", ["C", "E", "A", "D"], "mist nog"),
        ("a3", {1: "K", 2: "?"}, "nog niet alles ingevuld"),
        ("a3", {1: "K", 9: "K"}, "hoort niet bij deze vraag"),
        ("a3", ["K", "K"], "vorm van het sjabloon"),
        ("a4", {1: "C", 2: "C", 3: "D", 4: "B"}, "meer dan één situatie"),
        ("a1", {("nested",)}, "geen code"),
    ],
)
def test_malformed_answers_get_a_precise_dutch_message(qid: str, answer: object, fragment: str) -> None:
    result = controleer(qid, answer)
    assert result.status == "vorm_fout"
    assert fragment in " ".join(result.berichten)
    assert "Traceback" not in repr(result)


def test_unknown_question_and_typo_in_question_id() -> None:
    assert "Bedoel je 'a1'" in repr(controleer("A1", {"POL"}))
    assert "bestaat niet" in repr(controleer("q99", {"POL"}))
    assert "aanhalingstekens" in repr(controleer(1, {"POL"}))


def test_cohort_mode_checks_form_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(checking.FEEDBACK_ENV, "vorm")
    result = controleer("a1", {"SOC"})
    assert result.status == "vorm" and result.score is None
    assert "trainer" in repr(result)
    assert controleer("a1", {"PLO"}).status == "vorm_fout"


def test_check_is_recorded_locally_without_the_answer(progress_home) -> None:
    controleer("a1", {"SOC"})
    controleer("a1", {"PLO"})  # a form error does not erase the earlier status
    stored = json.loads((progress_home / "voortgang.json").read_text(encoding="utf-8"))
    assert stored["questions"]["a1"]["status"] == "nog_niet"
    assert stored["questions"]["a1"]["attempts"] == 2
    assert "SOC" not in json.dumps(stored)


def test_check_survives_an_unwritable_progress_folder(progress_home, monkeypatch) -> None:
    monkeypatch.setenv("VEERKRACHT_HOME", str(progress_home / "file-not-dir"))
    (progress_home / "file-not-dir").write_text("x")
    assert controleer("a1", {"POL", "REK", "GRP"}).status == "goed"


@pytest.mark.parametrize("qid", sorted(load_questions()))
def test_question_view_shows_codes_and_template(qid: str) -> None:
    question = load_questions()[qid]
    html = toon_vraag(qid)._repr_html_()
    assert question.template in html.replace("&quot;", '"').replace("&#x27;", "'")
    for code in question.options:
        assert f"<code>{code}</code>" in html


def test_calls_without_arguments_explain_themselves() -> None:
    from veerkracht_lib import oefenvraag, speel_casus, toon_interventies

    assert "Kies een van deze vragen" in repr(controleer()) or "aanhalingstekens" in repr(controleer())
    assert "a1" in repr(toon_vraag())
    assert "a1_klassenvergadering" in repr(speel_casus())
    assert "a_p1" in repr(oefenvraag())
    assert "Kies uit: a, b, c" in repr(toon_interventies())


@pytest.mark.parametrize(
    ("qid", "answer", "hint"),
    [
        ("a1", {"POL", "SOC"}, "Er ontbreekt nog één code"),
        ("a1", {"POL", "REK", "IDE", "CUL"}, "Je koos 2 codes die de tekst niet onderbouwt"),
        ("a3", {1: "K", 2: "K", 3: "G", 4: "K", 5: "R", 6: "G", 7: "K", 8: "G"}, "nummer: 7, 8"),
        ("a6", ["C", "E", "D", "A", "B"], "2 stappen staan nog niet"),
    ],
)
def test_self_paced_hints_say_which_part_is_off_without_the_key(qid: str, answer: object, hint: str) -> None:
    result = controleer(qid, answer)
    assert result.status in ("deels", "nog_niet")
    assert hint in " ".join(result.berichten)


def test_cohort_mode_gives_no_hints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(checking.FEEDBACK_ENV, "vorm")
    assert len(controleer("a1", {"POL", "SOC"}).berichten) == 1

"""Every scoring function over good, partial and malformed answers, and the self-check agreeing with it."""

from __future__ import annotations

import pytest
from helpers import every_question, key_entry, small_answers

from veerkracht_lib import keys, scoring, selfcheck
from veerkracht_lib.answers import normalise
from veerkracht_lib.model import load_questions


@pytest.mark.parametrize(
    ("answer", "key", "expected"),
    [
        ({"POL", "REK", "GRP"}, {"POL", "REK", "GRP"}, 1.0),
        ({"POL", "REK"}, {"POL", "REK", "GRP"}, 0.6667),
        ({"POL"}, {"POL", "REK", "GRP"}, 0.3333),
        ({"POL", "REK", "GRP", "SOC"}, {"POL", "REK", "GRP"}, 0.65),  # 3/4 minus one extra label
        (
            {"POL", "REK", "GRP", "SOC", "IDE", "CUL", "TRA", "IND"},
            {"POL", "REK", "GRP"},
            0.0,
        ),  # labelling all
        ({"SOC"}, {"POL"}, 0.0),
        (set(), {"POL"}, 0.0),
        ({"ONV"}, {"ONV"}, 1.0),
    ],
)
def test_multilabel(answer: set[str], key: set[str], expected: float) -> None:
    assert scoring.score_multilabel(answer, key) == pytest.approx(expected, abs=1e-4)


def test_multilabel_optional_labels_neither_earn_nor_cost() -> None:
    key, optional = {"POL", "REK"}, {"GRP"}
    assert scoring.score_multilabel({"POL", "REK"}, key, optional) == 1.0
    assert scoring.score_multilabel({"POL", "REK", "GRP"}, key, optional) == 1.0
    assert scoring.score_multilabel({"GRP"}, key, optional) == 0.0
    assert scoring.score_multilabel({"POL", "GRP", "SOC"}, key, optional) == scoring.score_multilabel(
        {"POL", "SOC"}, key
    )


def test_multilabel_over_labelling_costs_more_than_jaccard_alone() -> None:
    key = {"A", "B"}
    assert scoring.score_multilabel({"A", "B", "C"}, key) < len(key) / 3


@pytest.mark.parametrize(("answer", "expected"), [("F", 1.0), ("A", 0.5), ("B", 0.0), ("", 0.0), (None, 0.0)])
def test_single(answer: str, expected: float) -> None:
    assert scoring.score_single(answer, {"F": 1.0, "A": 0.5}) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (("A", "B", "C", "D"), 1.0),
        (("B", "A", "C", "D"), 0.8333),  # one pair swapped of six
        (("D", "C", "B", "A"), 0.0),
        (("A", "B", "D", "C"), 0.8333),
        (("A", "B", "C"), 0.0),  # missing a step
        (("A", "A", "C", "D"), 0.0),  # duplicate step
    ],
)
def test_ordering(answer: tuple[str, ...], expected: float) -> None:
    assert scoring.score_ordering(answer, ("A", "B", "C", "D")) == pytest.approx(expected, abs=1e-4)


def test_ordering_critical_pair_must_hold() -> None:
    key = ("A", "B", "C", "D")
    assert scoring.score_ordering(("A", "B", "D", "C"), key, critical=[("C", "D")]) == 0.0
    assert scoring.score_ordering(("B", "A", "C", "D"), key, critical=[("C", "D")]) > 0.8


def test_per_item_with_defensible_alternatives() -> None:
    key = {"1": {"K"}, "2": {"R", "K"}, "3": {"G"}, "4": {"O"}}
    assert scoring.score_per_item({"1": "K", "2": "K", "3": "G", "4": "O"}, key) == 1.0
    assert scoring.score_per_item({"1": "K", "2": "R", "3": "R", "4": "R"}, key) == 0.5
    assert scoring.score_per_item({}, key) == 0.0


def test_a_broken_key_is_an_error_not_a_silent_zero() -> None:
    with pytest.raises((TypeError, ValueError, AttributeError)):
        scoring.score("multilabel", frozenset({"A"}), 5)
    with pytest.raises(ValueError):
        scoring.score("unknown", "A", {"A": 1.0})


def test_to_points_is_partial_credit_in_points() -> None:
    assert scoring.to_points(0.5, 3) == 1.5
    assert scoring.to_points(1.7, 2) == 2.0
    assert scoring.to_points(-1, 2) == 0.0


@pytest.mark.parametrize("qid", [q.id for q in every_question()], ids=str)
def test_selfcheck_agrees_with_the_hidden_test(qid: str) -> None:
    """The hashed self-check and the plain key (the instructor's) give the same score for every answer tried."""
    question = load_questions()[qid]
    entry = key_entry(question)
    critical = [tuple(pair) for pair in entry.critical]
    hashed = selfcheck.hash_key(question, entry.key, critical, salt="test-salt", optional=entry.optional)
    canon = keys.canonical_key(question, entry.key)
    tried = 0
    for answer in small_answers(question):
        value = normalise(question, answer).value
        if value is None:
            continue
        tried += 1
        plain = scoring.score(
            question.type, value, canon, keys.canonical_critical(critical), keys.canonical_optional(entry.optional)
        )
        assert selfcheck.hashed_fraction(question, value, hashed) == plain
    assert tried > 0


def test_hashed_entry_holds_no_plain_code() -> None:
    question = next(q for q in every_question() if q.type == "multilabel")
    entry = selfcheck.hash_key(question, list(question.options)[:2], (), salt="s")
    assert all(code not in str(entry) for code in list(question.options)[:2] if len(code) > 1)


def test_sealed_data_round_trips_and_hides_its_text() -> None:
    sealed = selfcheck.seal({"uitleg": "geheime tekst"}, "zout", "q1")
    assert "geheime" not in sealed
    assert selfcheck.unseal(sealed, "zout", "q1") == {"uitleg": "geheime tekst"}

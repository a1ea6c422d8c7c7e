"""Every scoring function over good, partial and malformed answers, and the self-check agreeing with it."""

from __future__ import annotations

import itertools

import pytest

from veerkracht_lib import scoring, selfcheck
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


@pytest.mark.parametrize("junk", [None, 42, "x", ["a", ["b"]], {"1": {"nested"}}, object()])
def test_score_never_raises(junk: object) -> None:
    for kind in ("multilabel", "single", "ordering", "classification", "matching", "unknown"):
        value = scoring.score(kind, junk, {"1": {"K"}})
        assert isinstance(value, float) and 0.0 <= value <= 1.0


def test_to_points_is_partial_credit_in_points() -> None:
    assert scoring.to_points(0.5, 3) == 1.5
    assert scoring.to_points(1.7, 2) == 2.0
    assert scoring.to_points(-1, 2) == 0.0


def _all_answers(question):  # every well-formed answer of a small question
    codes = list(question.options)
    if question.type == "multilabel":
        for n in range(1, 4):
            for combo in itertools.combinations(codes, n):
                yield set(combo)
    elif question.type == "single":
        yield from codes
    elif question.type == "ordering":
        yield from (list(p) for p in itertools.permutations(codes))
    else:
        items = list(question.items)
        for i in range(len(codes) ** 2):
            yield {item: codes[(i + n * 7) % len(codes)] for n, item in enumerate(items)}


@pytest.mark.parametrize("qid", sorted(load_questions()), ids=str)
def test_selfcheck_agrees_with_the_hidden_test(qid: str) -> None:
    """The hashed self-check and the plain key give the same score for every answer tried."""
    question = load_questions()[qid]
    key = {"multilabel": ["POL", "GRP"], "single": {"B": 1.0, "A": 0.5}}.get(question.type)
    if question.type == "ordering":
        key = list(reversed(list(question.options)))
    elif question.type in ("classification", "matching"):
        labels = list(question.options)
        key = {item: labels[n % len(labels)] for n, item in enumerate(question.items)}
    critical = [(key[0], key[-1])] if question.type == "ordering" else ()
    optional = ["SOC"] if question.type == "multilabel" else ()
    entry = selfcheck.hash_key(question, key, critical, salt="test-salt", optional=optional)
    canon = selfcheck.canonical_key(question, key)
    for answer in itertools.islice(_all_answers(question), 300):
        value = normalise(question, answer).value
        if value is None:
            continue
        plain = scoring.score(
            question.type, value, canon, selfcheck.canonical_critical(critical), selfcheck.canonical_optional(optional)
        )
        assert selfcheck.hashed_fraction(question, value, entry) == plain


def test_hashed_entry_holds_no_plain_code() -> None:
    question = load_questions()["a1"]
    entry = selfcheck.hash_key(question, ["POL", "GRP"], (), salt="s")
    assert "POL" not in str(entry) and "GRP" not in str(entry)

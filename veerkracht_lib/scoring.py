"""Pure scoring functions, one per question type.

Each returns the fraction of the points earned, from 0.0 to 1.0. They work on any hashable tokens: the hidden
tests pass the plain key, the learner's self-check passes salted hashes of the same key (``selfcheck.py``), so
both always agree. Answers reach these functions already normalised (``answers.py``); anything else scores 0.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence
from itertools import combinations

OVERLABEL_PENALTY = 0.1


def score_multilabel(
    answer: Collection[Hashable], key: Collection[Hashable], optional: Collection[Hashable] = ()
) -> float:
    """Jaccard overlap, minus a small penalty for every label that is not in the key.

    ``optional`` labels are defensible either way: choosing them neither earns nor costs anything.
    """
    chosen, wanted = set(answer) - set(optional), set(key)
    if not chosen or not wanted:
        return 0.0
    jaccard = len(chosen & wanted) / len(chosen | wanted)
    extra = len(chosen - wanted)
    return round(max(0.0, jaccard - OVERLABEL_PENALTY * extra), 4)


def score_single(answer: Hashable, key: Mapping[Hashable, float]) -> float:
    """Credit for the chosen option: 1.0 for the best one, less for a defensible one, else 0."""
    credit = key.get(answer, 0.0)
    return float(min(1.0, max(0.0, credit)))


def score_ordering(
    answer: Sequence[Hashable],
    key: Sequence[Hashable],
    critical: Collection[tuple[Hashable, Hashable]] = (),
) -> float:
    """Share of step pairs in the right relative order (Kendall tau as a fraction).

    A pair in ``critical`` (first, then) must be right, or the answer earns nothing.
    """
    if len(answer) != len(key) or set(answer) != set(key) or len(set(key)) < 2:
        return 0.0
    position = {step: i for i, step in enumerate(answer)}
    for first, then in critical:
        if first in position and then in position and position[first] > position[then]:
            return 0.0
    pairs = list(combinations(key, 2))
    right = sum(1 for first, then in pairs if position[first] < position[then])
    return round(right / len(pairs), 4)


def score_per_item(answer: Mapping[str, Hashable], key: Mapping[str, Collection[Hashable]]) -> float:
    """Share of items that got an accepted label (classification) or target (matching)."""
    if not key:
        return 0.0
    right = sum(1 for item, accepted in key.items() if answer.get(item) in accepted)
    return round(right / len(key), 4)


def score(
    kind: str,
    answer: object,
    key: object,
    critical: Collection[tuple[Hashable, Hashable]] = (),
    optional: Collection[Hashable] = (),
) -> float:
    """Dispatch on the question type.

    Answers arrive normalised, so a well-formed answer never makes this raise; a broken *key* does (an author's
    or a library fault), and the caller reports it as a grading fault instead of quietly scoring 0.
    """
    if kind == "multilabel":
        return score_multilabel(answer, key, optional)  # type: ignore[arg-type]
    if kind == "single":
        return score_single(answer, key)  # type: ignore[arg-type]
    if kind == "ordering":
        return score_ordering(answer, key, critical)  # type: ignore[arg-type]
    if kind in ("classification", "matching"):
        return score_per_item(answer, key)  # type: ignore[arg-type]
    raise ValueError(f"unknown question type {kind!r}")


def to_points(fraction: float, max_points: float) -> float:
    """Points as nbgrader reads them: a number between 0 and the cell's points."""
    return round(max(0.0, min(1.0, fraction)) * max_points, 2)

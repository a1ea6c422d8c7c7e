"""Keys in canonical form: the shape the scoring functions take, whoever wrote the key.

A key comes from the instructor side: the hidden ``points(...)`` call of a test cell (written by the build from
``solutions/<assignment>.keys.yaml``). Both the grader (``autograde.points``) and the build of the learner's
self-check data (``selfcheck.py``) bring it to one canonical shape here, so they cannot disagree.
"""

from __future__ import annotations

from typing import Any

from .model import Question


def canonical_key(question: Question, key: Any) -> Any:
    """multilabel -> frozenset; single -> {code: credit}; ordering -> tuple; per item -> {item: frozenset}."""
    kind = question.type
    if kind == "multilabel":
        return frozenset(str(code) for code in key)
    if kind == "single":
        if isinstance(key, str):
            return {key: 1.0}
        return {str(code): float(credit) for code, credit in dict(key).items()}
    if kind == "ordering":
        return tuple(str(code) for code in key)
    if kind in ("classification", "matching"):
        out: dict[str, frozenset[str]] = {}
        for item, accepted in dict(key).items():
            labels = [accepted] if isinstance(accepted, str) else list(accepted)
            out[str(item)] = frozenset(str(label) for label in labels)
        return out
    raise ValueError(f"unknown question type {kind!r}")


def canonical_critical(critical: Any) -> tuple[tuple[str, str], ...]:
    return tuple((str(first), str(then)) for first, then in (critical or ()))


def canonical_optional(optional: Any) -> frozenset[str]:
    return frozenset(str(code) for code in (optional or ()))


def solution_value(question: Question, key: Any) -> Any:
    """A full-marks answer for ``key`` (the line the solution notebook shows)."""
    canon = canonical_key(question, key)
    if question.type == "multilabel":
        return set(canon)
    if question.type == "single":
        return max(canon, key=lambda code: (canon[code], -list(question.options).index(code)))
    if question.type == "ordering":
        return list(canon)
    return {item: sorted(labels, key=list(question.options).index)[0] for item, labels in canon.items()}


def key_problems(question: Question, key: Any, optional: Any = (), critical: Any = ()) -> list[str]:
    """What is wrong with a key for this question (for authors, in English)."""
    where = f"key of {question.id}"
    try:
        canon = canonical_key(question, key)
    except (TypeError, ValueError, AttributeError) as exc:
        return [f"{where}: does not fit a {question.type} question ({exc})"]
    codes = set(question.options)
    problems: list[str] = []
    if question.type == "multilabel":
        used = set(canon) | set(canonical_optional(optional))
        if not canon:
            problems.append(f"{where}: is empty")
        for excl in question.exclusive:
            if excl in canon and len(canon) > 1:
                problems.append(f"{where}: combines exclusive {excl!r} with other codes")
    elif question.type == "single":
        used = set(canon)
        if not canon or max(canon.values()) != 1.0:
            problems.append(f"{where}: needs one option worth 1.0")
        if any(not 0 < credit <= 1 for credit in canon.values()):
            problems.append(f"{where}: credits are between 0 and 1")
    elif question.type == "ordering":
        used = set(canon)
        if sorted(canon) != sorted(codes) or len(set(canon)) != len(canon):
            problems.append(f"{where}: must order every option exactly once")
        for first, then in canonical_critical(critical):
            if first not in canon or then not in canon or canon.index(first) > canon.index(then):
                problems.append(f"{where}: critical pair ({first}, {then}) does not hold in the key")
    else:
        used = {label for labels in canon.values() for label in labels}
        if set(canon) != set(question.items):
            problems.append(f"{where}: needs exactly the items {', '.join(question.items)}")
        if any(not labels for labels in canon.values()):
            problems.append(f"{where}: every item needs at least one accepted label")
    for code in sorted(used - codes):
        problems.append(f"{where}: {code!r} is not an option")
    if optional and question.type != "multilabel":
        problems.append(f"{where}: optional labels only belong to multilabel questions")
    if critical and question.type != "ordering":
        problems.append(f"{where}: critical pairs only belong to ordering questions")
    return problems

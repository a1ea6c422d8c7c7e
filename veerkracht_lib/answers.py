"""Reading a learner's answer: check its form and bring it to one canonical shape.

``normalise(question, raw)`` never raises. It returns the canonical answer, or ``None`` with Dutch messages
that say exactly what is wrong with the form (wrong type, unknown code, a typo, something missing).
Canonical shapes: multilabel -> frozenset of codes; single -> code; ordering -> tuple of codes;
classification and matching -> dict of item number (str) to code.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from . import texts
from .model import Question

MAX_REPR = 80
UNREADABLE_IMPORT = "from veerkracht_lib.answers import Unreadable"


class Unreadable:
    """Placed in an answer variable by the grader when the answer cell could not be read as data."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def __repr__(self) -> str:
        return f"Unreadable({self.reason!r})"


@dataclass
class Normalised:
    value: Any = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.value is not None


def _show(value: Any) -> str:
    text = repr(value)
    if len(text) > MAX_REPR:
        text = text[: MAX_REPR - 3] + "..."
    kind = {
        str: "tekst",
        int: "een getal",
        float: "een getal",
        list: "een lijst",
        tuple: "een rij",
        set: "een verzameling",
        frozenset: "een verzameling",
        dict: "een woordenboek",
        type(None): "niets (None)",
        bool: "waar/onwaar",
    }.get(type(value))
    return f"{text} ({kind})" if kind else text


def _example(question: Question) -> str:
    return question.form_example


class _CodeReader:
    """Maps what a learner typed to an option code: exact, case-insensitive, by label, or suggests one."""

    def __init__(self, options: dict[str, str]) -> None:
        self.options = options
        self.lookup: dict[str, str] = {}
        for code, label in options.items():
            self.lookup[code.lower()] = code
            self.lookup[label.strip().lower()] = code

    def read(self, raw: Any, problems: list[str]) -> str | None:
        if not isinstance(raw, str):
            problems.append(texts.CODE_NOT_TEXT.format(given=_show(raw), code=next(iter(self.options))))
            return None
        text = raw.strip()
        code = self.lookup.get(text.lower())
        if code is not None:
            return code
        if len(text) >= 4:  # the start of a label, e.g. "politiek" for "Politieke factoren (...)"
            starts = {c for c, label in self.options.items() if label.lower().startswith(text.lower())}
            if len(starts) == 1:
                return starts.pop()
        candidates = list(self.lookup)
        close = difflib.get_close_matches(text.lower(), candidates, n=1, cutoff=0.6)
        if close:
            problems.append(texts.UNKNOWN_CODE_SUGGEST.format(code=text, suggestion=self.lookup[close[0]]))
        else:
            problems.append(texts.UNKNOWN_CODE.format(code=text, options=", ".join(self.options)))
        return None


def _is_blank(raw: Any) -> bool:
    return raw is None or raw is Ellipsis or (isinstance(raw, str | list | tuple | set | frozenset | dict) and not raw)


def _multilabel(question: Question, raw: Any, problems: list[str]) -> Any:
    if isinstance(raw, str):
        raw = [raw] if raw.strip() else []  # one code typed without braces: accept it
    if not isinstance(raw, set | frozenset | list | tuple):
        problems.append(texts.WRONG_TYPE_SET.format(example=_example(question), given=_show(raw)))
        return None
    if not raw:
        problems.append(texts.EMPTY_ANSWER.format(template=question.template))
        return None
    reader = _CodeReader(question.options)
    codes = {reader.read(item, problems) for item in raw}
    if problems:
        return None
    for code in question.exclusive:
        if code in codes and len(codes) > 1:
            problems.append(texts.EXCLUSIVE_CODE.format(code=code, label=question.options[code]))
            return None
    return frozenset(c for c in codes if c is not None)


def _single(question: Question, raw: Any, problems: list[str]) -> Any:
    if isinstance(raw, list | tuple | set | frozenset) and len(raw) == 1:
        raw = next(iter(raw))
    if not isinstance(raw, str):
        problems.append(texts.WRONG_TYPE_SINGLE.format(example=_example(question), given=_show(raw)))
        return None
    if not raw.strip():
        problems.append(texts.EMPTY_ANSWER.format(template=question.template))
        return None
    return _CodeReader(question.options).read(raw, problems)


def _ordering(question: Question, raw: Any, problems: list[str]) -> Any:
    if not isinstance(raw, list | tuple):
        problems.append(texts.WRONG_TYPE_LIST.format(example=_example(question), given=_show(raw)))
        return None
    if not raw:
        problems.append(texts.EMPTY_ANSWER.format(template=question.template))
        return None
    reader = _CodeReader(question.options)
    codes = [reader.read(item, problems) for item in raw]
    if problems:
        return None
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            problems.append(texts.DUPLICATE_CODE.format(code=code))
            return None
        seen.add(code)  # type: ignore[arg-type]
    missing = [c for c in question.options if c not in seen]
    if missing:
        problems.append(texts.MISSING_STEPS.format(codes=", ".join(missing), n=len(question.options)))
        return None
    return tuple(codes)


def _per_item(question: Question, raw: Any, problems: list[str]) -> Any:
    if not isinstance(raw, dict):
        problems.append(texts.WRONG_TYPE_DICT.format(example=_example(question), given=_show(raw)))
        return None
    reader = _CodeReader(question.options)
    out: dict[str, str] = {}
    unfilled: list[str] = []
    for item_raw, label in raw.items():
        item = str(item_raw).strip()
        if item not in question.items:
            problems.append(texts.UNKNOWN_ITEM.format(item=item_raw, items=", ".join(question.items)))
            continue
        if _is_blank(label) or (isinstance(label, str) and label.strip() in ("?", "")):
            unfilled.append(item)
            continue
        code = reader.read(label, problems)
        if code is not None:
            out[item] = code
    if unfilled:
        problems.append(texts.NOT_FILLED_ITEMS.format(items=", ".join(unfilled)))
    present = {str(k).strip() for k in raw}
    missing = [i for i in question.items if i not in present]
    if missing:
        problems.append(texts.MISSING_ITEMS.format(items=", ".join(missing)))
    if problems:
        return None
    if question.one_to_one:
        used: set[str] = set()
        for code in out.values():
            if code in used:
                problems.append(texts.TARGET_USED_TWICE.format(code=code))
                return None
            used.add(code)
    return out


_READERS = {
    "multilabel": _multilabel,
    "single": _single,
    "ordering": _ordering,
    "classification": _per_item,
    "matching": _per_item,
}


_WRONG_TYPE = {
    "multilabel": texts.WRONG_TYPE_SET,
    "single": texts.WRONG_TYPE_SINGLE,
    "ordering": texts.WRONG_TYPE_LIST,
    "classification": texts.WRONG_TYPE_DICT,
    "matching": texts.WRONG_TYPE_DICT,
}


def normalise(question: Question, raw: Any) -> Normalised:
    problems: list[str] = []
    if isinstance(raw, Unreadable):
        return Normalised(None, [texts.GRADE_UNREADABLE.format(reason=raw.reason)])
    if _is_blank(raw):
        return Normalised(None, [texts.EMPTY_ANSWER.format(template=question.template)])
    try:
        value = _READERS[question.type](question, raw, problems)
    except Exception:  # unhashable items and other oddities: a form problem, never a traceback
        message = _WRONG_TYPE[question.type]
        return Normalised(None, [message.format(example=_example(question), given=_show(raw))])
    return Normalised(value if not problems else None, problems)

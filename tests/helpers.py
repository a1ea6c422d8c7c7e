"""Helpers shared by the tests: where the repository is, and answers derived from the instructor's data.

Nothing here names a module: every helper works for whatever modules, questions and keys exist.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from veerkracht_lib.authoring.keys import KeyEntry, KeysFile, load_keys
from veerkracht_lib.keys import canonical_key, solution_value
from veerkracht_lib.model import Module, Question, load_modules, load_questions
from veerkracht_lib.protocol import format_value

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def modules() -> list[Module]:
    return list(load_modules().values())


def keys_file(module: Module) -> KeysFile:
    return load_keys(REPO, module.assignment)


def key_entry(question: Question) -> KeyEntry:
    module = load_modules()[question.module]
    return keys_file(module).keys[question.id]


def right_value(question: Question) -> Any:
    """A full-marks answer, derived from the instructor's key (never a hand-kept copy)."""
    return solution_value(question, key_entry(question).key)


def wrong_value(question: Question) -> Any:
    """A well-formed answer that earns nothing (or as little as the type allows)."""
    entry = key_entry(question)
    canon = canonical_key(question, entry.key)
    codes = list(question.options)
    if question.type == "multilabel":
        pool = [c for c in codes if c not in canon and c not in entry.optional and c not in question.exclusive]
        return {pool[0]} if pool else {codes[0]}
    if question.type == "single":
        worst = [c for c in codes if canon.get(c, 0.0) == 0.0]
        return worst[0] if worst else codes[0]
    if question.type == "ordering":
        return list(reversed(list(canon)))
    answer = {}
    for item in question.items:
        wrong = [c for c in codes if c not in canon.get(item, ())]
        answer[item] = wrong[0] if wrong else codes[0]
    if question.one_to_one:  # keep it well-formed: a permutation that misses where it can
        answer = dict(
            zip(question.items, itertools.islice(itertools.cycle(reversed(codes)), len(question.items)), strict=True)
        )
    return answer


def partial_value(question: Question) -> Any:
    """A well-formed answer between wrong and right (where the type allows partial credit)."""
    right = right_value(question)
    if question.type == "multilabel":
        return (
            set(list(right)[:1]) | set(wrong_value(question))
            if len(right) > 1
            else set(right) | set(wrong_value(question))
        )
    if question.type == "ordering":
        order = list(right)
        order[0], order[1] = order[1], order[0]
        return order
    if question.type in ("classification", "matching"):
        items = list(question.items)
        wrong = wrong_value(question)
        if question.one_to_one:
            answer = dict(right)
            a, b = items[0], items[1]
            answer[a], answer[b] = answer[b], answer[a]
            return answer
        return {item: (right[item] if n % 2 == 0 else wrong[item]) for n, item in enumerate(items)}
    return right


def answer_line(question: Question, value: Any) -> str:
    return f"{question.variable} = {format_value(question, value)}"


def every_question() -> list[Question]:
    return list(load_questions().values())


def small_answers(question: Question, limit: int = 300) -> Iterator[Any]:
    codes = list(question.options)
    if question.type == "multilabel":
        for n in range(1, len(codes) + 1):
            for combo in itertools.combinations(codes, n):
                yield set(combo)
    elif question.type == "single":
        yield from codes
    elif question.type == "ordering":
        yield from (list(p) for p in itertools.islice(itertools.permutations(codes), limit))
    else:
        items = list(question.items)
        for i in range(limit):
            yield {item: codes[(i + n * 7 + i // len(codes)) % len(codes)] for n, item in enumerate(items)}


def build_labextension() -> None:
    """Build the course's JupyterLab extension as set-up does (skipped by the script when up to date); the test
    is skipped where npm is missing."""
    import pytest

    if shutil.which("npm") is None:
        pytest.skip("npm is needed to build the JupyterLab extension")
    env = {**os.environ, "PYTHON": sys.executable}
    subprocess.run(["bash", str(REPO / "scripts" / "build_labextension.sh")], check=True, env=env, timeout=600)

"""The instructor side of a module: ``solutions/<assignment>.keys.yaml`` (never shipped to learners).

One entry per graded question: the key as data (a defensible set: optional labels, partial credit, critical
pairs), the rationale behind it with sources (for trainers and reviewers only) and a short explanation per
option or item (learners see it after grading, or when working on their own after a right answer or the third
try). Plus what a trainer needs for the reflection.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import ContentError, Question, _yaml_load
from ..schema import doc, load_record


@dataclass(frozen=True)
class KeyEntry:
    """The key of one graded question."""

    key: Any = doc(
        "multilabel: list of codes; single: {code: credit} (best 1.0); ordering: list in order; "
        "classification/matching: {item: code or list of accepted codes}"
    )
    rationale: str = doc("why this key, with its source (trainers and reviewers only)")
    sources: tuple[str, ...] = doc("source ids behind the key")
    explanations: dict[str, str] = doc(
        "one short Dutch explanation per option code (per item for classification/matching)"
    )
    optional: tuple[str, ...] = doc("multilabel: codes defensible either way (neither earn nor cost)", factory=tuple)
    critical: tuple[tuple[str, ...], ...] = doc("ordering: [first, then] pairs that must hold", factory=tuple)


@dataclass(frozen=True)
class ExampleAnswer:
    """A fictional example answer to a reflection, with the score a trainer would give."""

    answer: str = doc("the example answer")
    score: float = doc("its score")
    comment: str = doc("why that score")


@dataclass(frozen=True)
class ReflectionKey:
    """What the trainer needs to grade the reflection."""

    trainer_notes: str = doc("what to look for, pitfalls, how to give feedback")
    model_answer: str = doc("what a strong answer contains; self-paced learners see it after writing")
    examples: tuple[ExampleAnswer, ...] = doc("two example answers with score and comment")


@dataclass(frozen=True)
class KeysFile:
    """``solutions/<assignment>.keys.yaml``."""

    assignment: str = doc("the assignment these keys belong to")
    keys: dict[str, KeyEntry] = doc("question id -> key")
    reflection: ReflectionKey = doc("the reflection's grading notes")


def keys_path(root: Path, assignment: str) -> Path:
    return root / "solutions" / f"{assignment}.keys.yaml"


def load_keys(root: Path, assignment: str) -> KeysFile:
    path = keys_path(root, assignment)
    if not path.exists():
        raise ContentError(f"solutions/{path.name}: missing (every module needs its keys file)")
    problems: list[str] = []
    keys = load_record(KeysFile, _yaml_load(path), f"solutions/{path.name}", problems)
    if problems:
        raise ContentError("\n".join(problems))
    return keys


def explanation_targets(question: Question) -> list[str]:
    """What needs an explanation: every item (classification/matching), else every option."""
    return list(question.items) if question.type in ("classification", "matching") else list(question.options)

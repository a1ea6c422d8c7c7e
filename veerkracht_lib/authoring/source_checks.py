"""Check a committed nbgrader source notebook against the protocol and the module's data, with messages that
say what is wrong (a misspelled grade id, a template that differs from the bank, a missing test cell, a stray
graded cell, points or keys that differ), instead of only "out of date"."""

from __future__ import annotations

from pathlib import Path

import nbformat

from .. import protocol
from ..model import Module
from .keys import KeysFile


def source_problems(path: Path, module: Module, keys: KeysFile) -> list[str]:
    rel = f"solutions/{module.assignment}/{path.name}"
    if not path.exists():
        return [f"{rel}: missing (run veerkracht build)"]
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # a broken notebook is reported, not raised
        return [f"{rel}: not a readable notebook ({exc.__class__.__name__})"]
    problems: list[str] = []
    questions = {q.id: q for q in module.questions}
    answers: dict[str, list[nbformat.NotebookNode]] = {}
    tests: dict[str, list[nbformat.NotebookNode]] = {}
    graded_ids = []
    for cell in nb.cells:
        gid = protocol.grade_id(cell)
        role = protocol.role_of(cell)
        meta = protocol.nbgrader_meta(cell)
        if meta.get("grade"):
            graded_ids.append(gid)
        if role is protocol.Role.ANSWER and gid:
            qid = protocol.question_id(gid, protocol.ANSWER_PREFIX)
            answers.setdefault(qid or gid, []).append(cell)
        elif role is protocol.Role.TEST and gid:
            qid = protocol.question_id(gid, protocol.TEST_PREFIX)
            tests.setdefault(qid or gid, []).append(cell)
        elif role in (protocol.Role.FREE_CODE, protocol.Role.FREE_TEXT):
            problems.append(f"{rel}: cell {gid or '?'} is editable but is neither an answer nor the reflection")
        elif (
            protocol.SOLUTION_BEGIN in cell.source or protocol.HIDDEN_BEGIN in cell.source
        ) and role is not protocol.Role.REFLECTION:
            problems.append(
                f"{rel}: cell {gid or '?'} holds solution or hidden-test markers but is not an answer or test"
            )
    for qid in sorted(set(answers) - set(questions)):
        problems.append(
            f"{rel}: answer cell for {qid!r}, which is not a question of module {module.code} (misspelled grade id?)"
        )
    for qid in sorted(set(tests) - set(questions)):
        problems.append(
            f"{rel}: test cell for {qid!r}, which is not a question of module {module.code} (misspelled grade id?)"
        )
    for qid, question in questions.items():
        found_answers, found_tests = answers.get(qid, []), tests.get(qid, [])
        if len(found_answers) != 1:
            problems.append(
                f"{rel}: question {qid} needs exactly one answer cell {question.variable}, found {len(found_answers)}"
            )
        if len(found_tests) != 1:
            problems.append(f"{rel}: question {qid} needs exactly one test cell toets_{qid}, found {len(found_tests)}")
        if len(found_answers) == 1:
            first = found_answers[0].source.splitlines()[:1]
            if first != [question.template]:
                problems.append(
                    f"{rel}: the answer cell of {qid} starts with {first[0] if first else ''!r}, the bank's template is {question.template!r}"
                )
        if len(found_tests) == 1:
            cell = found_tests[0]
            points = protocol.nbgrader_meta(cell).get("points")
            if points is None or float(points) != float(question.points):
                problems.append(f"{rel}: test cell of {qid} gives {points} points, the bank gives {question.points:g}")
            try:
                spec = protocol.parse_test_cell(cell.source)
            except protocol.ProtocolError as exc:
                problems.append(f"{rel}: test cell of {qid}: {exc}")
            else:
                entry = keys.keys.get(qid)
                if spec.qid != qid:
                    problems.append(f"{rel}: test cell toets_{qid} grades question {spec.qid!r}")
                elif entry is not None and (spec.key != entry.key and _norm(spec.key) != _norm(entry.key)):
                    problems.append(
                        f"{rel}: the key of {qid} in the test cell differs from solutions/{module.assignment}.keys.yaml"
                    )
    expected_graded = {f"{protocol.TEST_PREFIX}{q}" for q in questions} | {protocol.REFLECTION_ID}
    for gid in graded_ids:
        if gid not in expected_graded:
            problems.append(f"{rel}: stray graded cell {gid!r}")
    return problems


def _norm(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _norm(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_norm(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return value

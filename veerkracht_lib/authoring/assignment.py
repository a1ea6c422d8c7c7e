"""Generate a module's nbgrader source notebook from its data (``solutions/<assignment>/<assignment>.ipynb``).

The author writes a question once: as data in ``content/modules/<m>.yaml`` (what learners may see) and
``solutions/<assignment>.keys.yaml`` (the key, the rationale, the explanations). Every cell of the graded notebook
follows from that and from ``protocol.py``: nobody restates a template, a grade id or a key by hand. The build
writes the notebook; ``veerkracht build --check`` fails when the committed copy differs.
"""

from __future__ import annotations

from typing import Any

import nbformat

from .. import protocol, texts
from ..keys import solution_value
from ..model import Module
from .keys import KeysFile

NBGRADER_SCHEMA = 3
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _meta(gid: str, *, grade: bool = False, solution: bool = False, locked: bool = True, points: float = 0) -> dict:
    meta: dict[str, Any] = {
        "grade": grade,
        "grade_id": gid,
        "locked": locked,
        "schema_version": NBGRADER_SCHEMA,
        "solution": solution,
        "task": False,
    }
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


def _markdown(gid: str, source: str, **kwargs: Any) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(source, id=gid)
    cell.metadata = _meta(gid, **kwargs)
    return cell


def _code(gid: str, source: str, **kwargs: Any) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source, id=gid)
    cell.metadata = _meta(gid, **kwargs)
    return cell


def _points(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _reflection_prompt(module: Module) -> str:
    r = module.reflection
    lines = [f"## {r.title}", "", r.prompt.strip(), "", f"**{texts.REFLECTION_VARIANTS}**", ""]
    lines += [f"- *{texts.GROUP_NAMES[group]}:* {r.variants[group].strip()}" for group in r.variants]
    lines += ["", texts.REFLECTION_PRIVACY, "", texts.REFLECTION_GRADED_BY_TRAINER, ""]
    lines += [f"**{texts.RUBRIC_TITLE.format(points=_points(r.points))}**", ""]
    lines += [f"| {texts.RUBRIC_CRITERION} | {texts.RUBRIC_ZERO} | {texts.RUBRIC_HALF} | {texts.RUBRIC_FULL} |"]
    lines += ["|---|---|---|---|"]
    for c in r.rubric:
        cells = [f"**{c.criterion}** ({texts.RUBRIC_POINTS.format(points=_points(c.points))})", c.zero, c.half, c.full]
        lines.append("| " + " | ".join(" ".join(x.split()).replace("|", "/") for x in cells) + " |")
    return "\n".join(lines)


def _reflection_answer(keys: KeysFile) -> str:
    r = keys.reflection
    lines = [protocol.SOLUTION_BEGIN, f"**{texts.TRAINER_NOTES_TITLE}**", "", r.trainer_notes.strip(), ""]
    for n, example in enumerate(r.examples, 1):
        lines += [
            f"*{texts.TRAINER_EXAMPLE.format(n=n, score=_points(example.score))}* {' '.join(example.answer.split())}",
            "",
            f"{texts.TRAINER_EXAMPLE_COMMENT} {' '.join(example.comment.split())}",
            "",
        ]
    lines.append(protocol.SOLUTION_END)
    return "\n".join(lines)


def generate(module: Module, keys: KeysFile) -> nbformat.NotebookNode:
    """The nbgrader source notebook of ``module``: the same data always gives the same notebook."""
    lesson_link = "../../" + module.lesson
    cells = [
        _markdown(protocol.INTRO_ID, texts.ASSIGNMENT_INTRO.format(code=module.code, title=module.title)),
        _code(
            protocol.START_ID,
            f"from veerkracht_lib import {protocol.CHECK_CALL}, {protocol.MODEL_ANSWER_CALL}, {protocol.SHOW_CALL}",
        ),
    ]
    for question in module.questions:
        entry = keys.keys[question.id]
        spec = protocol.KeySpec(
            qid=question.id,
            key=entry.key,
            optional=entry.optional,
            critical=tuple((a, b) for a, b, *_ in entry.critical),
            explanations=entry.explanations,
        )
        cells += [
            _markdown(
                protocol.HEADING_PREFIX + question.id,
                texts.QUESTION_HEADING.format(qid=question.id, title=question.title),
            ),
            _code(protocol.QUESTION_PREFIX + question.id, protocol.show_cell_source(question.id)),
            _code(
                protocol.answer_variable(question.id),
                protocol.answer_cell_source(question, solution_value(question, entry.key)),
                solution=True,
                locked=False,
            ),
            _code(
                protocol.TEST_PREFIX + question.id,
                protocol.test_cell_source(spec),
                grade=True,
                points=_points(question.points),
            ),
        ]
    cells += [
        _markdown(protocol.REFLECTION_PROMPT_ID, _reflection_prompt(module)),
        _markdown(
            protocol.REFLECTION_ID,
            _reflection_answer(keys),
            grade=True,
            solution=True,
            locked=False,
            points=_points(module.reflection.points),
        ),
        _code(protocol.REFLECTION_EXAMPLE_ID, f'{protocol.MODEL_ANSWER_CALL}("{module.code}")'),
        _markdown(protocol.END_ID, texts.ASSIGNMENT_END.format(link=lesson_link, title=module.title)),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}}
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb

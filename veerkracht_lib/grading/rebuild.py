"""Rebuild a submitted notebook from the instructor's source: the heart of "a submission is data".

Every cell of the graded notebook comes from the source notebook, with the source's type, id, metadata and
points. Only two things are carried over from the submission, looked up by the source's grade ids:

- the answer of each question, parsed as a literal (``protocol.read_answer``) and written back as one line
  ``antwoord_<q> = <literal>``; an answer that cannot be read becomes ``Unreadable("<Dutch reason>")``, which
  earns 0 points with that reason in the feedback;
- the text of each manually graded reflection, escaped into inert HTML (no markup, links, scripts or maths of the
  learner can ever become active), or the release stub itself when the learner wrote nothing.

No other cell, output, attachment, file or metadata of the learner survives, so no learner code can run.
"""

from __future__ import annotations

import copy
import html
from dataclasses import dataclass, field
from typing import Any

import nbformat

from .. import protocol, texts
from ..protocol import Role
from .submission import Submission

MAX_REFLECTION_CHARS = 20_000
REFLECTION_CLASS = "veerkracht-reflection"
ECHO_LINES = 20
ECHO_WIDTH = 160


@dataclass
class Rebuilt:
    notebook: nbformat.NotebookNode
    reasons: dict[str, str] = field(default_factory=dict)  # answer grade id -> why it earns nothing


def inert_text(text: str) -> str:
    """The learner's text as HTML that shows exactly what was typed and can never become active.

    One HTML block without blank lines (so Markdown leaves it alone), every character escaped, line breaks as
    ``<br>``, inside a container that MathJax is told to ignore.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_REFLECTION_CHARS:
        text = text[:MAX_REFLECTION_CHARS] + " [...]"
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "".join(
        "<p>" + "<br>".join(html.escape(line, quote=True) for line in p.strip("\n").split("\n")) + "</p>"
        for p in paragraphs
    )
    return f'<div class="{REFLECTION_CLASS} tex2jax_ignore mathjax_ignore">{body}</div>'


def _echo(text: str) -> list[str]:
    lines = text.splitlines()
    shown = [f"# | {line}"[:ECHO_WIDTH] for line in lines[:ECHO_LINES]]
    if len(lines) > ECHO_LINES:
        shown.append(f"# | ... ({len(lines) - ECHO_LINES} regels meer)")
    return shown


def unreadable_source(variable: str, reason: str, learner_text: str | None) -> str:
    from ..answers import UNREADABLE_IMPORT

    lines = [f"# {texts.GRADE_UNREADABLE.format(reason=reason)}"]
    if learner_text:
        lines += _echo(learner_text)
    lines += [UNREADABLE_IMPORT, f"{variable} = Unreadable({reason!r})"]
    return "\n".join(lines)


def answer_source(variable: str, submitted: str | None, problem: str | None, duplicates: int) -> tuple[str, str | None]:
    """The rebuilt answer cell and, when it earns nothing, the reason."""
    if submitted is None:
        reason = problem or texts.ANSWER_CELL_MISSING
        return unreadable_source(variable, reason, None), reason
    ok, value = protocol.read_answer(submitted, variable)
    if not ok:
        return unreadable_source(variable, value, submitted), value
    line = f"{variable} = {protocol.safe_repr(value)}"
    if duplicates > 1:
        line = f"# {texts.ANSWER_CELL_DUPLICATED.format(n=duplicates)}\n{line}"
    return line, None


def _without_solution(source: str, stub: str) -> str:
    block = protocol.solution_block(source)
    if block is None:
        return source
    lines = source.splitlines()
    stripped = [line.strip() for line in lines]
    start, end = stripped.index(protocol.SOLUTION_BEGIN), stripped.index(protocol.SOLUTION_END)
    return "\n".join([*lines[:start], stub, *lines[end + 1 :]])


def _clean_cell(cell: Any) -> nbformat.NotebookNode:
    out = copy.deepcopy(cell)
    if out.cell_type == "code":
        out.outputs = []
        out.execution_count = None
    return out


def rebuild(source: nbformat.NotebookNode, submission: Submission, text_stub: str, code_stub: str) -> Rebuilt:
    """The graded notebook for ``submission``, built from the instructor's ``source`` notebook."""
    cells = []
    reasons: dict[str, str] = {}
    for original in source.cells:
        cell = _clean_cell(original)
        gid = protocol.grade_id(cell)
        role = protocol.role_of(cell)
        if role is Role.ANSWER and gid:
            cell.source, reason = answer_source(
                gid, submission.text(gid), submission.problem, submission.counts.get(gid, 0)
            )
            if reason:
                reasons[gid] = reason
        elif role is Role.REFLECTION and gid:
            written = submission.text(gid)
            if written is None or not written.strip() or written.strip() == text_stub.strip():
                cell.source = text_stub
            else:
                cell.source = inert_text(written)
            cell.pop("attachments", None)
        elif role is Role.FREE_CODE:
            cell.source = _without_solution(cell.source, code_stub)
        elif role is Role.FREE_TEXT:
            cell.source = _without_solution(cell.source, text_stub)
            cell.pop("attachments", None)
        cells.append(cell)
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = copy.deepcopy(source.metadata)
    nb.nbformat, nb.nbformat_minor = 4, 5
    return Rebuilt(nb, reasons)

"""nbgrader preprocessors of the course (configured in ``nbgrader_config.py``).

``ReadAnswersAsData`` runs when a submission is sanitised, after nbgrader's ``OverwriteCells``. Learner code
shares the kernel with the tests, so it could rewrite or silence them. This preprocessor makes sure no learner
code runs at all: every answer cell is replaced by the literal assignment it parses to (or by a Dutch reason
why it could not be read), every other unlocked code cell is turned into comments. Locked cells and test
cells were already restored from the source by ``OverwriteCells``.

``SanitiseFeedback`` runs when feedback is generated: a test cell's error output keeps only the course's own
Dutch message lines, never a traceback that could quote hidden test lines.
"""

from __future__ import annotations

import ast
from typing import Any

from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Int

from . import texts

ANSWER_PREFIX = "antwoord_"
CHECK_CALL = "controleer"
SHOWN_LINES = 40


def _comment(source: str, limit: int = SHOWN_LINES) -> list[str]:
    lines = source.splitlines()
    shown = [f"# | {line}"[:200] for line in lines[:limit]]
    if len(lines) > limit:
        shown.append(f"# | ... ({len(lines) - limit} regels meer)")
    return shown


def _literal(node: ast.expr) -> Any:
    """A literal value; ``set()`` (the empty-set template) counts as one."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "set"
        and not node.args
        and not node.keywords
    ):
        return set()
    return ast.literal_eval(node)


def read_answer(source: str, variable: str, max_chars: int = 5000) -> tuple[bool, Any]:
    """Parse an answer cell as data: ``(True, value)`` or ``(False, Dutch reason)``. Never executes anything."""
    if len(source) > max_chars:
        return False, texts.PARSE_TOO_LONG.format(limit=max_chars)
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        return False, texts.PARSE_SYNTAX.format(line=exc.lineno or 1)
    except (ValueError, RecursionError, MemoryError):
        return False, texts.PARSE_SYNTAX.format(line=1)
    found = False
    value: Any = None
    for stmt in tree.body:
        line = getattr(stmt, "lineno", 1)
        if (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and stmt.targets[0].id == variable
        ):
            try:
                value = _literal(stmt.value)
            except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
                return False, texts.PARSE_NOT_LITERAL.format(name=variable, line=line)
            found = True
        elif (
            isinstance(stmt, ast.Expr)
            and isinstance(stmt.value, ast.Call)
            and isinstance(stmt.value.func, ast.Name)
            and stmt.value.func.id == CHECK_CALL
        ):
            continue  # the learner's own self-check: not needed for grading
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # a bare string or ``...``
        else:
            return False, texts.PARSE_NOT_ASSIGNMENT.format(name=variable, line=line)
    if not found:
        return False, texts.PARSE_NO_ANSWER.format(name=variable)
    return True, value


def answer_cell_source(source: str, variable: str, max_chars: int = 5000) -> str:
    ok, value = read_answer(source, variable, max_chars)
    if ok:
        return f"{variable} = {value!r}"
    reason = texts.GRADE_UNREADABLE.format(reason=value)
    return "\n".join(
        [
            f"# {reason}",
            *_comment(source),
            "from veerkracht_lib.answers import Unreadable",
            f"{variable} = Unreadable({value!r})",
        ]
    )


def neutralised_source(source: str) -> str:
    return "\n".join([f"# {texts.GRADE_NOT_READ}", *_comment(source)])


class ForgetOrphanMetadata(NbGraderPreprocessor):
    """Drop nbgrader metadata that lost its ``grade_id`` (nbgrader's ``DeduplicateIds`` leaves it behind on a
    duplicated cell, and ``OverwriteCells.add_missing_cells`` then crashes on it). Runs between the two."""

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        meta = cell.metadata.get("nbgrader")
        if meta is not None and not meta.get("grade_id"):
            del cell.metadata["nbgrader"]
        return cell, resources


class ReadAnswersAsData(NbGraderPreprocessor):
    """Replace answer cells by the data they hold; keep every other learner code cell from running."""

    max_chars = Int(5000, help="Answer cells longer than this are not read.").tag(config=True)

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        if cell.cell_type != "code":
            return cell, resources
        meta = cell.metadata.get("nbgrader", {})
        grade_id = meta.get("grade_id")
        if grade_id and meta.get("locked"):
            return cell, resources  # restored from the source by OverwriteCells
        if grade_id and meta.get("solution") and not meta.get("grade") and str(grade_id).startswith(ANSWER_PREFIX):
            cell.source = answer_cell_source(cell.source, str(grade_id), self.max_chars)
        else:
            cell.source = neutralised_source(cell.source)
        cell.outputs = []
        cell.execution_count = None
        return cell, resources


class SanitiseFeedback(NbGraderPreprocessor):
    """Keep only the course's own message lines in the error output of test cells."""

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("grade"):
            return cell, resources
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue
            if output.get("ename") == "AnswerFormError":
                lines = [line for line in output.get("traceback", []) if not line.lstrip().startswith(("File", "Cell"))]
                output["traceback"] = lines[:20]
            else:
                output["traceback"] = [f"{output.get('ename', 'Error')}: {texts.INTERNAL_PROBLEM}"]
                output["evalue"] = texts.INTERNAL_PROBLEM
        return cell, resources

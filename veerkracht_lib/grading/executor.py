"""Grading without a kernel: the rebuilt notebook holds only the instructor's cells and answer literals, so the
outputs a kernel would produce can be computed directly, with the very functions the kernel would call.

``KernelFreeExecute`` replaces nbgrader's ``Execute`` in ``veerkracht grade``. It understands exactly the cells the
authoring protocol generates (imports of the course's calls, ``toon_vraag``/``toon_modelantwoord``, answer
lines, form check + points); for any other cell it hands the whole notebook to a real, isolated kernel
instead, so the result is always what ``nbgrader autograde`` would give.
"""

from __future__ import annotations

import ast
import copy
import functools
import os
from typing import Any

from nbconvert.exporters.exporter import ResourcesDict
from nbformat import from_dict
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from .. import protocol
from ..answers import Unreadable

SAFE_IMPORTS = {"veerkracht_lib", protocol.GRADER_MODULE, "veerkracht_lib.answers"}
DISPLAY_CALLS = {protocol.SHOW_CALL, protocol.MODEL_ANSWER_CALL}


class NotProtocol(Exception):
    """A cell this executor does not understand: use a kernel."""


@functools.cache
def _formatter() -> Any:
    from IPython.core.formatters import DisplayFormatter

    return DisplayFormatter()


def _formatted(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    data, metadata = _formatter().format(obj)
    return data, metadata


@functools.cache
def _display_call(name: str, args: tuple[Any, ...]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The output of a course display call: the same for every learner, so computed once per process."""
    import veerkracht_lib

    return _formatted(getattr(veerkracht_lib, name)(*args))


def new_output(output_type: str, **fields: Any) -> NotebookNode:
    """An output exactly as nbformat.v4.new_output makes it, without re-validating our own data each time."""
    return from_dict({"output_type": output_type, **fields})


def display_output(obj: Any) -> NotebookNode:
    data, metadata = _formatted(obj)
    return new_output("display_data", data=data, metadata=metadata)


def result_output(obj: Any, count: int) -> NotebookNode:
    data, metadata = _formatted(obj)
    return new_output("execute_result", data=data, metadata=metadata, execution_count=count)


def _answer_value(source: str, variable: str) -> Any:
    tree = ast.parse(source)
    value: Any = None
    found = False
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom) and stmt.module in SAFE_IMPORTS:
            continue
        if isinstance(stmt, ast.Assign) and [getattr(t, "id", None) for t in stmt.targets] == [variable]:
            node = stmt.value
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Unreadable":
                (arg,) = node.args
                value = Unreadable(ast.literal_eval(arg))
            else:
                value = protocol.literal(node)
            found = True
            continue
        raise NotProtocol(f"answer cell {variable}")
    if not found:
        raise NotProtocol(f"answer cell {variable} assigns nothing")
    return value


def _fixed_cell(source: str, count: int) -> list[NotebookNode]:
    tree = ast.parse(source)
    outputs: list[NotebookNode] = []
    for n, stmt in enumerate(tree.body):
        if isinstance(stmt, ast.ImportFrom) and stmt.module in SAFE_IMPORTS:
            continue
        name = stmt.value.func.id if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) else None
        if name in DISPLAY_CALLS and n == len(tree.body) - 1:
            args = tuple(ast.literal_eval(a) for a in stmt.value.args)  # type: ignore[attr-defined]
            data, metadata = _display_call(name, args)
            outputs.append(
                new_output(
                    "execute_result", data=copy.deepcopy(data), metadata=copy.deepcopy(metadata), execution_count=count
                )
            )
            continue
        raise NotProtocol("a fixed cell with other code")
    return outputs


def _test_cell(source: str, namespace: dict[str, Any], count: int) -> list[NotebookNode]:
    from ..autograde import _MISSING, _question, form_problems, form_view, points_result

    spec = protocol.parse_test_cell(source)
    question = _question(spec.qid)
    outputs = []
    problems = form_problems(question, namespace.get(question.variable, _MISSING))
    if problems:
        outputs.append(display_output(form_view(question, problems)))
    earned, shown = points_result(
        spec.qid, namespace, spec.key, spec.optional, spec.critical, spec.explanations or None
    )
    outputs += [display_output(obj) for obj in shown]
    outputs.append(result_output(earned, count))
    return outputs


def run_without_kernel(nb: NotebookNode) -> NotebookNode:
    """Fill in the outputs of every code cell; raise ``NotProtocol`` for a notebook that needs a kernel."""
    namespace: dict[str, Any] = {}
    count = 0
    filled: list[tuple[NotebookNode, list[NotebookNode], int]] = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        count += 1
        role = protocol.role_of(cell)
        gid = protocol.grade_id(cell) or ""
        try:
            if role is protocol.Role.ANSWER:
                namespace[gid] = _answer_value(cell.source, gid)
                outputs: list[NotebookNode] = []
            elif role is protocol.Role.TEST:
                outputs = _test_cell(cell.source, namespace, count)
            elif role is protocol.Role.FIXED:
                outputs = _fixed_cell(cell.source, count)
            else:
                raise NotProtocol(f"cell {gid or '?'} of role {role}")
        except (SyntaxError, ValueError, TypeError, KeyError, protocol.ProtocolError) as exc:
            raise NotProtocol(str(exc)) from exc
        filled.append((cell, outputs, count))
    for cell, outputs, n in filled:  # only once the whole notebook is understood
        cell.outputs = outputs
        cell.execution_count = n
    return nb


class KernelFreeExecute(NbGraderPreprocessor):
    """nbgrader's Execute step for protocol notebooks, without a kernel; a real isolated kernel otherwise."""

    def preprocess(self, nb: NotebookNode, resources: ResourcesDict) -> tuple[NotebookNode, ResourcesDict]:
        previous = os.environ.get("NBGRADER_EXECUTION")
        os.environ["NBGRADER_EXECUTION"] = "autograde"
        try:
            return run_without_kernel(nb), resources
        except NotProtocol as exc:
            self.log.warning("not a protocol notebook (%s): grading it in a kernel", exc)
        finally:
            if previous is None:
                os.environ.pop("NBGRADER_EXECUTION", None)
            else:
                os.environ["NBGRADER_EXECUTION"] = previous
        from .nbgrader_plugins import IsolatedExecute

        return IsolatedExecute(parent=self.parent, config=self.config).preprocess(nb, resources)

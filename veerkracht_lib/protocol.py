"""The authoring protocol: the one place that knows how a graded notebook is built.

The question bank (``content/modules/<m>.yaml``), the instructor keys (``solutions/<assignment>.keys.yaml``),
the generated nbgrader source (``solutions/<assignment>/<assignment>.ipynb``), the grading pipeline and the tests
all meet here: cell ids, the answer line, the test cell and the way keys are written in it. Nothing else
restates these conventions; they import them.

A graded question is four cells, with the cell id equal to the nbgrader grade id:
``kop_<q>`` (markdown heading, locked), ``vraag_<q>`` (``toon_vraag("<q>")``, locked), ``antwoord_<q>`` (the one
answer line, a solution cell) and ``toets_<q>`` (locked, graded: the visible form check and the hidden points
call). A module's reflection is ``reflectie_vraag`` (prompt and rubric, locked) and ``reflectie`` (manually graded
markdown answer). Everything in this module is pure: it parses notebook text, it never executes it.
"""

from __future__ import annotations

import ast
import enum
from dataclasses import dataclass, field
from typing import Any

ANSWER_PREFIX = "antwoord_"
TEST_PREFIX = "toets_"
QUESTION_PREFIX = "vraag_"
HEADING_PREFIX = "kop_"
REFLECTION_ID = "reflectie"
REFLECTION_PROMPT_ID = "reflectie_vraag"
REFLECTION_EXAMPLE_ID = "reflectie_voorbeeld"
INTRO_ID = "intro"
START_ID = "start"
END_ID = "slot"

SOLUTION_BEGIN = "### BEGIN SOLUTION"
SOLUTION_END = "### END SOLUTION"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"

CHECK_CALL = "controleer"
SHOW_CALL = "toon_vraag"
FORM_CALL = "toets_vorm"
POINTS_CALL = "points"
MODEL_ANSWER_CALL = "toon_modelantwoord"
GRADER_MODULE = "veerkracht_lib.autograde"
UNFILLED = "?"
MAX_ANSWER_CHARS = 5000


class Role(enum.StrEnum):
    """What a cell of the instructor's source is. Decided by the source, never by a submission."""

    ANSWER = "answer"  # the one-line answer of a question (solution code cell antwoord_<q>)
    TEST = "test"  # a graded, locked code cell: visible form check + hidden points
    REFLECTION = "reflection"  # a manually graded markdown answer
    FREE_CODE = "free_code"  # any other cell a learner may edit that holds code: never runs when grading
    FREE_TEXT = "free_text"  # any other cell a learner may edit that holds text: carried over as inert text
    FIXED = "fixed"  # everything else: taken from the source as it is


def nbgrader_meta(cell: Any) -> dict[str, Any]:
    """The nbgrader metadata of a cell as a dict (empty when missing or malformed)."""
    metadata = cell.get("metadata") if isinstance(cell, dict) else None
    meta = metadata.get("nbgrader") if isinstance(metadata, dict) else None
    return meta if isinstance(meta, dict) else {}


def grade_id(cell: Any) -> str | None:
    value = nbgrader_meta(cell).get("grade_id")
    return value if isinstance(value, str) and value else None


def role_of(cell: Any) -> Role:
    """The role of a cell of the instructor's source notebook."""
    meta = nbgrader_meta(cell)
    gid = grade_id(cell)
    kind = cell.get("cell_type")
    if meta.get("solution"):
        if kind == "code" and gid and gid.startswith(ANSWER_PREFIX) and not meta.get("grade"):
            return Role.ANSWER
        if kind == "markdown" and meta.get("grade"):
            return Role.REFLECTION
        return Role.FREE_CODE if kind == "code" else Role.FREE_TEXT
    if meta.get("grade") and kind == "code":
        return Role.TEST
    if meta.get("locked") or meta.get("task"):
        return Role.FIXED
    if not meta and kind in ("code", "markdown", "raw"):
        return Role.FIXED  # a plain cell of the source: learners may edit it, but only the source version counts
    return Role.FIXED


def answer_variable(qid: str) -> str:
    return f"{ANSWER_PREFIX}{qid}"


def question_id(gid: str, prefix: str) -> str | None:
    return gid[len(prefix) :] if gid.startswith(prefix) and len(gid) > len(prefix) else None


# --- answer values as Python literal text (what a click writes; the labextension writes the same) --------------------------------------------------------------------
def _quote(text: str) -> str:
    """A double-quoted Python string literal (the extension quotes the same way)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _item_key(item_id: str) -> str:
    """Item ids of digits become int keys (``1``), others quoted strings. ``"01"`` stays a string: ``01`` is
    not valid Python, and ``normalise`` reads the key back with ``str()``."""
    if item_id.isascii() and item_id.isdigit() and str(int(item_id)) == item_id:
        return item_id
    return _quote(item_id)


def _code(question: Any, code: Any) -> str:
    if not isinstance(code, str) or code not in question.options:
        raise ValueError(f"question {question.id}: {code!r} is not one of the codes {list(question.options)}")
    return code


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | tuple | set | frozenset | dict) and not value)


def format_value(question: Any, value: Any) -> str:
    """The canonical literal text of an answer; unknown codes or items raise ``ValueError``."""
    kind = question.type
    if kind == "multilabel":
        if _is_empty(value):
            return "set()"
        chosen = {_code(question, c) for c in ([value] if isinstance(value, str) else value)}
        return "{" + ", ".join(_quote(c) for c in question.options if c in chosen) + "}"
    if kind == "single":
        return '""' if _is_empty(value) else _quote(_code(question, value))
    if kind == "ordering":
        if _is_empty(value):
            return "[]"
        codes = [_code(question, c) for c in value]
        if len(set(codes)) != len(codes):
            raise ValueError(f"question {question.id}: a step appears twice in {codes}")
        return "[" + ", ".join(_quote(c) for c in codes) + "]"
    if kind in ("classification", "matching"):
        given: Any = {} if value is None else value
        if not isinstance(given, dict):
            raise ValueError(f"question {question.id}: expected a dict of item -> code, got {value!r}")
        chosen_per_item: dict[str, str] = {}
        for raw_item, raw_code in given.items():
            item = str(raw_item).strip()
            if item not in question.items:
                raise ValueError(f"question {question.id}: {raw_item!r} is not one of the items {list(question.items)}")
            if not _is_empty(raw_code) and raw_code != UNFILLED:
                chosen_per_item[item] = _code(question, raw_code)
        pairs = (f"{_item_key(i)}: {_quote(chosen_per_item.get(i, UNFILLED))}" for i in question.items)
        return "{" + ", ".join(pairs) + "}"
    raise ValueError(f"question {question.id}: unknown type {kind!r}")


def answer_line(question: Any, value: Any) -> str:
    return f"{answer_variable(question.id)} = {format_value(question, value)}"


def template_line(question: Any) -> str:
    """The answer line a learner starts from."""
    empty: Any = {} if question.type in ("classification", "matching") else None
    return answer_line(question, empty)


def example_value(question: Any) -> str:
    """A generated form example (authors may give their own; the build checks it is not the right answer)."""
    codes = [c for c in question.options if c not in getattr(question, "exclusive", ())]
    if question.type == "multilabel":
        return format_value(question, set(codes[-2:]))
    if question.type == "single":
        return format_value(question, codes[-1])
    if question.type == "ordering":
        return format_value(question, list(reversed(list(question.options))))
    cycle = list(reversed(codes)) or list(question.options)
    return format_value(question, {item: cycle[n % len(cycle)] for n, item in enumerate(question.items)})


# --- reading an answer cell as data ------------------------------------------------------------
def literal(node: ast.expr) -> Any:
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


def safe_repr(value: Any) -> str | None:
    """Python text that evaluates back to ``value`` as a literal, or None (nan, inf and the like)."""
    text = repr(value)
    if isinstance(value, set) and not value:
        return "set()"
    try:
        again = literal(ast.parse(text, mode="eval").body)
    except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
        return None
    return text if again == value and type(again) is type(value) else None


def read_answer(source: str, variable: str, max_chars: int = MAX_ANSWER_CHARS) -> tuple[bool, Any]:
    """Parse an answer cell as data: ``(True, value)`` or ``(False, Dutch reason)``. Never executes anything."""
    from . import texts

    if not isinstance(source, str):
        return False, texts.PARSE_NO_ANSWER.format(name=variable)
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
                value = literal(stmt.value)
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
    if safe_repr(value) is None:
        return False, texts.PARSE_NOT_LITERAL.format(name=variable, line=1)
    return True, value


# --- generated cells -----------------------------------------------------------------------------
@dataclass(frozen=True)
class KeySpec:
    """A question's key as the hidden test writes it (plain codes)."""

    qid: str
    key: Any
    optional: tuple[str, ...] = ()
    critical: tuple[tuple[str, str], ...] = ()
    explanations: dict[str, str] = field(default_factory=dict)


def _pretty(value: Any, indent: str) -> str:
    """A literal on several lines when long (dicts of explanations), valid Python either way."""
    if isinstance(value, dict) and value and len(repr(value)) > 80:
        inner = "".join(f"{indent}    {_plain(k)}: {_plain(v)},\n" for k, v in value.items())
        return "{\n" + inner + indent + "}"
    return _plain(value)


def _plain(value: Any) -> str:
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, frozenset | set):
        return "{" + ", ".join(_plain(v) for v in sorted(value, key=str)) + "}" if value else "set()"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_plain(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_plain(k)}: {_plain(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} in a test cell")


def points_call(spec: KeySpec) -> str:
    parts = [_quote(spec.qid), f"key={_pretty(spec.key, '    ')}"]
    if spec.optional:
        parts.append(f"optional={_plain(set(spec.optional))}")
    if spec.critical:
        parts.append(f"critical={_plain([list(pair) for pair in spec.critical])}")
    if spec.explanations:
        parts.append(f"explanations={_pretty(spec.explanations, '    ')}")
    return f"{POINTS_CALL}(\n    " + ",\n    ".join(parts) + ",\n)"


def test_cell_source(spec: KeySpec) -> str:
    return "\n".join(
        [
            f"from {GRADER_MODULE} import {FORM_CALL}",
            "",
            f"{FORM_CALL}({_quote(spec.qid)})",
            HIDDEN_BEGIN,
            f"from {GRADER_MODULE} import {POINTS_CALL}",
            "",
            points_call(spec),
            HIDDEN_END,
        ]
    )


def answer_cell_source(question: Any, solution_value: Any) -> str:
    return "\n".join(
        [
            template_line(question),
            SOLUTION_BEGIN,
            answer_line(question, solution_value),
            SOLUTION_END,
            f"{CHECK_CALL}({_quote(question.id)}, {answer_variable(question.id)})",
        ]
    )


def show_cell_source(qid: str) -> str:
    return f"{SHOW_CALL}({_quote(qid)})"


# --- parsing test cells (build, kernel-free grading, tests) ------------------------------------------
class ProtocolError(ValueError):
    """A cell that does not follow the protocol (for authors and trainers, in English)."""


def _call_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
        return node.value.func.id
    return None


def parse_test_cell(source: str) -> KeySpec:
    """The key of a protocol test cell: exactly the generated shape, or ``ProtocolError``."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise ProtocolError(f"test cell is not valid Python: {exc}") from exc
    body = tree.body
    calls = [stmt for stmt in body if not isinstance(stmt, ast.ImportFrom)]
    imports = [stmt for stmt in body if isinstance(stmt, ast.ImportFrom)]
    for stmt in imports:
        if stmt.module != GRADER_MODULE or {a.name for a in stmt.names} - {FORM_CALL, POINTS_CALL}:
            raise ProtocolError(f"test cell imports something other than {GRADER_MODULE}.{FORM_CALL}/{POINTS_CALL}")
    if [_call_name(stmt) for stmt in calls] != [FORM_CALL, POINTS_CALL]:
        raise ProtocolError(f"test cell must be exactly {FORM_CALL}(...) then {POINTS_CALL}(...)")
    form, points = (stmt.value for stmt in calls)  # type: ignore[attr-defined]
    try:
        form_qid = ast.literal_eval(form.args[0]) if len(form.args) == 1 and not form.keywords else None
        qid = ast.literal_eval(points.args[0]) if len(points.args) == 1 else None
        kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in points.keywords}
    except (ValueError, TypeError, SyntaxError) as exc:
        raise ProtocolError("test cell arguments must be literals") from exc
    if not isinstance(qid, str) or form_qid != qid:
        raise ProtocolError("the form check and the points call must name the same question")
    unknown = set(kwargs) - {"key", "optional", "critical", "explanations"}
    if unknown or "key" not in kwargs:
        raise ProtocolError(f"points() takes key=, optional=, critical=, explanations=; got {sorted(kwargs)}")
    explanations = kwargs.get("explanations") or {}
    if not isinstance(explanations, dict):
        raise ProtocolError("explanations= must be a mapping")
    return KeySpec(
        qid=qid,
        key=kwargs["key"],
        optional=tuple(str(c) for c in (kwargs.get("optional") or ())),
        critical=tuple((str(a), str(b)) for a, b in (kwargs.get("critical") or ())),
        explanations={str(k): str(v) for k, v in explanations.items()},
    )


def strip_hidden(source: str) -> str:
    """The visible part of a test cell (what learners get)."""
    lines, hidden = [], False
    for line in source.splitlines():
        if line.strip() == HIDDEN_BEGIN:
            hidden = True
        elif line.strip() == HIDDEN_END:
            hidden = False
        elif not hidden:
            lines.append(line)
    return "\n".join(lines)


def solution_block(source: str) -> str | None:
    """The text between the solution markers of a source cell, if any."""
    lines = source.splitlines()
    try:
        start = [line.strip() for line in lines].index(SOLUTION_BEGIN)
        end = [line.strip() for line in lines].index(SOLUTION_END)
    except ValueError:
        return None
    return "\n".join(lines[start + 1 : end]) if end > start else None

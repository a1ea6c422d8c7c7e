"""The click control's Python side: canonical answer lines, the MIME bundle, the static fallback.

Every answer line must read back (``ast``) to a value that ``normalise`` accepts as the same canonical answer,
because nbgrader grades exactly that line. The extension's TypeScript writer (``labextension/src/answer.ts``)
must write byte-identical lines: when its compiled JavaScript and Node are here, the same values go through it.
"""

from __future__ import annotations

import ast
import dataclasses
import itertools
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from veerkracht_lib import texts
from veerkracht_lib.answer_widget import MIME_TYPE, QuestionView, answer_bundle, answer_line
from veerkracht_lib.answers import normalise
from veerkracht_lib.checking import toon_vraag
from veerkracht_lib.model import Question, load_questions

QUESTIONS = load_questions()
BUNDLE_FIELDS = {
    "question",
    "variable",
    "type",
    "title",
    "prompt",
    "options",
    "items",
    "exclusive",
    "one_to_one",
    "template",
    "texts",
}


def _values(question: Question) -> list[Any]:
    """A spread of well-formed answers for one question (every code, combinations, partial fills)."""
    codes = list(question.options)
    plain = [c for c in codes if c not in question.exclusive]
    if question.type == "multilabel":
        values: list[Any] = [{c} for c in codes]
        values += [set(pair) for pair in itertools.combinations(plain, 2)]
        values += [set(plain[:4]), set(plain), list(reversed(plain[:3])), frozenset(plain[-2:])]
        return values
    if question.type == "single":
        return list(codes)
    if question.type == "ordering":
        return [list(p) for p in itertools.islice(itertools.permutations(codes), 0, None, 7)]
    items = list(question.items)
    values = [{item: codes[(n + shift) % len(codes)] for n, item in enumerate(items)} for shift in range(len(codes))]
    values.append({int(k) if k.isdigit() else k: code for k, code in values[0].items()})  # int keys, as typed
    return values


def _canonical(question: Question, value: Any) -> Any:
    result = normalise(question, value)
    assert result.ok, (question.id, value, result.problems)
    return result.value


def _read_back(question: Question, line: str) -> Any:
    tree = ast.parse(line)
    assert len(tree.body) == 1
    statement = tree.body[0]
    assert isinstance(statement, ast.Assign)
    assert [t.id for t in statement.targets] == [question.variable]  # type: ignore[attr-defined]
    node = statement.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "set" and not node.args:
        return set()
    return ast.literal_eval(node)


CASES = [(qid, n) for qid, q in sorted(QUESTIONS.items()) for n in range(len(_values(q)))]


@pytest.mark.parametrize(("qid", "n"), CASES)
def test_answer_line_reads_back_to_the_same_answer(qid: str, n: int) -> None:
    question = QUESTIONS[qid]
    value = _values(question)[n]
    line = answer_line(question, value)
    assert "\n" not in line
    assert line.startswith(f"{question.variable} = ")
    assert _canonical(question, _read_back(question, line)) == _canonical(question, value)
    assert answer_line(question, _canonical(question, value)) == line  # one line per answer


@pytest.mark.parametrize("qid", sorted(QUESTIONS))
def test_empty_answer_line_is_the_template(qid: str) -> None:
    question = QUESTIONS[qid]
    empty = {} if question.type in ("classification", "matching") else None
    assert answer_line(question, empty) == question.template
    assert not normalise(question, _read_back(question, question.template)).ok  # still "nothing filled in"


def test_canonical_shapes() -> None:
    multilabel = next(q for q in QUESTIONS.values() if q.type == "multilabel")
    first, second = [c for c in multilabel.options if c not in multilabel.exclusive][:2]
    assert answer_line(multilabel, {second, first}) == f'{multilabel.variable} = {{"{first}", "{second}"}}'
    assert answer_line(multilabel, set()) == f"{multilabel.variable} = set()"
    single = next(q for q in QUESTIONS.values() if q.type == "single")
    assert answer_line(single, first := next(iter(single.options))) == f'{single.variable} = "{first}"'
    assert answer_line(single, "") == f'{single.variable} = ""'
    ordering = next(q for q in QUESTIONS.values() if q.type == "ordering")
    order = list(reversed(list(ordering.options)))
    assert answer_line(ordering, order) == f"{ordering.variable} = [" + ", ".join(f'"{c}"' for c in order) + "]"
    assert answer_line(ordering, []) == f"{ordering.variable} = []"
    per_item = next(q for q in QUESTIONS.values() if q.type in ("classification", "matching"))
    items = list(per_item.items)
    code = next(iter(per_item.options))
    line = answer_line(per_item, {items[0]: code})
    assert line.startswith(f'{per_item.variable} = {{{items[0]}: "{code}", {items[1]}: "?"')


def test_item_keys_are_ints_only_for_plain_numbers() -> None:
    base = next(q for q in QUESTIONS.values() if q.type == "classification")
    question = dataclasses.replace(base, items={"1": "een", "01": "nul een", "b": "bee"})
    code = next(iter(question.options))
    line = answer_line(question, {"1": code, "b": code})
    assert line == f'{question.variable} = {{1: "{code}", "01": "?", "b": "{code}"}}'
    assert set(_read_back(question, line)) == {1, "01", "b"}


@pytest.mark.parametrize(
    ("kind", "value"),
    [("multilabel", {"XYZ"}), ("single", "XYZ"), ("ordering", ["XYZ"]), ("classification", {"99": "K"})],
)
def test_unknown_codes_and_items_raise(kind: str, value: Any) -> None:
    question = next(q for q in QUESTIONS.values() if q.type == kind)
    with pytest.raises(ValueError):
        answer_line(question, value)


def test_ordering_with_a_repeated_step_raises() -> None:
    question = next(q for q in QUESTIONS.values() if q.type == "ordering")
    code = next(iter(question.options))
    with pytest.raises(ValueError):
        answer_line(question, [code, code])


@pytest.mark.parametrize("qid", sorted(QUESTIONS))
def test_bundle_has_every_field(qid: str) -> None:
    question = QUESTIONS[qid]
    bundle = answer_bundle(question)
    assert set(bundle) == BUNDLE_FIELDS
    assert bundle["question"] == qid
    assert bundle["variable"] == f"antwoord_{qid}"
    assert bundle["type"] == question.type
    assert [o["code"] for o in bundle["options"]] == list(question.options)
    assert [o["label"] for o in bundle["options"]] == list(question.options.values())
    assert [i["id"] for i in bundle["items"]] == list(question.items)
    assert bundle["exclusive"] == list(question.exclusive)
    assert bundle["one_to_one"] is bool(question.one_to_one)
    assert bundle["template"] == question.template
    assert json.loads(json.dumps(bundle)) == bundle  # travels as JSON in the notebook
    for key in (f"legend_{question.type}", "how", "announce", "not_parsed", "no_cell", "fallback"):
        assert bundle["texts"][key], key


def test_every_text_the_control_uses_is_in_the_bundle() -> None:
    """Each ``this.t('key')`` in the TypeScript has a Dutch text in the bundle (no English fallback shows)."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "labextension" / "src").glob("*.ts"))
    used = set(__import__("re").findall(r"this\.t\(\s*'([a-z_]+)'", source))
    used |= {f"legend_{kind}" for kind in ("multilabel", "single", "ordering", "classification", "matching")}
    used |= {"order_at_top", "order_at_bottom", "order_chosen", "order_not_chosen"}
    bundle_texts = answer_bundle(next(iter(QUESTIONS.values())))["texts"]
    assert used - set(bundle_texts) == set()
    assert bundle_texts["fallback"] == texts.ANSWER_WIDGET_FALLBACK


@pytest.mark.parametrize("qid", sorted(QUESTIONS))
def test_question_view_bundle(qid: str) -> None:
    view = toon_vraag(qid)
    assert isinstance(view, QuestionView)
    bundle = view._repr_mimebundle_()
    assert set(bundle) == {MIME_TYPE, "text/html", "text/plain"}
    assert bundle[MIME_TYPE] == answer_bundle(QUESTIONS[qid])
    assert texts.ANSWER_WIDGET_FALLBACK in bundle["text/html"]
    assert QUESTIONS[qid].template in bundle["text/plain"]
    assert bundle["text/html"] == view._repr_html_()


def test_unknown_question_keeps_its_message() -> None:
    view = toon_vraag("zz9")
    assert not isinstance(view, QuestionView)
    assert "bestaat niet" in repr(view)


def test_html_fallback_is_escaped() -> None:
    base = next(q for q in QUESTIONS.values() if q.type == "classification")
    evil = "<script>alert('x')</script> & \"quotes\""
    question = dataclasses.replace(
        base,
        title=evil,
        prompt=evil,
        options={"K": evil, "R": "gewoon"},
        items={"1": evil, "2": "<b>vet</b>"},
    )
    bundle = QuestionView(question)._repr_mimebundle_()
    html = bundle["text/html"]
    assert "<script>" not in html and "<b>vet</b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;" in html
    assert bundle[MIME_TYPE]["title"] == evil  # data stays data: the extension sets it as text, never as HTML


# --- the TypeScript writer gives the same bytes ---------------------------------------------------
NODE = shutil.which("node")
LABEXTENSION = REPO / "labextension"


def _compiled_answer_module(tmp_path: Path) -> Path:
    """labextension/src/answer.ts compiled on its own into an ES module (npm ci first if needed)."""
    tsc = LABEXTENSION / "node_modules" / ".bin" / "tsc"
    if not tsc.exists() and shutil.which("npm"):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=LABEXTENSION, check=True)
    if not tsc.exists():
        pytest.skip("the extension's node_modules (typescript) are missing and npm is not available")
    out = tmp_path / "tsc"
    subprocess.run(
        [
            str(tsc),
            *("--outDir", str(out), "--module", "esnext", "--target", "ES2018", "--strict", "--skipLibCheck"),
            *("--lib", "ES2018,DOM", str(LABEXTENSION / "src" / "answer.ts")),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    module = tmp_path / "answer.mjs"
    module.write_text((out / "answer.js").read_text(encoding="utf-8"), encoding="utf-8")
    return module


@pytest.mark.skipif(NODE is None, reason="node is not available")
def test_typescript_writes_the_same_lines(tmp_path: Path) -> None:
    _compiled_answer_module(tmp_path)
    cases = []
    for question in QUESTIONS.values():
        bundle = answer_bundle(question)
        for value in [*_values(question), None]:
            if question.type == "multilabel":
                ts_value: Any = sorted(value or ())
            elif question.type in ("classification", "matching"):
                ts_value = {str(k): v for k, v in (value or {}).items()}
            else:
                ts_value = value
            cases.append({"bundle": bundle, "value": ts_value, "line": answer_line(question, value)})
    script = tmp_path / "check.mjs"
    script.write_text(
        "import { answerLine, readAnswer } from './answer.mjs';\n"
        "import { readFileSync } from 'node:fs';\n"
        "const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));\n"
        "const out = cases.map(c => {\n"
        "  const read = readAnswer(c.bundle, c.line + '\\n# rest of the cell');\n"
        "  return { line: answerLine(c.bundle, c.value), again: answerLine(c.bundle, read.value), parsed: read.parsed };\n"
        "});\n"
        "console.log(JSON.stringify(out));\n",
        encoding="utf-8",
    )
    data = tmp_path / "cases.json"
    data.write_text(json.dumps(cases), encoding="utf-8")
    done = subprocess.run([NODE, str(script), str(data)], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    for case, result in zip(cases, results, strict=True):
        assert result["line"] == case["line"]
        assert result["parsed"], case["line"]
        assert result["again"] == case["line"]  # what the control reads back it writes unchanged

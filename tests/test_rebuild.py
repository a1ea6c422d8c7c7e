"""A submission is data: reading it without trust, and rebuilding the graded notebook from the source.

Unit level: answers read as literals (never executed), broken and hostile files read without a crash, the
rebuilt notebook carrying only answers and inert reflection text, and feedback cleaned of tracebacks.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
import pytest
from helpers import REPO, modules

from veerkracht_lib.autograde import FAULT_MIME
from veerkracht_lib.grading.nbgrader_plugins import SanitiseFeedback
from veerkracht_lib.grading.rebuild import inert_text, rebuild
from veerkracht_lib.grading.submission import Submission, parse_submission, read_submission
from veerkracht_lib.protocol import Role, read_answer, role_of

STUB = "Schrijf hier je antwoord."


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ('antwoord_x1 = {"POL", "GRP"}', {"POL", "GRP"}),
        ('antwoord_x1 = set()\n# comment\nantwoord_x1 = {"POL"}\ncontroleer("a1", antwoord_x1)', {"POL"}),
        ("antwoord_x1 = set()", set()),
        ('antwoord_x1 = {1: "K", 2: "R"}', {1: "K", 2: "R"}),
        ('antwoord_x1 = ["POL"]  # mijn keuze', ["POL"]),
    ],
)
def test_literal_answers_are_read(source: str, value: object) -> None:
    assert read_answer(source, "antwoord_x1") == (True, value)


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        (
            "get_ipython().input_transformers_cleanup.append(lambda l: [])\nantwoord_x1 = {'POL'}",
            "meer dan het antwoord",
        ),
        ("antwoord_x1 = {'POL'}\nget_ipython().ast_node_interactivity = 'none'", "meer dan het antwoord"),
        ("import os\nantwoord_x1 = {'POL'}", "meer dan het antwoord"),
        ("antwoord_x1 = set(['POL'])", "geen gewone waarde"),
        ("antwoord_x1 = {'POL'} | {'GRP'}", "geen gewone waarde"),
        ("antwoord_x1 = 1e999", "geen gewone waarde"),  # inf cannot be written back as a literal
        ("antwoord_x1 = {'POL'", "schrijffout"),
        ("while True:\n    pass", "meer dan het antwoord"),
        ("# alleen commentaar", "geen regel antwoord_x1"),
        ("antwoord_x2 = {'POL'}", "meer dan het antwoord"),
        ("antwoord_x1 = '" + "x" * 6000 + "'", "te lang"),
        ("antwoord_x1 = " + "[" * 500 + "]" * 500, "schrijffout"),
        ("antwoord_x1 = " + "9" * 4400, "schrijffout"),
    ],
)
def test_code_is_never_accepted(source: str, fragment: str) -> None:
    ok, reason = read_answer(source, "antwoord_x1")
    assert not ok and fragment in reason


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b'{"cells": [',
        b"\xff\xfe not utf-8",
        b"[]",
        b'{"cells": {}}',
        b'{"cells": [1, "x", null, {"metadata": "x"}, {"metadata": {"nbgrader": 5}}]}',
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_broken_submissions_are_read_without_a_crash(raw: bytes) -> None:
    found = parse_submission(raw)
    assert isinstance(found, Submission)
    assert found.texts == {}


def test_first_of_duplicated_cells_counts_and_other_types_are_read_as_text() -> None:
    cells = [
        {
            "cell_type": "markdown",
            "metadata": {"nbgrader": {"grade_id": "antwoord_x1"}},
            "source": ["antwoord_x1 = ", '{"X"}'],
        },
        {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "antwoord_x1"}}, "source": 'antwoord_x1 = {"Y"}'},
        {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": 7}}, "source": "x"},
        {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "toets_a1"}}, "source": 42},
    ]
    found = parse_submission(json.dumps({"cells": cells}).encode())
    assert found.texts == {"antwoord_x1": 'antwoord_x1 = {"X"}'}
    assert found.counts["antwoord_x1"] == 2


def test_links_special_and_huge_files_are_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.ipynb"
    secret.write_text(json.dumps({"cells": [{"metadata": {"nbgrader": {"grade_id": "a"}}, "source": "geheim"}]}))
    link = tmp_path / "link.ipynb"
    link.symlink_to(secret)
    assert read_submission(link).problem and read_submission(link).texts == {}
    fifo = tmp_path / "fifo.ipynb"
    os.mkfifo(fifo)
    assert read_submission(fifo).problem  # returns at once, never blocks on a pipe
    assert read_submission(tmp_path / "gone.ipynb").problem
    big = tmp_path / "big.ipynb"
    big.write_bytes(b" " * 2_000_001)
    assert "te groot" in read_submission(big, max_bytes=2_000_000).problem


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[klik](javascript:alert(1))",
        "![x](javascript:alert(1))",
        "\\(\\href{javascript:alert(1)}{x}\\)",
        "$$\\href{javascript:alert(1)}{x}$$",
        "&lt;script&gt;",
        "<div>\n\n<script>alert(1)</script>",
    ],
)
def test_reflection_text_becomes_inert(payload: str) -> None:
    html = inert_text(f"Mijn antwoord.\n\n{payload}")
    assert "<script" not in html and "<img" not in html and 'onerror="' not in html
    assert "\n\n" not in html  # one HTML block: Markdown never reads the learner's text
    assert "tex2jax_ignore" in html and "mathjax_ignore" in html
    assert html.count("<div") == 1


def _source(module) -> nbformat.NotebookNode:
    return nbformat.read(REPO / "solutions" / module.assignment / f"{module.assignment}.ipynb", as_version=4)


@pytest.mark.parametrize("module", modules(), ids=lambda m: m.code)
def test_rebuild_takes_every_cell_from_the_source(module) -> None:
    source = _source(module)
    hostile = Submission(
        texts={
            **{
                f"antwoord_{q.id}": f"import os\nos.system('touch /tmp/x')\nantwoord_{q.id} = 1"
                for q in module.questions
            },
            **{f"toets_{q.id}": "42" for q in module.questions},
            "reflectie": "<script>alert(1)</script>",
            "intro": "# gewijzigd",
        },
        counts={},
    )
    rebuilt = rebuild(source, hostile, STUB, "# stub")
    assert len(rebuilt.notebook.cells) == len(source.cells)
    for mine, theirs in zip(rebuilt.notebook.cells, source.cells, strict=True):
        assert mine.cell_type == theirs.cell_type and mine.metadata == theirs.metadata and mine.id == theirs.id
        role = role_of(theirs)
        if role is Role.ANSWER:
            assert "Unreadable(" in mine.source and all(line.startswith("#") for line in mine.source.splitlines()[:-2])
        elif role is Role.REFLECTION:
            assert "<script" not in mine.source
        else:
            assert mine.source == theirs.source
    assert set(rebuilt.reasons) == {f"antwoord_{q.id}" for q in module.questions}


def test_blank_reflection_keeps_the_stub_so_nbgrader_sees_no_response() -> None:
    module = modules()[0]
    rebuilt = rebuild(_source(module), Submission(texts={"reflectie": f"  {STUB}\n"}), STUB, "# stub")
    cell = next(c for c in rebuilt.notebook.cells if role_of(c) is Role.REFLECTION)
    assert cell.source == STUB


def test_a_missing_notebook_gives_every_answer_a_reason() -> None:
    module = modules()[0]
    rebuilt = rebuild(_source(module), Submission(problem="kapot"), STUB, "# stub")
    assert all(reason == "kapot" for reason in rebuilt.reasons.values())
    assert len(rebuilt.reasons) == len(module.questions)


def _cell(source: str, **nbgrader) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"schema_version": 3, **nbgrader}
    return cell


def test_feedback_sanitiser_drops_tracebacks_and_fault_details() -> None:
    cell = _cell("toets", grade_id="toets_a1", grade=True, locked=True, points=1)
    cell.outputs = [
        nbformat.v4.new_output(
            "error", ename="NameError", evalue="x", traceback=["Cell In[3]", "points('a1', key={'POL'})"]
        ),
        nbformat.v4.new_output(
            "error", ename="AnswerFormError", evalue="m", traceback=["Vraag a1: Let op", "- bericht"]
        ),
        nbformat.v4.new_output(
            "display_data", data={FAULT_MIME: {"question": "a1", "detail": "KeyError: 'POL'"}, "text/plain": "x"}
        ),
        nbformat.v4.new_output("stream", name="stderr", text="Traceback: key={'POL'}"),
    ]
    out, _ = SanitiseFeedback().preprocess(nbformat.v4.new_notebook(cells=[cell]), {})
    text = json.dumps(out.cells[0].outputs)
    assert "key=" not in text and "KeyError" not in text and "Cell In" not in text
    assert "Vraag a1: Let op" in text and "niet aan jouw antwoord" in text

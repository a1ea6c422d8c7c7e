"""Answers read as data: each cell form turned into a literal assignment or a Dutch reason."""

from __future__ import annotations

import nbformat
import pytest

from veerkracht_lib.preprocessors import ReadAnswersAsData, SanitiseFeedback, read_answer


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ('antwoord_a1 = {"POL", "GRP"}', {"POL", "GRP"}),
        ('antwoord_a1 = set()\n# comment\nantwoord_a1 = {"POL"}\ncontroleer("a1", antwoord_a1)', {"POL"}),
        ("antwoord_a1 = set()", set()),
        ('antwoord_a3 = {1: "K", 2: "R"}', {1: "K", 2: "R"}),
        ('antwoord_a1 = ["POL"]  # mijn keuze', ["POL"]),
    ],
)
def test_literal_answers_are_read(source: str, value: object) -> None:
    assert read_answer(source, source.split()[0]) == (True, value)


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        (
            "get_ipython().input_transformers_cleanup.append(lambda l: [])\nantwoord_a1 = {'POL'}",
            "meer dan het antwoord",
        ),
        ("antwoord_a1 = {'POL'}\nget_ipython().ast_node_interactivity = 'none'", "meer dan het antwoord"),
        ("import os\nantwoord_a1 = {'POL'}", "meer dan het antwoord"),
        ("antwoord_a1 = set(['POL'])", "geen gewone waarde"),
        ("antwoord_a1 = {'POL'} | {'GRP'}", "geen gewone waarde"),
        ("antwoord_a1 = {'POL'", "schrijffout"),
        ("while True:\n    pass", "meer dan het antwoord"),
        ("# alleen commentaar", "geen regel antwoord_a1"),
        ("antwoord_a2 = {'POL'}", "meer dan het antwoord"),
        ("antwoord_a1 = '" + "x" * 6000 + "'", "te lang"),
        ("antwoord_a1 = " + "[" * 500 + "]" * 500, "schrijffout"),
    ],
)
def test_code_is_never_accepted(source: str, fragment: str) -> None:
    ok, reason = read_answer(source, "antwoord_a1")
    assert not ok and fragment in reason


def _cell(source: str, **nbgrader) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    if nbgrader:
        cell.metadata["nbgrader"] = {"schema_version": 3, **nbgrader}
    return cell


def test_preprocessor_replaces_answers_and_neutralises_other_code() -> None:
    nb = nbformat.v4.new_notebook(
        cells=[
            _cell("from veerkracht_lib import controleer", grade_id="start", locked=True),
            _cell('antwoord_a1 = {"POL"}\ncontroleer("a1", antwoord_a1)', grade_id="antwoord_a1", solution=True),
            _cell("import os; os.system('rm -rf /')"),
            _cell("x = 1", grade_id="forged", locked=False, solution=False, grade=False),
            _cell("antwoord_a2 = exec('1')", grade_id="antwoord_a2", solution=True),
            _cell("toets_vorm('a1')", grade_id="toets_a1", grade=True, locked=True, points=2),
        ]
    )
    out, _ = ReadAnswersAsData().preprocess(nb, {})
    sources = [c.source for c in out.cells]
    assert sources[0] == "from veerkracht_lib import controleer"
    assert sources[1] == "antwoord_a1 = {'POL'}"
    assert all(line.startswith("#") for line in sources[2].splitlines())
    assert all(line.startswith("#") for line in sources[3].splitlines())
    assert "Unreadable(" in sources[4] and "exec" not in sources[4].splitlines()[-1]
    assert sources[5] == "toets_vorm('a1')"


def test_feedback_sanitiser_drops_tracebacks_of_test_cells() -> None:
    cell = _cell("toets", grade_id="toets_a1", grade=True, locked=True, points=1)
    cell.outputs = [
        nbformat.v4.new_output(
            "error",
            ename="NameError",
            evalue="x",
            traceback=["Cell In[3], line 4", "punten('a1', sleutel={'POL'})"],
        ),
        nbformat.v4.new_output(
            "error", ename="AnswerFormError", evalue="m", traceback=["Vraag a1: Let op", "- bericht"]
        ),
    ]
    nb = nbformat.v4.new_notebook(cells=[cell])
    out, _ = SanitiseFeedback().preprocess(nb, {})
    first, second = out.cells[0].outputs
    assert "sleutel" not in " ".join(first.traceback)
    assert second.traceback == ["Vraag a1: Let op", "- bericht"]

"""The real nbgrader round trip on module a: generate, submit, autograde, gradebook, feedback.

One cohort of fictional learners, each probing one behaviour: full marks, untouched, partial, malformed,
cheating, looping, deleted cells. The course's nbgrader_config.py is used as is, with plain nbgrader commands.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import REPO

from veerkracht_lib.workspace import tool_env

ASSIGNMENT = "a_democratische_vorming"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
pytestmark = pytest.mark.slow


def _solution_lines(source_nb: nbformat.NotebookNode) -> dict[str, str]:
    """grade_id of each answer cell -> the solution line inside its BEGIN/END SOLUTION block."""
    out = {}
    for cell in source_nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id.startswith("antwoord_"):
            block = re.search(r"### BEGIN SOLUTION\n(.*?)\n### END SOLUTION", cell.source, re.S)
            out[grade_id] = block.group(1)
    return out


def _answer_cell(nb: nbformat.NotebookNode, qid: str) -> nbformat.NotebookNode:
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == f"antwoord_{qid}")


def _fill(nb: nbformat.NotebookNode, qid: str, line: str, keep_check: bool = True) -> None:
    cell = _answer_cell(nb, qid)
    rest = [line for line in cell.source.splitlines()[1:] if keep_check or not line.startswith("controleer")]
    cell.source = "\n".join([line, *rest])


def _reflect(nb: nbformat.NotebookNode, text: str) -> None:
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "reflectie")
    cell.source = text


def _learners(release: nbformat.NotebookNode, solutions: dict[str, str]) -> dict[str, nbformat.NotebookNode]:
    learners: dict[str, nbformat.NotebookNode] = {}

    def copy() -> nbformat.NotebookNode:
        return nbformat.from_dict(nbformat.reads(nbformat.writes(release), as_version=4))

    goed = copy()
    for grade_id, line in solutions.items():
        _fill(goed, grade_id.removeprefix("antwoord_"), line)
    _reflect(
        goed,
        "Een leerling zei iets over 'die lui'. Ik liet het gaan. Nu zou ik een klassenvergadering houden.",
    )
    learners["goed"] = goed

    learners["leeg"] = copy()

    deels = copy()
    for grade_id, line in solutions.items():
        _fill(deels, grade_id.removeprefix("antwoord_"), line)
    _fill(deels, "a1", 'antwoord_a1 = {"POL"}')  # one of two required factors: half of 2 points
    _fill(deels, "a5", 'antwoord_a5 = "A"')  # the defensible value: half of 1 point
    learners["deels"] = deels

    vorm = copy()
    for grade_id, line in solutions.items():
        _fill(vorm, grade_id.removeprefix("antwoord_"), line)
    _fill(vorm, "a1", 'antwoord_a1 = {"PLO", "REK", "GRP"}')  # a typo in a code
    _fill(vorm, "a2", 'antwoord_a2 = {"POL", "GRP"')  # a syntax error
    _fill(vorm, "a5", "antwoord_a5 = 5")  # a wrong type
    learners["vorm"] = vorm

    vals = copy()
    _fill(vals, "a1", "get_ipython().input_transformers_cleanup.append(lambda lines: [])\nantwoord_a1 = {'SOC'}")
    _fill(vals, "a2", "antwoord_a2 = {'SOC'}\nget_ipython().ast_node_interactivity = 'none'")
    _fill(vals, "a3", "import veerkracht_lib.autograde as m\nm.punten = lambda *a, **k: 3\nantwoord_a3 = {}")
    extra = nbformat.v4.new_code_cell(
        "import veerkracht_lib.scoring as s\ns.score = lambda *a, **k: 1.0\n"
        "get_ipython().input_transformers_cleanup.append(lambda lines: [])"
    )
    vals.cells.insert(3, extra)
    test_a4 = next(c for c in vals.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "toets_a4")
    test_a4.source = "2"  # an edited locked test cell
    forged = nbformat.v4.new_code_cell("antwoord_a5 = 'F'")
    forged.metadata["nbgrader"] = {
        "grade_id": "antwoord_a5",
        "solution": True,
        "grade": False,
        "locked": False,
        "schema_version": 3,
    }
    vals.cells.append(forged)  # a forged duplicate answer cell after the real one
    learners["vals"] = vals

    lus = copy()
    _fill(lus, "a1", "while True:\n    pass")
    _fill(lus, "a2", "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass")
    lus.cells.insert(2, nbformat.v4.new_code_cell("print('x' * 10_000_000)"))
    for grade_id, line in solutions.items():
        if grade_id not in ("antwoord_a1", "antwoord_a2"):
            _fill(lus, grade_id.removeprefix("antwoord_"), line)
    learners["lus"] = lus

    geknipt = copy()
    for grade_id, line in solutions.items():
        _fill(geknipt, grade_id.removeprefix("antwoord_"), line)
    geknipt.cells = [
        c for c in geknipt.cells if c.metadata.get("nbgrader", {}).get("grade_id") not in ("antwoord_a2", "toets_a3")
    ]
    learners["geknipt"] = geknipt
    return learners


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict:
    course = tmp_path_factory.mktemp("course")
    shutil.copytree(REPO / "solutions", course / "solutions")
    shutil.copy(REPO / "nbgrader_config.py", course)
    env = tool_env()
    env["VEERKRACHT_HOME"] = str(tmp_path_factory.mktemp("home"))
    done = _run(["generate_assignment", ASSIGNMENT, "--force"], course, env)
    assert done.returncode == 0, done.stderr
    release = nbformat.read(course / "exercises" / ASSIGNMENT / NOTEBOOK, as_version=4)
    source = nbformat.read(course / "solutions" / ASSIGNMENT / NOTEBOOK, as_version=4)
    learners = _learners(release, _solution_lines(source))
    for student, nb in learners.items():
        target = course / "submitted" / student / ASSIGNMENT / NOTEBOOK
        target.parent.mkdir(parents=True)
        nbformat.write(nb, target)
    autograde = _run(["autograde", ASSIGNMENT, "--force"], course, env)
    feedback = _run(["generate_feedback", ASSIGNMENT, "--force"], course, env)
    from nbgrader.api import Gradebook

    scores: dict[str, dict[str, float]] = {}
    manual: dict[str, bool] = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student in learners:
            submission = gb.find_submission_notebook(ASSIGNMENT.split("/")[-1], ASSIGNMENT, student)
            scores[student] = {g.name: g.score for g in submission.grades}
            manual[student] = submission.needs_manual_grade
        max_score = gb.find_assignment(ASSIGNMENT).max_score
    return {
        "course": course,
        "autograde": autograde,
        "feedback_run": feedback,
        "scores": scores,
        "manual": manual,
        "max_score": max_score,
        "source": source,
    }


def _feedback(graded: dict, student: str) -> str:
    return (graded["course"] / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text(encoding="utf-8")


def _auto_max(graded: dict) -> dict[str, float]:
    return {
        c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"]
        for c in graded["source"].cells
        if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")
    }


def test_autograde_and_feedback_complete_for_everyone(graded: dict) -> None:
    assert graded["autograde"].returncode == 0, graded["autograde"].stdout + graded["autograde"].stderr
    assert graded["feedback_run"].returncode == 0, graded["feedback_run"].stderr
    assert set(graded["scores"]) == {"goed", "leeg", "deels", "vorm", "vals", "lus", "geknipt"}
    assert graded["max_score"] == sum(_auto_max(graded).values()) + 3


def test_solution_earns_full_automatic_marks(graded: dict) -> None:
    scores = graded["scores"]["goed"]
    for name, points in _auto_max(graded).items():
        assert scores[name] == points, name
    assert graded["manual"]["goed"]  # the reflection waits for the trainer


def test_untouched_notebook_scores_zero(graded: dict) -> None:
    assert all(score == 0 for name, score in graded["scores"]["leeg"].items() if name in _auto_max(graded))
    assert "nog niets ingevuld" in _feedback(graded, "leeg")


def test_partial_credit_in_points(graded: dict) -> None:
    scores = graded["scores"]["deels"]
    assert scores["toets_a1"] == pytest.approx(1.0)
    assert scores["toets_a5"] == pytest.approx(0.5)
    assert scores["toets_a3"] == 3


def test_malformed_answers_score_zero_with_the_reason_in_the_feedback(graded: dict) -> None:
    scores = graded["scores"]["vorm"]
    assert scores["toets_a1"] == scores["toets_a2"] == scores["toets_a5"] == 0
    assert scores["toets_a3"] == 3  # the rest still counts
    html = _feedback(graded, "vorm")
    assert "Bedoel je &#39;POL&#39;" in html or "Bedoel je 'POL'" in html
    assert "schrijffout" in html
    assert "één code tussen aanhalingstekens" in html


def test_cheating_answer_cells_score_zero(graded: dict) -> None:
    scores = graded["scores"]["vals"]
    for name in ("toets_a1", "toets_a2", "toets_a3", "toets_a4", "toets_a5", "toets_a6", "toets_a7"):
        assert scores[name] == 0, name
    assert "meer dan het antwoord" in _feedback(graded, "vals")


def test_loops_and_interrupt_ignoring_code_never_run(graded: dict) -> None:
    scores = graded["scores"]["lus"]
    assert scores["toets_a1"] == scores["toets_a2"] == 0
    assert scores["toets_a3"] == 3
    html = _feedback(graded, "lus")
    assert "niet uitgevoerd" in html
    assert len(html) < 2_000_000  # the ten-million-character print never ran


def test_deleted_cells_cost_only_their_own_points(graded: dict) -> None:
    scores = graded["scores"]["geknipt"]
    assert scores["toets_a2"] == 0
    assert scores["toets_a3"] == 3  # the deleted test cell was restored from the source
    assert "ontbreekt" in _feedback(graded, "geknipt")


@pytest.mark.parametrize("student", ["goed", "leeg", "deels", "vorm", "vals", "lus", "geknipt"])
def test_feedback_never_shows_hidden_tests_or_keys(graded: dict, student: str) -> None:
    html = _feedback(graded, student)
    assert "HIDDEN" not in html
    assert "sleutel" not in html
    assert "punten(" not in html
    assert "kritiek=" not in html
    assert "Traceback (most recent call last)" not in html and "Cell In[" not in html

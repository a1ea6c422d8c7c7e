"""Every notebook run top to bottom in a real kernel; the lesson outline; no committed outputs; links."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import nbformat
import pytest
from conftest import REPO
from nbclient import NotebookClient

OUTLINE = [
    "Overzicht",
    "Leerdoelen",
    "Uitleg",
    "Casussen",
    "Opdrachten",
    "Reflectie",
    "Samenvatting",
    "Bronnen",
]
LESSONS = sorted((REPO / "course").rglob("*.ipynb"))
# The course overview is the learner's start and return page, not a lesson: it has no objectives, cases,
# exercises or sources of its own, so the lesson outline does not apply to it (every other check does).
OVERVIEW = REPO / "course" / "00_overzicht.ipynb"
OUTLINED = [p for p in LESSONS if p != OVERVIEW]
SOURCES = sorted((REPO / "solutions").rglob("*.ipynb"))
RELEASES = sorted((REPO / "exercises").rglob("*.ipynb"))
ALL = [*LESSONS, *SOURCES, *RELEASES]


def _ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(REPO)) for p in paths]


@functools.cache
def execute(path: Path, allow_errors: bool = False) -> nbformat.NotebookNode:
    """Run a notebook once per test session; tests only read the result."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=60,
        kernel_name="python3",
        allow_errors=allow_errors,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return nb


def _outputs(nb: nbformat.NotebookNode, kind: str) -> list[dict]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == kind]


@pytest.mark.slow
@pytest.mark.parametrize("path", [*LESSONS, *SOURCES], ids=_ids([*LESSONS, *SOURCES]))
def test_notebook_runs_clean_in_a_real_kernel(path: Path) -> None:
    nb = execute(path)
    assert _outputs(nb, "error") == []
    stderr = [o["text"] for o in _outputs(nb, "stream") if o["name"] == "stderr"]
    assert stderr == []
    assert _outputs(nb, "display_data") or _outputs(nb, "execute_result")


@pytest.mark.slow
@pytest.mark.parametrize("path", SOURCES, ids=_ids(SOURCES))
def test_solution_test_cells_award_full_points(path: Path) -> None:
    nb = execute(path)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade"):
            results = [o for o in cell.outputs if o.output_type == "execute_result"]
            assert float(results[0]["data"]["text/plain"]) == meta["points"], meta["grade_id"]


@pytest.mark.slow
@pytest.mark.parametrize("path", RELEASES, ids=_ids(RELEASES))
def test_untouched_exercise_runs_through_with_dutch_form_messages(path: Path) -> None:
    """Run All goes to the end: every test cell shows a Dutch form message, never an error or traceback."""
    nb = execute(path, allow_errors=True)
    assert _outputs(nb, "error") == []
    tests = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"]
    for cell in tests:
        shown = " ".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
        assert "Let op de vorm" in shown, cell.metadata["nbgrader"]["grade_id"]
        assert "Traceback" not in shown and "File " not in shown
    checks = [o for o in _outputs(nb, "execute_result") if "Vraag" in o["data"].get("text/plain", "")]
    assert checks, "controleer() shows its result under each answer cell"


@pytest.mark.parametrize("path", OUTLINED, ids=_ids(OUTLINED))
def test_lesson_follows_the_outline(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    headings = [
        line[3:].strip()
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("## ")
    ]
    assert headings == OUTLINE
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


@pytest.mark.parametrize("path", ALL, ids=_ids(ALL))
def test_committed_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", [*LESSONS, *RELEASES], ids=_ids([*LESSONS, *RELEASES]))
def test_relative_links_point_to_existing_files(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for target in re.findall(r"\]\(([^)#\s]+\.ipynb)\)", cell.source):
            assert (path.parent / target).resolve().exists(), f"{path.name}: {target}"


@pytest.mark.parametrize("path", LESSONS, ids=_ids(LESSONS))
def test_lessons_warn_about_privacy_in_reflection(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    text = " ".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "echte namen" in text

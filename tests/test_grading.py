"""The real nbgrader round trip for every assignment, graded twice: with stock ``nbgrader autograde`` in a cohort
directory made by ``veerkracht cohort init`` (the course's configuration), and with ``veerkracht grade``.

The cohort is generated from the source (``cohort_factory.py``): honest learners and hostile ones of every class.
Both graders must give identical scores to everyone; every hostile learner earns exactly what its answers earn,
leaves no side effect and no process; the run completes for all; feedback holds no hidden test, key or live
HTML; the gradebook is intact.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import nbformat
import psutil
import pytest
from cohort_factory import PAYLOAD, learners, write
from helpers import REPO, VENV_BIN, keys_file, modules

from veerkracht_lib.lab import tool_env

pytestmark = pytest.mark.slow
MODULES = modules()


def _kernels() -> set[int]:
    found = set()
    for proc in psutil.process_iter(["pid", "cmdline"]):
        cmd = " ".join(proc.info["cmdline"] or [])
        if "ipykernel" in cmd:
            found.add(proc.info["pid"])
    return found


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=tool_env(), capture_output=True, text=True, timeout=1800)


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("cohort")
    markers = base / "markers"
    markers.mkdir()
    secret = base / "secret.txt"
    secret.write_text("GEHEIM-TRAINERBESTAND")
    stock = base / "stock"
    init = _run([str(VENV_BIN / "veerkracht"), "cohort", "init", str(stock), "--source", str(REPO / "solutions")], base)
    assert init.returncode == 0, init.stdout + init.stderr
    roster = base / "roster.csv"
    roster.write_text("id,voornaam,achternaam,e-mail\ngoed,Anna,de Vries,anna@example.org\nleeg,Bas,,\n")
    loaded = _run([str(VENV_BIN / "veerkracht"), "cohort", "students", str(stock), str(roster)], base)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    expectations: dict[str, dict[str, str]] = {}
    for module in MODULES:
        release = nbformat.read(stock / "release" / module.assignment / f"{module.assignment}.ipynb", as_version=4)
        solution = stock / "source" / module.assignment / f"{module.assignment}.ipynb"
        for learner in learners(module, release, markers, secret, solution):
            write(learner, stock / "submitted" / learner.name / module.assignment)
            expectations.setdefault(module.assignment, {})[learner.name] = learner.expect
    fast = base / "fast"
    shutil.copytree(stock, fast, symlinks=True)
    before = _kernels()
    stock_run = [_run([sys.executable, "-m", "nbgrader", "autograde", m.assignment, "--force"], stock) for m in MODULES]
    fast_run = _run([str(VENV_BIN / "veerkracht"), "grade", str(fast), "--jobs", "2", "--force"], base)
    feedback = {d: _run([str(VENV_BIN / "veerkracht"), "feedback", str(d)], base) for d in (stock, fast)}
    return {
        "base": base,
        "stock": stock,
        "fast": fast,
        "markers": markers,
        "stock_run": stock_run,
        "fast_run": fast_run,
        "feedback": feedback,
        "expect": expectations,
        "new_kernels": _kernels() - before,
    }


def _scores(course: Path) -> dict[tuple[str, str], dict[str, float | None]]:
    from veerkracht_lib.grading.cohort import gradebook

    out: dict[tuple[str, str], dict[str, float | None]] = {}
    with gradebook(course) as gb:
        for assignment in gb.assignments:
            for submission in assignment.submissions:
                for notebook in submission.notebooks:
                    out[(assignment.name, submission.student.id)] = {g.name: g.score for g in notebook.grades}
    return out


def _auto_points(module) -> dict[str, float]:
    return {f"toets_{q.id}": q.points for q in module.questions}


def test_both_runs_complete_for_everyone(cohort: dict) -> None:
    assert cohort["fast_run"].returncode == 0, cohort["fast_run"].stdout + cohort["fast_run"].stderr
    for course in ("stock", "fast"):
        scores = _scores(cohort[course])
        for module in MODULES:
            for learner in cohort["expect"][module.assignment]:
                assert (module.assignment, learner) in scores, (course, module.assignment, learner)
                grades = scores[(module.assignment, learner)]
                assert all(grades[name] is not None for name in _auto_points(module)), (course, learner)


def test_stock_and_veerkracht_grade_give_identical_scores(cohort: dict) -> None:
    assert _scores(cohort["stock"]) == _scores(cohort["fast"])


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.code)
def test_every_learner_earns_exactly_what_its_answers_earn(cohort: dict, module) -> None:
    scores = _scores(cohort["fast"])
    points = _auto_points(module)
    full = sum(points.values())
    for learner, expect in cohort["expect"][module.assignment].items():
        grades = scores[(module.assignment, learner)]
        auto = {name: grades[name] for name in points}
        total = sum(auto.values())
        if expect == "full":
            assert auto == points, (learner, auto)
        elif expect == "zero":
            assert total == 0, (learner, auto)
        elif expect == "low":
            assert total < full, (learner, auto)
        elif expect == "partial":
            assert 0 <= total <= full, (learner, auto)
        elif expect.startswith("all-but:"):
            gone = f"toets_{expect.split(':')[1]}"
            assert auto[gone] == 0 and all(auto[n] == p for n, p in points.items() if n != gone), (learner, auto)
        assert all(0 <= (grades[name] or 0) <= points[name] for name in points), (learner, grades)


def test_no_side_effect_and_no_process_left(cohort: dict) -> None:
    assert sorted(p.name for p in cohort["markers"].iterdir()) == []
    alive = [pid for pid in cohort["new_kernels"] if psutil.pid_exists(pid)]
    assert alive == []


@pytest.mark.parametrize("course", ["stock", "fast"])
def test_nothing_the_learner_sent_reaches_the_autograded_folder(cohort: dict, course: str) -> None:
    for path in (cohort[course] / "autograded").rglob("*"):
        assert not path.is_symlink()
        if path.is_file():
            assert path.suffix == ".ipynb", path
            assert "GEHEIM-TRAINERBESTAND" not in path.read_text(encoding="utf-8", errors="replace")


@pytest.mark.parametrize("course", ["stock", "fast"])
def test_feedback_is_dutch_and_holds_no_hidden_test_key_or_live_html(cohort: dict, course: str) -> None:
    run = cohort["feedback"][cohort[course]]
    assert run.returncode == 0, run.stdout + run.stderr
    pages = sorted((cohort[course] / "feedback").rglob("*.html"))
    assert len(pages) >= sum(len(v) for v in cohort["expect"].values()) - 2 * len(MODULES)
    rationales = [e.rationale.strip()[:60] for m in MODULES for e in keys_file(m).keys.values()]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for forbidden in (
            "BEGIN HIDDEN",
            "points(",
            "key=",
            "Traceback (most recent",
            "Test cell",
            "Student's answer",
            "Score:",
        ):
            assert forbidden not in html, (page, forbidden)
        assert "<script>document.title" not in html
        assert not re.search(r"<img[^>]*onerror", html) and 'href="javascript:' not in html
        assert "GEHEIM-TRAINERBESTAND" not in html
        assert not [r for r in rationales if r and r in html]
        assert "No response." not in html


def test_feedback_explains_the_right_answer(cohort: dict) -> None:
    module = MODULES[0]
    page = cohort["fast"] / "feedback" / "goed" / module.assignment / f"{module.assignment}.html"
    html = page.read_text(encoding="utf-8")
    assert len(re.findall(r"class=[\"']veerkracht-explanation[\"']", html)) == len(module.questions)
    assert all(f"Uitleg bij vraag {q.id}" in html for q in module.questions)


def test_gradebook_is_intact_and_backed_up(cohort: dict) -> None:
    for course in ("stock", "fast"):
        with sqlite3.connect(cohort[course] / "gradebook.db") as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    backups = list((cohort["fast"] / "backups").glob("gradebook-*.db"))
    assert backups
    with sqlite3.connect(backups[0]) as db:
        assert db.execute("select count(*) from submitted_assignment").fetchone()[0] == 0


def test_summary_names_the_zeros_with_their_reason_and_the_manual_work(cohort: dict) -> None:
    out = cohort["fast_run"].stdout
    assert "nagekeken" in out and "met de hand" in out
    assert "kon niet worden gelezen" in out  # the truncated notebook
    assert "meer dan het antwoord" in out  # code in answer cells


def test_roster_loaded_names(cohort: dict) -> None:
    from veerkracht_lib.grading.cohort import gradebook

    with gradebook(cohort["stock"]) as gb:
        anna = gb.find_student("goed")
        assert (anna.first_name, anna.last_name, anna.email) == ("Anna", "de Vries", "anna@example.org")


def test_payload_is_present_but_inert_in_the_autograded_notebook(cohort: dict) -> None:
    module = MODULES[0]
    nb = json.loads(
        (cohort["fast"] / "autograded" / "html" / module.assignment / f"{module.assignment}.ipynb").read_text()
    )
    text = json.dumps(nb)
    assert "&lt;script&gt;" in text and "<script>" not in text and "<img src=x" not in text
    assert PAYLOAD.format(tag="x")[:20] not in text

"""The trainer's tools on a small real cohort: the formgrader page and the feedback of a learner whose reflection
holds an active payload, opened in headless Chromium (nothing runs); the report (figures with text alternatives,
mastery per value and risk factor, anonymised answers, personal data flagged, axe-clean) and the exports."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from helpers import REPO, VENV_BIN, answer_line, modules, right_value

from veerkracht_lib.grading.report import elf_proef, personal_data
from veerkracht_lib.lab import CHROMIUM, CHROMIUM_ARGS, free_port, tool_env

AXE = REPO / "labextension/node_modules/axe-core/axe.min.js"
PAYLOAD = (
    '<script>document.title="PWNED"; window.pwned = 1;</script>'
    "<img src=x onerror=\"window.pwned = 1; document.title='PWNED'\">"
    "\n\n[klik](javascript:window.pwned=1) $\\href{javascript:window.pwned=1}{x}$"
)


def test_eleven_test_and_personal_data_patterns() -> None:
    assert elf_proef("111222333") and not elf_proef("123456789")
    assert personal_data("Mail me op jan@voorbeeld.nl") == ["e-mailadres"]
    assert "telefoonnummer" in personal_data("Bel 06-12345678")
    assert "adres (postcode of straat met huisnummer)" in personal_data("Hij woont op 1234 AB 12")
    assert "burgerservicenummer (BSN)" in personal_data("BSN 111222333")
    assert personal_data("Groep 8, 11 jaar, 25 leerlingen, 2024") == []
    assert "burgerservicenummer (BSN)" not in personal_data("nummer 123456789")


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("trainer")
    module = modules()[0]
    source = base / "source-only"
    shutil.copytree(REPO / "solutions" / module.assignment, source / module.assignment)
    course = base / "groep"
    env = tool_env()
    init = subprocess.run(
        [str(VENV_BIN / "veerkracht"), "cohort", "init", str(course), "--source", str(source)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert init.returncode == 0, init.stdout + init.stderr
    roster = base / "deelnemers.csv"
    roster.write_text(
        "id;voornaam;achternaam;e-mail\nanna;Anna;Jansen;anna@example.org\nbas;Bas;Pieters;bas@example.org\n"
        "kwaad naam;X;Y;z\nanna;dubbel;dubbel;\n",
        encoding="utf-8",
    )
    loaded = subprocess.run(
        [str(VENV_BIN / "veerkracht"), "cohort", "students", str(course), str(roster)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert loaded.returncode == 1 and "2 deelnemer(s)" in loaded.stdout and "Regel 4" in loaded.stderr
    release = nbformat.read(course / "release" / module.assignment / f"{module.assignment}.ipynb", as_version=4)
    for student, reflection in (("anna", "Mijn reflectie.\n\n" + PAYLOAD), ("bas", "Mail mij: bas@voorbeeld.nl")):
        nb = nbformat.from_dict(json.loads(json.dumps(release)))
        for cell in nb.cells:
            gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if gid.startswith("antwoord_"):
                question = next(q for q in module.questions if q.variable == gid)
                cell.source = answer_line(question, right_value(question))
            if gid == "reflectie":
                cell.source = reflection
        folder = course / "submitted" / student / module.assignment
        folder.mkdir(parents=True)
        (folder / f"{module.assignment}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    for command in ("grade", "feedback", "report", "export"):
        done = subprocess.run(
            [str(VENV_BIN / "veerkracht"), command, str(course)], env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    return course


def test_report_shows_the_cohort(course: Path) -> None:
    html = (course / "rapport.html").read_text(encoding="utf-8")
    assert html.count("<img src='data:image/png;base64,") >= 3
    assert html.count("Tekstversie van de figuur") == html.count("<img ")
    assert "Wederkerigheid" in html and "Groepsdynamiek" in html
    assert "e-mailadres" in html and "bas@voorbeeld.nl" not in html  # flagged, never shown
    assert "<script" not in html and "PWNED" not in html
    assert "Welke antwoorden koos de groep" in html


def test_exports_are_accepted_shapes(course: Path) -> None:
    folder = course / "export"
    moodle = list(csv.DictReader((folder / "moodle.csv").open(encoding="utf-8")))
    assert {row["Email address"] for row in moodle} == {"anna@example.org", "bas@example.org"}
    canvas = list(csv.reader((folder / "canvas.csv").open(encoding="utf-8")))
    assert canvas[0][:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert canvas[1][0] == "Points Possible" and float(canvas[1][5]) > 0
    assert any(row[0] == "Jansen, Anna" for row in canvas)
    assert (folder / "nbgrader.csv").read_text().startswith("assignment,")


def _inert(page) -> None:
    page.wait_for_timeout(1500)
    assert "PWNED" not in page.title()
    assert page.evaluate("() => window.pwned === undefined")
    assert page.evaluate("() => document.querySelectorAll('img[onerror]').length") == 0
    assert page.evaluate("() => [...document.querySelectorAll('a')].every(a => !a.href.startsWith('javascript:'))")


@pytest.mark.browser
@pytest.mark.slow
def test_formgrader_and_feedback_show_the_payload_inert(course: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from veerkracht_lib.grading.cohort import gradebook

    module = modules()[0]
    with gradebook(course) as gb:
        submission_id = gb.find_submission_notebook(module.assignment, module.assignment, "anna").id
    port = free_port()
    env = tool_env()
    env["JUPYTER_CONFIG_DIR"] = str(tmp_path / "jupyter-config")
    lab = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "server",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--IdentityProvider.token=trainer-token",
            f"--ServerApp.root_dir={course}",
            "--allow-root",
            "--ServerApp.jpserver_extensions={'nbgrader.server_extensions.formgrader': True}",
        ],
        cwd=course,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            for _ in range(120):
                try:
                    response = page.goto(
                        f"http://127.0.0.1:{port}/formgrader/submissions/{submission_id}/?token=trainer-token"
                    )
                    if response and response.status == 200:
                        break
                except Exception:
                    pass
                page.wait_for_timeout(500)
            assert "Mijn reflectie" in page.content()
            _inert(page)
            feedback = course / "feedback" / "anna" / module.assignment / f"{module.assignment}.html"
            page.goto(feedback.as_uri())
            assert "Mijn reflectie" in page.content() and "Jouw antwoord" in page.content()
            _inert(page)
            if AXE.exists():
                page.add_script_tag(path=str(AXE))
                result = page.evaluate(
                    "async () => (await axe.run(document.querySelector('.veerkracht-reflection').parentElement)).violations.map(v => v.id)"
                )
                assert result == []
            page.goto((course / "rapport.html").as_uri())
            _inert(page)
            if AXE.exists():
                page.add_script_tag(path=str(AXE))
                violations = page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)")
                assert violations == []
            assert dialogs == []
            browser.close()
    finally:
        lab.terminate()
        lab.wait(timeout=30)

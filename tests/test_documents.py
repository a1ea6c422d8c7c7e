"""Printable PDFs from the course data, read back with pypdf: the handout per module, the self-paced
deelnamebewijs (refused with what is missing, issued after), and the cohort deelnamebewijs from a real gradebook."""

from __future__ import annotations

import io
import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import nbformat
import pypdf
import pytest
from conftest import REPO, VENV_BIN
from helpers import answer_line, right_value, wrong_value
from test_overview import play

from veerkracht_lib import controleer, maak_deelnamebewijs, maak_handout
from veerkracht_lib.documents import certificate_pdf, dutch_date, handout_pdf
from veerkracht_lib.figures import alt_text
from veerkracht_lib.model import load_framework, load_modules, load_referrals, load_vignettes
from veerkracht_lib.protocol import grade_id

MODULES = list(load_modules().values())


def _text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _structure(data: bytes) -> tuple[pypdf.PdfReader, list[dict]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    tree = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    document = tree["/K"][0].get_object()
    return reader, [kid.get_object() for kid in document["/K"]]


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing may leave the machine: any attempt to open a connection fails the test."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.code)
def test_handout_holds_the_module_data(module, offline, progress_home: Path) -> None:
    data = handout_pdf(module)
    text = _text(data)
    assert module.title.split(":")[-1].strip() in text
    for objective in module.objectives:
        assert _flat(objective.text) in text
    load = module.study_load
    assert f"{load.lesson} minuten voor de les en {load.exercises} minuten voor de opdracht" in text
    referrals = load_referrals()
    for item in referrals.referrals:
        assert _flat(item.name) in text
    assert f"Laatst gecontroleerd: {dutch_date(referrals.checked)}" in text
    for vignette in load_vignettes().values():
        assert (vignette.title in text) == (vignette.module == module.code)
    reader, elements = _structure(data)
    assert len(reader.pages) == 2  # one sheet, printed on both sides
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]
    assert module.title in reader.metadata.title
    kinds = [e["/S"] for e in elements]
    assert kinds[:2] == ["/P", "/H1"] and kinds.count("/Figure") == 1 and kinds.count("/H2") >= 5
    figure = next(e for e in elements if e["/S"] == "/Figure")
    full, whole = alt_text(load_framework(), module.programme), alt_text(load_framework(), None)
    assert figure["/Alt"] == full  # the model's own text version, with the highlighted programme
    if module.programme:
        programme = load_framework().programme(module.programme)
        assert full != whole and programme.name in full.removeprefix(whole)
        assert _flat(full.removeprefix(whole)) in text  # also printed under the figure
    for private in (str(progress_home), str(Path.home())):
        assert private.encode() not in data and private not in text


def test_handout_from_the_notebook_and_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tool_env: dict[str, str]
) -> None:
    workspace = tmp_path / "werkmap"
    (workspace / "course").mkdir(parents=True)
    (workspace / "exercises").mkdir()
    monkeypatch.chdir(workspace / "course")
    view = maak_handout(" B ")
    assert view.path == workspace / "documenten" / "handout-module-b.pdf" and view.path.stat().st_size > 20_000
    assert "href='../documenten/handout-module-b.pdf'" in view._repr_html_()
    assert str(tmp_path) not in repr(view)  # shown relative to the workspace, not as a home path
    assert "bestaat niet" in repr(maak_handout("x")) and maak_handout("x").path is None
    assert "aanhalingstekens" in repr(maak_handout(3))
    done = subprocess.run(
        [str(VENV_BIN / "veerkracht"), "handout", "s", "--uitvoer", str(tmp_path / "uit")],
        env=tool_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert load_modules()["s"].title in _text((tmp_path / "uit" / "handout-module-s.pdf").read_bytes())
    wrong = subprocess.run(
        [str(VENV_BIN / "veerkracht"), "handout", "q"], env=tool_env, capture_output=True, text=True, timeout=60
    )
    assert wrong.returncode == 2 and "Kies uit: a, b" in wrong.stderr and "Traceback" not in wrong.stderr


def test_notebook_calls_never_write_into_the_course_files(monkeypatch: pytest.MonkeyPatch, progress_home) -> None:
    monkeypatch.chdir(REPO / "course")
    view = maak_handout("a")
    assert view.path is not None and view.path.is_relative_to(progress_home)
    assert not list((REPO / "course").rglob("*.pdf")) and not (REPO / "documenten").exists()


def test_deelnamebewijs_is_refused_with_what_is_missing_then_issued(
    tmp_path: Path, progress_home: Path, offline
) -> None:
    refused = maak_deelnamebewijs(naam="Sam de Vries-Ödegaard", map=tmp_path)
    assert refused.path is None and "Nog geen deelnamebewijs" in repr(refused)
    assert len(refused.missing) == len(MODULES) and "nog niet begonnen" in refused.missing[0]

    vignettes = load_vignettes()
    last_case = sorted(vignettes)[-1]
    for cid in sorted(vignettes):
        if cid != last_case:
            play(cid, progress_home)
    questions = [q for m in MODULES for q in m.questions]
    for n, question in enumerate(questions[:-1]):  # answered counts, right or not
        controleer(question.id, right_value(question) if n % 3 else wrong_value(question))
    refused = maak_deelnamebewijs(naam="Sam de Vries-Ödegaard", map=tmp_path)
    assert refused.path is None and len(refused.missing) == 1
    missing = refused.missing[0]
    assert vignettes[last_case].title in missing and questions[-1].id in missing
    assert questions[-2].id not in missing.split("vragen")[-1]
    assert not list(tmp_path.iterdir())

    play(last_case, progress_home)
    controleer(questions[-1].id, wrong_value(questions[-1]))
    assert "naam" in repr(maak_deelnamebewijs(naam="Typ hier je naam", map=tmp_path))
    assert "één regel" in repr(maak_deelnamebewijs(naam="Sam\nde Vries", map=tmp_path))
    assert maak_deelnamebewijs(map=tmp_path).path is None
    made = maak_deelnamebewijs(naam="  Sam   de Vries-Ödegaard ", map=tmp_path)
    assert made.path == tmp_path / "deelnamebewijs-veerkracht.pdf"
    data = made.path.read_bytes()
    text = _text(data)
    assert "Sam de Vries-Ödegaard" in text and "Deelnamebewijs" in text
    assert "geen erkend certificaat" in text and "SKJ" in text and "Registerplein" in text
    for module in MODULES:
        assert module.title in text
    total = sum(m.study_load.total for m in MODULES)
    assert f"{total} min" in text and f"Alle {len(vignettes)} casussen" in text
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL" and reader.metadata.title == "Deelnamebewijs Veerkracht"
    assert "Sam" not in json.dumps({k: str(v) for k, v in reader.metadata.items()})  # the name is on the page only
    for private in (str(progress_home), str(Path.home()), str(tmp_path), "voortgang", "nog_niet", "attempts"):
        assert private.encode() not in data and private not in text


def test_deelnamebewijs_command_line(tmp_path: Path, tool_env: dict[str, str]) -> None:
    done = subprocess.run(
        [str(VENV_BIN / "veerkracht"), "deelnamebewijs", "--naam", "Sam", "--uitvoer", str(tmp_path)],
        env=tool_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "Dit mist nog" in done.stderr and "Module s" in done.stderr
    assert not list(tmp_path.iterdir())


def test_a_long_name_and_every_module_fit_on_one_page() -> None:
    name = "Maria-Fernanda van den Heuvel-Oudshoorn Ç"
    data = certificate_pdf(name, MODULES, "Alle opdrachten zijn ingeleverd en nagekeken.", cohort=True)
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == 1
    assert name in _text(data) and "cijferlijst" in _text(data)


# --- a cohort: a real gradebook made by `veerkracht cohort init`, one module, two learners --------------------
def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_cohort_deelnamebewijs_from_the_gradebook(tmp_path: Path, tool_env: dict[str, str]) -> None:
    module = load_modules()["a"]
    source = tmp_path / "bron"
    shutil.copytree(REPO / "solutions" / module.assignment, source / module.assignment)
    course = tmp_path / "groep"
    veerkracht = str(VENV_BIN / "veerkracht")
    init = _run([veerkracht, "cohort", "init", str(course), "--source", str(source)], tmp_path, tool_env)
    assert init.returncode == 0, init.stdout + init.stderr
    roster = tmp_path / "deelnemers.csv"
    roster.write_text("id,voornaam,achternaam,e-mail\nanna,Anna,de Vries,\nbas,Bas,Jansen,\n", encoding="utf-8")
    assert _run([veerkracht, "cohort", "students", str(course), str(roster)], tmp_path, tool_env).returncode == 0

    release = nbformat.read(course / "release" / module.assignment / f"{module.assignment}.ipynb", as_version=4)
    for question in module.questions:
        cell = next(c for c in release.cells if grade_id(c) == question.variable)
        cell.source = "\n".join([answer_line(question, right_value(question)), *cell.source.splitlines()[1:]])
    submitted = course / "submitted" / "anna" / module.assignment
    submitted.mkdir(parents=True)
    nbformat.write(release, submitted / f"{module.assignment}.ipynb")
    graded = _run([sys.executable, "-m", "nbgrader", "autograde", module.assignment], course, tool_env)
    assert graded.returncode == 0, graded.stdout + graded.stderr

    bas = _run([veerkracht, "deelnamebewijs", "--cohort", str(course), "--student", "bas"], tmp_path, tool_env)
    assert bas.returncode == 1 and "bas" in bas.stderr and module.assignment in bas.stderr

    out = tmp_path / "bewijzen"
    everyone = _run([veerkracht, "deelnamebewijs", "--cohort", str(course), "--uitvoer", str(out)], tmp_path, tool_env)
    assert everyone.returncode == 0, everyone.stdout + everyone.stderr
    assert sorted(p.name for p in out.iterdir()) == ["deelnamebewijs-anna.pdf"]
    data = (out / "deelnamebewijs-anna.pdf").read_bytes()
    text = _text(data)
    assert "Anna de Vries" in text and module.title in text and "De opdracht is ingeleverd en nagekeken" in text
    assert "groep met een trainer" in text and "geen erkend certificaat" in text
    assert "Bas" not in text and str(course).encode() not in data and str(tmp_path) not in text

    named = _run(
        [veerkracht, "deelnamebewijs", "--cohort", str(course), "--student", "anna", "--naam", "A. de Vries"],
        tmp_path,
        tool_env,
    )
    assert named.returncode == 0, named.stderr
    assert "A. de Vries" in _text((course / "deelnamebewijzen" / "deelnamebewijs-anna.pdf").read_bytes())

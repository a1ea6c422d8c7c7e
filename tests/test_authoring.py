"""A module is data: ``veerkracht build --check`` catches an author's mistakes, planted in a temporary copy of the
repository, with a message the author understands; and a small synthetic module added as data only passes the
build, the checks and the real nbgrader round trip, with no code change.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest
import yaml
from helpers import REPO

from veerkracht_lib.lab import tool_env

pytestmark = pytest.mark.slow
IGNORE = shutil.ignore_patterns(".git", ".venv", "node_modules", "__pycache__", ".ipynb_checkpoints", "*.pyc", "lib")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("pristine") / "repo"
    shutil.copytree(REPO, copy, ignore=IGNORE)
    return copy


def _copy(pristine: Path, tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(pristine, target)
    return target


def _env(copy: Path) -> dict[str, str]:
    env = tool_env()
    env["PYTHONPATH"] = str(copy)  # the copy's package, with its own content
    return env


def _build(copy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "veerkracht_lib.authoring.build", *args],
        cwd=copy,
        env=_env(copy),
        capture_output=True,
        text=True,
        timeout=900,
    )


def _first_module(copy: Path) -> tuple[str, str]:
    code = sorted(p.stem for p in (copy / "veerkracht_lib/content/modules").glob("*.yaml"))[0]
    raw = yaml.safe_load((copy / f"veerkracht_lib/content/modules/{code}.yaml").read_text(encoding="utf-8"))
    return code, raw["assignment"]


def _edit_source(copy: Path, change: Callable[[nbformat.NotebookNode], None]) -> None:
    _code, assignment = _first_module(copy)
    path = copy / "solutions" / assignment / f"{assignment}.ipynb"
    nb = nbformat.read(path, as_version=4)
    change(nb)
    path.write_text(nbformat.writes(nb), encoding="utf-8")


def _misspelled_grade_id(copy: Path) -> None:
    def change(nb: nbformat.NotebookNode) -> None:
        cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id", "").startswith("antwoord_"))
        qid = cell.metadata["nbgrader"]["grade_id"].removeprefix("antwoord_")
        cell.metadata["nbgrader"]["grade_id"] = f"antwoord_{qid[0]}0{qid[1:]}"

    _edit_source(copy, change)


def _template_differs(copy: Path) -> None:
    def change(nb: nbformat.NotebookNode) -> None:
        cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id", "").startswith("antwoord_"))
        lines = cell.source.splitlines()
        cell.source = "\n".join([lines[0].split("=")[0] + '= "anders"', *lines[1:]])

    _edit_source(copy, change)


def _missing_test_cell(copy: Path) -> None:
    def change(nb: nbformat.NotebookNode) -> None:
        index = next(
            n for n, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id", "").startswith("toets_")
        )
        del nb.cells[index]

    _edit_source(copy, change)


def _unknown_key_in_a_case(copy: Path) -> None:
    path = sorted((copy / "veerkracht_lib/content/vignettes").glob("*.yaml"))[0]
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    step = raw["steps"][raw["start"]]
    step["options"][0]["feedbak"] = step["options"][0].pop("feedback")
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _codes_differ_only_in_case(copy: Path) -> None:
    code, _ = _first_module(copy)
    path = copy / f"veerkracht_lib/content/modules/{code}.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    question = next(q for q in raw["questions"] if q["type"] == "multilabel")
    first = next(iter(question["options"]))
    question["options"][first.lower() if first != first.lower() else first.upper()] = "dezelfde code, andere letters"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _lesson_calls_unknown_case(copy: Path) -> None:
    code, _ = _first_module(copy)
    raw = yaml.safe_load((copy / f"veerkracht_lib/content/modules/{code}.yaml").read_text(encoding="utf-8"))
    path = copy / raw["lesson"]
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell('speel_casus("zz9_bestaat_niet")'))
    path.write_text(nbformat.writes(nb), encoding="utf-8")


def _unused_case(copy: Path) -> None:
    source = sorted((copy / "veerkracht_lib/content/vignettes").glob("*.yaml"))[0]
    raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    raw["id"] = raw["id"].split("_")[0] + "9_ongebruikt"
    (source.parent / f"{raw['id']}.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")


def _key_for_unknown_option(copy: Path) -> None:
    _code, assignment = _first_module(copy)
    path = copy / "solutions" / f"{assignment}.keys.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    qid = next(iter(raw["keys"]))
    entry = raw["keys"][qid]
    key = entry["key"]
    entry["key"] = (
        ["QQQ"]
        if isinstance(key, list)
        else {"QQQ": 1.0}
        if isinstance(key, dict) and all(isinstance(v, float) for v in key.values())
        else {k: "QQQ" for k in key}
    )
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")


MISTAKES = {
    "misspelled grade id": (_misspelled_grade_id, r"answer cell for .*not a question.*misspelled grade id"),
    "template differs from the bank": (_template_differs, r"the bank's template is"),
    "missing test cell": (_missing_test_cell, r"needs exactly one test cell toets_\w+, found 0"),
    "unknown key in a case": (_unknown_key_in_a_case, r"unknown key 'feedbak' \(did you mean 'feedback'\?\)"),
    "codes differing only in case": (_codes_differ_only_in_case, r"differ only in case"),
    "lesson calls a case that does not exist": (
        _lesson_calls_unknown_case,
        r"speel_casus\('zz9_bestaat_niet'\) names a case that does not exist",
    ),
    "content no notebook uses": (_unused_case, r"is played in no lesson notebook"),
    "key names an option that does not exist": (_key_for_unknown_option, r"'QQQ' is not an option"),
}


def test_the_pristine_copy_passes(pristine: Path) -> None:
    done = _build(pristine, "--check")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_build_check_catches_the_mistake(pristine: Path, tmp_path: Path, name: str) -> None:
    plant, message = MISTAKES[name]
    copy = _copy(pristine, tmp_path)
    plant(copy)
    done = _build(copy, "--check")
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(message, done.stdout), done.stdout
    assert "Traceback" not in done.stdout + done.stderr


# --- a synthetic module, added as data only ---------------------------------------------------------
SYNTHETIC = {
    "veerkracht_lib/content/modules/x.yaml": """
        code: x
        title: Proefmodule
        lesson: course/modules/x_proef.ipynb
        assignment: x_proef
        study_load: {lesson: 10, exercises: 10}
        objectives:
          - {id: lo1, text: "Je kunt een proef doen."}
        practice:
          - id: x_p1
            prompt: "Is dit een proef?"
            options:
              - {text: "Ja, dit is een proef.", correct: true, feedback: "Juist."}
              - {text: "Nee, dit is echt.", correct: false, feedback: "Niet juist."}
        questions:
          - id: x1
            objective: lo1
            type: multilabel
            title: "Welke factoren?"
            prompt: "Kies de factoren die je ziet."
            options: {SOC: "Sociaal", POL: "Politiek", ONV: "Onvoldoende informatie"}
            exclusive: [ONV]
            example: '{"SOC"}'
            points: 2
            sources: [artikel]
            tags: [SOC, protective]
          - id: x2
            objective: lo1
            type: single
            title: "Welke waarde?"
            prompt: "Welke waarde helpt?"
            options: {A: "Wederkerigheid", B: "Inclusie", C: "Zorgzaamheid"}
            example: '"B"'
            points: 1
            sources: [artikel]
          - id: x3
            objective: lo1
            type: classification
            title: "Feit of mening?"
            prompt: "Sorteer."
            items: {1: "Het regent.", 2: "Regen is vervelend."}
            options: {F: "Feit", I: "Interpretatie"}
            points: 1
            sources: [artikel]
        reflection:
          title: "Reflectie"
          prompt: "Wat leerde je? Gebruik geen echte namen."
          variants: {leraar: "In de klas.", jongerenwerker: "In het centrum.", wijkagent: "In de wijk.", beleidsmaker: "In de gemeente."}
          points: 2
          rubric:
            - {criterion: "Inhoud", points: 2, zero: "Niets.", half: "Iets.", full: "Veel."}
        """,
    "solutions/x_proef.keys.yaml": """
        assignment: x_proef
        keys:
          x1:
            key: [POL]
            optional: [SOC]
            rationale: "Proefsleutel voor de test."
            sources: [artikel]
            explanations: {SOC: "Mag.", POL: "Hoort erbij.", ONV: "Er is genoeg informatie."}
          x2:
            key: {C: 1.0, A: 0.5}
            rationale: "Proefsleutel voor de test."
            sources: [artikel]
            explanations: {A: "Deels.", B: "Niet.", C: "Best."}
          x3:
            key: {1: F, 2: I}
            rationale: "Proefsleutel voor de test."
            sources: [artikel]
            explanations: {1: "Waarneembaar.", 2: "Een oordeel."}
        reflection:
          trainer_notes: "Let op de inhoud."
          model_answer: "Een sterk antwoord noemt iets concreets."
          examples:
            - {answer: "Ik leerde iets.", score: 1, comment: "Vaag."}
            - {answer: "Ik leerde dat feit en oordeel verschillen.", score: 2, comment: "Concreet."}
        """,
    "veerkracht_lib/content/vignettes/x1_proef.yaml": """
        id: x1_proef
        module: x
        title: Proefcasus
        setting: online
        ideology: geen-zorg
        professional: "Sam, jongerenwerker"
        situation: "Een proef."
        start: s1
        steps:
          s1:
            prompt: "Wat doe je?"
            dilemma: true
            options:
              - {text: "Praten.", quality: strong, feedback: "Goed.", serves: [A], next: s2}
              - {text: "Vragen.", quality: reasonable, feedback: "Kan.", serves: [F], next: s2}
          s2:
            prompt: "En dan?"
            options:
              - {text: "Afronden.", quality: strong, feedback: "Goed.", serves: [C], end: e1}
              - {text: "Stoppen.", quality: weak, feedback: "Jammer.", harms: [C], end: e1}
        endings:
          e1: {title: "Klaar", debrief: "Dit was een proef.", strengthened: [A]}
        sources: [artikel]
        """,
}


def _lesson() -> nbformat.NotebookNode:
    headings = ["Overzicht", "Leerdoelen", "Uitleg", "Casussen", "Opdrachten", "Reflectie", "Samenvatting", "Bronnen"]
    cells = [nbformat.v4.new_markdown_cell("# Module x: Proef")]
    cells += [nbformat.v4.new_markdown_cell(f"## {h}") for h in headings]
    cells.insert(2, nbformat.v4.new_code_cell("from veerkracht_lib import oefenvraag, speel_casus"))
    cells += [
        nbformat.v4.new_code_cell('speel_casus("x1_proef")'),
        nbformat.v4.new_code_cell('oefenvraag("x_p1")'),
        nbformat.v4.new_markdown_cell("[Opdracht](../../exercises/x_proef/x_proef.ipynb). Gebruik geen echte namen."),
    ]
    return nbformat.v4.new_notebook(cells=cells)


def test_a_synthetic_module_passes_build_checks_and_the_round_trip(pristine: Path, tmp_path: Path) -> None:
    copy = _copy(pristine, tmp_path)
    for rel, text in SYNTHETIC.items():
        (copy / rel).write_text(textwrap.dedent(text), encoding="utf-8")
    (copy / "course/modules/x_proef.ipynb").write_text(nbformat.writes(_lesson()), encoding="utf-8")

    built = _build(copy)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (copy / "solutions/x_proef/x_proef.ipynb").exists()
    assert (copy / "exercises/x_proef/x_proef.ipynb").exists()
    checked = _build(copy, "--check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    selfcheck = json.loads((copy / "veerkracht_lib/content/selfcheck.json").read_text(encoding="utf-8"))
    assert {"x1", "x2", "x3"} <= set(selfcheck)

    course = tmp_path / "cohort"
    env = _env(copy)
    init = subprocess.run(
        [
            sys.executable,
            "-m",
            "veerkracht_lib.cli",
            "cohort",
            "init",
            str(course),
            "--source",
            str(copy / "solutions"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert init.returncode == 0, init.stdout + init.stderr
    release = nbformat.read(course / "release/x_proef/x_proef.ipynb", as_version=4)
    answers = {
        "goed": {"x1": '{"POL"}', "x2": '"C"', "x3": '{1: "F", 2: "I"}'},
        "vals": {"x1": 'exec("1")', "x2": '"C"\nimport os', "x3": "{}"},
    }
    for student, lines in answers.items():
        nb = nbformat.from_dict(json.loads(json.dumps(release)))
        for cell in nb.cells:
            gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if gid.startswith("antwoord_"):
                cell.source = f"{gid} = {lines[gid.removeprefix('antwoord_')]}"
        folder = course / "submitted" / student / "x_proef"
        folder.mkdir(parents=True)
        (folder / "x_proef.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    for command in (
        [sys.executable, "-m", "nbgrader", "autograde", "x_proef", "--force"],
        [sys.executable, "-m", "veerkracht_lib.cli", "grade", str(course), "--force"],
    ):
        done = subprocess.run(command, cwd=course, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
        from veerkracht_lib.grading.cohort import gradebook

        with gradebook(course) as gb:
            scores = {
                s.student.id: {g.name: g.score for g in s.notebooks[0].grades}
                for s in gb.find_assignment("x_proef").submissions
            }
        auto = {k: v for k, v in scores["goed"].items() if k != "reflectie"}
        assert auto == {"toets_x1": 2.0, "toets_x2": 1.0, "toets_x3": 1.0}
        assert scores["vals"]["toets_x1"] == 0 and scores["vals"]["toets_x2"] == 0 and scores["vals"]["toets_x3"] == 0
    assert os.listdir(course / "autograded" / "goed" / "x_proef") == ["x_proef.ipynb"]

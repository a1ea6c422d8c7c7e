"""One source of truth, and no answer key in anything a learner receives.

Everything generated from the data (the nbgrader source, selfcheck.json, exercises/, the docs' schema
reference) is regenerated and compared with what is committed. Then every secret of the instructor side (keys,
rationales, explanations, trainer notes, model answers, solution lines, hidden tests) is searched for in
exercises/, course/, the built wheel and the source distribution.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import nbformat
import pytest
from helpers import REPO, answer_line, keys_file, modules, right_value

from veerkracht_lib.authoring import build

pytestmark = pytest.mark.slow
MARKERS = ["BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "key=", "rationale:", "trainer_notes"]


def test_everything_generated_is_in_sync_with_the_data() -> None:
    assert build.check(REPO) == []


def _secrets() -> list[str]:
    """Every instructor-side text a learner must never see, as searchable strings."""
    found: list[str] = []
    for module in modules():
        keys = keys_file(module)
        for question in module.questions:
            entry = keys.keys[question.id]
            found.append(answer_line(question, right_value(question)))
            found.append(entry.rationale.strip()[:80])
            found += [text.strip()[:80] for text in entry.explanations.values() if len(text.strip()) > 25]
        found.append(keys.reflection.trainer_notes.strip()[:80])
        found.append(keys.reflection.model_answer.strip()[:80])
        found += [e.answer.strip()[:80] for e in keys.reflection.examples]
    for path in build.source_notebooks(REPO):
        for cell in nbformat.read(path, as_version=4).cells:
            for block in re.findall(r"### BEGIN HIDDEN TESTS\n(.*?)\n### END HIDDEN TESTS", cell.source, re.S):
                found += [line.strip() for line in block.splitlines() if len(line.strip()) > 25]
    # an answer line that is also the template (e.g. an empty right answer) is not a secret
    templates = {q.template for m in modules() for q in m.questions}
    return sorted({s for s in found if s and s not in templates})


def _scan(name: str, text: str, secrets: list[str]) -> list[str]:
    return [f"{name}: {s[:60]}" for s in secrets if s in text]


def test_the_scan_finds_the_secrets_where_they_are() -> None:
    """The scan can fail: every secret is found on the instructor side."""
    secrets = _secrets()
    assert len(secrets) >= 100
    import yaml

    loaded = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (REPO / "solutions").glob("*.keys.yaml")]
    text = json.dumps(loaded, ensure_ascii=False).replace("\\n", "\n").replace('\\"', '"')
    text += "\n".join(c.source for p in build.source_notebooks(REPO) for c in nbformat.read(p, as_version=4).cells)
    missing = [s for s in secrets if s not in text]
    assert missing == []


def _learner_files() -> list[Path]:
    return [p for d in ("exercises", "course") for p in (REPO / d).rglob("*") if p.is_file()]


def _readable(name: str, raw: bytes) -> str:
    text = raw.decode("utf-8", errors="replace")
    if name.endswith(".ipynb"):
        with contextlib.suppress(Exception):
            text += "\n" + "\n".join(c.source for c in nbformat.reads(text, as_version=4).cells)
    return text


def test_no_secret_in_exercises_or_course() -> None:
    secrets = _secrets()
    leaks = []
    for path in _learner_files():
        leaks += _scan(str(path.relative_to(REPO)), _readable(path.name, path.read_bytes()), secrets + MARKERS)
    assert leaks == []


def test_selfcheck_holds_hashes_and_sealed_texts_only() -> None:
    data = json.loads((REPO / "veerkracht_lib/content/selfcheck.json").read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    assert _scan("selfcheck.json", text, _secrets()) == []


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return {"wheel": next(out.glob("*.whl")), "sdist": next(out.glob("*.tar.gz"))}


def _members(dist: Path) -> dict[str, bytes]:
    if dist.suffix == ".whl":
        with zipfile.ZipFile(dist) as archive:
            return {name: archive.read(name) for name in archive.namelist()}
    with tarfile.open(dist) as archive:
        return {m.name: archive.extractfile(m).read() for m in archive.getmembers() if m.isfile()}  # type: ignore[union-attr]


def test_wheel_ships_the_learner_notebooks_but_no_instructor_files(dists: dict[str, Path]) -> None:
    names = list(_members(dists["wheel"]))
    assert "veerkracht_lib/_notebooks/course/00_introductie.ipynb" in names
    assert any(n.startswith("veerkracht_lib/_notebooks/exercises/") for n in names)
    assert any(n.endswith("veerkracht_feedback/index.html.j2") for n in names)
    assert not [n for n in names if "solutions" in n or n.endswith((".keys.yaml", "nbgrader_config.py"))]


def test_sdist_has_no_solutions_or_keys(dists: dict[str, Path]) -> None:
    names = list(_members(dists["sdist"]))
    assert not [n for n in names if "/solutions/" in n or n.endswith(".keys.yaml")]


@pytest.mark.parametrize("kind", ["wheel", "sdist"])
def test_no_secret_in_what_ships(dists: dict[str, Path], kind: str) -> None:
    secrets = _secrets()
    leaks = []
    for name, raw in _members(dists[kind]).items():
        text = _readable(name, raw)
        leaks += _scan(name, text, secrets)
        if not name.endswith(".py") and not name.endswith(".md"):  # code and docs name the markers they handle
            leaks += _scan(name, text, MARKERS)
    assert leaks == []

"""One source of truth, and no answer key in anything a learner receives.

exercises/ and selfcheck.json are regenerated from solutions/ and compared with what is committed. Then every
secret of solutions/ (solution blocks, hidden tests, trainer notes, key literals) is searched for in exercises/,
course/ and the built wheel.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from conftest import REPO

from veerkracht_lib import build

pytestmark = pytest.mark.slow


def test_exercises_and_selfcheck_are_in_sync_with_solutions() -> None:
    assert build.drift(REPO) == []


def _secrets() -> list[str]:
    """Every piece of solutions/ a learner must never see, as searchable strings."""
    found: list[str] = []
    for path in build.source_notebooks(REPO):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for begin, end in (
                ("BEGIN SOLUTION", "END SOLUTION"),
                ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS"),
            ):
                for block in re.findall(rf"### {begin}\n(.*?)\n### {end}", cell.source, re.S):
                    found += [line.strip() for line in block.splitlines() if len(line.strip()) > 12]
    # the hidden-test lines hold every key in plaintext: punten("a1", sleutel=...)
    return sorted(set(found))


MARKERS = ["BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "sleutel="]


def _scan(name: str, text: str, secrets: list[str]) -> list[str]:
    return [f"{name}: {s[:60]}" for s in secrets if s in text]


def test_secrets_are_found_in_solutions_itself() -> None:
    """The scan can fail: it finds the secrets where they are."""
    secrets = _secrets()
    assert len(secrets) >= 15
    text = "\n".join(c.source for p in build.source_notebooks(REPO) for c in nbformat.read(p, as_version=4).cells)
    assert all(s in text for s in secrets)
    assert sum("sleutel=" in s for s in secrets) == len(build.extract_keys(REPO))


def _learner_files() -> list[Path]:
    return [p for d in ("exercises", "course") for p in (REPO / d).rglob("*") if p.is_file()]


def test_no_secret_in_exercises_or_course() -> None:
    secrets = _secrets()
    leaks = []
    for path in _learner_files():
        raw = path.read_text(encoding="utf-8")
        text = raw
        if path.suffix == ".ipynb":
            text = "\n".join(c.source for c in nbformat.reads(raw, as_version=4).cells)
        leaks += _scan(str(path.relative_to(REPO)), text, secrets + MARKERS)
    assert leaks == []


def test_selfcheck_holds_hashes_only() -> None:
    data = json.loads((REPO / "veerkracht_lib/content/selfcheck.json").read_text(encoding="utf-8"))

    def leaves(value):
        if isinstance(value, dict):
            for k, v in value.items():
                yield k
                yield from leaves(v)
        elif isinstance(value, list):
            for v in value:
                yield from leaves(v)
        else:
            yield value

    for qid, entry in data.items():
        for leaf in leaves(entry["key"]):
            assert isinstance(leaf, float) or re.fullmatch(r"[0-9a-f]{24}|\d+", str(leaf)), (qid, leaf)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return next(out.glob("*.whl"))


def test_wheel_ships_the_learner_notebooks_but_no_solutions(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "veerkracht_lib/_notebooks/course/00_introductie.ipynb" in names
    assert any(n.startswith("veerkracht_lib/_notebooks/exercises/") for n in names)
    assert "veerkracht_lib/content/selfcheck.json" in names
    assert not [n for n in names if "solutions" in n or n.endswith("nbgrader_config.py")]


def test_no_secret_in_the_wheel(wheel: Path) -> None:
    secrets = _secrets()
    leaks = []
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8", errors="replace")
            if name.endswith(".ipynb"):
                text = "\n".join(c.source for c in nbformat.reads(text, as_version=4).cells)
            leaks += _scan(name, text, secrets)
            if not name.endswith(".py"):  # the library's code names the markers and keyword it handles
                leaks += _scan(name, text, MARKERS)
    assert leaks == []

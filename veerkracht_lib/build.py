"""Author's build step: from ``solutions/`` (the one source) to what learners get.

1. Read each graded question's key from the hidden tests in ``solutions/`` (parsed, never executed) and
   write their salted hashes to ``veerkracht_lib/content/selfcheck.json``.
2. Regenerate ``exercises/`` with ``nbgrader generate_assignment`` (a throw-away gradebook, so none is left
   in the repository).

``python -m veerkracht_lib.build`` does both; ``--check`` only reports drift (the tests use it).
"""

from __future__ import annotations

import argparse
import ast
import json
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import nbformat

from . import selfcheck
from .model import CONTENT_DIR, load_questions
from .workspace import tool_env

SELFCHECK_PATH = CONTENT_DIR / "selfcheck.json"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"


def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


def source_notebooks(root: Path) -> list[Path]:
    return sorted((root / "solutions").glob("*/*.ipynb"))


def _keys_in(source: str) -> list[tuple[str, Any, Any, Any]]:
    """The ``punten("qid", sleutel=..., kritiek=..., optioneel=...)`` calls in one test cell's source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "punten":
            qid = ast.literal_eval(node.args[0])
            kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords}
            found.append((qid, kwargs.get("sleutel"), kwargs.get("kritiek", ()), kwargs.get("optioneel", ())))
    return found


def extract_keys(root: Path) -> dict[str, tuple[Any, Any, Any]]:
    """Question id -> (key, critical pairs, optional labels), as written in the hidden tests."""
    keys: dict[str, tuple[Any, Any, Any]] = {}
    for path in source_notebooks(root):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code" and HIDDEN_BEGIN in cell.source:
                for qid, key, critical, optional in _keys_in(cell.source):
                    if qid in keys:
                        raise ValueError(f"{path}: question {qid} has more than one key")
                    keys[qid] = (key, critical, optional)
    return keys


def selfcheck_entries(root: Path, old: dict[str, Any]) -> dict[str, Any]:
    questions = load_questions()
    keys = extract_keys(root)
    missing = sorted(set(questions) - set(keys))
    unknown = sorted(set(keys) - set(questions))
    if missing or unknown:
        raise ValueError(f"keys missing for {missing}, keys for unknown questions {unknown}")
    entries = {}
    for qid, (key, critical, optional) in sorted(keys.items()):
        salt = old.get(qid, {}).get("salt") or secrets.token_hex(8)
        entries[qid] = selfcheck.hash_key(questions[qid], key, critical, salt, optional)
    return entries


def _normalised(path: Path) -> dict[str, Any]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        cell.pop("id", None)
    return nb


def generate_release(root: Path, out: Path) -> None:
    """Run nbgrader generate_assignment for every assignment in ``solutions/`` into ``out``."""
    with tempfile.TemporaryDirectory() as tmp:
        for assignment in sorted(p.name for p in (root / "solutions").iterdir() if p.is_dir()):
            cmd = [
                sys.executable,
                "-m",
                "nbgrader",
                "generate_assignment",
                assignment,
                "--force",
                "--log-level=WARN",
                f"--CourseDirectory.root={root}",
                f"--CourseDirectory.release_directory={out}",
                f"--CourseDirectory.db_url=sqlite:///{tmp}/gradebook.db",
            ]
            done = subprocess.run(cmd, cwd=root, capture_output=True, text=True, env=tool_env())
            if done.returncode != 0:
                raise RuntimeError(f"nbgrader generate_assignment {assignment} failed:\n{done.stdout}\n{done.stderr}")


def drift(root: Path) -> list[str]:
    """What is out of date: selfcheck.json or exercises/ against solutions/."""
    problems = []
    old = json.loads(SELFCHECK_PATH.read_text(encoding="utf-8")) if SELFCHECK_PATH.exists() else {}
    if selfcheck_entries(root, old) != old:
        problems.append("veerkracht_lib/content/selfcheck.json")
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "exercises"
        generate_release(root, fresh)
        committed = root / "exercises"
        fresh_files = {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
        committed_files = {
            p.relative_to(committed)
            for p in committed.rglob("*")
            if p.is_file() and ".ipynb_checkpoints" not in p.parts
        }
        for rel in sorted(fresh_files ^ committed_files):
            problems.append(f"exercises/{rel}")
        for rel in sorted(fresh_files & committed_files):
            a, b = fresh / rel, committed / rel
            same = _normalised(a) == _normalised(b) if rel.suffix == ".ipynb" else a.read_bytes() == b.read_bytes()
            if not same:
                problems.append(f"exercises/{rel}")
    return problems


def build(root: Path) -> None:
    old = json.loads(SELFCHECK_PATH.read_text(encoding="utf-8")) if SELFCHECK_PATH.exists() else {}
    entries = selfcheck_entries(root, old)
    SELFCHECK_PATH.write_text(json.dumps(entries, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    release = root / "exercises"
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "exercises"
        generate_release(root, fresh)
        if release.exists():
            shutil.rmtree(release)
        shutil.copytree(fresh, release)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m veerkracht_lib.build", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report what is out of date")
    args = parser.parse_args(argv)
    root = repo_root()
    if args.check:
        problems = drift(root)
        for problem in problems:
            print(f"out of date: {problem}")
        return 1 if problems else 0
    build(root)
    print("selfcheck.json and exercises/ rebuilt from solutions/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""ruff, the project's formatter and linter, over the library, tests and benchmarks."""

from __future__ import annotations

import subprocess

from conftest import REPO, VENV_BIN


def test_ruff_lint() -> None:
    done = subprocess.run([str(VENV_BIN / "ruff"), "check", "."], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format() -> None:
    done = subprocess.run([str(VENV_BIN / "ruff"), "format", "--check", "."], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr

"""Shared fixtures. Every test gets its own progress folder, so no test touches a real learner's progress."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


@pytest.fixture(autouse=True)
def progress_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("veerkracht-home")
    monkeypatch.setenv("VEERKRACHT_HOME", str(home))
    monkeypatch.delenv("VEERKRACHT_FEEDBACK", raising=False)
    return home


@pytest.fixture
def tool_env(progress_home: Path) -> dict[str, str]:
    """Environment for subprocesses: this venv's scripts first on PATH, the test's own progress folder."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(VENV_BIN), env.get("PATH", "")])
    env["VEERKRACHT_HOME"] = str(progress_home)
    return env

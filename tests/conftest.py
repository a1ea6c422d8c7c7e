"""Shared fixtures. Every test gets its own progress folder, so no test touches a real learner's progress."""

from __future__ import annotations

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
    from veerkracht_lib.lab import tool_env as environment

    env = environment()
    env["VEERKRACHT_HOME"] = str(progress_home)
    return env


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_course(workspace: Path, env: dict[str, str], *extra: str, timeout: float = 120):
    """Run ``veerkracht start`` headless; return the process, the Dutch output so far and the course URL."""
    import re
    import subprocess
    import time

    port = free_port()
    env = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    # JupyterLab keeps layouts and user settings per OS user: give each test its own
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(workspace.parent / "lab-workspaces")
    env["JUPYTERLAB_SETTINGS_DIR"] = str(workspace.parent / "lab-user-settings")
    proc = subprocess.Popen(
        [str(VENV_BIN / "veerkracht"), "start", "--map", str(workspace), "--poort", str(port), *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    url = None
    while time.monotonic() < deadline and proc.poll() is None:
        line = proc.stdout.readline()
        lines.append(line)
        found = re.search(r"(http://127\.0\.0\.1:\d+/\S+)", line)
        if found:
            url = found.group(1)
            break
    if url is None:
        proc.kill()
        raise AssertionError("the course did not start:\n" + "".join(lines))
    return proc, "".join(lines), url, port


def stop_course(proc) -> str:
    import signal
    import subprocess

    proc.send_signal(signal.SIGINT)
    try:
        out, _ = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    return out or ""

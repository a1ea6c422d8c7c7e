"""Starting and stopping JupyterLab, and running Jupyter tools as subprocesses: one helper for the CLI, the tests
and the benchmarks.

``start_lab`` binds to 127.0.0.1 only, uses a fresh token, waits until the server answers and returns a ``Lab``
whose ``stop()`` ends it (the tests always stop what they start).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

READY_TIMEOUT = 90.0
# Debian's Chromium, headless, as the browser tests and benchmarks drive it (Playwright): no sandbox (root in a
# container), no background traffic to Google (only the package registries are reachable here).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def tool_env() -> dict[str, str]:
    """The environment for Jupyter tools run as subprocesses: this interpreter's scripts first on PATH
    (nbgrader calls ``alembic`` by name)."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port(preferred: range | None = None) -> int:
    for port in preferred or ():
        if port_free(port):
            return port
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Lab:
    proc: subprocess.Popen[bytes]
    port: int
    token: str
    root_dir: Path

    def url(self, path: str = "/lab") -> str:
        sep = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}{path}{sep}token={self.token}"

    def wait_ready(self, timeout: float = READY_TIMEOUT) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            with (
                contextlib.suppress(urllib.error.URLError, OSError),
                urllib.request.urlopen(self.url("/api/status"), timeout=2) as response,
            ):
                if response.status == 200:
                    return True
            time.sleep(0.2)
        return False

    def stop(self, first: signal.Signals = signal.SIGTERM) -> int | None:
        if self.proc.poll() is None:
            self.proc.send_signal(first)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


def lab_command(root_dir: Path, port: int, token: str, *, default_url: str | None, open_browser: bool) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={root_dir}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.open_browser={open_browser}",
        "--ServerApp.log_level=WARN",
        "--LabApp.log_level=WARN",
    ]
    if default_url:
        command.append(f"--LabApp.default_url={default_url}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command


def start_lab(
    root_dir: Path,
    *,
    port: int | None = None,
    env: dict[str, str] | None = None,
    default_url: str | None = None,
    open_browser: bool = False,
    wait: bool = True,
    quiet: bool = True,
) -> Lab:
    """Start JupyterLab on 127.0.0.1; with ``wait``, return once it answers (raise ``RuntimeError`` if it dies)."""
    port = port or free_port()
    token = secrets.token_urlsafe(24)
    output = subprocess.DEVNULL if quiet else None
    proc = subprocess.Popen(
        lab_command(Path(root_dir), port, token, default_url=default_url, open_browser=open_browser),
        env=env or tool_env(),
        cwd=root_dir,
        stdout=output,
        stderr=output,
    )
    lab = Lab(proc, port, token, Path(root_dir))
    if wait and not lab.wait_ready():
        code = lab.stop()
        raise RuntimeError(f"JupyterLab did not start (exit code {code})")
    return lab

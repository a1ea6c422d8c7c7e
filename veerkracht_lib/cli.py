"""The ``veerkracht`` command.

``veerkracht start``      copy the course into the learner's workspace and open it in JupyterLab
``veerkracht configure``  set this environment up for learners (Dutch menus, no instructor menus)
``veerkracht voortgang``  show, export or delete the learner's stored progress
``veerkracht build``      (authors) regenerate selfcheck.json and exercises/ from solutions/
"""

from __future__ import annotations

import argparse
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
from pathlib import Path
from typing import NoReturn

from . import texts

START_NOTEBOOK = "course/00_introductie.ipynb"
READY_TIMEOUT = 90.0


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _pick_port(wanted: int | None) -> int:
    if wanted is not None:
        if not _port_free(wanted):
            raise SystemExit(texts.CLI_PORT_BUSY.format(port=wanted))
        return wanted
    for port in range(8888, 8988):
        if _port_free(port):
            return port
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def has_display() -> bool:
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _wait_ready(proc: subprocess.Popen[bytes], port: int, token: str) -> bool:
    deadline = time.monotonic() + READY_TIMEOUT
    url = f"http://127.0.0.1:{port}/api/status?token={token}"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        with contextlib.suppress(urllib.error.URLError, OSError), urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                return True
        time.sleep(0.2)
    return False


def _stop(proc: subprocess.Popen[bytes], first: signal.Signals) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(first)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def cmd_start(args: argparse.Namespace) -> int:
    from .workspace import WorkspaceError, configure_lab, default_workspace, prepare_workspace, tool_env

    try:
        workspace, added = prepare_workspace(Path(args.map) if args.map else default_workspace())
    except WorkspaceError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(texts.CLI_WORKSPACE_READY.format(path=workspace))
    if added:
        print(texts.CLI_WORKSPACE_NEW_FILES.format(n=len(added)))
    with contextlib.suppress(OSError):
        configure_lab()
    port = _pick_port(args.poort)
    token = secrets.token_urlsafe(24)
    open_browser = has_display() and not args.geen_browser
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={workspace}",
        f"--IdentityProvider.token={token}",
        f"--LabApp.default_url=/lab/tree/{START_NOTEBOOK}",
        f"--ServerApp.open_browser={open_browser}",
        "--ServerApp.log_level=WARN",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    env = tool_env()
    if args.cohort:
        env["VEERKRACHT_FEEDBACK"] = "vorm"
    print(texts.CLI_STARTING, flush=True)
    proc = subprocess.Popen(command, env=env, cwd=workspace)
    try:
        if not _wait_ready(proc, port, token):
            _stop(proc, signal.SIGTERM)
            print(texts.CLI_LAB_FAILED.format(code=proc.returncode), file=sys.stderr)
            return 1
        url = f"http://127.0.0.1:{port}/lab/tree/{START_NOTEBOOK}?token={token}"
        print(texts.CLI_OPEN_URL.format(url=url), flush=True)
        print(texts.CLI_STOP_HINT, flush=True)
        return_code = proc.wait()
    except KeyboardInterrupt:
        _stop(proc, signal.SIGINT)  # a second Ctrl+C for JupyterLab: it stops without asking
        return_code = 0
    finally:
        _stop(proc, signal.SIGTERM)
    print(texts.CLI_STOPPED.format(path=workspace))
    return 0 if return_code in (0, -signal.SIGTERM, -signal.SIGINT) else return_code


def cmd_configure(_args: argparse.Namespace) -> int:
    from .workspace import configure_lab

    configure_lab()
    print(texts.CLI_CONFIGURED)
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    from . import progress

    if args.actie == "exporteer":
        print(progress.exporteer_voortgang(args.bestand))
    elif args.actie == "wis":
        print(progress.wis_voortgang(bevestig=args.bevestig))
    else:
        print(progress.mijn_voortgang())
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from . import build

    return build.main(["--check"] if args.check else [])


_ARGPARSE_DUTCH = {
    "usage:": "gebruik:",
    "positional arguments:": "onderdelen:",
    "options:": "opties:",
    "show this help message and exit": "toon deze hulp en stop",
    "unrecognized arguments:": "onbekende opties:",
    "the following arguments are required:": "dit ontbreekt nog:",
    "invalid int value:": "geen geldig getal:",
    "invalid choice:": "onbekende keuze:",
    "choose from": "kies uit",
    "expected one argument": "hier hoort één waarde bij",
    "argument ": "bij ",
}


def _dutch(text: str) -> str:
    for english, dutch in _ARGPARSE_DUTCH.items():
        text = text.replace(english, dutch)
    return text


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse with its messages in Dutch: learners type these commands."""

    def format_usage(self) -> str:
        return _dutch(super().format_usage())

    def format_help(self) -> str:
        return _dutch(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, texts.CLI_BAD_ARGUMENTS.format(prog=self.prog, detail=_dutch(message)))


def parser() -> argparse.ArgumentParser:
    main_parser = DutchArgumentParser(prog="veerkracht", description=texts.CLI_DESCRIPTION)
    sub = main_parser.add_subparsers(dest="command", required=True, parser_class=DutchArgumentParser)
    start = sub.add_parser("start", help=texts.CLI_HELP_START)
    start.add_argument("--map", help=texts.CLI_HELP_MAP)
    start.add_argument("--poort", type=int, help=texts.CLI_HELP_PORT)
    start.add_argument("--geen-browser", action="store_true", help=texts.CLI_HELP_NO_BROWSER)
    start.add_argument("--cohort", action="store_true", help=texts.CLI_HELP_COHORT)
    start.set_defaults(func=cmd_start)
    configure = sub.add_parser("configure", help=texts.CLI_HELP_CONFIGURE)
    configure.set_defaults(func=cmd_configure)
    progress = sub.add_parser("voortgang", help=texts.CLI_HELP_PROGRESS)
    progress.add_argument("actie", nargs="?", choices=("toon", "exporteer", "wis"), default="toon")
    progress.add_argument("--bestand", help=texts.CLI_HELP_FILE)
    progress.add_argument("--bevestig", action="store_true", help=texts.CLI_HELP_CONFIRM)
    progress.set_defaults(func=cmd_progress)
    build = sub.add_parser("build", help="(authors) regenerate selfcheck.json and exercises/ from solutions/")
    build.add_argument("--check", action="store_true", help="only report what is out of date")
    build.set_defaults(func=cmd_build)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())

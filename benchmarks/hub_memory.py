"""Memory of one learner on the course's JupyterHub, and how many learners fit on a node.

Run as root (it creates one temporary OS user, a cohort and a hub on 127.0.0.1, and removes them again):

    .venv/bin/python benchmarks/hub_memory.py [--prefixes DIR]

``--prefixes`` names a folder with ``learner/`` and ``trainer/`` made by ``deploy/build_prefix.sh`` (world-readable);
without it both are built into a temporary folder first (about two minutes).

What it measures, on the real hub (``deploy/hub/jupyterhub_config.py``, a real single-user server from the learner
prefix): the learner logs in with a token, JupyterLab's start requests are made, the Assignments panel lists and
fetches module a's exercise, module a's lesson and then its exercise run top to bottom in one kernel (all code cells,
through the kernel's websocket, as JupyterLab sends them), and the exercise is saved. Then:

- per learner = resident memory (RSS) of the single-user server + of that kernel; target at most 225 MB;
- baseline, measured in the same run: the same server right after it started, and a bare kernel of the same prefix;
- learners per 26 GB node: with the measured figure as the guarantee, and with Zero to JupyterHub's default
  guarantee (``singleuser.memory.guarantee: 1G``).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "deploy" / "hub"))
import localhub  # noqa: E402

sys.path.insert(0, str(REPO))
from veerkracht_lib.lab import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

TARGET_MB = 225
NODE_BYTES = 26 * 10**9
Z2JH_DEFAULT_GUARANTEE = 10**9  # the chart's singleuser.memory.guarantee "1G" (Kubernetes: G = 10^9 bytes)
ASSIGNMENT = "a_democratische_vorming"
LESSON = f"veerkracht-cursus/course/modules/{ASSIGNMENT}.ipynb"
EXERCISE = f"veerkracht-cursus/exercises/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"


class UserServer:
    """A learner's single-user server behind the hub, used with the learner's own API token."""

    def __init__(self, hub: localhub.Hub, user: str, token: str) -> None:
        self.base = f"{hub.url}/user/{user}"
        self.headers = {"Authorization": f"token {token}"}

    def call(self, method: str, path: str, body: dict | None = None):
        request = urllib.request.Request(
            self.base + path,
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={**self.headers, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=300) as response:
            text = response.read().decode()
        try:
            return json.loads(text)
        except ValueError:
            return text  # an HTML page

    def execute(self, kernel_id: str, sources: list[str]) -> list[str]:
        """Run each source as JupyterLab does (execute_request on the kernel's websocket); return the errors."""
        import websocket

        url = self.base.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels"
        ws = websocket.create_connection(url, header=[f"{k}: {v}" for k, v in self.headers.items()], timeout=300)
        session, errors = uuid.uuid4().hex, []
        try:
            for source in sources:
                msg_id = uuid.uuid4().hex
                header = {"msg_id": msg_id, "username": "", "session": session, "msg_type": "execute_request"}
                content = {"code": source, "silent": False, "store_history": True, "user_expressions": {}}
                message = {"header": {**header, "version": "5.3", "date": ""}, "parent_header": {}, "metadata": {}}
                ws.send(json.dumps({**message, "content": {**content, "allow_stdin": False}, "channel": "shell"}))
                while True:
                    reply = json.loads(ws.recv())
                    if reply.get("parent_header", {}).get("msg_id") != msg_id:
                        continue
                    if reply["msg_type"] == "error":
                        errors.append(f"{reply['content']['ename']}: {reply['content']['evalue'][:120]}")
                    if reply["msg_type"] == "execute_reply":
                        break
        finally:
            ws.close()
        return errors


def open_lab(hub: localhub.Hub, user: str, password: str):
    """Log in through the hub's form and load JupyterLab in headless Chromium, as the learner does; the page
    stays open (its polling too) until the returned function closes it. Without Playwright: the same start
    requests without a browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        session = localhub.Session(hub)
        session.login(user, password)
        for path in ("/lab", "/lab/api/settings", "/lab/api/translations/nl_NL", "/api/kernelspecs"):
            session.get(f"/user/{user}{path}")
        return lambda: None
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", password)
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{user}/lab/**", timeout=120_000)
    page.locator(".jp-Notebook").first.wait_for(timeout=120_000)
    page.wait_for_timeout(3000)

    def close() -> None:
        browser.close()
        playwright.stop()

    return close


def code_of(notebook: dict) -> list[str]:
    return [cell["source"] for cell in notebook["content"]["cells"] if cell["cell_type"] == "code"]


def kernel_pid(user: str, kernel_id: str) -> int:
    pids = localhub.processes_of(user, f"kernel-{kernel_id}")
    if not pids:
        raise RuntimeError(f"no process for kernel {kernel_id}")
    return pids[0]


def measure(prefixes: Path, work: Path) -> dict[str, float]:
    tag = secrets.token_hex(2)
    accounts = localhub.Accounts.create(f"vkb{tag}", secrets.token_urlsafe(12), learners=1, trainers=0)
    hub = browser = None
    try:
        course = localhub.Course.create(work, accounts, prefixes / "trainer", f"bench-{tag}")
        course.release(ASSIGNMENT)
        ports = [localhub_free_port() for _ in range(4)]
        settings = localhub.hub_settings(
            port=ports[0],
            internal_port=ports[1],
            proxy_api_port=ports[2],
            formgrader_port=ports[3],
            data=work / "hub",
            accounts=accounts,
            learner_prefix=prefixes / "learner",
            course=course,
        )
        admin = secrets.token_hex(16)
        hub = localhub.start_hub(settings, localhub.scripted_config(work, admin))
        learner = accounts.learners[0]
        localhub.start_server(hub, admin, learner)
        _status, token = localhub.api(hub, admin, "POST", f"/users/{learner}/tokens", {"note": "benchmark"})
        server_pid = localhub.processes_of(learner, "jupyterhub-singleuser")[0]
        server = UserServer(hub, learner, token["token"])
        figures = {"server_started": localhub.memory_mb(server_pid)}

        bare = server.call("POST", "/api/kernels", {"name": "python3"})
        server.execute(bare["id"], ["pass"])
        figures["kernel_bare"] = localhub.memory_mb(kernel_pid(learner, bare["id"]))
        server.call("DELETE", f"/api/kernels/{bare['id']}")

        browser = open_lab(hub, learner, accounts.password)  # JupyterLab's own start requests, in Chromium
        listed = server.call("GET", f"/assignments?course_id={course.course_id}")
        fetched = server.call(
            "POST", "/assignments/fetch", {"course_id": course.course_id, "assignment_id": ASSIGNMENT}
        )
        if not (listed.get("success") and fetched.get("success")):
            raise RuntimeError(f"the Assignments panel failed: {listed} {fetched}")
        lesson = server.call("GET", f"/api/contents/{LESSON}?type=notebook&content=1")
        exercise = server.call("GET", f"/api/contents/{EXERCISE}?type=notebook&content=1")
        session = server.call(
            "POST", "/api/sessions", {"path": LESSON, "type": "notebook", "kernel": {"name": "python3"}}
        )
        kernel_id = session["kernel"]["id"]
        started = time.perf_counter()
        errors = server.execute(kernel_id, code_of(lesson) + code_of(exercise))
        seconds = time.perf_counter() - started
        server.call(
            "PUT", f"/api/contents/{EXERCISE}", {"type": "notebook", "format": "json", "content": exercise["content"]}
        )
        time.sleep(1)
        kernel = kernel_pid(learner, kernel_id)
        figures |= {
            "server_active": localhub.memory_mb(server_pid),
            "server_peak": localhub.memory_mb(server_pid, "VmHWM"),
            "kernel_active": localhub.memory_mb(kernel),
            "kernel_peak": localhub.memory_mb(kernel, "VmHWM"),
            "run_seconds": seconds,
            "cells": len(code_of(lesson) + code_of(exercise)),
            "errors": len(errors),
        }
        for error in errors:
            print(f"  error in a cell: {error}", file=sys.stderr)
        return figures
    finally:
        if browser is not None:
            browser()
        if hub is not None:
            hub.stop()
        accounts.remove()


def localhub_free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def report(f: dict[str, float]) -> None:
    per_learner = f["server_active"] + f["kernel_active"]
    baseline = f["server_started"] + f["kernel_bare"]
    mib = 2**20
    print("(MB: 2^20 bytes, as /proc reports them; the node and the chart's quantities are in 10^9 / 10^6 bytes)")
    print(f"single-user server, just started (baseline)   RSS {f['server_started']:6.1f} MB")
    print(
        f"single-user server, after the session         RSS {f['server_active']:6.1f} MB "
        f"(peak {f['server_peak']:6.1f} MB)"
    )
    print(f"kernel, bare (baseline)                       RSS {f['kernel_bare']:6.1f} MB")
    print(
        f"kernel after module a + its exercise          RSS {f['kernel_active']:6.1f} MB "
        f"(peak {f['kernel_peak']:6.1f} MB; {f['cells']} cells in {f['run_seconds']:.1f} s, {f['errors']} errors)"
    )
    verdict = "OK" if per_learner <= TARGET_MB else "MISSED"
    print(
        f"per active learner (server + kernel)          {per_learner:6.1f} MB "
        f"({per_learner / baseline:4.2f}x baseline {baseline:.1f} MB; target <= {TARGET_MB} MB) {verdict}"
    )
    peak = f["server_peak"] + f["kernel_peak"]
    print(f"per learner at its peak                       {peak:6.1f} MB")
    fit_measured = int(NODE_BYTES // (per_learner * mib))
    fit_default = int(NODE_BYTES // Z2JH_DEFAULT_GUARANTEE)
    print(
        f"learners on a 26 GB node: {fit_measured} at the measured {per_learner:.0f} MB each, "
        f"{fit_default} at Zero to JupyterHub's default guarantee of 1G ({fit_measured / fit_default:.1f}x)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefixes", help="folder with learner/ and trainer/ built by deploy/build_prefix.sh")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("Run as root: the benchmark creates a temporary OS user for a real hub.", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="veerkracht-hub-bench-"))
    work.chmod(0o755)
    try:
        if args.prefixes:
            prefixes = Path(args.prefixes).resolve()
        else:
            prefixes = work / "prefixes"
            prefixes.mkdir()
            for role in ("learner", "trainer"):
                print(f"building the {role} prefix ...", flush=True)
                localhub.build_prefix(prefixes / role, role)
        report(measure(prefixes, work))
    finally:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

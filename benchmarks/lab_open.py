"""Opening a lesson in JupyterLab on a new kernel, as a learner does, against a baseline measured in the same run.

Run: ``.venv/bin/python benchmarks/lab_open.py`` (about a minute; needs /usr/bin/chromium). One ``veerkracht start``
(headless), then per round a fresh kernel:

- baseline: in a loaded JupyterLab, an empty notebook opened (Bestand > Openen vanaf pad) until its new kernel is
  idle: what JupyterLab and a bare kernel cost;
- a lesson (module a) opened the same way until its kernel is idle, and until its first case is ready: the learner
  clicks the case cell, presses Shift+Enter and the first option can be chosen (target < 5 s; the review measured
  10-12 s to kernel idle);
- the same from a cold page load with the lesson's link (JupyterLab's own start included);
- the same lesson saved with every output and reopened "the next day" on a new kernel: until every widget output
  shows its Dutch note (JupyterLab waits 2 s for a model that is gone before it gives up).
"""

from __future__ import annotations

import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from veerkracht_lib.lab import CHROMIUM, CHROMIUM_ARGS, free_port, tool_env  # noqa: E402

LESSON = "course/modules/a_democratische_vorming.ipynb"
IDLE_JS = "() => /\\(ipykernel\\) \\| Inactief/.test(document.querySelector('#jp-main-statusbar')?.innerText || '')"
TARGET_CASE_S = 5.0


class Server:
    def __init__(self) -> None:
        base = Path(tempfile.mkdtemp(prefix="veerkracht-open-"))
        self.workspace = base / "werkmap"
        env = {k: v for k, v in tool_env().items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "VEERKRACHT_FEEDBACK")}
        env.update(
            VEERKRACHT_HOME=str(base / "home"),
            JUPYTERLAB_WORKSPACES_DIR=str(base / "lw"),
            JUPYTERLAB_SETTINGS_DIR=str(base / "ls"),
        )
        self.port = free_port()
        veerkracht = str(Path(sys.executable).parent / "veerkracht")
        self.proc = subprocess.Popen(
            [veerkracht, "start", "--map", str(self.workspace), "--poort", str(self.port), "--geen-browser"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for line in self.proc.stdout:
            found = re.search(r"token=(\S+)", line)
            if found:
                self.token = found.group(1)
                break
        (self.workspace / "leeg.ipynb").write_text(
            json.dumps(
                {
                    "cells": [],
                    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)"}},
                    "nbformat": 4,
                    "nbformat_minor": 5,
                }
            )
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}{'&' if '?' in path else '?'}token={self.token}"

    def _api(self, method: str, path: str) -> object:
        with urllib.request.urlopen(urllib.request.Request(self.url(path), method=method), timeout=15) as response:
            body = response.read()
        return json.loads(body) if body else None

    def stop_kernels(self) -> None:
        for session in self._api("GET", "/api/sessions") or []:
            self._api("DELETE", f"/api/sessions/{session['id']}")
        for kernel in self._api("GET", "/api/kernels") or []:
            self._api("DELETE", f"/api/kernels/{kernel['id']}")

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _lab_ready(page, server: Server) -> None:
    """JupyterLab loaded, no document open (as when a learner has the course open in a tab already)."""
    page.goto(server.url("/lab?reset"))
    page.locator(".lm-MenuBar-item", has_text="Bestand").first.wait_for(timeout=120_000)
    page.locator(".jp-DirListing-item").first.wait_for(timeout=120_000)


def _open_path(page, path: str) -> float:
    """Bestand > Openen vanaf pad…, type the path, Enter; returns the moment of the Enter."""
    page.locator(".lm-MenuBar-item", has_text="Bestand").first.click()
    page.locator(".lm-Menu .lm-Menu-item", has_text="Openen vanaf pad").first.click()
    field = page.locator(".jp-Dialog input").first
    field.fill(path)
    start = time.perf_counter()
    field.press("Enter")
    return start


def _wait_idle(page, name: str) -> None:
    page.wait_for_function(
        "name => { const tab = document.querySelector('.lm-DockPanel .lm-TabBar-tab.jp-mod-current');"
        " return tab && tab.textContent.includes(name) && (" + IDLE_JS + ")(); }",
        arg=name,
        timeout=120_000,
    )


def open_until_idle(page, server: Server, path: str) -> float:
    _lab_ready(page, server)
    start = _open_path(page, path)
    _wait_idle(page, Path(path).name)
    return time.perf_counter() - start


def first_case(page, server: Server) -> tuple[float, float, float]:
    """Seconds from opening the lesson to its kernel idle and to its first case ready; and the whole page load
    plus both (a cold start, the page loaded with the lesson's URL)."""
    _lab_ready(page, server)
    start = _open_path(page, LESSON)
    _wait_idle(page, Path(LESSON).name)
    idle = time.perf_counter() - start
    _run_first_case(page)
    ready = time.perf_counter() - start
    server.stop_kernels()
    start = time.perf_counter()
    page.goto(server.url(f"/lab/tree/{LESSON}?reset"))
    page.wait_for_function(IDLE_JS, timeout=120_000)
    _run_first_case(page)
    return idle, ready, time.perf_counter() - start


def _run_first_case(page) -> None:
    cell = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell", has_text="speel_casus(").first
    cell.scroll_into_view_if_needed()
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .veerkracht-case .widget-button").first.wait_for(
        state="visible", timeout=120_000
    )


def reopen(page, server: Server, notes: int) -> float:
    page.goto(server.url(f"/lab/tree/{LESSON}?reset"))
    page.wait_for_function(IDLE_JS, timeout=120_000)
    page.locator(".lm-MenuBar-item", has_text="Uitvoeren").first.click()
    page.locator(".lm-Menu .lm-Menu-item", has_text="Alle cellen uitvoeren").first.click()
    page.wait_for_function(
        "n => document.querySelectorAll('.veerkracht-case, .veerkracht-practice, .veerkracht-progress').length >= n",
        arg=notes,
        timeout=120_000,
    )
    page.keyboard.press("Control+s")
    page.wait_for_function("() => !document.querySelector('.jp-mod-dirty')", timeout=30_000)
    server.stop_kernels()
    start = time.perf_counter()
    page.goto(server.url(f"/lab/tree/{LESSON}"))
    # the Dutch notes (or, in a version without them, JupyterLab's English "Error displaying widget")
    page.wait_for_function(
        """n => document.querySelectorAll('.vk-widget-note').length + Array.from(document.querySelectorAll(
               '.jp-OutputArea-output')).filter(e => e.textContent.startsWith('Error displaying widget')).length >= n""",
        arg=notes,
        timeout=120_000,
    )
    return time.perf_counter() - start


def main(rounds: int = 3) -> None:
    import nbformat
    from playwright.sync_api import sync_playwright

    notes = sum(
        1
        for c in nbformat.read(REPO / LESSON, as_version=4).cells
        if c.cell_type == "code" and any(k in c.source for k in ("speel_casus(", "oefenvraag(", "mijn_voortgang("))
    )
    server = Server()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            base, idle, case, cold, again = [], [], [], [], []
            for _ in range(rounds):  # interleaved, so machine noise hits both alike
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                base.append(open_until_idle(page, server, "leeg.ipynb"))
                server.stop_kernels()
                lesson_idle, lesson_case, lesson_cold = first_case(page, server)
                idle.append(lesson_idle)
                case.append(lesson_case)
                cold.append(lesson_cold)
                server.stop_kernels()
                page.close()
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            again.append(reopen(page, server, notes))
            server.stop_kernels()
            browser.close()
    finally:
        server.stop()
    b = statistics.median(base)
    print(f"JupyterLab open: empty notebook to kernel idle (baseline)   {b:5.2f} s (median of {rounds})")
    print(f"JupyterLab open: lesson (module a) to kernel idle           {statistics.median(idle):5.2f} s")
    c = statistics.median(case)
    verdict = "OK" if c < TARGET_CASE_S else "MISSED"
    print(
        f"JupyterLab open: lesson to first case ready (Shift+Enter)   {c:5.2f} s "
        f"({c / b:4.1f}x baseline, target < {TARGET_CASE_S:g} s) {verdict}"
    )
    print(f"cold: page load with the lesson's link to first case ready  {statistics.median(cold):5.2f} s")
    print(
        f"saved lesson reopened on a new kernel (page load): all {notes} widget outputs settled after {again[0]:5.2f} s"
    )


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()

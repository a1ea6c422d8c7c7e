"""Answering by clicking, end to end: `veerkracht start`, headless Chromium, save, grade with the real nbgrader CLI.

A learner opens the exercise notebook of module a, shows every question and answers each one only with the
mouse or the keyboard (checkboxes, radio buttons, omhoog/omlaag, one choice per item). The notebook is saved
with Ctrl+S, then graded with plain nbgrader commands in a temporary course directory: every automatically
graded question must earn full marks. The expected answers come from the keys in the hidden tests of
``solutions/`` (parsed, never executed). Then the saved notebook is reopened in a plain JupyterLab that cannot
start any kernel: the controls show the saved answers. axe-core (installed by the build script from the npm
registry, never fetched at test time) finds no violation inside the outputs.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import nbformat
import pytest
from conftest import REPO, free_port, start_course, stop_course
from helpers import build_labextension

from veerkracht_lib.answer_widget import answer_line
from veerkracht_lib.lab import CHROMIUM, CHROMIUM_ARGS
from veerkracht_lib.model import Question, load_questions

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium missing"),
]
ASSIGNMENT = "a_democratische_vorming"
NOTEBOOK = f"exercises/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
AXE = REPO / "labextension" / "node_modules" / "axe-core" / "axe.min.js"
QUESTIONS = {qid: q for qid, q in load_questions().items() if q.assignment == ASSIGNMENT}
KEYBOARD = {"a2", "a6", "a7"}  # answered with the keyboard only; the others with the mouse


# --- expected answers, from the hidden tests of the solutions notebook -----------------------------
def hidden_keys(path: Path) -> dict[str, Any]:
    """qid -> key, from the ``punten("a1", sleutel=...)`` (or ``points("a1", key=...)``) calls of hidden tests."""
    keys: dict[str, Any] = {}
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code" or "BEGIN HIDDEN TESTS" not in cell.source:
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("punten", "points"):
                kwargs = {kw.arg: kw.value for kw in node.keywords}
                keys[ast.literal_eval(node.args[0])] = ast.literal_eval(kwargs.get("sleutel") or kwargs["key"])
    return keys


def best_answer(question: Question, key: Any) -> Any:
    """The answer that earns full marks against a key (a single choice key may give credit per code)."""
    if question.type == "multilabel":
        return set(key)
    if question.type == "single":
        return max(key, key=lambda code: key[code]) if isinstance(key, dict) else key
    if question.type == "ordering":
        return list(key)
    return {str(item): (code[0] if isinstance(code, list | tuple) else code) for item, code in key.items()}


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    keys = hidden_keys(REPO / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    assert set(keys) == set(QUESTIONS)
    return {qid: best_answer(QUESTIONS[qid], key) for qid, key in keys.items()}


@pytest.fixture(scope="module")
def extension() -> Path:
    """Build the extension (skipped when up to date) and install it into this environment, as set-up does."""
    build_labextension()
    from veerkracht_lib.labext import install_labextension, target_dir

    install_labextension(sys.prefix)
    assert (target_dir(Path(sys.prefix)) / "package.json").exists()
    assert AXE.exists()
    return AXE


# --- the page ---------------------------------------------------------------------------------------
def _open(page, port: int, token: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"http://127.0.0.1:{port}/lab/tree/{NOTEBOOK}?reset&token={token}")
    expect(page.locator(".jp-Notebook").first).to_contain_text("Opdrachten module a", timeout=90_000)


def _run_cell(page, text: str) -> None:
    cell = page.locator(".jp-CodeCell", has_text=text).first
    cell.scroll_into_view_if_needed()
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")


def _control(page, question: Question):
    return page.locator(".vk-answer", has=page.locator("h3.vk-title", has_text=f"{question.id}. {question.title}"))


def _cell_line(page, question: Question) -> str:
    """The first line of the answer cell as the editor shows it."""
    editor = page.locator(".jp-CodeCell .cm-content", has_text=f"{question.variable} =").first
    # textContent, not innerText: cells out of view skip rendering (content-visibility) and have no innerText
    return editor.evaluate("e => e.querySelector('.cm-line').textContent")


def _wait_line(page, question: Question, line: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while _cell_line(page, question) != line:
        assert time.monotonic() < deadline, (question.id, _cell_line(page, question), line)
        time.sleep(0.05)


def _answer_multilabel(page, question: Question, codes: set[str], keyboard: bool) -> None:
    control = _control(page, question)
    box = lambda code: control.locator(f"input[type=checkbox][value='{code}']")  # noqa: E731
    for code in question.exclusive:  # an exclusive code first: choosing another code switches it off
        box(code).check()
        _wait_line(page, question, answer_line(question, {code}))
    for code in [c for c in question.options if c in codes]:
        if keyboard:
            box(code).focus()
            page.keyboard.press("Space")
        else:
            box(code).check()
    for code in question.exclusive:
        assert not box(code).is_checked()


def _answer_single(page, question: Question, code: str, keyboard: bool) -> None:
    radio = _control(page, question).locator(f"input[type=radio][value='{code}']")
    if keyboard:
        radio.focus()
        page.keyboard.press("Space")
    else:
        _control(page, question).locator(f"label[for='{radio.get_attribute('id')}']").click()
    assert radio.is_checked()


def _answer_ordering(page, question: Question, target: list[str]) -> None:
    """Selection sort with the omhoog buttons, keyboard only; focus must stay on the moved step."""
    control = _control(page, question)
    order = lambda: control.locator("li.vk-step").evaluate_all("els => els.map(e => e.dataset.code)")  # noqa: E731
    moved = False
    for place, code in enumerate(target):
        up = control.locator(f"li[data-code='{code}'] .vk-up")
        up.focus()
        for _ in range(order().index(code) - place):
            page.keyboard.press("Enter")
            moved = True
            focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
            assert focused == f"omhoog: stap {code}"
    live = control.locator("[role=status]")
    if not moved:  # already in the right order: confirm it
        control.locator(".vk-confirm").focus()
        page.keyboard.press("Enter")
    assert order() == target
    page.wait_for_function("el => el.textContent.includes('antwoordcel')", arg=live.element_handle())


def _answer_items(page, question: Question, chosen: dict[str, str]) -> None:
    control = _control(page, question)
    for item, code in chosen.items():
        control.locator(f"select[data-item='{item}']").select_option(code)
    if question.one_to_one:  # the other selects say which targets are taken
        first_item, first_code = next(iter(chosen.items()))
        other = next(i for i in chosen if i != first_item)
        text = control.locator(f"select[data-item='{other}'] option[value='{first_code}']").text_content()
        assert f"al gekozen bij nummer {first_item}" in text


def _answer(page, question: Question, value: Any) -> None:
    keyboard = question.id in KEYBOARD
    if question.type == "multilabel":
        _answer_multilabel(page, question, value, keyboard)
    elif question.type == "single":
        _answer_single(page, question, value, keyboard)
    elif question.type == "ordering":
        _answer_ordering(page, question, value)
    else:
        _answer_items(page, question, value)
    _wait_line(page, question, answer_line(question, value))


def _state(page, question: Question) -> Any:
    """What a control shows, as a value for ``answer_line``."""
    control = _control(page, question)
    if question.type == "multilabel":
        return set(control.locator("input:checked").evaluate_all("els => els.map(e => e.value)"))
    if question.type == "single":
        return control.locator("input:checked").evaluate_all("els => els.map(e => e.value)")[0]
    if question.type == "ordering":
        return control.locator("li.vk-step").evaluate_all("els => els.map(e => e.dataset.code)")
    return dict(control.locator("select").evaluate_all("els => els.map(e => [e.dataset.item, e.value])"))


CONTRAST_JS = """
(root) => {
  const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c[3] > 0) layers.push(c); if (c[3] === 1) break; }
    return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255, 1]); };
  const out = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.tagName === 'OPTION' || el.closest('.vk-sr-only') || !el.getClientRects().length) continue;
    const text = Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
    if (!text) continue;
    const bg = background(el); const fg = over(parse(getComputedStyle(el).color), bg);
    const [a, b] = [lum(fg), lum(bg)]; const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    out.push({ text: text.slice(0, 40), ratio: Math.round(ratio * 100) / 100 });
  }
  return out;
}
"""


def _accessibility(page, axe: Path) -> tuple[list[dict], list[dict]]:
    page.add_script_tag(path=str(axe))
    violations = page.evaluate(
        """async () => {
            const result = await axe.run(document.querySelectorAll('.jp-OutputArea'), {resultTypes: ['violations']});
            return result.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}));
        }"""
    )
    texts = []
    for control in page.locator(".vk-answer").element_handles():
        texts += page.evaluate(CONTRAST_JS, control)
    return violations, texts


# --- grading with the real nbgrader CLI --------------------------------------------------------------
def _nbgrader(args: list[str], cwd: Path, env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr


def grade(saved: Path, course: Path, env: dict[str, str]) -> tuple[dict[str, float], dict[str, float]]:
    """Scores and maximum points per graded cell of one submission, from the gradebook."""
    shutil.copytree(REPO / "solutions", course / "solutions")
    shutil.copy(REPO / "nbgrader_config.py", course)
    _nbgrader(["generate_assignment", ASSIGNMENT, "--force"], course, env)
    target = course / "submitted" / "leerling" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    target.parent.mkdir(parents=True)
    shutil.copy(saved, target)
    _nbgrader(["autograde", ASSIGNMENT, "--force"], course, env)
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        submission = gb.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, "leerling")
        return {g.name: g.score for g in submission.grades}, {g.name: g.max_score for g in submission.grades}


# --- a plain JupyterLab that cannot start a kernel ----------------------------------------------------
def _plain_lab(workspace: Path, env: dict[str, str]) -> tuple[subprocess.Popen, int, str]:
    port, token = free_port(), "veerkracht-test-token"
    env = {**env}
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(workspace.parent / "lab-workspaces-2")
    env["JUPYTERLAB_SETTINGS_DIR"] = str(workspace.parent / "lab-user-settings")
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={workspace}",
        f"--IdentityProvider.token={token}",
        "--KernelSpecManager.allowed_kernelspecs=geen-kernel",  # nothing can start: the view needs no kernel
        "--allow-root",
    ]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2) as response:
                if response.status == 200:
                    return proc, port, token
        except OSError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise AssertionError("plain JupyterLab did not start")
        time.sleep(0.3)


def _kernels(port: int, token: str) -> list:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/kernels?token={token}", timeout=5) as response:
        return json.loads(response.read())


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# --- the test -----------------------------------------------------------------------------------------
def test_learner_answers_every_question_by_clicking(
    tmp_path: Path, tool_env: dict[str, str], extension: Path, expected: dict[str, Any]
) -> None:
    from playwright.sync_api import sync_playwright

    workspace = tmp_path / "werkmap"
    saved_copy = tmp_path / "ingeleverd.ipynb"
    release = nbformat.read(REPO / NOTEBOOK, as_version=4)
    proc, _output, url, port = start_course(workspace, tool_env)
    token = url.split("token=")[1]
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            _open(page, port, token)
            _run_cell(page, "from veerkracht_lib import")
            for qid in QUESTIONS:
                _run_cell(page, f'toon_vraag("{qid}")')
            for qid, question in QUESTIONS.items():
                control = _control(page, question)
                control.wait_for(timeout=60_000)
                _wait_line(page, question, question.template)  # as released
                assert control.locator(".vk-line").text_content() == question.template  # the control read the cell
                control.scroll_into_view_if_needed()
                _answer(page, question, expected[qid])
            page.screenshot(path=str(tmp_path / "beantwoord.png"), full_page=False)
            violations, contrast = _accessibility(page, extension)
            page.keyboard.press("Escape")
            page.keyboard.press("Control+s")
            on_disk = workspace / NOTEBOOK
            deadline = time.monotonic() + 30
            wanted = {q.variable: answer_line(q, expected[qid]) for qid, q in QUESTIONS.items()}
            while True:
                nb = nbformat.read(on_disk, as_version=4)
                lines = {
                    c.metadata.get("nbgrader", {}).get("grade_id"): c.source.split("\n")[0]
                    for c in nb.cells
                    if c.cell_type == "code"
                }
                if all(lines.get(var) == line for var, line in wanted.items()):
                    break
                assert time.monotonic() < deadline, ("not saved", lines, wanted)
                time.sleep(0.3)
            shutil.copy(on_disk, saved_copy)
            browser.close()
    finally:
        stop_course(proc)

    # only the answer line changed in each answer cell; every other cell is as released
    saved = nbformat.read(saved_copy, as_version=4)
    by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in saved.cells}
    for cell in release.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in wanted:
            assert by_id[gid].source.split("\n")[1:] == cell.source.split("\n")[1:], gid
        else:
            assert by_id[gid].source == cell.source, gid

    assert violations == [], violations
    low = [t for t in contrast if t["ratio"] < 4.5]
    assert contrast and low == [], low

    # graded with the real nbgrader CLI: full marks on every automatically graded question
    scores, maxima = grade(saved_copy, tmp_path / "course", tool_env)
    tests = {f"toets_{qid}" for qid in QUESTIONS}
    assert tests <= set(scores)
    for name in tests:
        assert scores[name] == maxima[name] > 0, (name, scores[name], maxima[name])

    # the next day: a plain JupyterLab that cannot start any kernel shows the saved answers
    lab, port, token = _plain_lab(workspace, tool_env)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            _open(page, port, token)
            for qid, question in QUESTIONS.items():
                control = _control(page, question)
                control.wait_for(timeout=60_000)
                assert answer_line(question, _state(page, question)) == wanted[question.variable], qid
                assert control.locator(".vk-line").text_content() == wanted[question.variable]
                assert control.locator(".vk-note").is_hidden()
            ordering = next(q for q in QUESTIONS.values() if q.type == "ordering")
            assert "staat in de antwoordcel" in _control(page, ordering).locator(".vk-order-state").text_content()
            page.screenshot(path=str(tmp_path / "heropend.png"), full_page=False)
            assert _kernels(port, token) == []
            browser.close()
    finally:
        _stop(lab)

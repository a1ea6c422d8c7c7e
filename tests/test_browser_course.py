"""The course in a real JupyterLab (``veerkracht start``, headless Chromium), as a learner meets it.

- A case played with the keyboard only, from the cell's Shift+Enter: Shift+Tab lands on the first option, focus
  follows every step into view, a double key press answers one step, the ending takes the focus.
- A saved notebook reopened on a new kernel shows Dutch notes, never JupyterLab's English widget error; a static
  export of it (``jupyter nbconvert --to html``, also with ``--execute``) shows the notes and no progress or paths.
- Every notebook under ``course/`` and ``exercises/`` runs to the end with "Run All" (from the Dutch menu), and
  axe-core (installed by the build script from npm) finds no violation inside the course's outputs and rendered
  markdown; text in the outputs reaches 4.5:1 (axe cannot measure contrast inside JupyterLab).
- Menus, the restart and kernel dialogs, the file browser and the status bar hold no English word.
- nbgrader's learner UI: hidden when working alone; for a cohort (``--cohort`` and nbgrader's exchange
  configured the usual way) the Assignment List fetches and submits.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from conftest import REPO, start_course, stop_course
from helpers import build_labextension

from veerkracht_lib.lab import CHROMIUM, CHROMIUM_ARGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium missing"),
]
AXE = REPO / "labextension" / "node_modules" / "axe-core" / "axe.min.js"
MODULE_A = "course/modules/a_democratische_vorming.ipynb"
NOTEBOOKS = sorted(
    str(p.relative_to(REPO)) for p in [*REPO.glob("course/**/*.ipynb"), *REPO.glob("exercises/*/*.ipynb")]
)
WIDGET_CALLS = ("speel_casus(", "oefenvraag(", "verken_model(", "mijn_voortgang(")


def widget_cells(path: Path) -> int:
    nb = nbformat.read(path, as_version=4)
    return sum(1 for c in nb.cells if c.cell_type == "code" and any(call in c.source for call in WIDGET_CALLS))


# --- the server and the browser ---------------------------------------------------------------------------
class Course:
    def __init__(self, proc, port: int, token: str, workspace: Path, home: Path) -> None:
        self.proc, self.port, self.token, self.workspace, self.home = proc, port, token, workspace, home

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}{path}{sep}token={self.token}"

    def api(self, method: str, path: str) -> object:
        request = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(request, timeout=15) as response:
            body = response.read()
        return json.loads(body) if body else None

    def stop_kernels(self) -> None:
        for session in self.api("GET", "/api/sessions") or []:
            self.api("DELETE", f"/api/sessions/{session['id']}")
        for kernel in self.api("GET", "/api/kernels") or []:
            self.api("DELETE", f"/api/kernels/{kernel['id']}")


def _environment(base: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    from veerkracht_lib.lab import tool_env

    env = tool_env()
    env.pop("VEERKRACHT_FEEDBACK", None)
    env["VEERKRACHT_HOME"] = str(base / "home")
    env.update(extra or {})
    return env


@pytest.fixture(scope="module")
def installed() -> None:
    """The extension built (skipped when up to date) and the environment configured, as set-up does."""
    build_labextension()
    from veerkracht_lib.workspace import configure_lab

    configure_lab(Path(sys.prefix))
    assert AXE.exists()


def _start(base: Path, *extra: str, env: dict[str, str] | None = None) -> Course:
    workspace = base / "werkmap"
    environment = _environment(base, env)
    proc, _output, url, port = start_course(workspace, environment, *extra)
    return Course(proc, port, url.split("token=")[1], workspace, Path(environment["VEERKRACHT_HOME"]))


@pytest.fixture(scope="module")
def course(installed: None, tmp_path_factory: pytest.TempPathFactory):
    lab = _start(tmp_path_factory.mktemp("zelfstandig"))
    yield lab
    stop_course(lab.proc)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def open_notebook(page, course: Course, path: str, reset: bool = True) -> None:
    from playwright.sync_api import expect

    page.goto(course.url(f"/lab/tree/{path}" + ("?reset" if reset else "")))
    expect(page.locator(".jp-Notebook").first).to_be_visible(timeout=90_000)
    expect(page.locator(".jp-Notebook .jp-Cell").first).to_be_visible(timeout=90_000)
    # the status bar names the kernel once it is connected: "Python 3 (ipykernel) | Inactief"
    page.wait_for_function(
        "() => /\\(ipykernel\\) \\| Inactief/.test(document.querySelector('#jp-main-statusbar')?.innerText || '')",
        timeout=90_000,
    )
    page.wait_for_timeout(300)


def menu(page, top: str, item: str) -> None:
    page.locator(".lm-MenuBar-item", has_text=top).first.click()
    page.locator(".lm-Menu .lm-Menu-item", has_text=item).first.click()


def run_all(page, path: Path) -> None:
    """Run > Run All Cells, from the Dutch menu, and wait until every code cell ran and every widget is drawn."""
    menu(page, "Uitvoeren", "Alle cellen uitvoeren")
    page.wait_for_function(
        """() => { const p = Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'))
             .map(e => e.textContent.trim());
           return p.length > 0 && p.every(t => /^\\[\\d+\\]:$/.test(t)); }""",
        timeout=120_000,
    )
    roots = ".veerkracht-case, .veerkracht-practice, .veerkracht-explorer, .veerkracht-progress"
    page.wait_for_function(
        f"n => document.querySelectorAll('{roots}').length >= n", arg=widget_cells(path), timeout=60_000
    )
    page.wait_for_timeout(500)


# --- a case with the keyboard only ----------------------------------------------------------------------------
STATE_JS = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect(), root = document.querySelector('.veerkracht-case');
  const steps = Array.from(root.querySelectorAll('div[role=group] > strong')).filter(s => /Stap \\d+ \\(/.test(s.textContent));
  return {cls: String(e.className), text: (e.textContent || '').trim().slice(0, 60), inCase: root.contains(e),
          top: r.top, bottom: r.bottom, height: innerHeight, steps: steps.length,
          live: root.querySelector('.vk-live')?.textContent || '', label: e.getAttribute('aria-label') || ''};
}"""


def test_a_case_with_the_keyboard_only(page, course: Course) -> None:
    from playwright.sync_api import expect

    open_notebook(page, course, MODULE_A)
    cell = page.locator(".jp-CodeCell", has_text='speel_casus("a1_klassenvergadering")').first
    cell.scroll_into_view_if_needed()
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")  # from here on: the keyboard only
    case = page.locator(".veerkracht-case").first
    expect(case.locator(".vk-option").first).to_be_visible(timeout=60_000)
    assert "Shift+Tab" in case.locator(".vk-hint").inner_text()
    options = case.locator(".vk-options")
    assert options.get_attribute("role") == "group"
    label = page.locator(f"#{options.get_attribute('aria-labelledby')}")
    assert "Stap 1" in label.inner_text()
    assert case.locator(".vk-live").get_attribute("aria-live") == "polite"

    page.keyboard.press("Shift+Tab")  # JupyterLab moved to the next cell; one step back is the first option
    state = page.evaluate(STATE_JS)
    assert state["inCase"] and state["text"].startswith("A. "), state

    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # the same key again at once: it must not answer step 2
    page.wait_for_function("() => document.activeElement.classList.contains('vk-option')")
    page.wait_for_timeout(1500)
    state = page.evaluate(STATE_JS)
    assert state["steps"] == 1, state
    assert state["live"].startswith("Je koos A."), state

    for _ in range(10):
        before = state["steps"]
        page.wait_for_timeout(600)  # reading time: a key within 0.4 s of the focus moving counts as a repeat
        page.keyboard.press("Enter")
        page.wait_for_function(
            f"""() => {{ const s = ({STATE_JS})();
                return s.steps === {before + 1} && (s.cls.includes('vk-option') || s.cls.includes('vk-ending')); }}""",
            timeout=30_000,
        )
        state = page.evaluate(STATE_JS)
        assert state["inCase"], state
        assert state["top"] >= 0 and state["bottom"] <= state["height"], state  # scrolled into view
        if "vk-ending" in state["cls"]:
            break
        assert state["text"].startswith("A. "), state  # the new step's first option
    assert "vk-ending" in state["cls"] and state["label"].startswith("Einde: "), state
    assert "Einde: " in state["live"]
    page.keyboard.press("Tab")  # the restart button, then out of the case: no keyboard trap
    assert "vk-restart" in page.evaluate(STATE_JS)["cls"]
    page.keyboard.press("Tab")
    assert not page.evaluate(STATE_JS)["inCase"]
    assert page.errors == []
    course.stop_kernels()


# --- a day off: reopen on a new kernel; static exports ---------------------------------------------------------
def test_reopened_notebook_shows_dutch_notes_and_exports_stay_private(page, course: Course) -> None:
    from playwright.sync_api import expect

    path = REPO / MODULE_A
    open_notebook(page, course, MODULE_A)
    run_all(page, path)
    page.locator(".veerkracht-case .vk-option").first.click()  # some progress to keep private
    page.wait_for_timeout(800)
    page.locator(".jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+s")
    page.wait_for_function("() => !document.querySelector('.jp-mod-dirty')", timeout=30_000)
    course.stop_kernels()

    open_notebook(page, course, MODULE_A, reset=False)  # the next day: a new kernel
    expected = widget_cells(path)
    expect(page.locator(".vk-widget-note")).to_have_count(expected, timeout=60_000)
    page.wait_for_timeout(3000)  # JupyterLab waits 2 s for a missing model before it gives up
    body = page.locator(".jp-Notebook").first.text_content()
    assert "Error displaying widget" not in body and "model not found" not in body and "Loading widget" not in body
    assert page.locator(".vk-widget-note").count() == expected
    assert "Voer deze cel uit" in page.locator(".vk-widget-note").first.text_content()
    course.stop_kernels()

    saved = course.workspace / MODULE_A
    nb = json.loads(saved.read_text(encoding="utf-8"))
    assert "application/vnd.jupyter.widget-state+json" not in json.dumps(nb.get("metadata", {}))
    env = _environment(course.home.parent)
    html = subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--stdout", str(saved)],
        capture_output=True, text=True, env=env, check=True, timeout=120,
    ).stdout  # fmt: skip
    _assert_private_export(html, expected, course)

    intro = course.workspace / "course/00_introductie.ipynb"
    executed = subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--execute", "--stdout", str(intro)],
        capture_output=True, text=True, env=env, check=True, timeout=180, cwd=intro.parent,
    )  # fmt: skip
    assert "Kernel is running over TCP" not in executed.stderr
    _assert_private_export(executed.stdout, widget_cells(REPO / "course/00_introductie.ipynb"), course)


def _assert_private_export(html: str, expected: int, course: Course) -> None:
    assert len(re.findall(r"class=[\"']veerkracht-widget-note[\"']", html)) == expected
    assert "Voer deze cel uit" in html
    for private in (str(course.home), str(course.workspace), "voortgang.json", "Je hebt nog geen casussen"):
        assert private not in html, private
    assert "widget-state+json" not in html and "cdn.jsdelivr.net" not in html and "unpkg.com" not in html


# --- Run All in every notebook, axe-core and contrast on the course's outputs ------------------------------------
AXE_JS = """async () => {
  const r = await axe.run({include: [['.jp-OutputArea'], ['.jp-MarkdownOutput']]}, {resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
}"""
CONTRAST_JS = """() => {
  const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c); if (c[3] === 1) break; }
    return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255, 1]); };
  const low = [];
  for (const el of document.querySelectorAll('.jp-OutputArea-output *, .jp-MarkdownOutput *')) {
    if (el.closest('svg') || el.disabled) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1 || getComputedStyle(el).visibility === 'hidden') continue;
    const text = Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
    if (!text) continue;
    const style = getComputedStyle(el); const bg = background(el); const fg = over(parse(style.color), bg);
    const [a, b] = [lum(fg), lum(bg)]; const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) low.push({text: text.slice(0, 40), ratio: Math.round(ratio * 100) / 100});
  }
  return low;
}"""


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_run_all_reaches_the_end_and_outputs_pass_axe(page, course: Course, notebook: str) -> None:
    open_notebook(page, course, notebook)
    run_all(page, REPO / notebook)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.all_inner_texts()[:3]
    assert page.locator(".jp-OutputArea-output", has_text="Traceback").count() == 0
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(AXE_JS)
    assert violations == [], violations
    assert page.evaluate(CONTRAST_JS) == []
    assert page.errors == []
    course.stop_kernels()


def test_the_accessibility_checks_can_fail(page, course: Course) -> None:
    open_notebook(page, course, "course/00_introductie.ipynb")
    page.evaluate(
        """() => document.querySelector('.jp-MarkdownOutput').insertAdjacentHTML('beforeend',
             '<h6>x</h6><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#aaa">vaag</p>')"""
    )
    page.add_script_tag(path=str(AXE))
    found = {v["id"] for v in page.evaluate(AXE_JS)}
    assert {"heading-order", "image-alt"} <= found
    assert any(item["text"] == "vaag" for item in page.evaluate(CONTRAST_JS))
    course.stop_kernels()


# --- a Dutch interface -------------------------------------------------------------------------------------------
MENU_JS = """() => Array.from(document.querySelectorAll('.lm-Menu .lm-Menu-item'))
  .filter(e => e.offsetParent !== null)
  .map(e => ({label: (e.querySelector('.lm-Menu-itemLabel') || {}).textContent || '',
              submenu: e.getAttribute('data-type') === 'submenu'}))"""
# names of programming languages (the "Syntaxiskleuring" submenu lists them) are names in Dutch too
LANGUAGE_LIST = "Syntaxiskleuring van de teksteditor"


def _english_vocabulary() -> tuple[set[str], set[str]]:
    """Words of JupyterLab's English interface strings (every string its bundles pass to the translator), and the
    words of the Dutch translations (the language pack's and the course's): a word in both is fine in Dutch."""
    prefix = Path(sys.prefix) / "share" / "jupyter"
    call = re.compile(r'\.(?:__|_n|_p|_np)\("((?:[^"\\]|\\.)*)"(?:\s*,\s*"((?:[^"\\]|\\.)*)")?')
    english: set[str] = set()
    for bundle in [*(prefix / "lab" / "static").glob("*.js"), *(prefix / "labextensions").rglob("static/*.js")]:
        for match in call.finditer(bundle.read_text(errors="ignore")):
            for text in match.groups():
                english |= _words(text or "")
    import jupyterlab_language_pack_nl_NL as pack

    from veerkracht_lib.labserver import CATALOGUE_DIR

    dutch: set[str] = set()
    catalogues = [*Path(pack.__file__).parent.rglob("*.json"), *CATALOGUE_DIR.glob("*.json")]
    for path in catalogues:
        for key, value in json.loads(path.read_text(encoding="utf-8")).items():
            for form in value if isinstance(value, list) else [value]:
                if key and isinstance(form, str) and form != key.split("\x04")[-1]:
                    dutch |= _words(form)
    return english, dutch


# names, the same in Dutch: file formats and products that JupyterLab's strings mention
NAMES = {"latex", "html", "pdf", "markdown", "asciidoc", "qtpdf", "qtpng", "webpdf", "python", "ipython", "jupyter"}
NAMES |= {"jupyterlab", "ipykernel", "json", "csv", "svg", "png", "reveal", "js", "restructuredtext"}


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]{2,}", re.sub(r"%\d", " ", text))}


def _english_words(texts: list[str], english: set[str], dutch: set[str]) -> list[tuple[str, list[str]]]:
    found = []
    for text in texts:
        for line in text.splitlines():
            words = sorted(w for w in _words(line) if w in english and w not in dutch and w not in NAMES)
            if words:
                found.append((line.strip(), words))
    return found


def _menus(page) -> list[str]:
    labels = []
    bar = page.locator(".lm-MenuBar-item")
    for i in range(bar.count()):
        labels.append(bar.nth(i).inner_text())
        bar.nth(i).click()
        page.wait_for_timeout(200)
        labels += [item["label"] for item in page.evaluate(MENU_JS)]
        submenus = page.locator(".lm-Menu .lm-Menu-item[data-type='submenu']")
        names = [submenus.nth(j).inner_text().split("\t")[0].strip() for j in range(submenus.count())]
        for j, name in enumerate(names):
            submenus.nth(j).hover()
            page.wait_for_timeout(250)
            items = [item["label"] for item in page.evaluate(MENU_JS)]
            if name != LANGUAGE_LIST:
                labels += items
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
        page.wait_for_timeout(100)
    return labels


def _dialog(page, top: str, item: str) -> str:
    from playwright.sync_api import expect

    menu(page, top, item)
    dialog = page.locator(".jp-Dialog").first
    expect(dialog).to_be_visible(timeout=10_000)
    text = dialog.inner_text()
    dialog.locator(".jp-Dialog-button", has_text="Annuleren").first.click()
    expect(page.locator(".jp-Dialog")).to_have_count(0, timeout=10_000)
    return text


def test_menus_dialogs_file_browser_and_status_bar_are_dutch(page, course: Course) -> None:
    english, dutch = _english_vocabulary()
    assert len(english) > 1000 and _english_words(["Run All Cells"], english, dutch)  # the check can fail
    open_notebook(page, course, MODULE_A)
    texts = _menus(page)
    assert any("Alle cellen uitvoeren" in t for t in texts) and len(texts) > 150
    texts.append(_dialog(page, "Kernel", "Kernel herstarten…"))
    texts.append(_dialog(page, "Kernel", "Andere kernel kiezen…"))
    assert "herstarten" in texts[-2] and "kernel" in texts[-1].lower()
    file_browser = page.locator(".jp-FileBrowser").first
    texts.append(file_browser.inner_text())
    texts += file_browser.locator(".jp-Toolbar [title], .jp-Toolbar [aria-label]").evaluate_all(
        "els => els.flatMap(e => [e.getAttribute('title') || '', e.getAttribute('aria-label') || ''])"
    )
    texts += file_browser.locator("[placeholder]").evaluate_all("els => els.map(e => e.getAttribute('placeholder'))")
    status = page.locator("#jp-main-statusbar")
    texts.append(status.inner_text())
    texts += status.locator("[title]").evaluate_all("els => els.map(e => e.getAttribute('title'))")
    found = _english_words(texts, english, dutch)
    assert found == [], found
    # working alone: none of nbgrader's screens (they are English and need an exchange)
    menubar = page.locator(".lm-MenuBar-content").inner_text()
    assert "Nbgrader" not in menubar and "Formgrader" not in menubar
    assert page.locator(".jp-Toolbar", has_text="Validate").count() == 0
    course.stop_kernels()


# --- a cohort: nbgrader's fetch and submit ------------------------------------------------------------------------
def test_a_cohort_fetches_and_submits_with_nbgrader(installed: None, browser, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    assignment = "a_democratische_vorming"
    exchange, config, trainer = tmp_path / "exchange", tmp_path / "jupyter-config", tmp_path / "trainer"
    exchange.mkdir(mode=0o777)
    exchange.chmod(0o777)
    config.mkdir()
    (config / "nbgrader_config.json").write_text(
        # the learner's nbgrader cache in this test's folder: a cache left by an earlier run lists the assignment as
        # submitted before this run's submit has happened
        json.dumps(
            {
                "Exchange": {"root": str(exchange), "cache": str(tmp_path / "cache")},
                "CourseDirectory": {"course_id": "groep1"},
            }
        )
    )
    (trainer / "source" / assignment).mkdir(parents=True)
    shutil.copy(REPO / "solutions" / assignment / f"{assignment}.ipynb", trainer / "source" / assignment)
    (trainer / "nbgrader_config.py").write_text(
        "from veerkracht_lib.grading.config import apply\n"
        "apply(get_config(), course_id='groep1')  # noqa: F821\n"
        f"get_config().Exchange.root = {str(exchange)!r}  # noqa: F821\n"
    )
    env = _environment(tmp_path)
    for args in (["generate_assignment", assignment, "--force"], ["release_assignment", assignment, "--force"]):
        done = subprocess.run(
            [sys.executable, "-m", "nbgrader", *args], cwd=trainer, env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stdout + done.stderr

    lab = _start(tmp_path / "deelnemer", "--cohort", env={"JUPYTER_CONFIG_PATH": str(config)})
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        open_notebook(page, lab, f"exercises/{assignment}/{assignment}.ipynb")
        expect(page.locator(".lm-MenuBar-content")).to_contain_text("Nbgrader")
        expect(page.locator(".jp-Toolbar", has_text="Validate").first).to_be_visible()
        menu(page, "Nbgrader", "Assignment List")
        released = page.locator("#released_assignments_list")
        expect(released).to_contain_text(assignment, timeout=60_000)
        released.locator("button", has_text="Fetch").first.click()
        fetched = page.locator("#fetched_assignments_list")
        expect(fetched).to_contain_text(assignment, timeout=60_000)
        fetched.locator("button", has_text="Submit").first.click()
        expect(page.locator("#submitted_assignments_list")).to_contain_text(assignment, timeout=60_000)
        inbound: list[Path] = []
        for _ in range(120):  # the list can show the submission a moment before the copy is complete
            inbound = [
                p
                for p in (exchange / "groep1" / "inbound").glob(f"*+{assignment}+*")
                if (p / f"{assignment}.ipynb").exists()
            ]
            if inbound:
                break
            time.sleep(0.25)
        assert inbound, "nbgrader's submit put nothing in the exchange's inbound folder"
    finally:
        context.close()
        lab.stop_kernels()
        stop_course(lab.proc)

"""The course overview (``toon_overzicht``): study load per module, the learner's progress drawn and as a table,
where to continue; the start of ``veerkracht start``; and the rendered overview checked with axe-core."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
from conftest import REPO
from helpers import right_value, wrong_value

from veerkracht_lib import cli, controleer, toon_overzicht
from veerkracht_lib.lab import CHROMIUM, CHROMIUM_ARGS
from veerkracht_lib.model import load_modules, load_vignettes
from veerkracht_lib.overview import (
    CASES_COLOUR,
    QUESTIONS_COLOUR,
    TEXT_COLOUR,
    course_progress,
    progress_figure,
    relative_link,
)
from veerkracht_lib.progress import ProgressStore
from veerkracht_lib.vignette import CaseWidget

AXE = REPO / "labextension" / "node_modules" / "axe-core" / "axe.min.js"


def play(cid: str, home: Path) -> None:
    """Play a case to an ending by clicking, as a learner does (always the first option)."""
    widget = CaseWidget(load_vignettes()[cid], ProgressStore(home))
    widget.restart()
    for _ in range(12):
        if widget.ending is not None:
            return
        widget.option_buttons[0].click()
    raise AssertionError(f"{cid}: no ending after 12 choices")


def _png(html: str) -> bytes:
    return base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", html).group(1))


def _row(plain: str, code: str) -> str:
    return next(line for line in plain.splitlines() if line.startswith(f"- {code} "))


@pytest.fixture
def in_course(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The kernel of the overview notebook runs in course/."""
    monkeypatch.chdir(REPO / "course")
    return REPO / "course"


def test_overview_lists_every_module_with_its_study_load(in_course: Path) -> None:
    view = toon_overzicht()
    plain = repr(view)
    for module in load_modules().values():
        load = module.study_load
        row = _row(plain, module.code)
        assert module.title in row and f" {load.lesson}," in row and f" {load.exercises}," in row
        assert f" {load.total};" in row and "nog niet begonnen" in row
    total = sum(m.study_load.total for m in load_modules().values())
    assert f"Hele cursus: {total} " in plain
    assert view.next_module.code == "a"


def test_overview_reflects_a_played_case(in_course: Path, progress_home: Path) -> None:
    before = toon_overzicht()
    module = load_modules()["a"]
    cases = [cid for cid, v in load_vignettes().items() if v.module == "a"]
    assert f"0 van {len(cases)}" in _row(repr(before), "a")
    play(cases[0], progress_home)
    after = toon_overzicht()
    row = _row(repr(after), "a")
    assert f"Casussen gespeeld 1 van {len(cases)}" in row and "bezig" in row
    assert _png(after._repr_html_()) != _png(before._repr_html_())
    assert f"nog {len(cases) - 1} casussen en nog {len(module.questions)} vragen controleren" in repr(after)


def test_a_module_is_finished_when_every_case_is_played_and_every_question_answered(
    in_course: Path, progress_home: Path
) -> None:
    module = load_modules()["a"]
    for cid, vignette in load_vignettes().items():
        if vignette.module == "a":
            play(cid, progress_home)
    first, *rest = module.questions
    for n, question in enumerate(rest):  # answered, right or wrong: both count
        controleer(question.id, wrong_value(question) if n % 2 else right_value(question))
    controleer(first.id, "geen geldige vorm")  # a form problem is not an answer
    view = toon_overzicht()
    assert view.next_module.code == "a" and "nog één vraag controleren" in repr(view)
    controleer(first.id, wrong_value(first))
    view = toon_overzicht()
    assert "✔ klaar" in _row(repr(view), "a")
    assert view.next_module.code == "b"
    html = view._repr_html_()
    assert "href='modules/b_ideologische_weerbaarheid.ipynb'" in html
    assert "href='../exercises/b_ideologische_weerbaarheid/b_ideologische_weerbaarheid.ipynb'" in html


def test_links_are_relative_to_the_notebook_that_shows_them(monkeypatch: pytest.MonkeyPatch) -> None:
    module = load_modules()["c"]
    for folder in (REPO / "course", REPO / "course" / "modules"):
        monkeypatch.chdir(folder)
        for target in (module.lesson, module.exercise_notebook, load_modules()["s"].lesson):
            link = relative_link(target)
            assert not link.startswith("/") and (folder / link).resolve() == (REPO / target).resolve()


def test_overview_is_accessible_and_private(in_course: Path, progress_home: Path) -> None:
    play("b1_buurthuis", progress_home)
    question = load_modules()["b"].questions[0]
    controleer(question.id, right_value(question))
    view = toon_overzicht()
    html, plain = view._repr_html_(), repr(view)
    alt = re.search(r"alt='([^']*)'", html).group(1)
    assert 40 < len(alt) < 250 and "tabel" in alt  # short, and it points to the same numbers as text
    assert "<caption" in html and html.count("scope='row'") == len(load_modules()) + 1
    assert "scope='col'" in html and "<h" not in html  # no heading levels to break under the notebook's own
    assert all("text-decoration:underline" in a for a in re.findall(r"<a [^>]*>", html))
    for private in (str(progress_home), str(Path.home()), "voortgang.json"):
        assert private not in html and private not in plain

    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def contrast(colour: str) -> float:
        return 1.05 / (luminance(colour) + 0.05)  # against white

    assert contrast(CASES_COLOUR) >= 3 and contrast(QUESTIONS_COLOUR) >= 3 and contrast(TEXT_COLOUR) >= 4.5
    fig = progress_figure(course_progress())
    hatches = {patch.get_hatch() for patch in fig.axes[0].patches}
    assert "///" in hatches and None in hatches  # the two series differ in pattern, not only in colour
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert "1 van 4 casussen" in labels  # every bar carries its number in words


def test_start_opens_the_introduction_first_and_the_overview_on_return(progress_home: Path) -> None:
    assert cli.start_notebook() == cli.START_NOTEBOOK == "course/00_introductie.ipynb"
    play("a1_klassenvergadering", progress_home)
    assert cli.start_notebook() == cli.OVERVIEW_NOTEBOOK
    assert (REPO / cli.OVERVIEW_NOTEBOOK).is_file()


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not (Path(CHROMIUM).exists() and AXE.exists()), reason="chromium or axe-core missing")
def test_rendered_overview_passes_axe(in_course: Path, progress_home: Path) -> None:
    from playwright.sync_api import sync_playwright

    play("a1_klassenvergadering", progress_home)
    controleer("a1", right_value(load_modules()["a"].questions[0]))
    html = toon_overzicht()._repr_html_()
    page_html = f"<!doctype html><html lang='nl'><head><title>Overzicht</title></head><body><main><h1>Cursusoverzicht</h1>{html}</main></body></html>"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_content(page_html)
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate(
                """async () => {
                    const r = await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                                              'best-practice']});
                    return r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));
                }"""
            )
        finally:
            browser.close()
    assert violations == []


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium missing")
def test_returning_learner_starts_at_the_overview_and_its_links_open_in_jupyterlab(
    tmp_path: Path, tool_env: dict[str, str], progress_home: Path
) -> None:
    from conftest import start_course, stop_course
    from playwright.sync_api import expect, sync_playwright

    play("a1_klassenvergadering", progress_home)  # a learner who was here before
    workspace = tmp_path / "werkmap"
    proc, _output, url, port = start_course(workspace, tool_env)
    token = url.split("token=")[1]
    assert "/lab/tree/course/00_overzicht.ipynb?" in url
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/lab/tree/course/00_overzicht.ipynb?reset&token={token}")
            expect(page.locator(".jp-Notebook").first).to_contain_text("cursusoverzicht", timeout=60_000)
            page.wait_for_selector("text=Kernel", state="attached", timeout=60_000)
            for text in ("from veerkracht_lib import", "toon_overzicht()", 'maak_handout("a")'):
                cell = page.locator(".jp-CodeCell:visible", has_text=text).first
                cell.scroll_into_view_if_needed()
                cell.locator(".jp-InputArea-editor").click()
                page.keyboard.press("Shift+Enter")
            output = page.locator(".jp-OutputArea-output:visible", has_text="Waar ga je verder?").first
            expect(output).to_contain_text("Ga verder met module a", timeout=60_000)
            expect(output).to_contain_text("1 van 4")
            handout = page.locator(".jp-OutputArea-output:visible", has_text="handout voor module a").first
            expect(handout).to_contain_text("documenten/handout-module-a.pdf", timeout=60_000)
            assert (workspace / "documenten" / "handout-module-a.pdf").stat().st_size > 20_000
            handout.locator("a").first.click()
            expect(page.locator(".lm-TabBar-tabLabel", has_text="handout-module-a.pdf")).to_be_visible(timeout=30_000)
            page.locator(".lm-TabBar-tabLabel", has_text="00_overzicht.ipynb").first.click()  # back to the overview
            output.get_by_role("link", name="Open de les: Democratische vorming").click()
            expect(page.locator(".lm-TabBar-tabLabel", has_text="a_democratische_vorming.ipynb").first).to_be_visible(
                timeout=30_000
            )
            browser.close()
    finally:
        stop_course(proc)

"""A real learner session: `veerkracht start`, JupyterLab in headless Chromium, play a case, read the feedback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import start_course, stop_course

from veerkracht_lib.lab import CHROMIUM, CHROMIUM_ARGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="Debian chromium missing"),
]


def _run_cell(page, text: str) -> None:
    cell = page.locator(".jp-CodeCell:visible", has_text=text).first
    cell.scroll_into_view_if_needed()
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")


def test_learner_plays_a_case_in_jupyterlab(tmp_path: Path, tool_env: dict[str, str]) -> None:
    from playwright.sync_api import expect, sync_playwright

    proc, _output, url, port = start_course(tmp_path / "werkmap", tool_env)
    token = url.split("token=")[1]
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(
                f"http://127.0.0.1:{port}/lab/tree/course/modules/a_democratische_vorming.ipynb?reset&token={token}"
            )
            menubar = page.locator(".lm-MenuBar-content")
            expect(menubar).to_contain_text("Bestand", timeout=60_000)  # Dutch menus
            expect(menubar).not_to_contain_text("Formgrader")
            expect(page.locator(".jp-Notebook-ExecutionIndicator, .jp-Notebook").first).to_be_visible(timeout=60_000)
            expect(page.locator(".jp-Notebook").first).to_contain_text("Democratische vorming", timeout=60_000)
            page.wait_for_selector("text=Kernel", state="attached", timeout=60_000)
            _run_cell(page, "from veerkracht_lib import")
            _run_cell(page, 'speel_casus("a1_klassenvergadering")')
            case = page.locator(".veerkracht-case:visible").first
            expect(case).to_contain_text("Stemmen heeft geen zin", timeout=60_000)
            first_option = case.locator(".widget-button").first
            first_option.focus()
            page.keyboard.press("Enter")  # keyboard use: Tab/focus, then Enter
            expect(case).to_contain_text("Jouw keuze", timeout=30_000)
            expect(case).to_contain_text("Helpt")
            expect(case).to_contain_text("Stap 2")
            page.screenshot(path=str(tmp_path / "casus.png"), full_page=False)
            browser.close()
    finally:
        stop_course(proc)

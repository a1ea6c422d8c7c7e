"""The case and practice widgets, driven headless: set values, click buttons, restart the 'kernel'."""

from __future__ import annotations

import json

import pytest

from veerkracht_lib import oefenvraag, speel_casus
from veerkracht_lib.model import load_framework, load_practice, load_vignettes
from veerkracht_lib.progress import FILE_NAME, ProgressStore
from veerkracht_lib.vignette import CaseWidget


def _paths(vignette):
    """Every path of option indexes from the start to an ending."""
    out = []

    def walk(step_id, path):
        for i, option in enumerate(vignette.steps[step_id].options):
            if option.end is not None:
                out.append([*path, i])
            elif len(path) < 10:
                walk(option.next, [*path, i])

    walk(vignette.start, [])
    return out


@pytest.mark.parametrize("cid", sorted(load_vignettes()))
def test_every_path_reaches_a_debrief(cid: str, progress_home) -> None:
    vignette = load_vignettes()[cid]
    for path in _paths(vignette):
        widget = CaseWidget(vignette, ProgressStore(progress_home))
        widget.restart()
        for index in path:
            assert widget.option_buttons[index].layout.display != "none"
            widget.option_buttons[index].click()
        assert widget.ending is not None
        ending = vignette.endings[widget.ending]
        assert "Nabespreking" in widget.ending_html.value
        assert ending.title.split()[0] in widget.ending_html.value
        assert widget.options_box.layout.display == "none"


def test_choice_shows_feedback_with_values(progress_home) -> None:
    widget = speel_casus("a1_klassenvergadering")
    vignette = widget.vignette
    option = vignette.steps[vignette.start].options[0]
    widget.option_buttons[0].click()
    html = widget.history.value
    assert "Helpt" in html and "Schaadt" in html
    fw = load_framework()
    for code in option.serves:
        assert fw.value(code).name in html
    assert option.feedback.split()[0] in html


def test_progress_survives_a_kernel_restart_and_restart_clears_it(progress_home) -> None:
    widget = speel_casus("a1_klassenvergadering")
    path = _paths(widget.vignette)[-1]
    widget.option_buttons[path[0]].click()
    saved = json.loads((progress_home / FILE_NAME).read_text())
    assert saved["cases"]["a1_klassenvergadering"]["path"] == [path[0]]
    again = CaseWidget(widget.vignette, ProgressStore(progress_home))  # a new process reads the file
    assert again.path == [path[0]]
    assert "hier gebleven" in again.notice.value
    again.restart_button.click()
    assert again.path == [] and not again.history.value
    assert json.loads((progress_home / FILE_NAME).read_text())["cases"]["a1_klassenvergadering"]["path"] == []


def test_corrupt_progress_gives_a_dutch_notice_in_the_widget(progress_home) -> None:
    (progress_home / FILE_NAME).write_text("[1, 2", encoding="utf-8")
    widget = CaseWidget(load_vignettes()["a2_speldje"], ProgressStore(progress_home))
    assert "niet worden gelezen" in widget.notice.value
    widget.option_buttons[0].click()
    assert json.loads((progress_home / FILE_NAME).read_text())["cases"]["a2_speldje"]["path"] == [0]


def test_saved_path_that_no_longer_fits_the_case_is_trimmed(progress_home) -> None:
    ProgressStore(progress_home).save_case("a1_klassenvergadering", [0, 99, 1], None)
    widget = CaseWidget(load_vignettes()["a1_klassenvergadering"], ProgressStore(progress_home))
    assert widget.path == [0]


def test_clicks_after_the_end_do_nothing(progress_home) -> None:
    widget = speel_casus("a3_klimaatactie")
    path = _paths(widget.vignette)[0]
    for index in path:
        widget.option_buttons[index].click()
    ending = widget.ending
    widget.choose(0)
    assert widget.path == path and widget.ending == ending


def test_buttons_are_keyboard_reachable_and_labelled(progress_home) -> None:
    widget = speel_casus("a1_klassenvergadering")
    visible = [b for b in widget.option_buttons if b.layout.display != "none"]
    assert len(visible) >= 2
    for letter, button in zip("ABCD", visible, strict=False):
        assert button.description.startswith(f"{letter}. ") and not button.disabled
    assert "Tab" in widget.prompt.value


def test_unknown_case_and_practice_give_dutch_messages() -> None:
    assert "bestaat niet" in repr(speel_casus("a9_bestaatniet"))
    assert "a1_klassenvergadering" in repr(speel_casus(3))
    assert "bestaat niet" in repr(oefenvraag("zz"))


@pytest.mark.parametrize("pid", sorted(load_practice()))
def test_practice_feedback_per_option(pid: str, progress_home) -> None:
    widget = oefenvraag(pid)
    for index, option in enumerate(widget.practice.options):
        widget.option_buttons[index].click()
        assert ("Goed gekozen" in widget.feedback.value) == option.correct
    stored = json.loads((progress_home / FILE_NAME).read_text())
    assert pid in stored["practice"]

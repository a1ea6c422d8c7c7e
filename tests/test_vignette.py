"""The case and practice widgets, driven headless: set values, click buttons, restart the 'kernel'."""

from __future__ import annotations

import json
import re

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
    path = next(p for p in _paths(widget.vignette) if len(p) > 1)  # one step taken, the case goes on
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
        assert "vk-option" in button._dom_classes
    # the hint matches JupyterLab: after Shift+Enter the next cell is active, Shift+Tab comes back
    assert "Shift+Tab" in widget.prompt.value and "eerste keuze" in widget.prompt.value
    # the options are a group labelled by the step's question (the extension sets role and aria-labelledby)
    assert f"id='vk-{widget.uid}-prompt'" in widget.prompt.value
    assert "vk-options" in widget.options_box._dom_classes


def test_a_second_key_press_never_answers_the_next_step(progress_home) -> None:
    """Every step gets new buttons; a click that was meant for the last step (a repeated key) is ignored."""
    widget = speel_casus("a1_klassenvergadering")
    first = widget.option_buttons
    first[0].click()
    second = widget.option_buttons
    assert widget.path == [0] and not set(map(id, first)) & set(map(id, second))
    first[0].click()  # the same key again, on the button it went to before
    first[1].click()
    assert widget.path == [0]
    second[0].click()
    assert widget.path[:2] == [0, 0]


def test_each_choice_is_announced_and_the_ending_is_a_labelled_region(progress_home) -> None:
    vignette = load_vignettes()["a1_klassenvergadering"]
    widget = CaseWidget(vignette, ProgressStore(progress_home))
    assert widget.announcement.value == ""
    assert {"vk-live", "vk-sr-only"} <= set(widget.announcement._dom_classes)
    path = _paths(vignette)[0]
    option = vignette.steps[vignette.start].options[path[0]]
    widget.option_buttons[path[0]].click()
    said = widget.announcement.value
    assert said.startswith(f"Je koos {'ABCD'[path[0]]}.") and option.feedback.split()[0] in said
    for index in path[1:]:
        widget.option_buttons[index].click()
    ending = vignette.endings[widget.ending]
    assert f"aria-label='Einde: {ending.title}'" in widget.ending_html.value.replace("&#x27;", "'")
    assert "role='region'" in widget.ending_html.value and "tabindex='-1'" in widget.ending_html.value
    assert ending.title.split()[0] in widget.announcement.value
    # a finished case, when resumed, says it is finished (not "je kunt verder gaan")
    again = CaseWidget(vignette, ProgressStore(progress_home))
    assert "al uitgespeeld" in again.notice.value and "hier gebleven" not in again.notice.value


def test_step_quality_is_a_word_not_only_a_colour(progress_home) -> None:
    widget = speel_casus("a1_klassenvergadering")
    widget.option_buttons[0].click()
    assert re.search(r"Stap 1 \((sterke|redelijke|zwakke) keuze\)", widget.history.value)


def test_widgets_stand_in_with_a_dutch_note_when_the_kernel_is_gone(progress_home) -> None:
    from veerkracht_lib.live import NOTE_MIME

    for widget in (speel_casus("a1_klassenvergadering"), oefenvraag("a_p1")):
        bundle = widget._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in bundle
        assert "Voer deze cel uit" in bundle["text/plain"] and "Voer deze cel uit" in bundle["text/html"]
        assert bundle[NOTE_MIME]["note"] in bundle["text/plain"]
        assert "Widget" not in bundle["text/plain"] and "children=" not in bundle["text/plain"]


def test_unknown_case_and_practice_give_dutch_messages() -> None:
    assert "bestaat niet" in repr(speel_casus("a9_bestaatniet"))
    assert "a1_klassenvergadering" in repr(speel_casus(3))
    assert "bestaat niet" in repr(oefenvraag("zz"))


@pytest.mark.parametrize("pid", sorted(load_practice()))
def test_practice_feedback_per_option(pid: str, progress_home) -> None:
    widget = oefenvraag(pid)
    assert "vk-live" in widget.feedback._dom_classes
    for index, option in enumerate(widget.practice.options):
        widget.option_buttons[index].click()
        assert ("Goed gekozen" in widget.feedback.value) == option.correct
        # the chosen option says so in words, and its colours reach 4.5:1 (WCAG 1.4.3)
        chosen = [b for b in widget.option_buttons if "(jouw keuze)" in b.description]
        assert chosen == [widget.option_buttons[index]]
        assert chosen[0].button_style == ""
        assert _contrast(chosen[0].style.text_color, chosen[0].style.button_color) >= 4.5
    stored = json.loads((progress_home / FILE_NAME).read_text())
    assert pid in stored["practice"]


def _contrast(a: str, b: str) -> float:
    def lum(colour: str) -> float:
        values = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b_ = (v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in values)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((lum(a), lum(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)

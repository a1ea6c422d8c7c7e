"""The branching case widget and the practice-question widget, both rendered from data.

A case shows its situation, then one decision point at a time as buttons. Each choice adds its feedback, with the
values it serves or harms, and opens the next step or the ending with its debrief. The path is saved after every
click, so a case resumes where the learner left it, also after a kernel restart. Tests drive the widgets without a
browser: ``widget.option_buttons[i].click()``.

Keyboard and screen readers (with the course's JupyterLab extension, ``labextension/src/widgets.ts``):
- every step gets new option buttons, and a click on a button of an earlier step is ignored, so one key press
  can never answer two steps; the extension also drops auto-repeated keys on these buttons;
- after a choice the extension moves focus to the new step's first option (or to the ending) and scrolls it into
  view; Shift+Tab from the cell below lands on the first option (the hint says so);
- the options are a group labelled by the step's question; what happened is announced in a polite live region;
- the quality of a choice is a word in the step's title (never colour alone); the ending is a labelled region.
"""

from __future__ import annotations

import secrets
from typing import Any

import ipywidgets as widgets

from . import texts
from .live import CourseWidget
from .model import Framework, Practice, Vignette, load_framework, load_practice, load_vignettes
from .progress import ProgressStore, get_store
from .render import box, esc, paragraphs
from .status import Status

MAX_OPTIONS = 4
# option quality -> (status style of the box, the word that says it; never colour alone)
QUALITY_STATUS = {
    "strong": (Status.RIGHT, texts.QUALITY_STRONG),
    "reasonable": (Status.PARTLY, texts.QUALITY_REASONABLE),
    "weak": (Status.NOT_YET, texts.QUALITY_WEAK),
}
LETTERS = "ABCDEFGH"
# the chosen practice option: white on Okabe-Ito blue (5.2:1), and the words "jouw keuze" in its label
CHOSEN_BACKGROUND = "#0072B2"
CHOSEN_TEXT = "#ffffff"

# Buttons in JupyterLab cut long text off; let option text wrap and read as a list. The live region is read by
# screen readers only.
_STYLE = """<style>
.veerkracht-case .widget-button, .veerkracht-practice .widget-button {
  white-space: normal; height: auto; min-height: 2.4em; text-align: left; line-height: 1.35;
  padding: 0.35em 0.8em; }
.veerkracht-case .widget-button:focus-visible, .veerkracht-practice .widget-button:focus-visible,
.veerkracht-case .vk-ending:focus-visible {
  outline: 3px solid #0072B2; outline-offset: 2px; }
.veerkracht-case .vk-sr-only { position: absolute !important; width: 1px !important; height: 1px !important;
  padding: 0 !important; margin: -1px !important; overflow: hidden !important; clip: rect(0 0 0 0) !important;
  white-space: nowrap !important; border: 0 !important; }
</style>"""


def _value_names(codes: tuple[str, ...], framework: Framework) -> str:
    return ", ".join(f"{framework.value(c).name} ({c})" for c in codes) or texts.MODEL_NONE


def _letter(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else str(index + 1)


def _hint_html(uid: str) -> str:
    return (
        f"<p class='vk-hint' data-vk-first='{esc(texts.CASE_FIRST_OPTION)}' id='vk-{uid}-hint' "
        f"style='margin:0;color:#555;font-size:0.9em'>{esc(texts.CASE_KEYBOARD_HINT)}</p>"
    )


class CaseWidget(CourseWidget, widgets.VBox):
    """One branching case. ``path`` is the list of chosen option indexes from the start."""

    def __init__(self, vignette: Vignette, store: ProgressStore | None = None) -> None:
        self.vignette = vignette
        self.store = store or get_store()
        self.framework = load_framework()
        self.path: list[int] = []
        self.ending: str | None = None
        self.uid = secrets.token_hex(4)
        self._buttons: list[widgets.Button] = []
        self._generation = 0

        self.header = widgets.HTML(self._header_html())
        self.notice = widgets.HTML("")
        self.history = widgets.HTML("")
        self.prompt = widgets.HTML("")
        self.options_box = widgets.VBox([])
        self.options_box.add_class("vk-options")
        self.announcement = widgets.HTML("")
        self.announcement.add_class("vk-live")
        self.announcement.add_class("vk-sr-only")
        self.ending_html = widgets.HTML("")
        self.restart_button = widgets.Button(
            description=texts.CASE_RESTART, icon="refresh", layout=widgets.Layout(width="auto")
        )
        self.restart_button.add_class("vk-restart")
        self.restart_button.on_click(lambda _button: self.restart())
        super().__init__(
            [
                widgets.HTML(_STYLE),
                self.header,
                self.notice,
                self.history,
                self.prompt,
                self.options_box,
                self.announcement,
                self.ending_html,
                self.restart_button,
            ]
        )
        self.add_class("veerkracht-case")
        self._resume()

    @property
    def option_buttons(self) -> list[widgets.Button]:
        """The buttons of the current step (new ones for every step)."""
        return list(self._buttons)

    def note(self) -> tuple[str, str]:
        return (
            texts.WIDGET_NOTE_CASE.format(title=self.vignette.title),
            f"{texts.WIDGET_NOTE_CASE_TEXT} {texts.WIDGET_RUN_CELL}",
        )

    # --- state ---------------------------------------------------------------------------
    def _walk(self, path: list[int]) -> tuple[list[tuple[str, int]], str | None, str | None]:
        """Follow ``path`` from the start: the (step, option) pairs taken, the current step, the ending."""
        taken: list[tuple[str, int]] = []
        step_id: str | None = self.vignette.start
        for index in path:
            if step_id is None:
                break
            step = self.vignette.steps[step_id]
            if not 0 <= index < len(step.options):
                break
            taken.append((step_id, index))
            option = step.options[index]
            if option.end is not None:
                return taken, None, option.end
            step_id = option.next
        return taken, step_id, None

    def _resume(self) -> None:
        saved = self.store.case(self.vignette.id)
        notices = self.store.take_notices()
        if saved and saved["path"]:
            taken, _step, ending = self._walk(saved["path"])
            self.path = [index for _sid, index in taken]  # drop any part that no longer fits the case
            if self.path:
                notices.append(texts.CASE_RESUMED_DONE if ending is not None else texts.CASE_RESUMED)
        self.notice.value = "".join(box(Status.INFO, n, "") for n in notices)
        self._render()

    def choose(self, index: int) -> None:
        """Choose option ``index`` of the current step (nothing happens after the ending)."""
        _taken, step_id, ending = self._walk(self.path)
        if step_id is None or ending is not None:
            return
        if not 0 <= index < len(self.vignette.steps[step_id].options):
            return
        self.path.append(index)
        self.notice.value = ""
        self._render(announce=True)
        self._save()

    def _clicked(self, generation: int, index: int) -> None:
        if generation == self._generation:  # a button of an earlier step (a second key press) does nothing
            self.choose(index)

    def restart(self) -> None:
        self.path = []
        self.notice.value = ""
        self.announcement.value = ""
        self._render()
        self._save()

    def _save(self) -> None:
        if not self.store.save_case(self.vignette.id, self.path, self.ending):
            self.notice.value = "".join(box(Status.INFO, n, "") for n in self.store.take_notices())

    # --- rendering -----------------------------------------------------------------------
    def _header_html(self) -> str:
        v = self.vignette
        return (
            f"<div role='region' aria-label='{esc(texts.CASE_REGION.format(title=v.title))}' "
            "style='border:1px solid #bbb;border-radius:6px;padding:0.6em 0.9em;margin-bottom:0.4em'>"
            f"<h3 style='margin:0.1em 0 0.3em 0'>{esc(v.title)}</h3>"
            f"<p style='margin:0.2em 0;color:#444'><strong>{esc(texts.CASE_SETTING)}:</strong> {esc(texts.SETTING_NAMES.get(v.setting, v.setting))}"
            f" &nbsp;·&nbsp; <strong>{esc(texts.CASE_PROFESSIONAL)}:</strong> {esc(v.professional)}</p>"
            f"{paragraphs(v.situation)}</div>"
        )

    def _new_buttons(self, step_id: str | None) -> None:
        """Fresh buttons for the step: a key press meant for the last step can never land on this one."""
        old = self._buttons
        self._generation += 1
        generation = self._generation
        self._buttons = []
        if step_id is not None:
            for i, option in enumerate(self.vignette.steps[step_id].options):
                button = widgets.Button(
                    description=f"{_letter(i)}. {option.text}",
                    layout=widgets.Layout(width="100%", max_width="46em"),
                )
                button.add_class("vk-option")
                button.on_click(lambda _button, g=generation, i=i: self._clicked(g, i))
                self._buttons.append(button)
        self.options_box.children = tuple(self._buttons)
        self.options_box.layout.display = None if self._buttons else "none"
        for button in old:
            button.close()

    def _render(self, announce: bool = False) -> None:
        taken, step_id, ending = self._walk(self.path)
        self.ending = ending
        blocks = []
        for n, (sid, index) in enumerate(taken, 1):
            step = self.vignette.steps[sid]
            option = step.options[index]
            status, verdict = QUALITY_STATUS[option.quality]
            body = (
                f"<p style='margin:0.3em 0'>{esc(texts.CASE_YOUR_CHOICE.format(text=option.text))}</p>"
                f"{paragraphs(option.feedback)}"
                f"<p style='margin:0.3em 0'><strong>{esc(texts.CASE_SERVES)}:</strong> "
                f"{esc(_value_names(option.serves, self.framework))}"
                f" &nbsp;·&nbsp; <strong>{esc(texts.CASE_HARMS)}:</strong> "
                f"{esc(_value_names(option.harms, self.framework))}</p>"
            )
            title = texts.CASE_STEP.format(n=n) + f" ({verdict}): " + step.prompt
            blocks.append(box(status, title, body, role="group"))
        self.history.value = "".join(blocks)

        if step_id is not None:
            step = self.vignette.steps[step_id]
            self.prompt.value = (
                f"<p id='vk-{self.uid}-prompt' class='vk-prompt-label' style='margin:0.5em 0 0.2em 0'><strong>"
                f"{esc(texts.CASE_STEP.format(n=len(taken) + 1))}: {esc(step.prompt)}</strong></p>"
                f"<p style='margin:0;color:#555;font-size:0.9em'>{esc(texts.CASE_OPTIONS_LABEL)}</p>"
                + _hint_html(self.uid)
            )
        else:
            self.prompt.value = ""
        self._new_buttons(step_id)

        if ending is not None:
            end = self.vignette.endings[ending]
            title = texts.CASE_ENDING.format(title=end.title)
            body = (
                f"<p style='margin:0.3em 0'><strong>{esc(texts.CASE_DEBRIEF)}</strong></p>{paragraphs(end.debrief)}"
                f"<p style='margin:0.3em 0'><strong>{esc(texts.CASE_VALUES_STRENGTHENED)}:</strong> "
                f"{esc(_value_names(end.strengthened, self.framework))}</p>"
                f"<p style='margin:0.3em 0'><strong>{esc(texts.CASE_VALUES_PRESSURED)}:</strong> "
                f"{esc(_value_names(end.pressured, self.framework))}</p>"
            )
            self.ending_html.value = (
                f"<div class='vk-ending' tabindex='-1' role='region' aria-label='{esc(title)}'>"
                + box(Status.INFO, title, body, role="group")
                + "</div>"
            )
        else:
            self.ending_html.value = ""
        self.restart_button.disabled = not self.path
        if announce and taken:
            self.announcement.value = esc(self._announcement(taken, step_id, ending))

    def _announcement(self, taken: list[tuple[str, int]], step_id: str | None, ending: str | None) -> str:
        sid, index = taken[-1]
        option = self.vignette.steps[sid].options[index]
        said = texts.CASE_ANNOUNCE.format(
            letter=_letter(index), verdict=QUALITY_STATUS[option.quality][1], feedback=" ".join(option.feedback.split())
        )
        if step_id is not None:
            step = self.vignette.steps[step_id]
            return f"{said} {texts.CASE_ANNOUNCE_NEXT.format(n=len(taken) + 1, prompt=step.prompt)}"
        if ending is not None:
            return f"{said} {texts.CASE_ENDING.format(title=self.vignette.endings[ending].title)}"
        return said


class PracticeWidget(CourseWidget, widgets.VBox):
    """An ungraded practice question: choose an option, read why it is (not) the best one; try again freely."""

    def __init__(self, practice: Practice, store: ProgressStore | None = None) -> None:
        self.practice = practice
        self.store = store or get_store()
        self.uid = secrets.token_hex(4)
        self.chosen: int | None = None
        self.prompt = widgets.HTML(
            f"<p id='vk-{self.uid}-prompt' class='vk-prompt-label' style='margin:0.3em 0'><strong>"
            f"{esc(practice.prompt)}</strong></p>" + _hint_html(self.uid)
        )
        self.option_buttons = [
            widgets.Button(description=self._label(i), layout=widgets.Layout(width="100%", max_width="46em"))
            for i in range(len(practice.options))
        ]
        for index, button in enumerate(self.option_buttons):
            button.add_class("vk-option")
            button.on_click(lambda _button, i=index: self.choose(i))
        self.options_box = widgets.VBox(self.option_buttons)
        self.options_box.add_class("vk-options")
        self.feedback = widgets.HTML("")
        self.feedback.add_class("vk-live")
        super().__init__([widgets.HTML(_STYLE), self.prompt, self.options_box, self.feedback])
        self.add_class("veerkracht-practice")

    def _label(self, index: int) -> str:
        label = f"{_letter(index)}. {self.practice.options[index].text}"
        return f"{label} ({texts.PRACTICE_CHOSEN})" if index == self.chosen else label

    def note(self) -> tuple[str, str]:
        return (
            texts.WIDGET_NOTE_PRACTICE.format(prompt=self.practice.prompt),
            f"{texts.WIDGET_NOTE_PRACTICE_TEXT} {texts.WIDGET_RUN_CELL}",
        )

    def choose(self, index: int) -> None:
        option = self.practice.options[index]
        self.chosen = index
        title = texts.PRACTICE_RIGHT if option.correct else texts.PRACTICE_WRONG
        self.feedback.value = box(
            Status.RIGHT if option.correct else Status.NOT_YET, title, paragraphs(option.feedback)
        )
        for i, button in enumerate(self.option_buttons):
            button.description = self._label(i)
            button.style.button_color = CHOSEN_BACKGROUND if i == index else None
            button.style.text_color = CHOSEN_TEXT if i == index else None
        self.store.record_practice(self.practice.id, option.correct)


def _unknown(message: str) -> Any:
    from .render import HTMLView

    return HTMLView(box(Status.FORM_ERROR, message, ""), message)


def speel_casus(casus: Any = None) -> Any:
    """Play one case, e.g. ``speel_casus("a1_klassenvergadering")``."""
    vignettes = load_vignettes()
    if not isinstance(casus, str) or casus.strip() not in vignettes:
        return _unknown(texts.CASE_UNKNOWN.format(cid=casus, known=", ".join(vignettes)))
    return CaseWidget(vignettes[casus.strip()])


def oefenvraag(vraag: Any = None) -> Any:
    """Show one ungraded practice question, e.g. ``oefenvraag("a_p1")``."""
    practice = load_practice()
    if not isinstance(vraag, str) or vraag.strip() not in practice:
        return _unknown(texts.PRACTICE_UNKNOWN.format(pid=vraag, known=", ".join(practice)))
    return PracticeWidget(practice[vraag.strip()])

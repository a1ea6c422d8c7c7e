"""The branching case widget and the practice-question widget, both rendered from data.

A case shows its situation, then one decision point at a time as buttons (Tab to reach them, Enter or Space
to choose). Each choice adds its feedback, with the values it serves or harms, and opens the next step or the
ending with its debrief. The path is saved after every click, so a case resumes where the learner left it,
also after a kernel restart. Tests drive the widgets without a browser: ``widget.option_buttons[i].click()``.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from . import texts
from .model import Framework, Practice, Vignette, load_framework, load_practice, load_vignettes
from .progress import ProgressStore, get_store
from .render import box, esc, paragraphs

MAX_OPTIONS = 4
# option quality -> (status style of the box, the word that says it; never colour alone)
QUALITY_STATUS = {
    "strong": ("goed", texts.QUALITY_STRONG),
    "reasonable": ("deels", texts.QUALITY_REASONABLE),
    "weak": ("nog_niet", texts.QUALITY_WEAK),
}
LETTERS = "ABCD"

# Buttons in JupyterLab cut long text off; let option text wrap and read as a list.
_STYLE = """<style>
.veerkracht-case .widget-button, .veerkracht-practice .widget-button {
  white-space: normal; height: auto; min-height: 2.4em; text-align: left; line-height: 1.35;
  padding: 0.35em 0.8em; }
.veerkracht-case .widget-button:focus-visible, .veerkracht-practice .widget-button:focus-visible {
  outline: 3px solid #0072B2; outline-offset: 2px; }
</style>"""


def _value_names(codes: tuple[str, ...], framework: Framework) -> str:
    return ", ".join(f"{framework.value(c).name} ({c})" for c in codes) or texts.MODEL_NONE


class CaseWidget(widgets.VBox):
    """One branching case. ``path`` is the list of chosen option indexes from the start."""

    def __init__(self, vignette: Vignette, store: ProgressStore | None = None) -> None:
        self.vignette = vignette
        self.store = store or get_store()
        self.framework = load_framework()
        self.path: list[int] = []
        self.ending: str | None = None

        self.header = widgets.HTML(self._header_html())
        self.notice = widgets.HTML("")
        self.history = widgets.HTML("")
        self.prompt = widgets.HTML("")
        self.option_buttons = [
            widgets.Button(layout=widgets.Layout(width="100%", max_width="46em")) for _ in range(MAX_OPTIONS)
        ]
        for index, button in enumerate(self.option_buttons):
            button.on_click(lambda _button, i=index: self.choose(i))
        self.options_box = widgets.VBox(self.option_buttons)
        self.ending_html = widgets.HTML("")
        self.restart_button = widgets.Button(
            description=texts.CASE_RESTART, icon="refresh", layout=widgets.Layout(width="auto")
        )
        self.restart_button.on_click(lambda _button: self.restart())
        super().__init__(
            [
                widgets.HTML(_STYLE),
                self.header,
                self.notice,
                self.history,
                self.prompt,
                self.options_box,
                self.ending_html,
                self.restart_button,
            ]
        )
        self.add_class("veerkracht-case")
        self._resume()

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
            taken, _step, _ending = self._walk(saved["path"])
            self.path = [index for _sid, index in taken]  # drop any part that no longer fits the case
            if self.path:
                notices.append(texts.CASE_RESUMED)
        self.notice.value = "".join(box("info", n, "") for n in notices)
        self._render()

    def choose(self, index: int) -> None:
        _taken, step_id, ending = self._walk(self.path)
        if step_id is None or ending is not None:
            return
        if not 0 <= index < len(self.vignette.steps[step_id].options):
            return
        self.path.append(index)
        self.notice.value = ""
        self._render()
        self._save()

    def restart(self) -> None:
        self.path = []
        self.notice.value = ""
        self._render()
        self._save()

    def _save(self) -> None:
        if not self.store.save_case(self.vignette.id, self.path, self.ending):
            self.notice.value = "".join(box("info", n, "") for n in self.store.take_notices())

    # --- rendering -----------------------------------------------------------------------
    def _header_html(self) -> str:
        v = self.vignette
        return (
            f"<div role='region' aria-label='{esc(v.title)}' style='border:1px solid #bbb;border-radius:6px;"
            f"padding:0.6em 0.9em;margin-bottom:0.4em'>"
            f"<h3 style='margin:0.1em 0 0.3em 0'>{esc(v.title)}</h3>"
            f"<p style='margin:0.2em 0;color:#444'><strong>{esc(texts.CASE_SETTING)}:</strong> {esc(v.setting)}"
            f" &nbsp;·&nbsp; <strong>{esc(texts.CASE_PROFESSIONAL)}:</strong> {esc(v.professional)}</p>"
            f"{paragraphs(v.situation)}</div>"
        )

    def _render(self) -> None:
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
                f"<p style='margin:0.5em 0 0.2em 0'><strong>{esc(texts.CASE_STEP.format(n=len(taken) + 1))}: "
                f"{esc(step.prompt)}</strong></p><p style='margin:0;color:#555;font-size:0.9em'>"
                f"{esc(texts.CASE_OPTIONS_LABEL)} {esc(texts.CASE_KEYBOARD_HINT)}</p>"
            )
            for i, button in enumerate(self.option_buttons):
                if i < len(step.options):
                    button.description = f"{LETTERS[i]}. {step.options[i].text}"
                    button.tooltip = step.options[i].text
                    button.layout.display = None
                    button.disabled = False
                else:
                    button.description = ""
                    button.layout.display = "none"
                    button.disabled = True
            self.options_box.layout.display = None
        else:
            self.prompt.value = ""
            self.options_box.layout.display = "none"
            for button in self.option_buttons:
                button.disabled = True

        if ending is not None:
            end = self.vignette.endings[ending]
            body = (
                f"<p style='margin:0.3em 0'><strong>{esc(texts.CASE_DEBRIEF)}</strong></p>{paragraphs(end.debrief)}"
                f"<p style='margin:0.3em 0'><strong>{esc(texts.CASE_VALUES_STRENGTHENED)}:</strong> "
                f"{esc(_value_names(end.strengthened, self.framework))}</p>"
                f"<p style='margin:0.3em 0'><strong>{esc(texts.CASE_VALUES_PRESSURED)}:</strong> "
                f"{esc(_value_names(end.pressured, self.framework))}</p>"
            )
            self.ending_html.value = box("info", texts.CASE_ENDING.format(title=end.title), body, role="region")
        else:
            self.ending_html.value = ""
        self.restart_button.disabled = not self.path


class PracticeWidget(widgets.VBox):
    """An ungraded practice question: choose an option, read why it is (not) the best one; try again freely."""

    def __init__(self, practice: Practice, store: ProgressStore | None = None) -> None:
        self.practice = practice
        self.store = store or get_store()
        self.prompt = widgets.HTML(
            f"<p style='margin:0.3em 0'><strong>{esc(practice.prompt)}</strong></p>"
            f"<p style='margin:0;color:#555;font-size:0.9em'>{esc(texts.CASE_KEYBOARD_HINT)}</p>"
        )
        self.option_buttons = [
            widgets.Button(
                description=f"{LETTERS[i] if i < len(LETTERS) else i + 1}. {option.text}",
                tooltip=option.text,
                layout=widgets.Layout(width="100%", max_width="46em"),
            )
            for i, option in enumerate(practice.options)
        ]
        for index, button in enumerate(self.option_buttons):
            button.on_click(lambda _button, i=index: self.choose(i))
        self.feedback = widgets.HTML("")
        super().__init__([widgets.HTML(_STYLE), self.prompt, *self.option_buttons, self.feedback])
        self.add_class("veerkracht-practice")

    def choose(self, index: int) -> None:
        option = self.practice.options[index]
        title = texts.PRACTICE_RIGHT if option.correct else texts.PRACTICE_WRONG
        self.feedback.value = box("goed" if option.correct else "nog_niet", title, paragraphs(option.feedback))
        for i, button in enumerate(self.option_buttons):
            button.button_style = "info" if i == index else ""
        self.store.record_practice(self.practice.id, option.correct)


def _unknown(message: str) -> Any:
    from .render import HTMLView

    return HTMLView(box("vorm_fout", message, ""), message)


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

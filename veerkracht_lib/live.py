"""Widgets of the course that stand in for themselves wherever they cannot run.

A widget lives in the kernel. A notebook saved and reopened the next day (a new kernel), a static export
(``jupyter nbconvert --to html``) or another frontend only has what the output stored. So every widget of the
course stores, beside the widget view, a Dutch ``text/plain`` and ``text/html`` note ("Voer deze cel uit ...") and
the same note as ``NOTE_MIME`` data. The course's JupyterLab extension (``labextension/src/widgets.ts``) shows that
note instead of JupyterLab's English "Error displaying widget: model not found"; nbconvert and other frontends
show the HTML. The note never holds the learner's progress or paths: those live only in the widget's state, which
JupyterLab does not save into the notebook (``configure_lab`` keeps ``saveState`` off and nbconvert's
``store_widget_state`` off).

``ModelExplorer`` (``verken_model()``) and ``ProgressView`` (``mijn_voortgang()``) are defined here; the case and
practice widgets are in ``vignette.py``.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from . import texts
from .render import esc

NOTE_MIME = "application/vnd.veerkracht.widget-note.v1+json"
NOTE_CLASS = "veerkracht-widget-note"


def note_html(title: str, note: str) -> str:
    return (
        f"<div class='{NOTE_CLASS}' role='note' style='border-left:6px solid #0072B2;background:#e8f1f8;"
        f"color:#1a1a1a;padding:0.5em 0.8em;margin:0.4em 0;border-radius:4px'>"
        f"<p style='margin:0.1em 0'><strong>{esc(title)}</strong></p><p style='margin:0.1em 0'>{esc(note)}</p></div>"
    )


def note_bundle(title: str, note: str) -> dict[str, Any]:
    """The MIME types that stand in for a widget: plain text, HTML and the data for the course's extension."""
    return {
        "text/plain": f"{title}\n{note}",
        "text/html": note_html(title, note),
        NOTE_MIME: {"title": title, "note": note, "loading": texts.WIDGET_LOADING},
    }


class CourseWidget:
    """Mixin for the course's widgets: a Dutch note in the output beside the widget view."""

    def note(self) -> tuple[str, str]:  # pragma: no cover - every widget overrides it
        return texts.WIDGET_NOTE_GENERIC, texts.WIDGET_RUN_CELL

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any] | None:
        bundle = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]
        if bundle is None:
            return None
        bundle.update(note_bundle(*self.note()))
        return bundle


class ModelExplorer(CourseWidget, widgets.VBox):
    """``verken_model()``: choose a part of the model, see it highlighted with its description."""

    def __init__(self) -> None:
        from .figures import describe, explorer_choices, figure_html
        from .model import load_framework

        fw = load_framework()
        self._describe = lambda code: describe(fw, code)
        self._figure = figure_html
        self.dropdown = widgets.Dropdown(options=explorer_choices(fw), value="", description=texts.MODEL_EXPLORE_LABEL)
        self.picture = widgets.HTML(figure_html(None))
        self.description_html = widgets.HTML("")
        self.description_html.add_class("vk-live")
        self.dropdown.observe(self._update, names="value")
        super().__init__([self.dropdown, self.description_html, self.picture])
        self.add_class("veerkracht-explorer")

    def _update(self, change: dict[str, Any]) -> None:
        code = change["new"] or None
        self.picture.value = self._figure(code)
        self.description_html.value = self._describe(code)

    def note(self) -> tuple[str, str]:
        return texts.WIDGET_NOTE_EXPLORER, f"{texts.WIDGET_NOTE_EXPLORER_TEXT} {texts.WIDGET_RUN_CELL}"


class ProgressView(CourseWidget, widgets.HTML):
    """``mijn_voortgang()`` in a notebook: the overview lives only in the kernel, never in the saved file."""

    def __init__(self, html_text: str, plain: str) -> None:
        super().__init__(html_text)
        self._plain = plain
        self.add_class("veerkracht-progress")

    def note(self) -> tuple[str, str]:
        return texts.WIDGET_NOTE_PROGRESS, f"{texts.WIDGET_NOTE_PROGRESS_TEXT} {texts.WIDGET_RUN_CELL}"

    def __repr__(self) -> str:
        return self._plain

    __str__ = __repr__

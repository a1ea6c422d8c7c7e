"""Answer by clicking: the question view that carries a JupyterLab control (labextension ``veerkracht-answers``).

``toon_vraag("a1")`` returns a ``QuestionView``. Its MIME bundle holds three versions of the question:

- ``application/vnd.veerkracht.answer.v1+json``: the data for the course's JupyterLab extension
  (``labextension/``). It draws the question with a small control (checkboxes, radio buttons, an ordering
  list, a choice per item). A click writes one answer line into the answer cell below, such as
  ``antwoord_a1 = {"POL", "REK"}``; the notebook saves it and nbgrader grades it as if it was typed.
  No kernel is needed for that.
- ``text/html``: the question drawn statically, for exports and for other frontends, with a Dutch note
  that says how to answer there.
- ``text/plain``.

``answer_line(question, value)`` is the canonical answer line. The extension writes byte-identical lines
(``labextension/src/answer.ts``; ``tests/test_answer_widget.py`` and the browser test check both).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import texts
from .model import Question
from .protocol import UNFILLED, format_value  # noqa: F401  (UNFILLED re-exported for the tests)
from .render import esc, paragraphs

MIME_TYPE = "application/vnd.veerkracht.answer.v1+json"
PER_ITEM_TYPES = ("classification", "matching")


# --- canonical answer lines: protocol.format_value is the one writer -------------------------------
def answer_line(question: Question, value: Any) -> str:
    """The one answer line for ``value``, exactly as the click control writes it.

    multilabel: a set of codes (``set()`` when empty), codes in option order; single: one code (``""``);
    ordering: a list of codes (``[]``); classification and matching: every item in item order, ``"?"`` when
    not filled in. Unknown codes or items raise ``ValueError``.
    """
    return f"{question.variable} = {format_value(question, value)}"


# --- the bundle for the extension --------------------------------------------------------------
def widget_texts() -> dict[str, str]:
    """Every Dutch string the control shows (placeholders: ``{name}``, filled in by the browser)."""
    return {**texts.ANSWER_WIDGET, "fallback": texts.ANSWER_WIDGET_FALLBACK}


def answer_bundle(question: Question) -> dict[str, Any]:
    """The data of the custom MIME type: everything the control needs, nothing that is secret."""
    return {
        "question": question.id,
        "variable": question.variable,
        "type": question.type,
        "title": question.title,
        "prompt": question.prompt,
        "options": [{"code": code, "label": label} for code, label in question.options.items()],
        "items": [{"id": item, "text": text} for item, text in question.items.items()],
        "exclusive": list(question.exclusive),
        "one_to_one": bool(question.one_to_one),
        "template": question.template,
        "texts": widget_texts(),
    }


# --- static versions ---------------------------------------------------------------------------
_TABLE = "style='border-collapse:collapse;margin:0.3em 0'"
_CELL = "style='padding:2px 8px;vertical-align:top;text-align:left'"


def _rows(pairs: Iterable[tuple[str, str]], code_tag: str) -> str:
    return "".join(
        f"<tr><td {_CELL}><{code_tag}>{esc(key)}</{code_tag}></td><td {_CELL}>{esc(text)}</td></tr>"
        for key, text in pairs
    )


def question_html(question: Question) -> str:
    """The question as static HTML (every text escaped), with the note on how to answer outside JupyterLab."""
    parts = [
        f"<h3 style='margin:0.2em 0;font-size:1.1em'>{esc(question.id)}. {esc(question.title)}</h3>",
        paragraphs(question.prompt),
    ]
    if question.items:
        parts.append(f"<table {_TABLE}>{_rows(question.items.items(), 'strong')}</table>")
    parts.append(
        f"<table {_TABLE}><caption style='text-align:left;font-weight:bold'>{esc(texts.QUESTION_CODES)}</caption>"
        f"{_rows(question.options.items(), 'code')}</table>"
    )
    parts.append(f"<p style='margin:0.3em 0'>{esc(texts.QUESTION_TEMPLATE)}: <code>{esc(question.template)}</code></p>")
    parts.append(
        "<p style='margin:0.4em 0;padding:0.4em 0.6em;border-left:6px solid #0072B2;background:#e8f1f8;"
        f"color:#1a1a1a'>{esc(texts.ANSWER_WIDGET_FALLBACK)}</p>"
    )
    return (
        "<div class='veerkracht-question' style='border:1px solid #ccc;border-radius:4px;padding:0.5em 0.8em'>"
        + "".join(parts)
        + "</div>"
    )


def question_plain(question: Question) -> str:
    lines = [f"{question.id}. {question.title}", question.prompt]
    lines += [f"  {item}. {text}" for item, text in question.items.items()]
    lines += [f"  {code}: {label}" for code, label in question.options.items()]
    lines.append(texts.ANSWER_WIDGET_PLAIN_TEMPLATE.format(template=question.template))
    return "\n".join(lines)


class QuestionView:
    """What ``toon_vraag`` shows for a known question: the click control in JupyterLab, HTML elsewhere."""

    def __init__(self, question: Question) -> None:
        self.question = question

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return {
            MIME_TYPE: answer_bundle(self.question),
            "text/html": question_html(self.question),
            "text/plain": question_plain(self.question),
        }

    def _repr_html_(self) -> str:
        return question_html(self.question)

    def __repr__(self) -> str:
        return question_plain(self.question)

    __str__ = __repr__

"""``controleer(vraag, antwoord)``: immediate Dutch feedback on one answer, as a result object.

Self-paced (default): says whether the answer is right, partly right or not yet, using the salted hashes
in ``selfcheck.json`` and the hidden test's own scoring function. Cohort mode (``VEERKRACHT_FEEDBACK=vorm``)
checks only the form, because the trainer grades. Never raises, never shows or stores a key.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from . import texts
from .answer_widget import QuestionView
from .answers import normalise
from .model import Question, load_questions, load_selfcheck
from .render import HTMLView, box, bullet_list, esc, paragraphs
from .settings import cohort_mode
from .status import VERDICTS, Status


@dataclass
class Resultaat:
    """The outcome of one check. ``status``: goed, deels, nog_niet, vorm or vorm_fout."""

    vraag: str
    status: str
    berichten: list[str] = field(default_factory=list)
    score: float | None = None  # fraction 0..1; None when not judged (cohort mode, form problem)
    uitleg: HTMLView | None = None  # the explanation, after a right answer or the third try (self-paced)

    @property
    def goed(self) -> bool:
        return self.status == Status.RIGHT

    def _title(self) -> str:
        return texts.RESULT_TITLE.format(qid=self.vraag)

    def _repr_html_(self) -> str:
        body = bullet_list(self.berichten) if len(self.berichten) > 1 else paragraphs(" ".join(self.berichten))
        explanation = self.uitleg._repr_html_() if self.uitleg is not None else ""
        return box(self.status, self._title(), body) + explanation

    def __repr__(self) -> str:
        lines = [self._title(), *(f"- {m}" for m in self.berichten)]
        if self.uitleg is not None:
            lines.append(repr(self.uitleg))
        return "\n".join(lines)


def _unknown_question(qid: object, questions: dict[str, Question]) -> Resultaat:
    if not isinstance(qid, str):
        return Resultaat(str(qid), Status.FORM_ERROR, [texts.QUESTION_ID_NOT_TEXT])
    close = difflib.get_close_matches(qid.strip().lower(), list(questions), n=1)
    if close:
        message = texts.UNKNOWN_CODE_SUGGEST.format(code=qid, suggestion=close[0])
    else:
        message = texts.UNKNOWN_QUESTION.format(qid=qid, known=", ".join(questions))
    return Resultaat(qid, Status.FORM_ERROR, [message])


def _judge(question: Question, raw: Any) -> Resultaat:
    result = normalise(question, raw)
    if not result.ok:
        return Resultaat(question.id, Status.FORM_ERROR, result.problems)
    if cohort_mode():
        return Resultaat(question.id, Status.FORM_OK, [texts.FORM_OK_COHORT])
    entry = load_selfcheck().get(question.id)
    if entry is None:
        return Resultaat(question.id, Status.FORM_OK, [texts.RESULT_NO_SELFCHECK])
    from .selfcheck import hashed_fraction, hints

    fraction = hashed_fraction(question, result.value, entry)
    if fraction >= 0.999:
        return Resultaat(question.id, Status.RIGHT, [texts.RESULT_RIGHT], fraction)
    details = hints(question, result.value, entry)
    if fraction > 0:
        percent = round(fraction * 100)
        return Resultaat(question.id, Status.PARTLY, [texts.RESULT_PARTIAL.format(percent=percent), *details], fraction)
    return Resultaat(question.id, Status.NOT_YET, [texts.RESULT_WRONG, *details], 0.0)


def controleer(vraag: Any = None, antwoord: Any = None) -> Resultaat:
    """Check the answer to one question and say, in Dutch, what is right or what to change."""
    try:
        questions = load_questions()
        question = questions.get(vraag) if isinstance(vraag, str) else None
        if question is None:
            return _unknown_question(vraag, questions)
        outcome = _judge(question, antwoord)
    except Exception:
        return Resultaat(str(vraag), Status.FORM_ERROR, [texts.INTERNAL_PROBLEM])
    attempts = 0
    try:
        from .progress import get_store

        store = get_store()
        store.record_check(outcome.vraag, outcome.status)
        attempts = int(store.load()["questions"].get(outcome.vraag, {}).get("attempts", 0))
    except Exception:  # progress is a convenience; a check never fails because of it
        pass
    if outcome.status in VERDICTS and (outcome.status == Status.RIGHT or attempts >= EXPLAIN_AFTER):
        try:
            outcome.uitleg = _explanation(question)
            if outcome.status != Status.RIGHT and outcome.uitleg is not None:
                outcome.berichten.append(texts.EXPLAIN_AFTER_TRIES.format(n=attempts))
        except Exception:  # an explanation is extra; the check itself stands
            outcome.uitleg = None
    return outcome


EXPLAIN_AFTER = 3


def _explanation(question: Question) -> HTMLView | None:
    """The explanation of a question from the self-check data (never in cohort mode)."""
    if cohort_mode():
        return None
    entry = load_selfcheck().get(question.id)
    if not entry or "explain" not in entry:
        return None
    from .explain import explanation_view
    from .selfcheck import unseal

    data = unseal(entry["explain"], entry["salt"], question.id)
    key = data["key"]
    if question.type in ("single", "classification", "matching"):
        key = {k: (tuple(v) if isinstance(v, list) else v) for k, v in key}
    return explanation_view(question, key, data.get("optional", ()), data.get("explanations", {}))


def toon_modelantwoord(module: Any = None) -> HTMLView:
    """After writing a reflection: an example of a strong answer (self-paced only)."""
    if cohort_mode():
        return HTMLView(box(Status.INFO, texts.MODEL_ANSWER_COHORT, ""), texts.MODEL_ANSWER_COHORT)
    modules = load_selfcheck().get("_modules", {})
    entry = modules.get(module) if isinstance(module, str) else None
    if not entry:
        return HTMLView(box(Status.INFO, texts.MODEL_ANSWER_NONE, ""), texts.MODEL_ANSWER_NONE)
    from .selfcheck import unseal

    text = str(unseal(entry["model_answer"], entry["salt"], module))
    html_text = (
        f"<details style='margin:0.4em 0'><summary>{esc(texts.MODEL_ANSWER_SUMMARY)}</summary>"
        f"{paragraphs(text)}</details>"
    )
    return HTMLView(html_text, f"{texts.MODEL_ANSWER_SUMMARY}\n{text}")


def _question_html(question: Question) -> str:
    parts = [
        f"<h4 style='margin:0.2em 0'>{esc(question.id)}. {esc(question.title)}</h4>",
        paragraphs(question.prompt),
    ]
    if question.items:
        rows = "".join(
            f"<tr><td style='padding:2px 8px;vertical-align:top'><strong>{esc(n)}</strong></td>"
            f"<td style='padding:2px 8px'>{esc(text)}</td></tr>"
            for n, text in question.items.items()
        )
        parts.append(f"<table style='margin:0.3em 0'>{rows}</table>")
    rows = "".join(
        f"<tr><td style='padding:2px 8px'><code>{esc(code)}</code></td><td style='padding:2px 8px'>{esc(label)}</td></tr>"
        for code, label in question.options.items()
    )
    parts.append(
        f"<table style='margin:0.3em 0'><caption style='text-align:left'>{esc(texts.QUESTION_CODES)}</caption>{rows}</table>"
    )
    parts.append(
        f"<p style='margin:0.3em 0'>{esc(texts.QUESTION_TEMPLATE)}: <code>{esc(question.template)}</code> &nbsp; "
        f"{esc(texts.QUESTION_EXAMPLE)}: <code>{esc(question.example)}</code> "
        f"({esc(texts.QUESTION_POINTS.format(points=question.points))})</p>"
    )
    return "<div style='border:1px solid #ccc;border-radius:4px;padding:0.5em 0.8em'>" + "".join(parts) + "</div>"


def _question_plain(question: Question) -> str:
    lines = [f"{question.id}. {question.title}", question.prompt]
    lines += [f"  {n}. {text}" for n, text in question.items.items()]
    lines += [f"  {code}: {label}" for code, label in question.options.items()]
    lines.append(f"{texts.QUESTION_TEMPLATE}: {question.template}")
    return "\n".join(lines)


def toon_vraag(vraag: Any = None) -> HTMLView | QuestionView:
    """Show one graded question from the question bank: text, codes, template.

    In JupyterLab with the course's extension the learner answers it by clicking (``answer_widget.py``).
    """
    questions = load_questions()
    question = questions.get(vraag) if isinstance(vraag, str) else None
    if question is None:
        unknown = _unknown_question(vraag, questions)
        return HTMLView(unknown._repr_html_(), repr(unknown))
    return QuestionView(question)

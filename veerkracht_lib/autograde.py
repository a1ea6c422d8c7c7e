"""The two calls that stand in the test cells of a graded notebook.

``toets_vorm("a1")`` is the visible test: it shows a short Dutch message when the answer's form is wrong (never a
traceback), and lets "Run All" go on. Only under ``nbgrader validate`` does it raise, so validation reports it.
``points("a1", key=...)`` is the hidden test, written by the build from the instructor's keys: it shows the
explanation of the right answer and ends the cell with the points earned, which nbgrader reads as partial credit.
It never raises: a fault inside it gives 0 points and leaves a marker (``FAULT_MIME``) that the trainer's tools
report and the learner's feedback replaces by a neutral note, so a fault is never shown as the learner's error.

Both read the answer variable from the notebook's namespace, so a deleted answer cell gives a clear message
instead of a ``NameError``. ``form_view`` and ``points_outputs`` are the same logic for the kernel-free grader.
"""

from __future__ import annotations

import logging
import os
import traceback
from typing import Any

from . import scoring, texts
from .answers import normalise
from .keys import canonical_critical, canonical_key, canonical_optional
from .model import Question, load_questions
from .render import HTMLView, box, bullet_list, paragraphs
from .status import Status

FAULT_MIME = "application/vnd.veerkracht.grading-fault+json"
VALIDATE_ENV = "NBGRADER_EXECUTION"
log = logging.getLogger("veerkracht.grading")

_MISSING = object()


class AnswerFormError(AssertionError):
    """A wrong answer form under ``nbgrader validate``. Shown as its Dutch lines only, without a traceback."""

    def __init__(self, qid: str, messages: list[str]) -> None:
        super().__init__(" ".join(messages))
        self.qid = qid
        self.messages = messages

    def _render_traceback_(self) -> list[str]:
        title = texts.RESULT_TITLE.format(qid=self.qid) + ": " + texts.RESULT_FORM_PROBLEM
        return [title, *(f"- {m}" for m in self.messages)]


class GradingFault:
    """Displayed by ``points`` when grading itself failed: a marker for the trainer, a neutral note for others."""

    def __init__(self, qid: str, detail: str) -> None:
        self.qid = qid
        self.detail = detail

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return {
            FAULT_MIME: {"question": self.qid, "detail": self.detail},
            "text/plain": texts.GRADING_FAULT.format(qid=self.qid),
        }


def _namespace() -> dict[str, Any]:
    try:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is not None:
            return shell.user_ns
    except ImportError:  # pragma: no cover - outside IPython
        pass
    import __main__

    return vars(__main__)


def _question(qid: str) -> Question:
    return load_questions()[qid]


def form_problems(question: Question, raw: Any) -> list[str]:
    if raw is _MISSING:
        return [texts.ANSWER_MISSING.format(qid=question.id)]
    return normalise(question, raw).problems


def form_view(question: Question, problems: list[str]) -> HTMLView:
    title = texts.RESULT_TITLE.format(qid=question.id) + ": " + texts.RESULT_FORM_PROBLEM
    body = bullet_list(problems) if len(problems) > 1 else paragraphs(" ".join(problems))
    plain = "\n".join([title, *(f"- {m}" for m in problems)])
    return HTMLView(box(Status.FORM_ERROR, title, body), plain)


def _display(obj: Any) -> None:
    from IPython.display import display

    display(obj)


def toets_vorm(qid: str, antwoorden: dict[str, Any] | None = None) -> None:
    """Visible test: show a Dutch form message if the answer to ``qid`` is not well-formed."""
    question = _question(qid)
    namespace = _namespace() if antwoorden is None else antwoorden
    problems = form_problems(question, namespace.get(question.variable, _MISSING))
    if not problems:
        return
    if os.environ.get(VALIDATE_ENV) == "validate":
        raise AnswerFormError(qid, problems)
    _display(form_view(question, problems))


def award(question: Question, raw: Any, key: Any, optional: Any = (), critical: Any = ()) -> float:
    """The points an answer earns (0 for a missing or malformed answer). May raise on a broken key."""
    if raw is _MISSING:
        return 0.0
    result = normalise(question, raw)
    if not result.ok:
        return 0.0
    canon = canonical_key(question, key)
    fraction = scoring.score(
        question.type, result.value, canon, canonical_critical(critical), canonical_optional(optional)
    )
    return scoring.to_points(fraction, question.points)


def points_result(
    qid: str,
    namespace: dict[str, Any],
    key: Any,
    optional: Any = (),
    critical: Any = (),
    explanations: dict[str, str] | None = None,
) -> tuple[float, list[Any]]:
    """Points and the objects to display before them. Never raises."""
    shown: list[Any] = []
    try:
        question = _question(qid)
        earned = award(question, namespace.get(question.variable, _MISSING), key, optional, critical)
        if explanations:
            from .explain import explanation_view

            shown.append(explanation_view(question, key, optional, explanations))
        return earned, shown
    except Exception as exc:  # a fault in grading, not in the answer: 0, visible to the trainer
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        log.error("grading fault in question %s: %s", qid, detail)
        return 0.0, [GradingFault(qid, detail)]


def points(
    qid: str,
    key: Any,
    optional: Any = (),
    critical: Any = (),
    explanations: dict[str, str] | None = None,
) -> float:
    """Hidden test: show the explanation, return the points the answer to ``qid`` earns. Never raises."""
    earned, shown = points_result(qid, _namespace(), key, optional, critical, explanations)
    for obj in shown:
        try:
            _display(obj)
        except Exception:  # displaying is a courtesy; the points still count
            log.exception("could not display the explanation of %s", qid)
    return earned

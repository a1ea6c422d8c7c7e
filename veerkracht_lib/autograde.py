"""The two calls that stand in the test cells of a graded notebook.

``toets_vorm("a1")`` is the visible test: it checks only the answer's form and raises a short Dutch message
(never a traceback with source lines) when the form is wrong. ``punten("a1", sleutel=...)`` is the hidden
test: it ends the test cell with the points earned, which nbgrader reads as partial credit. It never raises,
so a test cell's output can never show the hidden lines around it.

Both read the answer variable from the notebook's namespace, so a deleted answer cell gives a clear message
instead of a ``NameError``.
"""

from __future__ import annotations

from typing import Any

from . import scoring, selfcheck, texts
from .answers import normalise
from .model import Question, load_questions

_MISSING = object()


class AnswerFormError(AssertionError):
    """A wrong answer form. Shown in Jupyter as its Dutch lines only, without a traceback."""

    def __init__(self, qid: str, messages: list[str]) -> None:
        super().__init__(" ".join(messages))
        self.qid = qid
        self.messages = messages

    def _render_traceback_(self) -> list[str]:
        title = texts.RESULT_TITLE.format(qid=self.qid) + ": " + texts.RESULT_FORM_PROBLEM
        return [title, *(f"- {m}" for m in self.messages)]


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


def _answer(question: Question) -> Any:
    return _namespace().get(question.variable, _MISSING)


def toets_vorm(qid: str) -> None:
    """Visible test: raise a Dutch form message if the answer to ``qid`` is not well-formed."""
    question = _question(qid)
    raw = _answer(question)
    if raw is _MISSING:
        raise AnswerFormError(qid, [texts.ANSWER_MISSING.format(qid=qid)])
    result = normalise(question, raw)
    if not result.ok:
        raise AnswerFormError(qid, result.problems)


def punten(qid: str, sleutel: Any, kritiek: Any = (), optioneel: Any = ()) -> float:
    """Hidden test: the points the answer to ``qid`` earns against ``sleutel``. Never raises.

    ``kritiek``: pairs of steps an ordering must get right; ``optioneel``: labels that neither earn nor cost.
    """
    try:
        question = _question(qid)
        raw = _answer(question)
        if raw is _MISSING:
            return 0.0
        result = normalise(question, raw)
        if not result.ok:
            return 0.0
        key = selfcheck.canonical_key(question, sleutel)
        critical = selfcheck.canonical_critical(kritiek)
        optional = selfcheck.canonical_optional(optioneel)
        fraction = scoring.score(question.type, result.value, key, critical, optional)
        return scoring.to_points(fraction, question.points)
    except Exception:
        return 0.0

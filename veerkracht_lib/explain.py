"""The reason behind the right answer of a graded question, per option or item, with its sources.

Learners see it after grading (the hidden test displays it, so it lands in the feedback), or when working on
their own after a right answer or the third try (``controleer``). Built from the key as the instructor wrote it.
"""

from __future__ import annotations

from typing import Any

from . import texts
from .keys import canonical_key, canonical_optional
from .model import Question, load_sources
from .render import HTMLView, esc

EXPLANATION_CLASS = "veerkracht-explanation"


def _verdicts(question: Question, key: Any, optional: frozenset[str]) -> list[tuple[str, str, str]]:
    """(code or item, label or text, verdict) in display order."""
    canon = canonical_key(question, key)
    rows: list[tuple[str, str, str]] = []
    if question.type == "multilabel":
        for code, label in question.options.items():
            verdict = (
                texts.EXPLAIN_IN if code in canon else texts.EXPLAIN_OPTIONAL if code in optional else texts.EXPLAIN_OUT
            )
            rows.append((code, label, verdict))
    elif question.type == "single":
        for code, label in question.options.items():
            credit = canon.get(code, 0.0)
            verdict = texts.EXPLAIN_BEST if credit >= 1 else texts.EXPLAIN_PARTLY if credit > 0 else texts.EXPLAIN_NOT
            rows.append((code, label, verdict))
    elif question.type == "ordering":
        for n, code in enumerate(canon, 1):
            rows.append((code, question.options.get(code, code), texts.EXPLAIN_STEP.format(n=n)))
    else:
        for item, text in question.items.items():
            labels = [c for c in question.options if c in canon.get(item, ())]
            verdict = " / ".join(f"{c} ({question.options[c]})" for c in labels)
            rows.append((item, text, verdict))
    return rows


def explanation_view(
    question: Question, key: Any, optional: Any = (), explanations: dict[str, str] | None = None
) -> HTMLView:
    explanations = {str(k): str(v) for k, v in (explanations or {}).items()}
    rows = _verdicts(question, key, canonical_optional(optional))
    title = texts.EXPLAIN_TITLE.format(qid=question.id, title=question.title)
    html_rows, plain = [], [title]
    for ident, label, verdict in rows:
        why = explanations.get(ident, "")
        html_rows.append(
            f"<li><strong>{esc(ident)}</strong> {esc(label)}: <em>{esc(verdict)}</em>"
            + (f"<br>{esc(why)}" if why else "")
            + "</li>"
        )
        plain.append(f"- {ident} {label}: {verdict}" + (f". {why}" if why else ""))
    sources = load_sources()
    names = [sources[s].title if s in sources else s for s in question.sources]
    source_line = texts.EXPLAIN_SOURCES.format(sources="; ".join(names)) if names else ""
    if source_line:
        plain.append(source_line)
    html_text = (
        f"<section class='{EXPLANATION_CLASS}' aria-label='{esc(title)}' style='border-left:6px solid #0072B2;"
        f"background:#f4f8fb;color:#1a1a1a;padding:0.5em 0.8em;margin:0.4em 0;border-radius:4px'>"
        f"<p style='margin:0.1em 0'><strong>{esc(title)}</strong></p>"
        f"<ul style='margin:0.3em 0 0.3em 1.2em;padding:0'>{''.join(html_rows)}</ul>"
        + (f"<p style='margin:0.2em 0'>{esc(source_line)}</p>" if source_line else "")
        + "</section>"
    )
    return HTMLView(html_text, "\n".join(plain))

"""``veerkracht report``: one HTML page on where a cohort stands, for the trainer.

From the gradebook and the autograded notebooks (which hold only what the rebuild carried over): the score
distribution per assignment; the cohort's mastery per value A-F and per risk factor (from the question tags); the
questions most often missed; an anonymised count of the answers chosen per question, for a group discussion;
which reflections still need manual grading; and reflections that seem to hold personal data. Every figure has
a text alternative (a short alt text and the same numbers as a table); every learner text is escaped.
"""

from __future__ import annotations

import ast
import base64
import collections
import html
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import protocol
from ..model import load_framework, load_questions
from . import report_texts as t

BSN = re.compile(r"(?<!\d)(\d{9})(?!\d)")
PATTERNS = {
    t.PD_EMAIL: re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    t.PD_PHONE: re.compile(r"(?<!\d)(?:\+31|0031|0)[\s-]?(?:6[\s-]?\d{8}|\d{2}[\s-]?\d{7}|\d{3}[\s-]?\d{6})(?!\d)"),
    t.PD_POSTCODE: re.compile(
        r"\b\d{4}\s?[A-Z]{2}\b\s*,?\s*\d{1,5}\b|\b[A-Z][a-z]+(?:straat|laan|weg|plein|gracht)\s+\d{1,5}\b"
    ),
}


def elf_proef(number: str) -> bool:
    """The Dutch eleven-test for a BSN (9 digits)."""
    if len(number) != 9 or not number.isdigit() or number == "0" * 9:
        return False
    total = sum(int(d) * w for d, w in zip(number[:8], range(9, 1, -1), strict=True)) - int(number[8])
    return total % 11 == 0


def personal_data(text: str) -> list[str]:
    """Which kinds of personal data a text seems to hold (never the data itself)."""
    found = [kind for kind, pattern in PATTERNS.items() if pattern.search(text)]
    if any(elf_proef(m.group(1)) for m in BSN.finditer(text.replace(" ", "").replace(".", ""))):
        found.append(t.PD_BSN)
    return found


def reflection_text(source: str) -> str:
    """The plain text of a rebuilt reflection cell (it holds escaped HTML)."""
    return html.unescape(re.sub(r"<br\s*/?>|</p>", "\n", re.sub(r"<(?!br|/p)[^>]+>", "", source))).strip()


@dataclass
class Cohort:
    assignments: dict[str, float] = field(default_factory=dict)  # assignment -> max score
    totals: dict[str, list[float]] = field(default_factory=dict)  # assignment -> scores of learners
    fractions: dict[str, list[float]] = field(default_factory=dict)  # question id -> score/points per learner
    answers: dict[str, collections.Counter[str]] = field(default_factory=dict)  # question -> answer -> count
    manual: list[tuple[str, str]] = field(default_factory=list)
    personal: list[tuple[str, str, list[str]]] = field(default_factory=list)
    learners: set[str] = field(default_factory=set)


def _answer_keys(question: Any, value: Any) -> list[str]:
    from ..answers import normalise

    result = normalise(question, value)
    if not result.ok:
        return [t.ANSWER_INVALID]
    canon = result.value
    if question.type == "multilabel":
        return sorted(canon)
    if question.type == "single":
        return [canon]
    if question.type == "ordering":
        return [" → ".join(canon)]
    return [
        f"{item}: {label}" for item, label in sorted(canon.items(), key=lambda kv: list(question.items).index(kv[0]))
    ]


def collect(course: Path) -> Cohort:
    import nbformat

    from .cohort import gradebook

    questions = load_questions()
    data = Cohort()
    with gradebook(course) as gb:
        for assignment in gb.assignments:
            data.assignments[assignment.name] = assignment.max_score
            for submission in assignment.submissions:
                student = submission.student.id
                data.learners.add(student)
                data.totals.setdefault(assignment.name, []).append(submission.score)
                if submission.needs_manual_grade:
                    data.manual.append((assignment.name, student))
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        qid = protocol.question_id(grade.name, protocol.TEST_PREFIX)
                        if qid in questions and grade.max_score:
                            data.fractions.setdefault(qid, []).append((grade.score or 0.0) / grade.max_score)
                    path = course / "autograded" / student / assignment.name / f"{notebook.name}.ipynb"
                    if path.exists():
                        _read_notebook(nbformat.read(path, as_version=4), questions, data, assignment.name, student)
    return data


def _read_notebook(nb: Any, questions: dict[str, Any], data: Cohort, assignment: str, student: str) -> None:
    for cell in nb.cells:
        role = protocol.role_of(cell)
        gid = protocol.grade_id(cell) or ""
        if role is protocol.Role.ANSWER:
            qid = protocol.question_id(gid, protocol.ANSWER_PREFIX)
            if qid not in questions or "Unreadable(" in cell.source:
                continue
            try:
                value = protocol.literal(ast.parse(cell.source.splitlines()[-1]).body[0].value)  # type: ignore[attr-defined]
            except (SyntaxError, ValueError, IndexError, AttributeError):
                continue
            counter = data.answers.setdefault(qid, collections.Counter())
            counter.update(_answer_keys(questions[qid], value))
        elif role is protocol.Role.REFLECTION:
            kinds = personal_data(reflection_text(cell.source))
            if kinds:
                data.personal.append((assignment, student, kinds))


# --- figures -------------------------------------------------------------------------------------
def _figure_html(fig: Any, alt: str, caption: str, rows: list[tuple[str, str]]) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    table = "".join(f"<tr><th scope='row'>{html.escape(a)}</th><td>{html.escape(b)}</td></tr>" for a, b in rows)
    return (
        f"<figure><img src='data:image/png;base64,{encoded}' alt='{html.escape(alt, quote=True)}'>"
        f"<figcaption>{html.escape(caption)}</figcaption>"
        f"<details><summary>{html.escape(t.TEXT_VERSION)}</summary><table>{table}</table></details></figure>"
    )


def _bar_figure(labels: list[str], values: list[float], xlabel: str) -> Any:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7, 0.45 * len(labels) + 1.2))
    ax = fig.subplots()
    ax.barh(range(len(labels)), values, color="#0072B2")
    ax.set_yticks(range(len(labels)), labels, fontsize=10)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel(xlabel, fontsize=10)
    for n, value in enumerate(values):
        ax.text(min(value + 1, 92), n, f"{value:.0f}%", va="center", fontsize=9)
    return fig


def _mastery(data: Cohort, codes: list[tuple[str, str]]) -> list[tuple[str, float | None]]:
    questions = load_questions()
    out = []
    for code, name in codes:
        scores = [f for qid, fs in data.fractions.items() if code in questions[qid].tags for f in fs]
        out.append((f"{code} {name}", 100 * sum(scores) / len(scores) if scores else None))
    return out


def render(course: Path, data: Cohort) -> str:
    fw = load_framework()
    questions = load_questions()
    parts = [f"<h1>{html.escape(t.TITLE.format(course=course.name))}</h1>"]
    parts.append(f"<p>{html.escape(t.INTRO.format(n=len(data.learners)))}</p>")

    parts.append(f"<h2>{html.escape(t.SCORES_TITLE)}</h2>")
    for assignment, scores in sorted(data.totals.items()):
        maximum = data.assignments.get(assignment) or 1
        percents = [100 * s / maximum for s in scores]
        from matplotlib.figure import Figure

        fig = Figure(figsize=(7, 2.6))
        ax = fig.subplots()
        ax.hist(percents, bins=[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100.01], color="#0072B2", edgecolor="white")
        ax.set_xlabel(t.PERCENT_OF_MAX, fontsize=10)
        ax.set_ylabel(t.LEARNERS, fontsize=10)
        ax.set_title(assignment, fontsize=11)
        bins = collections.Counter(min(int(p // 10), 9) for p in percents)
        rows = [(f"{10 * b}-{10 * b + 10}%", str(bins.get(b, 0))) for b in range(10)]
        mean = sum(percents) / len(percents) if percents else 0
        alt = t.SCORES_ALT.format(assignment=assignment, n=len(percents), mean=mean)
        parts.append(_figure_html(fig, alt, alt, rows))

    for title, codes in (
        (t.VALUES_TITLE, [(v.code, v.name) for v in fw.values]),
        (t.RISKS_TITLE, [(r.code, r.name) for r in fw.risk_factors]),
    ):
        mastery = [(label, value) for label, value in _mastery(data, codes) if value is not None]
        parts.append(f"<h2>{html.escape(title)}</h2>")
        if not mastery:
            parts.append(f"<p>{html.escape(t.NO_DATA)}</p>")
            continue
        fig = _bar_figure([m[0] for m in mastery], [m[1] for m in mastery], t.MASTERY_AXIS)
        rows = [(label, f"{value:.0f}%") for label, value in mastery]
        weakest = min(mastery, key=lambda m: m[1])
        alt = t.MASTERY_ALT.format(title=title, weakest=weakest[0], value=weakest[1])
        parts.append(_figure_html(fig, alt, alt, rows))

    parts.append(f"<h2>{html.escape(t.MISSED_TITLE)}</h2>")
    means = sorted(
        ((qid, 100 * sum(fs) / len(fs)) for qid, fs in data.fractions.items() if fs), key=lambda item: item[1]
    )[:10]
    if means:
        fig = _bar_figure([f"{q} {questions[q].title}"[:50] for q, _ in means], [m for _, m in means], t.MISSED_AXIS)
        rows = [(f"{q} {questions[q].title}", f"{m:.0f}%") for q, m in means]
        alt = t.MISSED_ALT.format(qid=means[0][0], value=means[0][1])
        parts.append(_figure_html(fig, alt, alt, rows))

    parts.append(f"<h2>{html.escape(t.ANSWERS_TITLE)}</h2><p>{html.escape(t.ANSWERS_INTRO)}</p>")
    for qid in sorted(data.answers, key=lambda q: list(questions).index(q)):
        counter = data.answers[qid]
        rows = "".join(
            f"<tr><td>{html.escape(answer)}</td><td>{count}</td></tr>" for answer, count in counter.most_common(12)
        )
        parts.append(
            f"<h3>{html.escape(qid)}. {html.escape(questions[qid].title)}</h3>"
            f"<table><tr><th scope='col'>{html.escape(t.ANSWER)}</th><th scope='col'>{html.escape(t.COUNT)}</th></tr>"
            f"{rows}</table>"
        )

    parts.append(f"<h2>{html.escape(t.MANUAL_TITLE)}</h2>")
    if data.manual:
        items = "".join(f"<li>{html.escape(s)} ({html.escape(a)})</li>" for a, s in sorted(data.manual))
        parts.append(f"<ul>{items}</ul>")
    else:
        parts.append(f"<p>{html.escape(t.MANUAL_NONE)}</p>")

    parts.append(f"<h2>{html.escape(t.PERSONAL_TITLE)}</h2><p>{html.escape(t.PERSONAL_INTRO)}</p>")
    if data.personal:
        items = "".join(
            f"<li>{html.escape(s)} ({html.escape(a)}): {html.escape(', '.join(kinds))}</li>"
            for a, s, kinds in sorted(data.personal)
        )
        parts.append(f"<ul>{items}</ul>")
    else:
        parts.append(f"<p>{html.escape(t.PERSONAL_NONE)}</p>")
    style = (
        "body{font-family:sans-serif;max-width:60em;margin:1em auto;color:#1a1a1a;line-height:1.45}"
        "table{border-collapse:collapse;margin:0.4em 0}td,th{border:1px solid #999;padding:3px 8px;text-align:left}"
        "img{max-width:100%}figure{margin:1em 0}a{color:#0a58a0}"
    )
    return (
        f"<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>{html.escape(t.TITLE.format(course=course.name))}"
        f"</title><style>{style}</style></head><body><main>{''.join(parts)}</main></body></html>"
    )


def write_report(course: Path, output: Path | None = None) -> Path:
    output = output or course / "rapport.html"
    output.write_text(render(course, collect(course)), encoding="utf-8")
    return output

"""``toon_overzicht()``: the course at a glance, for the learner, from the local progress store only.

Per module: the study load (lesson, graded notebook, total), how many cases were played to an ending and how
many graded questions were checked with a well-formed answer, and where to continue (the first module that is
not finished, with relative links to its lesson and its graded notebook). The progress is drawn with matplotlib
(a short alt text, a table with the same numbers, words and hatching besides colour) and nothing leaves the
machine; the view never shows the progress file's path, so a shared or exported notebook holds no home folder.

"Finished" is the rule the deelnamebewijs uses too (``documents.py``): every case of the module played to an
ending, and every graded question checked with a valid answer (right or not: a participation record, not a
score).
"""

from __future__ import annotations

import base64
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from . import texts
from .model import Module, load_modules, load_vignettes
from .render import PALETTE, HTMLView, box, esc
from .status import ANSWERED, Status

# chart colours: each has at least 3:1 against white (WCAG 1.4.11), text is near-black (AA)
CASES_COLOUR = PALETTE["blue"]
QUESTIONS_COLOUR = PALETTE["vermillion"]
TEXT_COLOUR = "#1a1a1a"
TRACK_COLOUR = "#f2f2f2"
TRACK_EDGE = "#767676"


@dataclass(frozen=True)
class ModuleProgress:
    module: Module
    cases: tuple[str, ...]
    cases_done: tuple[str, ...]
    questions: tuple[str, ...]
    answered: tuple[str, ...]
    touched: bool  # a case begun or any check, even one with a form problem

    @property
    def finished(self) -> bool:
        return len(self.cases_done) == len(self.cases) and len(self.answered) == len(self.questions)

    @property
    def status(self) -> str:
        if self.finished:
            return "klaar"
        return "bezig" if self.touched else "nog_niet"

    @property
    def cases_missing(self) -> list[str]:
        return [c for c in self.cases if c not in self.cases_done]

    @property
    def questions_missing(self) -> list[str]:
        return [q for q in self.questions if q not in self.answered]


def course_progress(data: dict[str, Any] | None = None) -> list[ModuleProgress]:
    """Every module in course order with what the stored progress says about it."""
    if data is None:
        data = fresh_store().load()
    vignettes = load_vignettes()
    cases_seen = data.get("cases", {})
    checks = data.get("questions", {})
    out = []
    for module in load_modules().values():
        cases = tuple(cid for cid, v in vignettes.items() if v.module == module.code)
        done = tuple(
            cid
            for cid in cases
            if cid in cases_seen and (cases_seen[cid].get("ending") or "") in vignettes[cid].endings
        )
        questions = tuple(q.id for q in module.questions)
        answered = tuple(q for q in questions if checks.get(q, {}).get("status") in ANSWERED)
        touched = any(cases_seen.get(c, {}).get("path") or c in done for c in cases) or any(
            q in checks for q in questions
        )
        out.append(ModuleProgress(module, cases, done, questions, answered, touched))
    return out


def fresh_store() -> Any:
    """The progress as stored now: other notebooks (other kernels) write to the same file meanwhile."""
    from .progress import ProgressStore, data_dir

    return ProgressStore(data_dir())


def duration(minutes: int) -> str:
    """Dutch: '12 uur en 10 minuten', '2 uur', '45 minuten'."""
    hours, rest = divmod(int(minutes), 60)
    if hours and rest:
        return texts.DURATION.format(h=hours, m=rest)
    return texts.DURATION_HOURS.format(h=hours) if hours else texts.DURATION_MINUTES.format(m=rest)


def todo_text(item: ModuleProgress) -> str:
    parts = []
    if item.cases_missing:
        parts.append(texts.plural(texts.OVERVIEW_TODO_CASES, len(item.cases_missing)))
    if item.questions_missing:
        parts.append(texts.plural(texts.OVERVIEW_TODO_QUESTIONS, len(item.questions_missing)))
    return " en ".join(parts)


# --- links relative to the notebook that shows them --------------------------------------------------
def _course_root(here: Path) -> Path | None:
    for folder in (here, *here.parents):
        if (folder / "course").is_dir() and (folder / "exercises").is_dir():
            return folder
    return None


def relative_link(target: str, here: Path | None = None) -> str:
    """A link from the current notebook's folder to ``target`` (a path like ``course/modules/a.ipynb``).

    The kernel runs in the notebook's folder; outside a course tree the overview's own folder (``course/``)
    is assumed.
    """
    here = (here or Path.cwd()).resolve()
    root = _course_root(here)
    relative = os.path.relpath(target, "course") if root is None else os.path.relpath(root / target, here)
    return quote(Path(relative).as_posix())


# --- the chart ----------------------------------------------------------------------------------------
def _label(module: Module) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(f"{module.code}  {module.title}", 26, break_long_words=False))


def progress_figure(progress: list[ModuleProgress]) -> Any:
    """Horizontal bars per module: cases played (solid) and questions answered (hatched), each with its count."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    rows = len(progress)
    fig = Figure(figsize=(8.6, 0.78 * rows + 1.5), dpi=100, facecolor="white")
    ax = fig.add_axes((0.27, 0.75 / (0.78 * rows + 1.5), 0.45, 1 - 1.35 / (0.78 * rows + 1.5)))
    fig.suptitle(texts.OVERVIEW_FIGURE_TITLE, fontsize=13, color=TEXT_COLOUR, y=0.985)
    height = 0.34
    for n, item in enumerate(progress):
        y = rows - 1 - n
        series = (
            (
                y + height / 2 + 0.02,
                len(item.cases_done),
                len(item.cases),
                CASES_COLOUR,
                None,
                texts.OVERVIEW_COUNT_CASES,
            ),
            (
                y - height / 2 - 0.02,
                len(item.answered),
                len(item.questions),
                QUESTIONS_COLOUR,
                "///",
                texts.OVERVIEW_COUNT_QUESTIONS,
            ),
        )
        for centre, done, total, colour, hatch, count in series:
            share = 100 * done / total if total else 100
            ax.barh(centre, 100, height=height, color=TRACK_COLOUR, edgecolor=TRACK_EDGE, linewidth=0.6)
            if done:
                ax.barh(centre, share, height=height, color=colour, edgecolor=TEXT_COLOUR, linewidth=0.8, hatch=hatch)
            ax.text(
                102,
                centre,
                count.format(done=done, total=total),
                va="center",
                fontsize=9.5,
                color=TEXT_COLOUR,
            )
        if item.finished:
            ax.text(140, y, texts.OVERVIEW_STATUS["klaar"], va="center", fontsize=10, color=TEXT_COLOUR, weight="bold")
    ax.set_yticks([rows - 1 - n for n in range(rows)], [_label(p.module) for p in progress], fontsize=9.5)
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.7, rows - 0.3)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.tick_params(colors=TEXT_COLOUR, labelcolor=TEXT_COLOUR)
    ax.set_xlabel(texts.OVERVIEW_AXIS, fontsize=9.5, color=TEXT_COLOUR)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(TRACK_EDGE)
    legend = [
        Patch(facecolor=CASES_COLOUR, edgecolor=TEXT_COLOUR, label=texts.OVERVIEW_LEGEND_CASES),
        Patch(facecolor=QUESTIONS_COLOUR, edgecolor=TEXT_COLOUR, hatch="///", label=texts.OVERVIEW_LEGEND_QUESTIONS),
    ]
    fig.legend(
        handles=legend, loc="lower center", ncol=2, frameon=False, fontsize=9.5, labelcolor=TEXT_COLOUR
    ).set_in_layout(False)
    return fig


def _png(fig: Any) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", facecolor="white")
    return buffer.getvalue()


# --- the view -----------------------------------------------------------------------------------------
_TABLE = "style='border-collapse:collapse;margin:0.4em 0;max-width:60em'"
_CELL = "style='border:1px solid #767676;padding:4px 8px;vertical-align:top;text-align:left'"
_NUM = "style='border:1px solid #767676;padding:4px 8px;vertical-align:top;text-align:right'"
_LINK = "style='text-decoration:underline'"


class Overview(HTMLView):
    """The overview as shown; ``progress`` and ``next_module`` for code that wants the facts."""

    def __init__(self, html_text: str, plain: str, progress: list[ModuleProgress], next_module: Module | None):
        super().__init__(html_text, plain)
        self.progress = progress
        self.next_module = next_module


def first_unfinished(progress: list[ModuleProgress]) -> ModuleProgress | None:
    return next((item for item in progress if not item.finished), None)


def toon_overzicht() -> Overview:
    """The modules with their study load, your progress (a chart and a table) and where to continue."""
    store = fresh_store()
    progress = course_progress(store.load())
    notices = store.take_notices()
    parts = [box(Status.INFO, n, "") for n in notices]
    plain = [texts.OVERVIEW_TITLE, *notices]

    following = first_unfinished(progress)
    if following is None:
        parts.append(box(Status.RIGHT, texts.OVERVIEW_ALL_DONE, ""))
        plain.append(texts.OVERVIEW_ALL_DONE)
    else:
        module = following.module
        lesson = relative_link(module.lesson)
        exercise = relative_link(module.exercise_notebook)
        sentence = texts.OVERVIEW_NEXT.format(code=module.code, title=module.title)
        todo = texts.OVERVIEW_NEXT_TODO.format(items=todo_text(following))
        body = (
            f"<p style='margin:0.3em 0'>{esc(sentence)} {esc(todo)}</p><p style='margin:0.3em 0'>"
            f"<a href='{esc(lesson)}' {_LINK}>{esc(texts.OVERVIEW_NEXT_LESSON)}: {esc(module.title)}</a> · "
            f"<a href='{esc(exercise)}' {_LINK}>{esc(texts.OVERVIEW_NEXT_EXERCISE)} {esc(module.code)}</a></p>"
        )
        parts.append(box(Status.INFO, texts.OVERVIEW_NEXT_TITLE, body))
        plain += [
            texts.OVERVIEW_NEXT_TITLE,
            f"{sentence} {todo}",
            f"{texts.OVERVIEW_NEXT_LESSON}: {lesson}",
            f"{texts.OVERVIEW_NEXT_EXERCISE}: {exercise}",
        ]

    done = sum(item.finished for item in progress)
    alt = texts.OVERVIEW_ALT.format(done=done, n=len(progress))
    data = base64.b64encode(_png(progress_figure(progress))).decode("ascii")
    parts.append(
        f"<figure style='margin:0.6em 0'><img src='data:image/png;base64,{data}' alt='{esc(alt)}' "
        f"style='max-width:48em;width:100%;height:auto'/>"
        f"<figcaption style='margin:0.2em 0'>{esc(texts.OVERVIEW_FIGURE_CAPTION)}</figcaption></figure>"
    )
    plain.append(alt)

    head = "".join(
        f"<th scope='col' {_CELL}>{esc(name)}</th>"
        for name in (
            texts.OVERVIEW_COL_MODULE,
            texts.OVERVIEW_COL_LESSON,
            texts.OVERVIEW_COL_EXERCISES,
            texts.OVERVIEW_COL_TOTAL,
            texts.OVERVIEW_COL_CASES,
            texts.OVERVIEW_COL_QUESTIONS,
            texts.OVERVIEW_COL_STATUS,
        )
    )
    rows = []
    plain.append(texts.OVERVIEW_TABLE_CAPTION)
    for item in progress:
        load = item.module.study_load
        cases = texts.OVERVIEW_COUNT.format(done=len(item.cases_done), total=len(item.cases))
        questions = texts.OVERVIEW_COUNT.format(done=len(item.answered), total=len(item.questions))
        status = texts.OVERVIEW_STATUS[item.status]
        link = relative_link(item.module.lesson)
        rows.append(
            f"<tr><th scope='row' {_CELL}><a href='{esc(link)}' {_LINK}>{esc(item.module.code)} "
            f"{esc(item.module.title)}</a></th><td {_NUM}>{load.lesson}</td><td {_NUM}>{load.exercises}</td>"
            f"<td {_NUM}>{load.total}</td><td {_NUM}>{esc(cases)}</td><td {_NUM}>{esc(questions)}</td>"
            f"<td {_CELL}>{esc(status)}</td></tr>"
        )
        plain.append(
            f"- {item.module.code} {item.module.title}: {texts.OVERVIEW_COL_LESSON} {load.lesson}, "
            f"{texts.OVERVIEW_COL_EXERCISES} {load.exercises}, {texts.OVERVIEW_COL_TOTAL} {load.total}; "
            f"{texts.OVERVIEW_COL_CASES} {cases}; {texts.OVERVIEW_COL_QUESTIONS} {questions}; {status}"
        )
    lesson_total = sum(p.module.study_load.lesson for p in progress)
    exercises_total = sum(p.module.study_load.exercises for p in progress)
    all_cases = texts.OVERVIEW_COUNT.format(
        done=sum(len(p.cases_done) for p in progress), total=sum(len(p.cases) for p in progress)
    )
    all_questions = texts.OVERVIEW_COUNT.format(
        done=sum(len(p.answered) for p in progress), total=sum(len(p.questions) for p in progress)
    )
    modules_done = texts.OVERVIEW_MODULES_DONE.format(done=done, n=len(progress))
    rows.append(
        f"<tr><th scope='row' {_CELL}>{esc(texts.OVERVIEW_TOTAL_ROW)}</th><td {_NUM}>{lesson_total}</td>"
        f"<td {_NUM}>{exercises_total}</td><td {_NUM}>{lesson_total + exercises_total}</td>"
        f"<td {_NUM}>{esc(all_cases)}</td><td {_NUM}>{esc(all_questions)}</td><td {_CELL}>{esc(modules_done)}</td></tr>"
    )
    study = texts.OVERVIEW_STUDY_TOTAL.format(
        duration=duration(lesson_total + exercises_total), lesson=lesson_total, exercises=exercises_total
    )
    plain += [
        f"- {texts.OVERVIEW_TOTAL_ROW}: {lesson_total + exercises_total} ({all_cases}; {all_questions}; {modules_done})",
        study,
        texts.OVERVIEW_DONE_RULE,
        texts.OVERVIEW_PRIVACY,
    ]
    parts.append(
        f"<table {_TABLE}><caption style='text-align:left;font-weight:bold;padding:0.2em 0'>"
        f"{esc(texts.OVERVIEW_TABLE_CAPTION)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f"<p style='margin:0.3em 0'>{esc(study)}</p><p style='margin:0.3em 0'>{esc(texts.OVERVIEW_DONE_RULE)}</p>"
        f"<p style='margin:0.3em 0'>{esc(texts.OVERVIEW_PRIVACY)} {esc(texts.OVERVIEW_REFRESH)}</p>"
    )
    html_text = f"<section aria-label='{esc(texts.OVERVIEW_TITLE)}'>{''.join(parts)}</section>"
    return Overview(html_text, "\n".join(plain), progress, following.module if following else None)

"""``veerkracht grade``: grade every collected submission of a cohort, in parallel, with a progress bar.

Each worker process runs nbgrader's own ``Autograde`` converter with the course's configuration (so the
gradebook, timestamps, late penalties and the autograded notebooks are exactly nbgrader's), with one change:
the execute step is ``KernelFreeExecute``. Because every submission is rebuilt from the source and no learner
code runs, the outputs of the instructor's cells can be computed without starting a kernel per submission.
The gradebook is backed up before the run; the run ends with a summary in Dutch.
"""

from __future__ import annotations

import ast
import contextlib
import datetime
import multiprocessing
import os
import re
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import protocol, texts
from ..autograde import FAULT_MIME

PROGRESS_WIDTH = 30


@dataclass
class Zero:
    student: str
    question: str
    reason: str


@dataclass
class Summary:
    graded: list[tuple[str, str]] = field(default_factory=list)  # (assignment, student)
    failed: list[tuple[str, str]] = field(default_factory=list)
    zeros: list[Zero] = field(default_factory=list)
    faults: list[Zero] = field(default_factory=list)
    manual: list[tuple[str, str]] = field(default_factory=list)
    backup: Path | None = None
    seconds: float = 0.0


def backup_gradebook(course: Path) -> Path | None:
    """Copy the gradebook (SQLite's own backup: consistent even while in use) before anything changes."""
    db = course / "gradebook.db"
    if not db.exists():
        return None
    folder = course / "backups"
    folder.mkdir(exist_ok=True)
    target = folder / f"gradebook-{datetime.datetime.now():%Y%m%d-%H%M%S-%f}.db"
    with contextlib.closing(sqlite3.connect(db)) as source, contextlib.closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    return target


def submissions(course: Path, assignment: str | None) -> list[tuple[str, str]]:
    """(assignment, student) for every collected submission, sorted."""
    found = []
    submitted = course / "submitted"
    if not submitted.is_dir():
        return []
    for student_dir in sorted(p for p in submitted.iterdir() if p.is_dir()):
        for assignment_dir in sorted(p for p in student_dir.iterdir() if p.is_dir()):
            if assignment in (None, assignment_dir.name):
                found.append((assignment_dir.name, student_dir.name))
    return found


def _fast_sqlite() -> None:
    """Within a run, SQLite need not wait for the disk after every small commit (nbgrader commits per cell).

    ``synchronous=OFF`` keeps the database consistent if a process dies; only an operating-system crash in the
    middle of a run could damage it, and the run started with a backup (``backup_gradebook``). The setting
    lives on this run's connections only: the file and every other tool are unchanged.
    """
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _pragma(connection: Any, _record: Any) -> None:
        if type(connection).__module__.startswith("sqlite3"):
            cursor = connection.cursor()
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.close()


def _warm_gradebook() -> None:
    """nbgrader opens a new Gradebook (a new engine, every table checked) up to eight times per submission. In a
    worker that grades many submissions of one course, one engine per database and one table check are enough.
    Process-local: stock nbgrader elsewhere is unchanged."""
    import nbgrader.api as api

    engines: dict[str, Any] = {}
    real_create_engine = api.create_engine

    def create_engine(url: str, **kwargs: Any) -> Any:
        if url not in engines:
            engines[url] = real_create_engine(url, **kwargs)
        return engines[url]

    checked: set[int] = set()
    real_create_all = api.Base.metadata.create_all

    def create_all(bind: Any = None, **kwargs: Any) -> None:
        if id(bind) not in checked:
            real_create_all(bind=bind, **kwargs)
            checked.add(id(bind))

    api.create_engine = create_engine
    api.Base.metadata.create_all = create_all  # type: ignore[method-assign]


def _worker(course: str, jobs: list[tuple[str, str]], force: bool, queue: Any, logfile: str) -> None:
    """Grade ``jobs`` with one Autograde converter; report each (assignment, student, ok) on ``queue``."""
    os.chdir(course)
    _fast_sqlite()
    _warm_gradebook()
    import warnings

    from sqlalchemy.exc import SAWarning

    warnings.filterwarnings("ignore", category=SAWarning)  # nbgrader's own noise when it creates a submission
    from nbgrader.apps.autogradeapp import AutogradeApp
    from nbgrader.converters.autograde import Autograde
    from nbgrader.converters.base import NbGraderException
    from nbgrader.preprocessors import Execute

    from .executor import KernelFreeExecute

    app = AutogradeApp()
    app.initialize(["--log-level=WARN", f"--NbGrader.logfile={logfile}", f"--CourseDirectory.root={course}"])
    for handler in list(app.log.handlers):  # the log file keeps everything; the trainer sees the progress bar
        if type(handler).__name__ == "StreamHandler":
            app.log.removeHandler(handler)
    from nbgrader.preprocessors import CheckCellMetadata, ClearOutput, OverwriteKernelspec

    # The rebuilt notebook comes from the source (valid metadata, no outputs, the source's kernel): the steps
    # that only check or clean what a submission could have broken are left out; execution needs no kernel.
    redundant = (CheckCellMetadata, ClearOutput, OverwriteKernelspec)
    configured = list(app.config.Autograde.get("autograde_preprocessors", Autograde.autograde_preprocessors.default()))
    app.config.Autograde.autograde_preprocessors = [
        KernelFreeExecute if isinstance(p, type) and issubclass(p, Execute) else p
        for p in configured
        if not (isinstance(p, type) and issubclass(p, redundant))
    ]
    sanitize = list(app.config.Autograde.get("sanitize_preprocessors", Autograde.sanitize_preprocessors.default()))
    app.config.Autograde.sanitize_preprocessors = [
        p for p in sanitize if not (isinstance(p, type) and issubclass(p, redundant))
    ]
    app.config.SubmissionExporter.trusted_io = True
    converters: dict[str, Any] = {}
    for assignment, student in jobs:
        converter = converters.get(assignment)
        if converter is None:
            app.coursedir.assignment_id = assignment
            converter = converters[assignment] = Autograde(coursedir=app.coursedir, parent=app)
            converter.force = force
        app.coursedir.assignment_id = assignment
        app.coursedir.student_id = student
        ok = True
        try:
            converter.start()
        except (NbGraderException, SystemExit):
            ok = False
        except Exception:  # one learner's problem never stops the others
            app.log.exception("grading %s / %s failed", assignment, student)
            ok = False
        queue.put((assignment, student, ok))
    queue.put(None)


def _ensure_students(course: Path, students: list[str]) -> None:
    from nbgrader.api import MissingEntry

    from .cohort import gradebook

    with gradebook(course) as gb:
        for student in students:
            try:
                gb.find_student(student)
            except MissingEntry:
                gb.add_student(student)


def _bar(done: int, total: int, started: float) -> str:
    filled = int(PROGRESS_WIDTH * done / total) if total else PROGRESS_WIDTH
    elapsed = time.monotonic() - started
    return texts.GRADE_PROGRESS.format(
        bar="#" * filled + "-" * (PROGRESS_WIDTH - filled), done=done, total=total, seconds=elapsed
    )


def grade(
    course: Path,
    assignment: str | None = None,
    jobs: int = 2,
    force: bool = False,
    progress: Any = None,
) -> Summary:
    """Grade every collected submission (of one assignment, or all); never stops for one learner's problem."""
    course = course.resolve()
    started = time.monotonic()
    summary = Summary(backup=backup_gradebook(course))
    work = submissions(course, assignment)
    if not work:
        summary.seconds = time.monotonic() - started
        return summary
    _ensure_students(course, sorted({student for _a, student in work}))
    students = sorted({student for _a, student in work})
    jobs = max(1, min(jobs, len(students)))
    # all work of one learner goes to one worker: workers never write the same learner's rows at once
    chunks = [[job for job in work if students.index(job[1]) % jobs == n] for n in range(jobs)]
    # fork: the workers share what this process already imported and loaded (nbgrader, the content)
    import nbgrader.apps.autogradeapp  # noqa: F401

    from ..model import load_questions, load_sources
    from .executor import KernelFreeExecute  # noqa: F401

    load_questions()
    load_sources()

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    queue = context.Queue()
    logs = course / "logs"
    logs.mkdir(exist_ok=True)
    workers = [
        context.Process(
            target=_worker,
            args=(str(course), chunk, force, queue, str(logs / f"veerkracht-grade-{n}.log")),
            daemon=True,
        )
        for n, chunk in enumerate(chunks)
    ]
    for worker in workers:
        worker.start()
    running, done = len(workers), 0
    out = progress if progress is not None else sys.stderr
    while running:
        item = queue.get()
        if item is None:
            running -= 1
            continue
        assignment_id, student, ok = item
        (summary.graded if ok else summary.failed).append((assignment_id, student))
        done += 1
        if getattr(out, "isatty", lambda: False)():
            print("\r" + _bar(done, len(work), started), end="", file=out, flush=True)
        elif done == len(work) or done % max(1, len(work) // 10) == 0:
            print(_bar(done, len(work), started), file=out, flush=True)
    if getattr(out, "isatty", lambda: False)():
        print(file=out)
    for worker in workers:
        worker.join(timeout=60)
    _collect(course, summary)
    summary.seconds = time.monotonic() - started
    return summary


def reasons_in(notebook_path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(question, reason) for each answer that earned nothing because it was unreadable, and each fault."""
    import json

    zeros, faults = [], []
    try:
        nb = json.loads(notebook_path.read_text(encoding="utf-8"))  # written by the grader itself
    except (OSError, ValueError):
        return [], []
    for cell in nb.get("cells", []):
        if isinstance(cell.get("source"), list):
            cell["source"] = "".join(cell["source"])
        gid = protocol.grade_id(cell) or ""
        if (
            cell.get("cell_type") == "code"
            and gid.startswith(protocol.ANSWER_PREFIX)
            and "Unreadable(" in cell["source"]
        ):
            for node in ast.walk(ast.parse(cell["source"])):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Unreadable" and node.args:
                    zeros.append((gid.removeprefix(protocol.ANSWER_PREFIX), str(ast.literal_eval(node.args[0]))))
        for output in cell.get("outputs", []):
            fault = output.get("data", {}).get(FAULT_MIME)
            if fault:
                faults.append((str(fault.get("question")), str(fault.get("detail"))))
    return zeros, faults


def _collect(course: Path, summary: Summary) -> None:
    from nbgrader.api import MissingEntry

    from .cohort import gradebook

    for assignment, student in summary.graded:
        folder = course / "autograded" / student / assignment
        for path in sorted(folder.glob("*.ipynb")):
            zeros, faults = reasons_in(path)
            summary.zeros += [Zero(student, q, r) for q, r in zeros]
            summary.faults += [Zero(student, q, r) for q, r in faults]
    with gradebook(course) as gb:
        for assignment, student in summary.graded:
            try:
                submission = gb.find_submission(assignment, student)
            except MissingEntry:
                continue
            if submission.needs_manual_grade:
                summary.manual.append((assignment, student))


def report_lines(summary: Summary) -> list[str]:
    lines = [
        texts.GRADE_DONE.format(n=len(summary.graded), seconds=summary.seconds),
    ]
    if summary.backup:
        lines.append(texts.GRADE_BACKUP.format(path=summary.backup))
    if summary.failed:
        lines.append(texts.GRADE_FAILED.format(who=", ".join(f"{s} ({a})" for a, s in summary.failed)))
    lines.append(texts.GRADE_ZEROS.format(n=len(summary.zeros)))
    by_reason: dict[str, list[Zero]] = {}
    for zero in summary.zeros:
        general = re.sub(rf"{protocol.ANSWER_PREFIX}\w+", f"{protocol.ANSWER_PREFIX}...", zero.reason)
        by_reason.setdefault(general, []).append(zero)
    for reason, zeros in sorted(by_reason.items(), key=lambda item: -len(item[1])):
        who = sorted({f"{z.student} ({z.question})" for z in zeros})
        shown = ", ".join(who[:6]) + (f" {texts.GRADE_MORE.format(n=len(who) - 6).strip()}" if len(who) > 6 else "")
        lines.append(f"  - {reason} [{len(zeros)}x]: {shown}")
    if summary.faults:
        lines.append(texts.GRADE_FAULTS.format(n=len(summary.faults)))
        lines += [f"  - {z.student}, vraag {z.question}: {z.reason}" for z in summary.faults]
    lines.append(texts.GRADE_MANUAL.format(n=len(summary.manual)))
    return lines

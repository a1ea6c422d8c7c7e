"""``veerkracht cohort init|students``: a ready nbgrader course directory for one cohort.

``init`` writes the course's nbgrader configuration (``config.py``), copies the instructor's assignments
(``solutions/`` of the repository by default; the learner package never carries them) into ``source/`` and runs
``nbgrader generate_assignment`` for each, so the gradebook knows them and ``release/`` holds what learners get.
``students`` loads the learners from a CSV roster (id, first name, last name, e-mail). Standard nbgrader
commands keep working in the directory.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .. import texts
from ..lab import tool_env
from .config import config_file_text

STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
COLUMNS = {
    "id": ("id", "student_id", "gebruikersnaam", "username"),
    "first_name": ("first_name", "voornaam"),
    "last_name": ("last_name", "achternaam"),
    "email": ("email", "e-mail", "mail"),
}


class CohortError(Exception):
    """A problem the trainer must solve; the message is Dutch."""


def default_source() -> Path | None:
    from ..authoring.build import repo_root

    source = repo_root() / "solutions"
    return source if source.is_dir() else None


def assignments_in(source: Path) -> list[str]:
    return sorted(p.name for p in source.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course,
        env=tool_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def init(course: Path, source: Path | None = None, course_id: str | None = None) -> list[str]:
    """Create the cohort's course directory; returns the assignments it holds."""
    course = course.resolve()
    if course.exists() and any(course.iterdir()):
        raise CohortError(texts.COHORT_EXISTS.format(path=course))
    source = (source or default_source() or Path("solutions")).resolve()
    if not source.is_dir() or not assignments_in(source):
        raise CohortError(texts.COHORT_NO_SOURCE.format(path=source))
    names = assignments_in(source)
    course.mkdir(parents=True, exist_ok=True)
    cohort_id = course_id or re.sub(r"[^a-z0-9_-]", "-", course.name.lower()) or "veerkracht"
    (course / "nbgrader_config.py").write_text(config_file_text("cohort init", course_id=cohort_id), encoding="utf-8")
    for name in names:
        target = course / "source" / name
        target.mkdir(parents=True)
        for path in (source / name).iterdir():
            if path.is_file() and not path.is_symlink() and not path.name.startswith("."):
                shutil.copyfile(path, target / path.name)
    for name in names:
        done = nbgrader(course, "generate_assignment", name, "--force", "--log-level=WARN")
        if done.returncode != 0:
            raise CohortError(f"nbgrader generate_assignment {name}:\n{done.stdout}{done.stderr}")
    return names


def course_id_of(course: Path) -> str:
    """The course id a course directory's configuration sets (the default of ``config.apply`` otherwise)."""
    try:
        text = (course / "nbgrader_config.py").read_text(encoding="utf-8")
    except OSError:
        text = ""
    found = re.search(r"course_id\s*=\s*['\"]([^'\"]+)['\"]", text)
    return found.group(1) if found else "veerkracht"


def gradebook(course: Path):  # type: ignore[no-untyped-def]
    from nbgrader.api import Gradebook

    return Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id=course_id_of(course))


def is_course(course: Path) -> bool:
    return (course / "nbgrader_config.py").is_file() and (course / "source").is_dir()


@dataclass
class Roster:
    loaded: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().lower() for h in header]
    return next((lowered.index(n) for n in names if n in lowered), None)


def read_roster(path: Path) -> tuple[list[dict[str, str]], list[str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CohortError(texts.ROSTER_NO_FILE.format(path=path)) from exc
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    rows = list(csv.reader(text.splitlines(), dialect))
    if not rows:
        return [], []
    header = rows[0]
    index = {key: _column(header, names) for key, names in COLUMNS.items()}
    if index["id"] is None:
        raise CohortError(texts.ROSTER_NO_FILE.format(path=path) + " (kolom 'id' ontbreekt)")
    students, problems, seen = [], [], set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {key: (row[i].strip() if i is not None and i < len(row) else "") for key, i in index.items()}
        if not STUDENT_ID.match(values["id"]):
            problems.append(texts.ROSTER_PROBLEM.format(line=number, reason=f"ongeldige id {values['id']!r}"))
            continue
        if values["id"] in seen:
            problems.append(texts.ROSTER_PROBLEM.format(line=number, reason=f"id {values['id']!r} staat er al"))
            continue
        if values["email"] and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", values["email"]):
            problems.append(texts.ROSTER_PROBLEM.format(line=number, reason="ongeldig e-mailadres"))
            values["email"] = ""
        seen.add(values["id"])
        students.append(values)
    return students, problems


def load_students(course: Path, roster: Path) -> Roster:
    if not is_course(course):
        raise CohortError(texts.COHORT_NOT_A_COURSE.format(path=course))
    students, problems = read_roster(roster)
    result = Roster(problems=problems)
    with gradebook(course) as gb:
        for student in students:
            gb.update_or_create_student(
                student["id"],
                first_name=student["first_name"] or None,
                last_name=student["last_name"] or None,
                email=student["email"] or None,
            )
            result.loaded.append(student["id"])
    return result

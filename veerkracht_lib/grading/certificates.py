"""``veerkracht deelnamebewijs --cohort DIR [--student ID]``: the deelnamebewijs for learners of a cohort.

Read from the cohort's nbgrader gradebook (``cohort.gradebook``): a learner has completed the course when every
assignment in the gradebook has an autograded submission of theirs (a gradebook entry and the autograded copy
on disk; a reflection still waiting for the trainer's grade does not hold it back: this is a record of
participation, not a score). The name is the one on the roster (``veerkracht cohort students``), or the one the
trainer gives with ``--naam`` for a single learner. The bewijs itself is the self-paced one
(``documents.certificate_pdf``), saying it was issued from the group's gradebook; it holds no score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import texts
from ..documents import certificate_pdf, write_file
from ..model import Module, load_modules, module_of_assignment

FOLDER_NAME = "deelnamebewijzen"


@dataclass
class Learner:
    id: str
    name: str
    missing: list[str] = field(default_factory=list)


@dataclass
class Issued:
    made: list[tuple[str, Path]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # Dutch lines: who, and why


def _order(name: str) -> tuple[int, str]:
    codes = list(load_modules())
    module = module_of_assignment(name)
    return (codes.index(module.code) if module else len(codes), name)


def read_cohort(course: Path) -> tuple[list[str], list[Learner]]:
    """The gradebook's assignments in course order, and every learner with the assignments still missing."""
    from nbgrader.api import MissingEntry

    from .cohort import gradebook

    learners = []
    with gradebook(course) as gb:
        assignments = sorted((a.name for a in gb.assignments), key=_order)
        for student in gb.students:
            missing = []
            for name in assignments:
                try:
                    gb.find_submission(name, student.id)
                except MissingEntry:
                    missing.append(name)
                    continue
                if not (course / "autograded" / student.id / name).is_dir():
                    missing.append(name)
            full_name = " ".join(
                part.strip() for part in (student.first_name, student.last_name) if part and part.strip()
            )
            learners.append(Learner(student.id, full_name, missing))
    return assignments, learners


def _file_name(student: str) -> str:
    return f"deelnamebewijs-{re.sub(r'[^A-Za-z0-9._-]', '_', student)}.pdf"


def issue(course: Path, student: str | None = None, name: str | None = None, output: Path | None = None) -> Issued:
    """Make the bewijs for one learner (``student``) or for everyone who completed every assignment."""
    from ..documents import clean_name

    assignments, learners = read_cohort(course)
    modules: list[Module] = [m for m in (module_of_assignment(a) for a in assignments) if m is not None]
    output = output or course / FOLDER_NAME
    result = Issued()
    if student is not None:
        learners = [learner for learner in learners if learner.id == student]
        if not learners:
            result.refused.append(texts.COHORT_CERT_UNKNOWN_STUDENT.format(student=student, path=course))
            return result
    elif name is not None:
        result.refused.append(texts.COHORT_CERT_NAME_NEEDS_STUDENT)
        return result
    done_line = texts.plural(texts.CERTIFICATE_COHORT_DONE, len(assignments))
    for learner in learners:
        if learner.missing or not assignments:
            if student is not None:
                result.refused.append(
                    texts.COHORT_CERT_MISSING.format(student=learner.id, assignments=", ".join(learner.missing))
                )
            continue
        shown, _problem = clean_name(name if name is not None else learner.name)
        if shown is None:
            result.refused.append(texts.COHORT_CERT_NO_NAME.format(student=learner.id))
            continue
        path = write_file(output, _file_name(learner.id), certificate_pdf(shown, modules, done_line, cohort=True))
        result.made.append((learner.id, path))
    if student is None and not result.made and not result.refused:
        result.refused.append(texts.COHORT_CERT_NONE)
    return result

"""``veerkracht export``: the grades as nbgrader's CSV, and as grade-import files for Moodle and Canvas.

Moodle (Cijfers > Importeren > CSV-bestand) matches learners by e-mail address or username and grade items by
column name. Canvas (Grades > Import) expects ``Student, ID, SIS User ID, SIS Login ID, Section`` followed by one
column per assignment and a ``Points Possible`` row. Learners whose reflection is not graded yet get their
current score; ``veerkracht grade`` lists them.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .cohort import CohortError, gradebook, nbgrader


def _table(course: Path) -> tuple[list[str], dict[str, float], list[dict[str, object]]]:
    with gradebook(course) as gb:
        assignments = [a.name for a in gb.assignments]
        maxima = {a.name: a.max_score for a in gb.assignments}
        rows = []
        for student in gb.students:
            row: dict[str, object] = {
                "id": student.id,
                "first_name": student.first_name or "",
                "last_name": student.last_name or "",
                "email": student.email or "",
            }
            for name in assignments:
                try:
                    row[name] = round(gb.find_submission(name, student.id).score, 2)
                except Exception:  # no submission: left empty, never a made-up zero
                    row[name] = ""
            rows.append(row)
    return assignments, maxima, rows


def export(course: Path, output: Path | None = None) -> list[Path]:
    folder = output or course / "export"
    folder.mkdir(parents=True, exist_ok=True)
    nbgrader_csv = folder / "nbgrader.csv"
    done = nbgrader(course, "export", f"--to={nbgrader_csv}", "--log-level=WARN")
    if done.returncode != 0:
        raise CohortError(f"nbgrader export:\n{done.stdout}{done.stderr}")
    assignments, maxima, rows = _table(course)
    moodle = folder / "moodle.csv"
    with moodle.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Email address", "Username", "First name", "Last name", *assignments])
        for row in rows:
            writer.writerow(
                [row["email"], row["id"], row["first_name"], row["last_name"], *(row[a] for a in assignments)]
            )
    canvas = folder / "canvas.csv"
    with canvas.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *assignments])
        writer.writerow(["Points Possible", "", "", "", "", *(maxima[a] for a in assignments)])
        for row in rows:
            name = f"{row['last_name']}, {row['first_name']}".strip(", ") or str(row["id"])
            writer.writerow([name, "", row["id"], row["email"] or row["id"], "", *(row[a] for a in assignments)])
    return [nbgrader_csv, moodle, canvas]

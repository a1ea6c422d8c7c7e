"""``veerkracht feedback``: nbgrader's own ``generate_feedback`` with the course's configuration.

The configuration (``config.apply``) makes the pages Dutch (the course's template), drops the hidden tests and
every traceback (``SanitiseFeedback``) and shows a learner's reflection as the inert text the rebuild made of it.
Each question's feedback carries the explanation of the right answer, which the hidden test displayed while
grading.
"""

from __future__ import annotations

from pathlib import Path

from .cohort import CohortError, nbgrader


def graded_assignments(course: Path) -> list[str]:
    return sorted({p.name for p in (course / "autograded").glob("*/*") if p.is_dir()})


def generate(course: Path, assignment: str | None = None) -> int:
    """Feedback for every graded submission (of one assignment, or all); returns how many pages exist."""
    for name in [assignment] if assignment else graded_assignments(course):
        done = nbgrader(course, "generate_feedback", name, "--force", "--log-level=WARN")
        if done.returncode != 0:
            raise CohortError(f"nbgrader generate_feedback {name}:\n{done.stdout}{done.stderr}")
    pattern = f"*/{assignment}/*.html" if assignment else "*/*/*.html"
    return len(list((course / "feedback").glob(pattern)))

"""The course's settings from the environment: one place for every variable name and its meaning.

Names are English (``VEERKRACHT_*``); an older Dutch name is still read where it existed before.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path

HOME_ENV = "VEERKRACHT_HOME"  # where the learner's progress is kept (default ~/.veerkracht)
FEEDBACK_ENV = "VEERKRACHT_FEEDBACK"  # "form": controleer() checks only the form (a cohort whose trainer grades)
WORKSPACE_ENV = "VEERKRACHT_WORKSPACE"  # the learner's copy of the course (default ~/veerkracht-cursus)
LEGACY_WORKSPACE_ENV = "VEERKRACHT_WERKMAP"


class FeedbackMode(enum.StrEnum):
    FULL = "full"  # self-paced: right / partly / not yet, hints, explanations
    FORM = "form"  # cohort: only the form; the trainer grades


def feedback_mode() -> FeedbackMode:
    value = os.environ.get(FEEDBACK_ENV, "").strip().lower()
    return FeedbackMode.FORM if value in ("form", "vorm", "cohort") else FeedbackMode.FULL


def cohort_mode() -> bool:
    return feedback_mode() is FeedbackMode.FORM


def progress_dir() -> Path:
    configured = os.environ.get(HOME_ENV)
    return Path(configured).expanduser() if configured else Path.home() / ".veerkracht"


def workspace_dir() -> Path:
    configured = os.environ.get(WORKSPACE_ENV) or os.environ.get(LEGACY_WORKSPACE_ENV)
    return Path(configured).expanduser() if configured else Path.home() / "veerkracht-cursus"

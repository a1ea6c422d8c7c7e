"""The nbgrader configuration of the course, in one place: the repository's ``nbgrader_config.py`` and every
cohort's (``veerkracht cohort init``) call ``apply``.

Grading follows one principle: a submission is data, never instructions. Every submitted notebook is rebuilt
from the instructor's source; only the parsed answer literals and the inert reflection text are carried over;
no learner code runs; the kernel starts in an empty directory; feedback is Dutch and never shows hidden tests,
tracebacks or live learner HTML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).parent / "templates"
FEEDBACK_TEMPLATE = "veerkracht_feedback"
CODE_STUB = "# Pas de regel hierboven aan. Voer daarna deze cel uit met Shift+Enter."
TEXT_STUB = "Schrijf hier je antwoord. Gebruik geen echte namen of andere herkenbare gegevens van personen."
EXECUTE_TIMEOUT = 30


def nbgrader_templates() -> Path:
    import nbgrader

    return Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"


def apply(
    c: Any,
    *,
    course_id: str = "veerkracht",
    source_directory: str = "source",
    release_directory: str = "release",
) -> None:
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import (
        AssignLatePenalties,
        CheckCellMetadata,
        ClearHiddenTests,
        ClearOutput,
        GetGrades,
        LimitOutput,
        OverwriteCells,
        OverwriteKernelspec,
        SaveAutoGrades,
    )

    from .nbgrader_plugins import IsolatedExecute, SanitiseFeedback, SubmissionExporter

    c.CourseDirectory.course_id = course_id
    c.CourseDirectory.source_directory = source_directory
    c.CourseDirectory.release_directory = release_directory

    # Dutch stubs: the answer line stands above the solution block, so the stub only says what to do.
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.ClearSolutions.text_stub = TEXT_STUB

    # Grading: every submission is rebuilt from the source, then graded by a kernel in an empty directory.
    c.Autograde.exporter_class = SubmissionExporter
    c.Autograde.sanitize_preprocessors = [ClearOutput, OverwriteKernelspec, OverwriteCells, CheckCellMetadata]
    c.Autograde.autograde_preprocessors = [
        IsolatedExecute,
        LimitOutput,
        SaveAutoGrades,
        AssignLatePenalties,
        CheckCellMetadata,
    ]
    c.OverwriteCells.add_missing_cells = False  # the rebuilt notebook already has every cell of the source
    c.Execute.timeout = EXECUTE_TIMEOUT
    c.Execute.interrupt_on_timeout = True
    c.Execute.kernel_name = "python3"

    # Feedback: Dutch, no hidden tests, no tracebacks, no prompts, no live learner HTML.
    c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, SanitiseFeedback, CSSHTMLHeaderPreprocessor]
    c.GenerateFeedback.HTMLExporter.template_name = FEEDBACK_TEMPLATE
    c.GenerateFeedback.HTMLExporter.extra_template_basedirs = [str(TEMPLATES), str(nbgrader_templates())]
    c.GenerateFeedback.HTMLExporter.exclude_input_prompt = True
    c.GenerateFeedback.HTMLExporter.exclude_output_prompt = True


CONFIG_FILE = '''"""nbgrader configuration of this course directory (written by `veerkracht {how}`).

Everything is set in veerkracht_lib.grading.config, so every course directory grades the same, safe way.
"""

from veerkracht_lib.grading.config import apply

apply(get_config(), {arguments})  # noqa: F821
'''


def config_file_text(how: str, **arguments: str) -> str:
    args = ", ".join(f"{k}={v!r}" for k, v in arguments.items())
    return CONFIG_FILE.format(how=how, arguments=args)

"""nbgrader configuration of the Veerkracht course.

The repository is itself an nbgrader course directory: ``solutions/`` is the source (answers, hidden tests),
``exercises/`` the release that learners get. Regenerate ``exercises/`` with ``python -m veerkracht_lib.build``.
"""

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (
    CheckCellMetadata,
    ClearHiddenTests,
    ClearOutput,
    DeduplicateIds,
    GetGrades,
    OverwriteCells,
    OverwriteKernelspec,
)

from veerkracht_lib.preprocessors import ForgetOrphanMetadata, ReadAnswersAsData, SanitiseFeedback

c = get_config()  # noqa: F821

c.CourseDirectory.course_id = "veerkracht"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"

# Dutch stubs: the answer line stands above the solution block, so the stub only says what to do.
c.ClearSolutions.code_stub = {"python": "# Pas de regel hierboven aan. Voer daarna deze cel uit met Shift+Enter."}
c.ClearSolutions.text_stub = (
    "Schrijf hier je antwoord. Gebruik geen echte namen of andere herkenbare gegevens van personen."
)

# Grading: answers are read as data, no learner code runs (see veerkracht_lib/preprocessors.py).
c.OverwriteCells.add_missing_cells = True
c.Autograde.sanitize_preprocessors = [
    ClearOutput,
    DeduplicateIds,
    ForgetOrphanMetadata,
    OverwriteKernelspec,
    OverwriteCells,
    ReadAnswersAsData,
    CheckCellMetadata,
]
c.Execute.timeout = 30
c.Execute.interrupt_on_timeout = True
c.Execute.kernel_name = "python3"

# Feedback never shows hidden tests, nor a traceback that could quote them.
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, SanitiseFeedback, CSSHTMLHeaderPreprocessor]

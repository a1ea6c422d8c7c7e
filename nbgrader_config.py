"""nbgrader configuration of the course repository.

The repository is itself an nbgrader course directory: ``solutions/`` is the source (generated from the data by
``veerkracht build``), ``exercises/`` the release that learners get. Cohorts get their own course directory
(``veerkracht cohort init``). Everything is set in ``veerkracht_lib.grading.config``.
"""

from veerkracht_lib.grading.config import apply

apply(get_config(), source_directory="solutions", release_directory="exercises")  # noqa: F821

"""Grading a cohort (trainers; needs the ``trainer`` extra with nbgrader).

The principle: a submission is data, never instructions. What each cell is and how many points it has comes
from the instructor's source; the graded notebook is rebuilt from that source, carrying over only the learner's
answer literals (parsed, never executed) and the reflection text (as inert, escaped text). See
``submission.py`` (reading a submitted file without trusting it), ``rebuild.py`` (the rebuild) and
``nbgrader_plugins.py`` (how stock nbgrader uses both, configured in the course's ``nbgrader_config.py``).
"""

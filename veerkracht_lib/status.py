"""The outcome of a check, and the tone of a message box.

English names in code; the values are the progress file's saved format (``progress.py``), kept as they were so
files written by earlier versions still read. Learners never see a value: ``texts`` holds what they read.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    RIGHT = "goed"
    PARTLY = "deels"
    NOT_YET = "nog_niet"
    FORM_OK = "vorm"  # cohort mode: the answer's form is right; the trainer grades it
    FORM_ERROR = "vorm_fout"  # the answer cannot be read: no verdict on its content
    INFO = "info"  # a message box with no verdict


ANSWERED = (Status.RIGHT, Status.PARTLY, Status.NOT_YET, Status.FORM_OK)  # a readable answer was checked
VERDICTS = (Status.RIGHT, Status.PARTLY, Status.NOT_YET)  # the content was judged

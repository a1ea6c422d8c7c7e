"""nbgrader settings of a hosted Veerkracht environment.

``deploy/build_prefix.sh`` installs this file as ``{prefix}/etc/jupyter/nbgrader_config.py``: every nbgrader command
and nbgrader's Lab extensions in that environment read it (a course directory's own ``nbgrader_config.py`` is read
after it and wins).

- ``VEERKRACHT_EXCHANGE``: the exchange folder shared by trainers and learners (default ``/srv/nbgrader/exchange``).
- ``VEERKRACHT_COURSE_ID``: the cohort's course id (as given to ``veerkracht cohort init --course-id``); learners
  then fetch and submit without naming the course.
- Learners (role ``learner`` in ``{prefix}/etc/veerkracht/hosting.json``): fetched assignments land in the
  workspace's ``exercises/`` folder, where the course's links point.
"""

import json
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821

c.Exchange.root = os.environ.get("VEERKRACHT_EXCHANGE", "/srv/nbgrader/exchange")
if os.environ.get("VEERKRACHT_COURSE_ID"):
    c.CourseDirectory.course_id = os.environ["VEERKRACHT_COURSE_ID"]

try:
    _role = json.loads((Path(sys.prefix) / "etc/veerkracht/hosting.json").read_text(encoding="utf-8")).get("role")
except (OSError, ValueError):
    _role = None
if _role == "learner":
    from veerkracht_lib.settings import workspace_dir

    c.Exchange.assignment_dir = str(workspace_dir() / "exercises")

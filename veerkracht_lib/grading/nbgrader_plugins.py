"""How stock nbgrader enforces "a submission is data" (configured in the course's ``nbgrader_config.py``).

- ``SubmissionExporter`` (``c.Autograde.exporter_class``): when ``nbgrader autograde`` reads a submitted
  notebook, it reads it with ``submission.read_submission`` (never trusting or following the file) and hands
  nbgrader the notebook rebuilt from the instructor's source (``rebuild.py``). A broken submission therefore
  becomes a notebook in which every answer earns 0 with a Dutch reason, never a crash or a stopped run. It also
  keeps every other file the learner sent (and anything a link pointed to) out of the autograded folder, so
  nothing of it reaches the kernel, the formgrader or the released feedback.
- ``IsolatedExecute`` (in ``c.Autograde.autograde_preprocessors``): the kernel starts in a new, empty working
  directory, so nothing a learner sent can be imported, and is always removed afterwards.
- ``SanitiseFeedback`` (in ``c.GenerateFeedback.preprocessors``): test-cell errors keep only the course's Dutch
  lines (never a traceback that could quote hidden lines) and a grading fault is shown as a neutral note.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Any

import nbformat
from nbconvert.exporters import Exporter, NotebookExporter
from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import ClearSolutions, Execute, NbGraderPreprocessor
from traitlets import Bool

from .. import protocol, texts
from ..autograde import FAULT_MIME
from .rebuild import rebuild
from .submission import read_submission

IGNORE_EVERYTHING = "*"
NBGRADER_BOOKKEEPING = ("timestamp.txt", "submission_secret.txt")  # written by nbgrader submit
NBGRADER_NO_RESPONSE = "No response."  # nbgrader's automatic comment, in English


def _regular_files(root: Path) -> list[Path]:
    """Regular files under ``root`` (no links, no notebooks, no hidden or checkpoint folders)."""
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__pycache__"]
        for name in filenames:
            path = Path(dirpath) / name
            if name.endswith(".ipynb") or name.startswith("."):
                continue
            if stat.S_ISREG(os.lstat(path).st_mode):
                out.append(path)
    return out


class SubmissionExporter(NotebookExporter):
    """Reads a submission as data and returns the notebook rebuilt from the source."""

    trusted_io = Bool(
        False,
        help="Skip nbformat's schema validation when reading and writing notebooks this grader made itself "
        "(the rebuilt and autograded notebooks; never a submission). Used by veerkracht grade for speed.",
    ).tag(config=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        converter = self.parent
        if converter is not None and hasattr(converter, "init_assignment") and hasattr(converter, "coursedir"):
            self._guard_copies(converter)

    # nbgrader copies every other file of the submission into the autograded folder (following links) before
    # it converts the notebooks. The course never uses such files: copy nothing of the learner, only the
    # source's own regular files.
    def _guard_copies(self, converter: Any) -> None:
        if getattr(converter, "_veerkracht_guarded", False):
            return  # a converter that is started again keeps its one guard
        converter._veerkracht_guarded = True
        original = converter.init_assignment

        def init_assignment(assignment_id: str, student_id: str) -> None:
            coursedir = converter.coursedir
            saved = list(coursedir.ignore)
            coursedir.ignore = [*saved, IGNORE_EVERYTHING]
            try:
                original(assignment_id, student_id)
            finally:
                coursedir.ignore = saved
            source = Path(coursedir.format_path(coursedir.source_directory, ".", assignment_id))
            dest = Path(coursedir.format_path(coursedir.autograded_directory, student_id, assignment_id))
            for path in _regular_files(source):
                target = dest / path.relative_to(source)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
            # nbgrader's own bookkeeping of a submission that came through the exchange: generate_feedback
            # carries these on and release_feedback needs them (tests/test_hosting.py, a real hub)
            submitted = Path(coursedir.format_path(coursedir.submitted_directory, student_id, assignment_id))
            for name in NBGRADER_BOOKKEEPING:
                path = submitted / name
                if path.is_file() and not path.is_symlink() and path.stat().st_size <= 4096:
                    dest.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, dest / name)

        converter.init_assignment = init_assignment

    def _reading_submission(self) -> bool:
        converter = self.parent
        coursedir = getattr(converter, "coursedir", None)
        if coursedir is None or not getattr(converter, "_sanitizing", False):
            return False
        return getattr(converter, "_input_directory", None) == coursedir.submitted_directory

    def _stubs(self) -> tuple[str, str]:
        stubs = ClearSolutions(config=self.config)
        code = stubs.code_stub.get("python", "") if isinstance(stubs.code_stub, dict) else str(stubs.code_stub)
        return stubs.text_stub, code

    def source_notebook(self, resources: dict[str, Any]) -> NotebookNode:
        coursedir = self.parent.coursedir
        info = resources["nbgrader"]
        folder = coursedir.format_path(coursedir.source_directory, ".", info["assignment"])
        return nbformat.read(Path(folder) / f"{info['notebook']}.ipynb", as_version=4)

    def from_notebook_node(self, nb: NotebookNode, resources: Any = None, **kw: Any) -> tuple[str, ResourcesDict]:
        if not self.trusted_io:
            return super().from_notebook_node(nb, resources, **kw)
        nb_copy, resources = Exporter.from_notebook_node(self, nb, resources, **kw)
        resources["output_suffix"] = ".nbconvert"
        return json.dumps(nb_copy, sort_keys=True, indent=1, ensure_ascii=False) + "\n", resources

    def _read_trusted(self, filename: str, resources: Any) -> tuple[str, ResourcesDict]:
        with open(filename, encoding="utf-8") as handle:
            nb = nbformat.from_dict(json.load(handle))
        if not isinstance(resources.get("metadata"), dict):
            resources["metadata"] = ResourcesDict()
        resources["metadata"]["name"] = Path(filename).stem
        resources["metadata"]["path"] = str(Path(filename).parent)
        return self.from_notebook_node(nb, resources)

    def from_filename(
        self, filename: str, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[str, ResourcesDict]:
        if resources is None or "nbgrader" not in resources or not self._reading_submission():
            if self.trusted_io and resources is not None and "nbgrader" in resources:
                return self._read_trusted(filename, resources)  # the autograded notebook written a moment ago
            return super().from_filename(filename, resources, **kw)
        source = self.source_notebook(resources)
        text_stub, code_stub = self._stubs()
        rebuilt = rebuild(source, read_submission(Path(filename)), text_stub, code_stub)
        for gid, reason in rebuilt.reasons.items():
            self.log.warning("%s: %s earns 0: %s", resources["nbgrader"].get("student"), gid, reason)
        if not isinstance(resources.get("metadata"), dict):
            resources["metadata"] = ResourcesDict()
        resources["metadata"]["name"] = Path(filename).stem
        resources["metadata"]["path"] = str(Path(filename).parent)
        return self.from_notebook_node(rebuilt.notebook, resources, **kw)


class IsolatedExecute(Execute):
    """nbgrader's Execute, with the kernel started in a new empty directory that is removed afterwards."""

    def preprocess(
        self, nb: NotebookNode, resources: ResourcesDict | None = None, km: Any = None
    ) -> tuple[NotebookNode, ResourcesDict]:
        resources = resources if resources is not None else ResourcesDict()
        metadata = resources.setdefault("metadata", {})
        original = metadata.get("path")
        with tempfile.TemporaryDirectory(prefix="veerkracht-kernel-") as empty:
            metadata["path"] = empty
            try:
                return super().preprocess(nb, resources, km=km)
            finally:
                if original is None:
                    metadata.pop("path", None)
                else:
                    metadata["path"] = original


class SanitiseFeedback(NbGraderPreprocessor):
    """Keep only the course's own message lines in test-cell errors; a grading fault becomes a neutral note."""

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        meta = protocol.nbgrader_meta(cell)
        if meta.get("comment") == NBGRADER_NO_RESPONSE:
            meta["comment"] = texts.NO_RESPONSE
        if cell.cell_type != "code":
            return cell, resources
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if FAULT_MIME in data:
                question = str(data[FAULT_MIME].get("question", ""))
                outputs.append(
                    nbformat.v4.new_output(
                        "display_data", data={"text/plain": texts.GRADING_FAULT.format(qid=question)}
                    )
                )
                continue
            if output.get("output_type") == "error":
                if meta.get("grade") and output.get("ename") == "AnswerFormError":
                    lines = [
                        line for line in output.get("traceback", []) if not line.lstrip().startswith(("File", "Cell"))
                    ]
                    output["traceback"] = lines[:20]
                else:
                    output["traceback"] = [texts.INTERNAL_PROBLEM]
                    output["evalue"] = texts.INTERNAL_PROBLEM
                    output["ename"] = ""
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                continue
            outputs.append(output)
        cell.outputs = outputs
        return cell, resources

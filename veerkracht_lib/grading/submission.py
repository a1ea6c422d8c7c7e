"""Reading a submitted notebook without trusting it.

A submission may be anything: truncated or invalid JSON, another metadata version, cells retyped, duplicated
or deleted, metadata that is not a dict, thousands of cells, a huge file, a symbolic link to a file the
trainer can read. ``read_submission`` never raises and never follows a link: it returns the text of each cell
by its nbgrader grade id (first occurrence wins, as nbgrader's ``DeduplicateIds``), or one Dutch reason why
nothing could be read. Nothing else of the file is kept.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import texts

MAX_BYTES = 20_000_000
MAX_CELL_CHARS = 200_000


@dataclass
class Submission:
    """What was read: cell texts by grade id, how often each id occurred, or the reason nothing was read."""

    texts: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    problem: str | None = None

    def text(self, grade_id: str) -> str | None:
        return self.texts.get(grade_id)


def _cell_text(cell: dict[str, Any]) -> str | None:
    source = cell.get("source")
    if isinstance(source, str):
        text = source
    elif isinstance(source, list) and all(isinstance(part, str) for part in source):
        text = "".join(source)
    else:
        return None
    return text[:MAX_CELL_CHARS] if len(text) > MAX_CELL_CHARS else text


def _grade_id(cell: dict[str, Any]) -> str | None:
    metadata = cell.get("metadata")
    meta = metadata.get("nbgrader") if isinstance(metadata, dict) else None
    gid = meta.get("grade_id") if isinstance(meta, dict) else None
    return gid if isinstance(gid, str) and gid else None


def parse_submission(raw: bytes) -> Submission:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return Submission(problem=texts.SUBMISSION_NOT_JSON)
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return Submission(problem=texts.SUBMISSION_NOT_NOTEBOOK)
    found = Submission()
    for cell in data["cells"]:
        if not isinstance(cell, dict):
            continue
        gid = _grade_id(cell)
        if gid is None:
            continue
        found.counts[gid] = found.counts.get(gid, 0) + 1
        if gid in found.texts:
            continue
        text = _cell_text(cell)
        if text is not None:
            found.texts[gid] = text
    return found


def read_submission(path: Path, max_bytes: int = MAX_BYTES) -> Submission:
    """Read one submitted notebook file; never raises, never follows a link, never reads more than allowed."""
    try:
        info = os.lstat(path)
    except OSError:
        return Submission(problem=texts.SUBMISSION_MISSING)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        return Submission(problem=texts.SUBMISSION_NOT_A_FILE)
    if info.st_size > max_bytes:
        return Submission(problem=texts.SUBMISSION_TOO_LARGE.format(mb=max_bytes // 1_000_000))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return Submission(problem=texts.SUBMISSION_NOT_A_FILE)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return Submission(problem=texts.SUBMISSION_NOT_A_FILE)
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            raw = handle.read(max_bytes + 1)
    except OSError:
        return Submission(problem=texts.SUBMISSION_MISSING)
    finally:
        if fd >= 0:
            os.close(fd)
    if len(raw) > max_bytes:
        return Submission(problem=texts.SUBMISSION_TOO_LARGE.format(mb=max_bytes // 1_000_000))
    return parse_submission(raw)

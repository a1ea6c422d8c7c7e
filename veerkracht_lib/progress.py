"""The learner's progress, stored only on their own computer.

One JSON file (``~/.veerkracht/voortgang.json``, or ``$VEERKRACHT_HOME``). Writes are atomic (temporary file,
fsync, rename) under a lock, so two notebooks never overwrite each other's progress. A corrupt file is kept
aside and the learner gets a Dutch notice and a fresh start; nothing ever raises into a notebook.
No answers to questions and no free text are stored: only case paths and check statuses.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from . import texts
from .render import HTMLView, box, bullet_list, esc
from .settings import HOME_ENV, progress_dir  # noqa: F401  (HOME_ENV re-exported for tests)
from .status import Status

FILE_NAME = "voortgang.json"
VERSION = 1
STATUSES = (Status.RIGHT, Status.PARTLY, Status.NOT_YET, Status.FORM_OK, Status.FORM_ERROR)

try:  # POSIX; on Windows the atomic rename alone protects the file
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]


def data_dir() -> Path:
    return progress_dir()


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


def empty() -> dict[str, Any]:
    return {"version": VERSION, "cases": {}, "questions": {}, "practice": {}}


def _clean(data: Any) -> dict[str, Any] | None:
    """Keep every well-formed entry of a parsed file; None when the file is not progress at all."""
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return None
    out = empty()
    for cid, entry in (data.get("cases") or {}).items():
        if not isinstance(entry, dict):
            continue
        path = entry.get("path")
        if isinstance(path, list) and all(isinstance(i, int) and not isinstance(i, bool) and i >= 0 for i in path):
            ending = entry.get("ending")
            out["cases"][str(cid)] = {
                "path": path,
                "ending": ending if isinstance(ending, str) else None,
                "updated": str(entry.get("updated", "")),
            }
    for qid, entry in (data.get("questions") or {}).items():
        if isinstance(entry, dict) and entry.get("status") in STATUSES:
            attempts = entry.get("attempts")
            out["questions"][str(qid)] = {
                "status": entry["status"],
                "attempts": attempts if isinstance(attempts, int) and attempts > 0 else 1,
                "updated": str(entry.get("updated", "")),
            }
    for pid, entry in (data.get("practice") or {}).items():
        if isinstance(entry, dict) and isinstance(entry.get("correct"), bool):
            out["practice"][str(pid)] = {
                "correct": entry["correct"],
                "updated": str(entry.get("updated", "")),
            }
    return out


class ProgressStore:
    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or data_dir()
        self.notices: list[str] = []
        self._cache: dict[str, Any] | None = None

    @property
    def path(self) -> Path:
        return self.directory / FILE_NAME

    # --- reading -------------------------------------------------------------------------
    def _read(self) -> dict[str, Any]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return empty()
        except OSError as exc:
            self._notice(texts.PROGRESS_UNREADABLE.format(reason=exc.strerror or exc.__class__.__name__))
            return empty()
        try:
            cleaned = _clean(json.loads(raw.decode("utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            cleaned = None
        if cleaned is None:
            backup = self.path.with_name(f"{FILE_NAME}.beschadigd-{time.strftime('%Y%m%d-%H%M%S')}")
            try:
                os.replace(self.path, backup)
                self._notice(texts.PROGRESS_CORRUPT.format(backup=backup))
            except OSError as exc:
                self._notice(texts.PROGRESS_UNREADABLE.format(reason=exc.strerror or exc.__class__.__name__))
            return empty()
        return cleaned

    def _notice(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)

    def take_notices(self) -> list[str]:
        notices, self.notices = self.notices, []
        return notices

    def load(self) -> dict[str, Any]:
        if self._cache is None:
            self._cache = self._read()
        return self._cache

    # --- writing -------------------------------------------------------------------------
    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.directory.mkdir(parents=True, exist_ok=True)
        if fcntl is None:
            yield
            return
        with open(self.directory / ".voortgang.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _write(self, data: dict[str, Any]) -> None:
        payload = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=".voortgang-", suffix=".tmp", dir=self.directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def update(self, change: Callable[[dict[str, Any]], None]) -> bool:
        """Apply ``change`` to the freshest stored progress and save it. False (with a notice) on failure."""
        try:
            with self._locked():
                data = self._read()
                change(data)
                self._write(data)
                self._cache = data
            return True
        except OSError as exc:
            # keep working in memory: the learner loses nothing on screen
            data = self.load()
            change(data)
            self._notice(texts.PROGRESS_NOT_SAVED.format(reason=exc.strerror or exc.__class__.__name__))
            return False

    def delete(self) -> bool:
        with self._locked():
            existed = self.path.exists()
            if existed:
                self.path.unlink()
        self._cache = empty()
        return existed

    # --- records -------------------------------------------------------------------------
    def case(self, cid: str) -> dict[str, Any] | None:
        return self.load()["cases"].get(cid)

    def save_case(self, cid: str, path: list[int], ending: str | None) -> bool:
        def change(data: dict[str, Any]) -> None:
            data["cases"][cid] = {"path": list(path), "ending": ending, "updated": _now()}

        return self.update(change)

    def record_check(self, qid: str, status: str) -> bool:
        def change(data: dict[str, Any]) -> None:
            previous = data["questions"].get(qid, {})
            kept = previous.get("status") if status == Status.FORM_ERROR and previous.get("status") else status
            data["questions"][qid] = {
                "status": kept,
                "attempts": int(previous.get("attempts", 0)) + 1,
                "updated": _now(),
            }

        return self.update(change)

    def record_practice(self, pid: str, correct: bool) -> bool:
        def change(data: dict[str, Any]) -> None:
            data["practice"][pid] = {"correct": correct, "updated": _now()}

        return self.update(change)


_STORE: ProgressStore | None = None


def get_store() -> ProgressStore:
    """One store per process, re-created when ``$VEERKRACHT_HOME`` changes."""
    global _STORE
    if _STORE is None or _STORE.directory != data_dir():
        _STORE = ProgressStore()
    return _STORE


def record_check(qid: str, status: str) -> bool:
    return get_store().record_check(qid, status)


# --- the learner's calls ---------------------------------------------------------------------
def _overview(store: ProgressStore) -> tuple[str, str]:
    data = store.load()
    notices = store.take_notices()
    parts = [box(Status.INFO, n, "") for n in notices]
    plain = [texts.PROGRESS_TITLE, *notices]
    case_lines: list[str] = []
    if data["cases"]:
        from .model import load_vignettes

        vignettes = load_vignettes()
        for cid, entry in sorted(data["cases"].items()):
            title = vignettes[cid].title if cid in vignettes else cid
            ending = entry["ending"]
            if ending and cid in vignettes and ending in vignettes[cid].endings:
                state = texts.PROGRESS_CASE_DONE.format(ending=vignettes[cid].endings[ending].title)
            else:
                state = texts.PROGRESS_CASE_BUSY
            case_lines.append(f"{title}: {state}")
    question_lines = [
        f"{qid}: "
        + texts.PROGRESS_QUESTION_LINE.format(
            status=texts.PROGRESS_STATUS.get(entry["status"], entry["status"]), attempts=entry["attempts"]
        )
        for qid, entry in sorted(data["questions"].items())
        if entry["status"] != Status.FORM_ERROR
    ]
    body = ""
    if not case_lines and not question_lines:
        body += f"<p>{esc(texts.PROGRESS_EMPTY)}</p>"
        plain.append(texts.PROGRESS_EMPTY)
    if case_lines:
        body += f"<p style='margin:0.3em 0'><strong>{esc(texts.PROGRESS_CASES)}</strong></p>" + bullet_list(case_lines)
        plain += [texts.PROGRESS_CASES, *(f"- {line}" for line in case_lines)]
    if question_lines:
        body += f"<p style='margin:0.3em 0'><strong>{esc(texts.PROGRESS_QUESTIONS)}</strong></p>" + bullet_list(
            question_lines
        )
        plain += [texts.PROGRESS_QUESTIONS, *(f"- {line}" for line in question_lines)]
    where = texts.PROGRESS_WHERE.format(path=store.path)
    body += f"<p style='margin:0.3em 0'>{esc(where)}</p><p style='margin:0.3em 0'>{esc(texts.PROGRESS_HOW)}</p>"
    plain += [where, texts.PROGRESS_HOW]
    parts.append(box(Status.INFO, texts.PROGRESS_TITLE, body))
    return "".join(parts), "\n".join(plain)


def mijn_voortgang() -> Any:
    """Show what is stored: which cases and questions, where the file is, how to export or delete it.

    In a notebook this is a widget: the overview (with the file's path) lives only in the kernel, so a saved or
    exported notebook holds a Dutch note instead of the learner's progress (``live.ProgressView``).
    """
    html_text, plain = _overview(get_store())
    from .live import ProgressView

    return ProgressView(html_text, plain)


def exporteer_voortgang(bestand: str | os.PathLike[str] | None = None) -> HTMLView:
    """Save a copy of the stored progress as a JSON file (default: in the current folder)."""
    store = get_store()
    target = Path(bestand) if bestand else Path.cwd() / f"mijn-voortgang-{time.strftime('%Y%m%d')}.json"
    try:
        data = store.load()
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    except OSError as exc:
        message = texts.PROGRESS_NOT_SAVED.format(reason=exc.strerror or exc.__class__.__name__)
        return HTMLView(box(Status.NOT_YET, message, ""), message)
    message = texts.PROGRESS_EXPORTED.format(path=target.resolve())
    return HTMLView(box(Status.RIGHT, message, ""), message)


def wis_voortgang(bevestig: bool = False) -> HTMLView:
    """Delete all stored progress; asks for ``bevestig=True`` first."""
    if bevestig is not True:
        return HTMLView(box(Status.INFO, texts.PROGRESS_DELETE_CONFIRM, ""), texts.PROGRESS_DELETE_CONFIRM)
    try:
        existed = get_store().delete()
    except OSError as exc:
        message = texts.PROGRESS_NOT_SAVED.format(reason=exc.strerror or exc.__class__.__name__)
        return HTMLView(box(Status.NOT_YET, message, ""), message)
    message = texts.PROGRESS_DELETED if existed else texts.PROGRESS_NOTHING_TO_DELETE
    return HTMLView(box(Status.RIGHT, message, ""), message)

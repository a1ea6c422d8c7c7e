"""The course's prebuilt JupyterLab extension ``veerkracht-answers`` (the click control of ``answer_widget.py``).

``scripts/build_labextension.sh`` builds it from ``labextension/`` into ``veerkracht_lib/labextension/``
(git-ignored; a wheel carries it). ``install_labextension(prefix)`` copies it to
``{prefix}/share/jupyter/labextensions/veerkracht-answers/``, where JupyterLab, ``veerkracht start`` and a
JupyterHub's single-user servers load it without a build step and without any download.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

EXTENSION_NAME = "veerkracht-answers"
BUILT_DIR = Path(__file__).resolve().parent / "labextension"
_SKIP = {".gitignore", ".source-hash"}


def built_labextension() -> Path | None:
    """The built extension inside the package, or None when it was not built."""
    package = BUILT_DIR / "package.json"
    if not package.is_file() or not (BUILT_DIR / "static").is_dir():
        return None
    try:
        remote = json.loads(package.read_text(encoding="utf-8"))["jupyterlab"]["_build"]["load"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return BUILT_DIR if (BUILT_DIR / remote).is_file() else None


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name not in _SKIP and p.name != "install.json")


def _digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in _files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def target_dir(prefix: Path) -> Path:
    return Path(prefix) / "share" / "jupyter" / "labextensions" / EXTENSION_NAME


def install_labextension(prefix: Path | str | None = None, source: Path | None = None) -> bool:
    """Copy the built extension into ``prefix`` (default: this environment). True if anything changed.

    Does nothing (False) when the extension was not built: the questions then show as HTML, with a note
    that the answer can be typed. The copy replaces the whole folder at once, so no stale bundle stays behind.
    """
    source = source or built_labextension()
    if source is None:
        return False
    target = target_dir(Path(prefix) if prefix is not None else Path(sys.prefix))
    if target.is_dir() and _digest(target) == _digest(source):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{EXTENSION_NAME}-", dir=target.parent))
    try:
        for path in _files(source):
            destination = staging / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
        install = {
            "packageManager": "python",
            "packageName": "veerkracht",
            "uninstallInstructions": "Use your Python package manager (pip) to uninstall the package veerkracht",
        }
        (staging / "install.json").write_text(json.dumps(install, indent=2) + "\n", encoding="utf-8")
        staging.chmod(0o755)
        old = None
        if target.exists():
            old = target.with_name(f".{EXTENSION_NAME}-old-{os.getpid()}")
            target.rename(old)
        staging.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return True

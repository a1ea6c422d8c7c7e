"""The learner's workspace and the JupyterLab set-up for learners.

The workspace is a copy of ``course/`` and ``exercises/`` outside the repository and the installed package
(never ``solutions/``). Later updates only add files that are not there yet: a learner's own work is never
overwritten. ``configure_lab`` writes the learner settings into the environment's prefix: Dutch menus, no news
pop-up, and nbgrader's instructor menus and server extensions switched off and locked.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

NOTEBOOK_DIRS = ("course", "exercises")
INSTRUCTOR_LAB_PLUGINS = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:course-list",
)
INSTRUCTOR_SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
)
KERNEL_EXTENSION = "veerkracht_lib.friendly"
LAB_OVERRIDES = {
    "@jupyterlab/translation-extension:plugin": {"locale": "nl_NL"},
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false"},
}


class WorkspaceError(Exception):
    """A problem the learner must solve; the message is Dutch."""


def package_dir() -> Path:
    return Path(__file__).resolve().parent


def notebook_source() -> Path:
    """Where the learner notebooks are: inside an installed wheel, or in the repository (editable install)."""
    packaged = package_dir() / "_notebooks"
    if (packaged / "course").is_dir():
        return packaged
    repo = package_dir().parent
    if (repo / "course").is_dir() and (repo / "exercises").is_dir():
        return repo
    from . import texts

    raise WorkspaceError(texts.CLI_NO_COURSE_FILES)


def default_workspace() -> Path:
    from .settings import workspace_dir

    return workspace_dir()


def _inside(path: Path, parent: Path) -> bool:
    try:
        path.resolve().relative_to(parent.resolve())
        return True
    except ValueError:
        return False


def prepare_workspace(target: Path) -> tuple[Path, list[Path]]:
    """Copy what is missing into ``target``; return it and the files that were new."""
    from . import texts

    source = notebook_source()
    target = target.expanduser().resolve()
    for forbidden in {source, package_dir()}:
        if _inside(target, forbidden):
            raise WorkspaceError(texts.CLI_WORKSPACE_INSIDE.format(path=target))
    added: list[Path] = []
    for name in NOTEBOOK_DIRS:
        root = source / name
        for path in sorted(root.rglob("*")):
            if not path.is_file() or ".ipynb_checkpoints" in path.parts or "__pycache__" in path.parts:
                continue
            destination = target / name / path.relative_to(root)
            if destination.exists():
                continue  # the learner's copy wins, always
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
            added.append(destination)
    return target, added


def _merge_json(path: Path, update: dict[str, Any]) -> bool:
    """Deep-merge ``update`` into a JSON file; True when the file changed."""
    try:
        current = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, json.JSONDecodeError):
        current = {}
    merged = json.loads(json.dumps(current))

    def merge(into: dict[str, Any], new: dict[str, Any]) -> None:
        for key, value in new.items():
            if isinstance(value, dict) and isinstance(into.get(key), dict):
                merge(into[key], value)
            else:
                into[key] = value

    merge(merged, update)
    if merged == current:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(merged, indent=2) + "\n", encoding="utf-8")
    return True


def configure_lab(prefix: Path | None = None) -> bool:
    """Write the learner settings into ``prefix`` (default: this environment); True if anything changed."""
    prefix = prefix or Path(sys.prefix)
    changed = _merge_json(prefix / "share/jupyter/lab/settings/overrides.json", LAB_OVERRIDES)
    plugins = dict.fromkeys(INSTRUCTOR_LAB_PLUGINS, True)
    changed |= _merge_json(
        prefix / "etc/jupyter/labconfig/page_config.json",
        {"disabledExtensions": plugins, "lockedExtensions": plugins},
    )
    changed |= _merge_json(
        prefix / "etc/ipython/ipython_kernel_config.json",
        {"IPKernelApp": {"extensions": [KERNEL_EXTENSION]}},
    )
    for extension in INSTRUCTOR_SERVER_EXTENSIONS:
        changed |= _merge_json(
            prefix / f"etc/jupyter/jupyter_server_config.d/{extension}.json",
            {"ServerApp": {"jpserver_extensions": {extension: False}}},
        )
    from .labext import install_labextension

    changed |= install_labextension(prefix)
    changed |= configure_learner_extras(prefix)
    return changed


# --- Dutch interface, nbgrader per mode, notebooks that survive a day off, a quiet terminal -------------------
LEARNER_SERVER_EXTENSION = "veerkracht_lib.labserver"


def configure_learner_extras(prefix: Path) -> bool:
    """The course's server extension (Dutch catalogue, nbgrader's learner UI only for cohorts, quiet log), widget
    state never saved into notebooks or exports (only the Dutch notes, never a learner's progress or paths), and
    kernels that do not print the TCP warning. True if anything changed."""
    from .labserver import KERNEL_LOGGING, PAGE_CONFIG_URL

    changed = _merge_json(
        prefix / f"etc/jupyter/jupyter_server_config.d/{LEARNER_SERVER_EXTENSION}.json",
        {"ServerApp": {"jpserver_extensions": {LEARNER_SERVER_EXTENSION: True}}},
    )
    changed |= _merge_json(prefix / "etc/jupyter/labconfig/page_config.json", {"translationsApiUrl": PAGE_CONFIG_URL})
    changed |= _merge_json(
        prefix / "share/jupyter/lab/settings/overrides.json",
        {"@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": False}},
    )
    changed |= _merge_json(
        prefix / "etc/jupyter/jupyter_nbconvert_config.json", {"ExecutePreprocessor": {"store_widget_state": False}}
    )
    # the kernel's English help links (NumPy, SciPy, SymPy references ...) mean nothing to learners: none in Help
    changed |= _merge_json(
        prefix / "etc/ipython/ipython_kernel_config.json",
        {"IPKernelApp": {"logging_config": KERNEL_LOGGING}, "IPythonKernel": {"help_links": []}},
    )
    return changed


def lab_is_configured(prefix: Path | None = None) -> bool:
    prefix = prefix or Path(sys.prefix)
    try:
        overrides = json.loads((prefix / "share/jupyter/lab/settings/overrides.json").read_text(encoding="utf-8"))
        page = json.loads((prefix / "etc/jupyter/labconfig/page_config.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return False
    locale = overrides.get("@jupyterlab/translation-extension:plugin", {}).get("locale")
    disabled = page.get("disabledExtensions", {})
    return locale == "nl_NL" and all(disabled.get(p) for p in INSTRUCTOR_LAB_PLUGINS)

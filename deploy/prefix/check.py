"""Check a built prefix before it is used (run by ``deploy/build_prefix.sh`` with the prefix's Python).

Fails (exit 1, one line per problem) when the prefix holds anything of the instructor side (a ``solutions/`` folder,
a key file, a notebook or data file with solution or hidden-test blocks), when a learner prefix still holds the
self-check data, is not in feedback mode ``form`` or shows nbgrader's instructor tools, or when other OS users
cannot read the prefix (a hub runs every learner's server from it).
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from pathlib import Path

MARKERS = ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS")
INSTRUCTOR_LAB_PLUGINS = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:course-list",
)
INSTRUCTOR_SERVER_EXTENSIONS = ("nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list")


def server_extensions(prefix: Path) -> dict[str, bool]:
    """The server extensions this prefix's configuration enables, merged in the order jupyter_server reads it."""
    etc = prefix / "etc" / "jupyter"
    files = [*sorted((etc / "jupyter_server_config.d").glob("*.json")), etc / "jupyter_server_config.json"]
    merged: dict[str, bool] = {}
    for path in files:
        if path.is_file():
            merged.update(
                json.loads(path.read_text(encoding="utf-8")).get("ServerApp", {}).get("jpserver_extensions", {})
            )
    return merged


def page_config(prefix: Path) -> dict:
    path = prefix / "etc/jupyter/labconfig/page_config.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def instructor_side(prefix: Path, package: Path) -> list[str]:
    problems = []
    nbgrader_examples = [package.parent / "nbgrader" / "tests", package.parent / "nbgrader" / "docs"]
    for path in prefix.rglob("*"):
        if any(path.is_relative_to(folder) for folder in nbgrader_examples):
            continue  # nbgrader's own test and documentation notebooks (made-up examples)
        if path.is_dir() and path.name == "solutions":
            problems.append(f"instructor folder in the prefix: {path}")
        elif path.name.endswith(".keys.yaml"):
            problems.append(f"key file in the prefix: {path}")
        elif path.suffix == ".ipynb" and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            problems += [f"{path} contains '{m}'" for m in MARKERS if m in text]
    for path in package.rglob("*"):
        if path.is_file() and path.suffix not in (".py", ".pyc", ".md", ".ipynb"):  # code names the markers it handles
            text = path.read_text(encoding="utf-8", errors="replace")
            problems += [f"{path} contains '{m}'" for m in MARKERS if m in text]
    return problems


def learner_setup(prefix: Path, package: Path) -> list[str]:
    problems = []
    if (package / "content" / "selfcheck.json").exists():
        problems.append("selfcheck.json is still in the learner prefix")
    kernel = json.loads((prefix / "share/jupyter/kernels/python3/kernel.json").read_text(encoding="utf-8"))
    if kernel.get("env", {}).get("VEERKRACHT_FEEDBACK") != "form":
        problems.append("the kernel spec does not set VEERKRACHT_FEEDBACK=form")
    page = page_config(prefix)
    for plugin in INSTRUCTOR_LAB_PLUGINS:
        if not page.get("disabledExtensions", {}).get(plugin) or not page.get("lockedExtensions", {}).get(plugin):
            problems.append(f"{plugin} is not disabled and locked")
    if page.get("disabledExtensions", {}).get("@jupyter/nbgrader:assignment-list"):
        problems.append("nbgrader's assignment list (fetch/submit) is disabled")
    enabled = server_extensions(prefix)
    problems += [f"server extension {n} is enabled" for n in INSTRUCTOR_SERVER_EXTENSIONS if enabled.get(n)]
    if not enabled.get("veerkracht_lib.hosting.assignments"):
        problems.append("server extension veerkracht_lib.hosting.assignments (fetch/submit) is not enabled")
    heavy = [n for n, on in enabled.items() if on and n.split(".")[0] == "nbgrader"]
    problems += [f"server extension {n} loads all of nbgrader into every learner's server" for n in heavy]
    return problems


def common_setup(prefix: Path) -> list[str]:
    problems = []
    overrides = prefix / "share/jupyter/lab/settings/overrides.json"
    locale = json.loads(overrides.read_text(encoding="utf-8")) if overrides.is_file() else {}
    if locale.get("@jupyterlab/translation-extension:plugin", {}).get("locale") != "nl_NL":
        problems.append("the interface is not set to Dutch (overrides.json)")
    if not (prefix / "share/jupyter/labextensions/veerkracht-answers/package.json").is_file():
        problems.append("the answer-click extension (veerkracht-answers) is not installed")
    if not os.access(prefix / "bin" / "veerkracht-singleuser", os.X_OK):
        problems.append("bin/veerkracht-singleuser is missing")
    if not (prefix / "etc/jupyter/nbgrader_config.py").is_file():
        problems.append("etc/jupyter/nbgrader_config.py is missing")
    return problems


def unreadable(prefix: Path) -> list[str]:
    """Paths other OS users cannot read (files) or enter (folders); the first few."""
    found = []
    for root, dirs, files in os.walk(prefix):
        for name in dirs + files:
            path = Path(root) / name
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                continue
            need = stat.S_IROTH | (stat.S_IXOTH if stat.S_ISDIR(mode) else 0)
            if mode & need != need:
                found.append(f"not readable by other users: {path}")
                if len(found) >= 5:
                    return found
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--role", choices=("learner", "trainer"), required=True)
    parser.add_argument("--prefix", default=sys.prefix)
    args = parser.parse_args(argv)
    prefix = Path(args.prefix).resolve()
    import veerkracht_lib

    package = Path(veerkracht_lib.__file__).resolve().parent
    problems = [] if package.is_relative_to(prefix) else [f"veerkracht_lib comes from {package}, not the prefix"]
    problems += instructor_side(prefix, package) + common_setup(prefix) + unreadable(prefix)
    if args.role == "learner":
        problems += learner_setup(prefix, package)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

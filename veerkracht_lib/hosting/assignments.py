"""nbgrader's Assignments panel (fetch, submit, feedback) and Validate button for learners on a hub, without
loading nbgrader into their server.

nbgrader's own server extensions (``assignment_list``, ``validate_assignment``) import all of nbgrader (about
45 MB per learner's server, measured by ``benchmarks/hub_memory.py``) and run each action inside the server,
blocking it. This extension serves the same URLs with the same JSON, so nbgrader's Lab extension works unchanged,
but runs each request in a short-lived ``python -m veerkracht_lib.hosting.assignments`` process that calls
nbgrader's own code (``AssignmentList``, ``Validator``) and exits. The server itself imports nothing of nbgrader.
When an action fails, the learner reads a Dutch message; the details go to the server's log.

``deploy/prefix/configure.py`` enables it in a learner prefix and disables nbgrader's two extensions.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

ACTIONS = ("fetch", "submit", "fetch_feedback")
WORKER_TIMEOUT = 300  # seconds; a submit of a large notebook on a busy machine stays well below it


def nbgrader_version() -> str:
    try:
        return version("nbgrader")
    except PackageNotFoundError:
        return ""


# --- in the server --------------------------------------------------------------------------------------------------
def _handlers(serverapp: Any) -> list[tuple[str, type]]:
    from jupyter_server.base.handlers import APIHandler
    from jupyter_server.utils import url_path_join
    from tornado import web

    root_dir = str(Path(serverapp.root_dir).expanduser().resolve())
    lock = asyncio.Lock()  # one nbgrader process per learner at a time

    async def run_worker(action: str, **arguments: str) -> dict[str, Any]:
        async with lock:
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                __name__,
                action,
                json.dumps({"root_dir": root_dir, **arguments}),
                cwd=root_dir,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
            try:
                out, err = await asyncio.wait_for(proc.communicate(), WORKER_TIMEOUT)
            except TimeoutError:
                proc.kill()
                out, err = await proc.communicate()
        if err:
            serverapp.log.info("nbgrader %s: %s", action, err.decode(errors="replace").strip()[-4000:])
        try:
            return json.loads(out.decode().strip().splitlines()[-1])
        except (ValueError, IndexError):
            from .. import texts

            serverapp.log.error("nbgrader %s gave no answer (exit code %s)", action, proc.returncode)
            return {"success": False, "value": texts.HUB_ASSIGNMENTS_FAILED}

    def arguments(handler: APIHandler, *names: str) -> dict[str, str]:
        try:
            return {name: handler.get_argument(name) for name in names}
        except web.MissingArgumentError:
            body = handler.get_json_body() or {}
            return {name: str(body.get(name, "")) for name in names}

    class AssignmentList(APIHandler):
        @web.authenticated
        async def get(self) -> None:
            self.finish(json.dumps(await run_worker("list", course_id=self.get_argument("course_id", ""))))

    class AssignmentAction(APIHandler):
        @web.authenticated
        async def post(self, action: str) -> None:
            self.finish(json.dumps(await run_worker(action, **arguments(self, "course_id", "assignment_id"))))

    class CourseList(APIHandler):
        @web.authenticated
        async def get(self) -> None:
            self.finish(json.dumps(await run_worker("courses")))

    class Validate(APIHandler):
        @web.authenticated
        async def post(self) -> None:
            path = arguments(self, "path")["path"]
            if not (Path(root_dir) / path).resolve().is_relative_to(root_dir):
                raise web.HTTPError(403, "Access denied: path outside allowed directory")
            self.finish(json.dumps(await run_worker("validate", path=path)))

    class Version(APIHandler):
        @web.authenticated
        def get(self) -> None:
            same = self.get_argument("version", "") == nbgrader_version()
            self.finish(json.dumps({"success": True} if same else {"success": False, "message": "nbgrader version"}))

    base = serverapp.web_app.settings["base_url"]
    routes = [
        (r"/assignments", AssignmentList),
        (rf"/assignments/(?P<action>{'|'.join(ACTIONS)})", AssignmentAction),
        (r"/assignments/validate", Validate),
        (r"/courses", CourseList),
        (r"/nbgrader_version", Version),
    ]
    return [(url_path_join(base, pattern), handler) for pattern, handler in routes]


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": __name__}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    serverapp.web_app.add_handlers(".*$", _handlers(serverapp))
    serverapp.log.info("veerkracht: nbgrader's assignment list and validate, each request in its own process")


# --- in the worker process: nbgrader's own code -------------------------------------------------------------------
def _validate(root_dir: str, path: str) -> dict[str, Any]:
    from nbgrader.apps import NbGrader
    from nbgrader.validator import Validator

    target = (Path(root_dir) / path).resolve()
    if not target.is_relative_to(Path(root_dir).resolve()):
        raise PermissionError(path)
    from jupyter_core.paths import jupyter_config_path

    app = NbGrader()
    app.config_file_paths.append([os.getcwd(), *jupyter_config_path()])
    app.load_config_file()
    return {"success": True, "value": Validator(config=app.config).validate(str(target))}


def work(action: str, arguments: dict[str, str]) -> dict[str, Any]:
    from nbgrader.server_extensions.assignment_list.handlers import AssignmentList

    root_dir = arguments["root_dir"]
    if action == "validate":
        return _validate(root_dir, arguments["path"])
    manager = AssignmentList()
    manager.root_dir = root_dir
    if action == "courses":
        return manager.list_courses()
    course_id = arguments.get("course_id") or None
    if action == "list":
        return manager.list_assignments(course_id=course_id)
    if action not in ACTIONS:
        raise ValueError(action)
    done = {
        "fetch": manager.fetch_assignment,
        "submit": manager.submit_assignment,
        "fetch_feedback": manager.fetch_feedback,
    }[action](course_id, arguments["assignment_id"])
    if not done.get("success"):
        return done
    return manager.list_assignments(course_id=course_id)


def main(argv: list[str]) -> int:
    """Run one request; the answer is the last line on stdout, everything nbgrader prints goes to stderr."""
    from .. import texts

    answer = sys.stdout
    sys.stdout = sys.stderr
    try:
        result = work(argv[0], json.loads(argv[1]))
    except Exception:
        import traceback

        traceback.print_exc()
        result = {"success": False, "value": texts.HUB_ASSIGNMENTS_FAILED}
    if not result.get("success") and "Traceback" in str(result.get("value", "")):
        print(result["value"], file=sys.stderr)  # the details are for the log, never for the learner
        result = {"success": False, "value": texts.HUB_ASSIGNMENTS_FAILED}
    answer.write(json.dumps(result) + "\n")
    answer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

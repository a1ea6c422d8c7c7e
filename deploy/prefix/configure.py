"""Set up a freshly installed prefix for its role on a JupyterHub (run by ``deploy/build_prefix.sh`` with the
prefix's own Python, so ``sys.prefix`` is the prefix and ``veerkracht_lib`` is the installed wheel).

Both roles: the Dutch interface without news pop-ups, the answer-click extension, the course's friendly kernel
extension, ``{prefix}/etc/veerkracht/hosting.json`` (role and environment), ``{prefix}/etc/jupyter/nbgrader_config.py``
(the exchange) and ``bin/veerkracht-singleuser``, the command a hub starts (adds new course files to the workspace,
then runs jupyterhub-singleuser). The trainer role lets its server be framed by itself (the formgrader shows in a
frame inside JupyterLab). The learner role also gets:

- nbgrader's instructor tools off and locked (``workspace.configure_lab``) and its learner tools (the assignment
  list with fetch and submit, validate) on;
- no self-check data: ``selfcheck.json`` is removed, so the salted key hashes never reach a cohort;
- feedback mode ``form`` in the kernel spec and the start script, so ``controleer()`` checks only the form;
- nbgrader's learner requests served without loading nbgrader into the server
  (``veerkracht_lib.hosting.assignments``), and the server extensions a learner never uses switched off: both cost
  memory in every learner's server; a kernel whose notebook is closed stops after 30 idle minutes.
"""

from __future__ import annotations

import argparse
import inspect
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FEEDBACK = {"VEERKRACHT_FEEDBACK": "form"}
# nbgrader's learner side: the Assignments panel (fetch, submit, feedback) and the Validate button
LEARNER_LAB_PLUGINS = ("@jupyter/nbgrader:assignment-list", "@jupyter/nbgrader:validate-assignment")
# ... served by veerkracht_lib.hosting.assignments, which runs nbgrader in a short-lived process per request,
# instead of nbgrader's own server extensions, which load all of nbgrader into every learner's server
LEARNER_SERVER_EXTENSION = "veerkracht_lib.hosting.assignments"
NBGRADER_LEARNER_SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.validate_assignment",
)
# Server extensions a learner's server does not need: language servers (none are installed), the classic
# Notebook 7 interface (learners use JupyterLab; nbgrader pulls it in).
UNUSED_SERVER_EXTENSIONS = ("jupyter_lsp", "notebook")
FORMGRADER_FRAMING = {
    "ServerApp": {"tornado_settings": {"headers": {"Content-Security-Policy": "frame-ancestors 'self'"}}}
}
KERNEL_CULLING = {"MappingKernelManager": {"cull_idle_timeout": 1800, "cull_interval": 300, "cull_connected": False}}


def merge_json(path: Path, update: dict) -> None:
    from veerkracht_lib import workspace

    workspace._merge_json(path, update)


def server_extension(prefix: Path, name: str, enabled: bool) -> None:
    merge_json(
        prefix / f"etc/jupyter/jupyter_server_config.d/{name}.json",
        {"ServerApp": {"jpserver_extensions": {name: enabled}}},
    )


def configure_learner_lab(prefix: Path) -> str:
    """The learner interface of a cohort. Uses ``configure_lab(cohort=True)`` once the learner-UI work provides
    it; until then the cohort part (nbgrader's learner tools on) is done here."""
    from veerkracht_lib.workspace import configure_lab

    if "cohort" in inspect.signature(configure_lab).parameters:
        configure_lab(prefix, cohort=True)
        return "configure_lab(cohort=True)"
    configure_lab(prefix)
    plugins = dict.fromkeys(LEARNER_LAB_PLUGINS, False)
    merge_json(
        prefix / "etc/jupyter/labconfig/page_config.json",
        {"disabledExtensions": plugins, "lockedExtensions": plugins},
    )
    return "configure_lab + deploy/prefix/configure.py (cohort part)"


def learner_server_extensions(prefix: Path) -> None:
    for name in (*NBGRADER_LEARNER_SERVER_EXTENSIONS, *UNUSED_SERVER_EXTENSIONS):
        server_extension(prefix, name, False)
    server_extension(prefix, LEARNER_SERVER_EXTENSION, True)
    # Each open notebook has its own kernel (about 50 MB). A kernel whose notebook is closed and that ran nothing
    # for 30 minutes is shut down; a notebook that is still open keeps its kernel.
    merge_json(prefix / "etc/jupyter/jupyter_server_config.d/veerkracht-hosting.json", KERNEL_CULLING)


def configure_trainer_lab(prefix: Path) -> None:
    from veerkracht_lib.labext import install_labextension
    from veerkracht_lib.workspace import KERNEL_EXTENSION, LAB_OVERRIDES

    merge_json(prefix / "share/jupyter/lab/settings/overrides.json", LAB_OVERRIDES)
    merge_json(prefix / "etc/ipython/ipython_kernel_config.json", {"IPKernelApp": {"extensions": [KERNEL_EXTENSION]}})
    install_labextension(prefix)


def kernel_environment(prefix: Path, env: dict[str, str]) -> None:
    spec = prefix / "share/jupyter/kernels/python3/kernel.json"
    data = json.loads(spec.read_text(encoding="utf-8"))
    data["env"] = {**data.get("env", {}), **env}
    spec.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def install_start_script(prefix: Path) -> None:
    target = prefix / "bin" / "veerkracht-singleuser"
    text = (HERE / "veerkracht-singleuser").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    target.write_text(f"#!{prefix / 'bin' / 'python'}\n" + "".join(lines[1:]), encoding="utf-8")
    target.chmod(0o755)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--role", choices=("learner", "trainer"), required=True)
    args = parser.parse_args(argv)
    prefix = Path(sys.prefix)
    import veerkracht_lib

    package = Path(veerkracht_lib.__file__).resolve().parent
    if not str(package).startswith(str(prefix.resolve())):
        print(f"veerkracht_lib is not installed in {prefix} but in {package}", file=sys.stderr)
        return 1
    hosting = {"role": args.role, "environment": {}}
    if args.role == "learner":
        how = configure_learner_lab(prefix)
        learner_server_extensions(prefix)
        (package / "content" / "selfcheck.json").unlink(missing_ok=True)
        kernel_environment(prefix, FEEDBACK)
        hosting["environment"] = dict(FEEDBACK)
        print(f"learner interface: {how}")
    else:
        configure_trainer_lab(prefix)
        # JupyterHub >= 4.1 forbids framing every server it starts; the formgrader shows inside JupyterLab in a
        # frame of its own server, so a trainer's server allows framing by itself (never by another site)
        merge_json(prefix / "etc/jupyter/jupyter_server_config.d/veerkracht-formgrader.json", FORMGRADER_FRAMING)
    install_start_script(prefix)
    (prefix / "etc/veerkracht").mkdir(parents=True, exist_ok=True)
    (prefix / "etc/veerkracht/hosting.json").write_text(json.dumps(hosting, indent=2) + "\n", encoding="utf-8")
    (prefix / "etc/jupyter").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HERE / "nbgrader_config.py", prefix / "etc/jupyter/nbgrader_config.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The ``veerkracht`` command.

``veerkracht start``      copy the course into the learner's workspace and open it in JupyterLab
``veerkracht configure``  set this environment up for learners (Dutch menus, no instructor menus)
``veerkracht voortgang``  show, export or delete the learner's stored progress
``veerkracht handout``    a printable handout (PDF) per module
``veerkracht deelnamebewijs``  the learner's deelnamebewijs (PDF); trainers: ``--cohort DIR``
``veerkracht build``      (authors) regenerate selfcheck.json and exercises/ from solutions/
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from pathlib import Path
from typing import NoReturn

from . import texts

START_NOTEBOOK = "course/00_introductie.ipynb"
# A returning learner (any stored progress) starts at the overview: where they were and where to go on.
# A new learner starts at the introduction (welcome, how a notebook works, privacy); it links to the overview.
OVERVIEW_NOTEBOOK = "course/00_overzicht.ipynb"


def start_notebook() -> str:
    from .overview import fresh_store

    data = fresh_store().load()
    return OVERVIEW_NOTEBOOK if data["cases"] or data["questions"] else START_NOTEBOOK


def has_display() -> bool:
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _pick_port(wanted: int | None) -> int:
    from .lab import free_port, port_free

    if wanted is not None:
        if not port_free(wanted):
            raise SystemExit(texts.CLI_PORT_BUSY.format(port=wanted))
        return wanted
    return free_port(range(8888, 8988))


def cmd_start(args: argparse.Namespace) -> int:
    from .lab import start_lab, tool_env
    from .settings import FEEDBACK_ENV, FeedbackMode
    from .workspace import WorkspaceError, configure_lab, default_workspace, prepare_workspace

    try:
        workspace, added = prepare_workspace(Path(args.map) if args.map else default_workspace())
    except WorkspaceError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(texts.CLI_WORKSPACE_READY.format(path=workspace))
    if added:
        print(texts.CLI_WORKSPACE_NEW_FILES.format(n=len(added)))
    with contextlib.suppress(OSError):
        configure_lab()
    port = _pick_port(args.poort)
    env = tool_env()
    if args.cohort:
        env[FEEDBACK_ENV] = FeedbackMode.FORM
    print(texts.CLI_STARTING, flush=True)
    first = start_notebook()
    lab = start_lab(
        workspace,
        port=port,
        env=env,
        default_url=f"/lab/tree/{first}",
        open_browser=has_display() and not args.geen_browser,
        wait=False,
        quiet=False,
    )
    try:
        if not lab.wait_ready():
            code = lab.stop()
            print(texts.CLI_LAB_FAILED.format(code=code), file=sys.stderr)
            return 1
        print(texts.CLI_OPEN_URL.format(url=lab.url(f"/lab/tree/{first}")), flush=True)
        print(texts.CLI_STOP_HINT, flush=True)
        return_code = lab.proc.wait()
    except KeyboardInterrupt:
        lab.stop(signal.SIGINT)  # a second Ctrl+C for JupyterLab: it stops without asking
        return_code = 0
    finally:
        lab.stop()
    print(texts.CLI_STOPPED.format(path=workspace))
    return 0 if return_code in (0, -signal.SIGTERM, -signal.SIGINT) else return_code


def cmd_configure(_args: argparse.Namespace) -> int:
    from .workspace import configure_lab

    configure_lab()
    print(texts.CLI_CONFIGURED)
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    from . import progress

    if args.actie == "exporteer":
        print(progress.exporteer_voortgang(args.bestand))
    elif args.actie == "wis":
        print(progress.wis_voortgang(bevestig=args.bevestig))
    else:
        print(progress.mijn_voortgang())
    return 0


def cmd_handout(args: argparse.Namespace) -> int:
    from .documents import handout_name, handout_pdf, resolve_module, write_file
    from .model import load_modules

    chosen = [resolve_module(args.module)] if args.module else list(load_modules().values())
    for module in chosen:
        if isinstance(module, str):
            print(module, file=sys.stderr)
            return 2
        try:
            path = write_file(Path(args.uitvoer or "."), handout_name(module), handout_pdf(module))
        except OSError as exc:
            print(texts.DOC_NOT_SAVED.format(reason=exc.strerror or exc.__class__.__name__), file=sys.stderr)
            return 1
        print(texts.CLI_HANDOUT_DONE.format(path=path.resolve()))
    return 0


def cmd_certificate(args: argparse.Namespace) -> int:
    if args.cohort:
        from .grading.certificates import issue

        result = issue(_course(args.cohort), args.student, args.naam, Path(args.uitvoer) if args.uitvoer else None)
        for student, path in result.made:
            print(texts.COHORT_CERT_MADE.format(student=student, path=path.resolve()))
        for line in result.refused:
            print(line, file=sys.stderr)
        return 0 if result.made and not (args.student and result.refused) else 1
    from .documents import maak_deelnamebewijs

    view = maak_deelnamebewijs(naam=args.naam, map=args.uitvoer or ".")
    if view.path is None:
        print(view, file=sys.stderr)
        return 1
    print(texts.DOC_READY_CERTIFICATE.format(path=view.path.resolve()))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .authoring import build

    return build.main(["--check"] if args.check else [])


# --- trainers (need the trainer extra: nbgrader) -------------------------------------------------
def _course(path: str) -> Path:
    from .grading.cohort import is_course

    course = Path(path).expanduser().resolve()
    if not is_course(course):
        raise SystemExit(texts.COHORT_NOT_A_COURSE.format(path=course))
    return course


def cmd_cohort(args: argparse.Namespace) -> int:
    from .grading.cohort import CohortError, init, load_students

    try:
        if args.actie == "init":
            names = init(Path(args.map), Path(args.source) if args.source else None, args.course_id)
            print(texts.COHORT_READY.format(path=Path(args.map).resolve(), n=len(names)))
            return 0
        if not args.deelnemers:
            raise CohortError(texts.ROSTER_NO_FILE.format(path="(geen bestand gegeven)"))
        roster = load_students(_course(args.map), Path(args.deelnemers))
    except CohortError as exc:
        print(exc, file=sys.stderr)
        return 2
    for problem in roster.problems:
        print(problem, file=sys.stderr)
    print(texts.ROSTER_LOADED.format(n=len(roster.loaded)))
    return 0 if not roster.problems else 1


def cmd_grade(args: argparse.Namespace) -> int:
    from .grading.run import grade, report_lines, submissions

    course = _course(args.map)
    if not submissions(course, args.opdracht):
        print(texts.GRADE_NOTHING.format(path=course), file=sys.stderr)
        return 1
    summary = grade(course, args.opdracht, jobs=args.jobs, force=args.force)
    print("\n".join(report_lines(summary)))
    return 0 if not summary.failed else 1


def cmd_feedback(args: argparse.Namespace) -> int:
    from .grading.cohort import CohortError
    from .grading.feedback import generate

    course = _course(args.map)
    try:
        done = generate(course, args.opdracht)
    except CohortError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(texts.FEEDBACK_DONE.format(n=done, path=course / "feedback"))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .grading.report import write_report

    path = write_report(_course(args.map), Path(args.uitvoer) if args.uitvoer else None)
    print(texts.REPORT_DONE.format(path=path))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .grading.export import export

    paths = export(_course(args.map), Path(args.uitvoer) if args.uitvoer else None)
    print(texts.EXPORT_DONE.format(paths=", ".join(str(p) for p in paths)))
    return 0


_ARGPARSE_DUTCH = {
    "usage:": "gebruik:",
    "positional arguments:": "onderdelen:",
    "options:": "opties:",
    "show this help message and exit": "toon deze hulp en stop",
    "unrecognized arguments:": "onbekende opties:",
    "the following arguments are required:": "dit ontbreekt nog:",
    "invalid int value:": "geen geldig getal:",
    "invalid choice:": "onbekende keuze:",
    "choose from": "kies uit",
    "expected one argument": "hier hoort één waarde bij",
    "argument ": "bij ",
}


def _dutch(text: str) -> str:
    for english, dutch in _ARGPARSE_DUTCH.items():
        text = text.replace(english, dutch)
    return text


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse with its messages in Dutch: learners type these commands."""

    def format_usage(self) -> str:
        return _dutch(super().format_usage())

    def format_help(self) -> str:
        return _dutch(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, texts.CLI_BAD_ARGUMENTS.format(prog=self.prog, detail=_dutch(message)))


def parser() -> argparse.ArgumentParser:
    main_parser = DutchArgumentParser(prog="veerkracht", description=texts.CLI_DESCRIPTION)
    sub = main_parser.add_subparsers(dest="command", required=True, parser_class=DutchArgumentParser)
    start = sub.add_parser("start", help=texts.CLI_HELP_START)
    start.add_argument("--map", help=texts.CLI_HELP_MAP)
    start.add_argument("--poort", type=int, help=texts.CLI_HELP_PORT)
    start.add_argument("--geen-browser", action="store_true", help=texts.CLI_HELP_NO_BROWSER)
    start.add_argument("--cohort", action="store_true", help=texts.CLI_HELP_COHORT)
    start.set_defaults(func=cmd_start)
    configure = sub.add_parser("configure", help=texts.CLI_HELP_CONFIGURE)
    configure.set_defaults(func=cmd_configure)
    progress = sub.add_parser("voortgang", help=texts.CLI_HELP_PROGRESS)
    progress.add_argument("actie", nargs="?", choices=("toon", "exporteer", "wis"), default="toon")
    progress.add_argument("--bestand", help=texts.CLI_HELP_FILE)
    progress.add_argument("--bevestig", action="store_true", help=texts.CLI_HELP_CONFIRM)
    progress.set_defaults(func=cmd_progress)
    handout = sub.add_parser("handout", help=texts.CLI_HELP_HANDOUT)
    handout.add_argument("module", nargs="?", help=texts.CLI_HELP_HANDOUT_MODULE)
    handout.add_argument("--uitvoer", help=texts.CLI_HELP_OUTPUT_DIR)
    handout.set_defaults(func=cmd_handout)
    certificate = sub.add_parser("deelnamebewijs", help=texts.CLI_HELP_CERTIFICATE)
    certificate.add_argument("--naam", help=texts.CLI_HELP_NAME)
    certificate.add_argument("--uitvoer", help=texts.CLI_HELP_OUTPUT_DIR)
    certificate.add_argument("--cohort", help=texts.CLI_HELP_CERT_COHORT)
    certificate.add_argument("--student", help=texts.CLI_HELP_CERT_STUDENT)
    certificate.set_defaults(func=cmd_certificate)
    build = sub.add_parser("build", help="(authors) generate solutions/, selfcheck.json and exercises/ from the data")
    build.add_argument("--check", action="store_true", help="only report what is wrong or out of date")
    build.set_defaults(func=cmd_build)

    cohort = sub.add_parser("cohort", help=texts.CLI_HELP_COHORT_CMD)
    cohort.add_argument("actie", choices=("init", "students"))
    cohort.add_argument("map", help=texts.CLI_HELP_COURSE_DIR)
    cohort.add_argument("deelnemers", nargs="?", help=texts.CLI_HELP_ROSTER)
    cohort.add_argument("--source", help=texts.CLI_HELP_SOURCE)
    cohort.add_argument("--course-id", help=texts.CLI_HELP_COURSE_ID)
    cohort.set_defaults(func=cmd_cohort)
    grade_cmd = sub.add_parser("grade", help=texts.CLI_HELP_GRADE)
    grade_cmd.add_argument("map", help=texts.CLI_HELP_COURSE_DIR)
    grade_cmd.add_argument("opdracht", nargs="?", help=texts.CLI_HELP_ASSIGNMENT)
    grade_cmd.add_argument("--jobs", type=int, default=2, help=texts.CLI_HELP_JOBS)
    grade_cmd.add_argument("--force", action="store_true", help=texts.CLI_HELP_FORCE)
    grade_cmd.set_defaults(func=cmd_grade)
    feedback = sub.add_parser("feedback", help=texts.CLI_HELP_FEEDBACK)
    feedback.add_argument("map", help=texts.CLI_HELP_COURSE_DIR)
    feedback.add_argument("opdracht", nargs="?", help=texts.CLI_HELP_ASSIGNMENT)
    feedback.set_defaults(func=cmd_feedback)
    report = sub.add_parser("report", help=texts.CLI_HELP_REPORT)
    report.add_argument("map", help=texts.CLI_HELP_COURSE_DIR)
    report.add_argument("--uitvoer", help=texts.CLI_HELP_OUTPUT)
    report.set_defaults(func=cmd_report)
    export_cmd = sub.add_parser("export", help=texts.CLI_HELP_EXPORT)
    export_cmd.add_argument("map", help=texts.CLI_HELP_COURSE_DIR)
    export_cmd.add_argument("--uitvoer", help=texts.CLI_HELP_OUTPUT)
    export_cmd.set_defaults(func=cmd_export)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())

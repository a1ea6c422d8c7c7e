"""Hosting the course on a real JupyterHub.

The environments are built by ``deploy/build_prefix.sh`` (what ``deploy/Dockerfile`` runs) into a fresh,
world-readable prefix and checked: no solutions, no keys, no self-check data for a cohort, feedback mode ``form``,
the Dutch interface, nbgrader's instructor tools absent for learners.

Then a real hub (``deploy/hub/jupyterhub_config.py``, configurable-http-proxy from npm, 127.0.0.1 only) runs with
real OS users this test creates (``useradd``; removed afterwards) and their PAM passwords: a learner logs in, plays
a case in module a, fetches the exercise in nbgrader's Assignments panel, completes it and submits it there, all in
JupyterLab in headless Chromium; the trainer collects, grades with ``veerkracht grade``, makes and releases the
feedback (the commands a trainer types in the formgrader's terminal); the learner fetches the feedback in the panel
and reads it. The formgrader shows inside JupyterLab for trainers only; a learner is refused the formgrader, other
users on the hub's API and in their servers, and cannot read another learner's work, the solutions or the
gradebook. An idle server is stopped by the culler.

Needs root (useradd, a hub that starts servers as other users); skipped otherwise.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from helpers import REPO, answer_line, modules, right_value

sys.path.insert(0, str(REPO / "deploy" / "hub"))
import localhub

from veerkracht_lib.lab import CHROMIUM, CHROMIUM_ARGS

MODULE = next(m for m in modules() if m.code == "a")
ASSIGNMENT = MODULE.assignment
EXERCISE = f"veerkracht-cursus/exercises/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(
    not IS_ROOT or shutil.which("useradd") is None, reason="creates OS users: run as root (CI does)"
)
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium missing")


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- the check that every build runs can fail ------------------------------------------------------------------
def test_the_prefix_check_finds_instructor_files_self_check_data_and_private_files(tmp_path: Path) -> None:
    check = _load(REPO / "deploy" / "prefix" / "check.py", "prefix_check")
    prefix = tmp_path / "prefix"
    package = prefix / "lib/python3.11/site-packages/veerkracht_lib"
    (package / "content").mkdir(parents=True)
    (package / "content" / "selfcheck.json").write_text("{}")
    (prefix / "solutions").mkdir()
    (prefix / "share" / "a.keys.yaml").parent.mkdir(parents=True)
    (prefix / "share" / "a.keys.yaml").write_text("key: 1")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("### BEGIN SOLUTION\nx = 1\n### END SOLUTION")])
    nbformat.write(nb, package / "les.ipynb")
    (package / "content" / "data.yaml").write_text("### BEGIN HIDDEN TESTS\n")
    private = package / "private.txt"
    private.write_text("x")
    private.chmod(0o600)
    found = "\n".join(check.instructor_side(prefix, package) + check.unreadable(prefix))
    for expected in ("solutions", "a.keys.yaml", "les.ipynb", "data.yaml", "private.txt"):
        assert expected in found
    (prefix / "share/jupyter/kernels/python3").mkdir(parents=True)
    (prefix / "share/jupyter/kernels/python3/kernel.json").write_text("{}")
    learner = "\n".join(check.learner_setup(prefix, package))
    assert "selfcheck.json" in learner and "VEERKRACHT_FEEDBACK" in learner and "formgrader" in learner


# --- the environments -------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def base() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="veerkracht-hosting-"))
    folder.chmod(0o755)  # other OS users run the prefixes in it
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def prefixes(base: Path) -> dict[str, Path]:
    built = {}
    for role in ("learner", "trainer"):
        built[role] = base / role
        localhub.build_prefix(built[role], role, build_python=sys.executable)
    return built


def _site(prefix: Path) -> Path:
    return next((prefix / "lib").glob("python3*/site-packages"))


def _server_extensions(prefix: Path) -> dict[str, bool]:
    """What the prefix's own ``jupyter server extension list`` reports."""
    done = subprocess.run(
        [str(prefix / "bin" / "jupyter"), "server", "extension", "list"], capture_output=True, text=True, timeout=120
    )
    text = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)
    return {m.group(1): m.group(2) == "enabled" for m in re.finditer(r"^\s+(\S+) (enabled|disabled)\s*$", text, re.M)}


@pytest.mark.slow
@needs_root
def test_the_learner_prefix_is_a_cohort_environment_without_solutions(prefixes: dict[str, Path]) -> None:
    from test_release import MARKERS, _readable, _scan, _secrets

    prefix = prefixes["learner"]
    package = _site(prefix) / "veerkracht_lib"
    assert not (package / "content" / "selfcheck.json").exists()
    assert (package / "_notebooks" / "course" / "00_introductie.ipynb").is_file()
    assert (package / "_notebooks" / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").is_file()
    assert [p for p in prefix.rglob("*") if p.name == "solutions" or p.name.endswith(".keys.yaml")] == []
    nbgrader_examples = [_site(prefix) / "nbgrader" / "tests", _site(prefix) / "nbgrader" / "docs"]
    leaks, secrets_ = [], _secrets()
    for path in [*package.rglob("*"), *prefix.rglob("*.ipynb")]:
        if not path.is_file() or any(path.is_relative_to(f) for f in nbgrader_examples):
            continue
        text = _readable(path.name, path.read_bytes())
        leaks += _scan(str(path), text, secrets_)
        if path.suffix not in (".py", ".pyc", ".md"):
            leaks += _scan(str(path), text, MARKERS)
    assert leaks == []
    # the build's own check, and what Jupyter's own tools say about the result
    check = subprocess.run(
        [str(prefix / "bin" / "python"), str(REPO / "deploy/prefix/check.py"), "--role", "learner"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, check.stderr
    kernels = json.loads(
        subprocess.run([str(prefix / "bin/jupyter"), "kernelspec", "list", "--json"], capture_output=True).stdout
    )
    assert kernels["kernelspecs"]["python3"]["spec"]["env"]["VEERKRACHT_FEEDBACK"] == "form"
    extensions = _server_extensions(prefix)
    assert extensions["veerkracht_lib.hosting.assignments"] is True
    for name in ("formgrader", "course_list", "assignment_list", "validate_assignment"):
        assert extensions[f"nbgrader.server_extensions.{name}"] is False, name
    labext = subprocess.run([str(prefix / "bin/jupyter"), "labextension", "list"], capture_output=True, text=True)
    disabled = (labext.stdout + labext.stderr).split("Disabled extensions:")[1]
    for plugin in ("formgrader", "create-assignment", "course-list"):
        assert f"@jupyter/nbgrader:{plugin}" in disabled
    assert "assignment-list" not in disabled
    assert "veerkracht-answers" in labext.stdout + labext.stderr
    overrides = json.loads((prefix / "share/jupyter/lab/settings/overrides.json").read_text())
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "nl_NL"


@pytest.mark.slow
@needs_root
def test_the_trainer_prefix_has_the_formgrader_and_lets_it_be_framed_by_itself(prefixes: dict[str, Path]) -> None:
    prefix = prefixes["trainer"]
    check = subprocess.run(
        [str(prefix / "bin" / "python"), str(REPO / "deploy/prefix/check.py"), "--role", "trainer"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, check.stderr
    assert _server_extensions(prefix)["nbgrader.server_extensions.formgrader"] is True
    framing = json.loads((prefix / "etc/jupyter/jupyter_server_config.d/veerkracht-formgrader.json").read_text())
    assert framing["ServerApp"]["tornado_settings"]["headers"]["Content-Security-Policy"] == "frame-ancestors 'self'"


def test_the_image_definition_runs_the_tested_build_script() -> None:
    dockerfile = (REPO / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    assert 'RUN bash deploy/build_prefix.sh --role "${ROLE}" /opt/veerkracht' in dockerfile
    assert "COPY --from=build /opt/veerkracht /opt/veerkracht" in dockerfile
    assert 'CMD ["veerkracht-singleuser"]' in dockerfile


# --- the hub --------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def accounts() -> localhub.Accounts:
    created = localhub.Accounts.create(f"vk{secrets.token_hex(2)}", f"Wachtwoord-{secrets.token_hex(6)}")
    yield created
    created.remove()


@pytest.fixture(scope="module")
def course(base: Path, prefixes: dict[str, Path], accounts: localhub.Accounts) -> localhub.Course:
    created = localhub.Course.create(base, accounts, prefixes["trainer"], f"veerkracht-{secrets.token_hex(2)}")
    created.release(ASSIGNMENT)
    return created


def _hub(base: Path, name: str, prefixes, accounts, course, **settings):
    token = secrets.token_hex(16)
    data = base / name
    data.mkdir()
    environment = localhub.hub_settings(
        port=_free_port(),
        internal_port=_free_port(),
        proxy_api_port=_free_port(),
        formgrader_port=_free_port(),
        data=data,
        accounts=accounts,
        learner_prefix=prefixes["learner"],
        course=course,
        **settings,
    )
    return localhub.start_hub(environment, localhub.scripted_config(data, token)), token


@pytest.fixture(scope="module")
def hub(base: Path, prefixes, accounts, course):
    started, token = _hub(base, "hub", prefixes, accounts, course)
    yield started, token
    started.stop()


def _browser(pw):
    return pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def _log_in(browser, hub: localhub.Hub, name: str, password: str):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", password)
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{name}/lab/**", timeout=180_000)
    expect(page.locator(".lm-MenuBar-content")).to_contain_text("Bestand", timeout=60_000)  # Dutch
    return page


def _open(page, url: str) -> None:
    from playwright.sync_api import expect

    page.goto(url)
    expect(page.locator(".jp-NotebookPanel:visible .jp-KernelName")).to_contain_text("Python", timeout=60_000)


def _cell(page, text: str):
    cell = page.locator(".jp-NotebookPanel:visible .jp-Cell", has_text=text).first
    cell.scroll_into_view_if_needed()
    return cell


def _run(page, text: str):
    cell = _cell(page, text)
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")
    return cell


def _assignments_panel(page):
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    page.locator(".lm-Menu-itemLabel").get_by_text("Assignment List", exact=True).click()
    page.locator(".lm-TabBar-tabLabel", has_text="Assignments").first.click()


@pytest.mark.slow
@pytest.mark.browser
@needs_root
@needs_chromium
def test_a_cohort_round_trip_on_a_real_hub(hub, accounts: localhub.Accounts, course: localhub.Course) -> None:
    from playwright.sync_api import expect, sync_playwright

    from veerkracht_lib import texts
    from veerkracht_lib.grading.config import TEXT_STUB

    running, _token = hub
    learner = accounts.learners[0]
    reflection = "Ik vroeg wat de jongere bedoelde en liet de groep meedenken. Later sprak ik hem apart."
    with sync_playwright() as pw:
        browser = _browser(pw)
        page = _log_in(browser, running, learner, accounts.password)
        base = f"{running.url}/user/{learner}"
        # the lesson of module a: play a case
        _open(page, f"{base}/lab/tree/veerkracht-cursus/course/modules/{ASSIGNMENT}.ipynb?reset")
        _run(page, "from veerkracht_lib import")
        _run(page, 'speel_casus("a1_klassenvergadering")')
        case = page.locator(".veerkracht-case:visible").first
        expect(case).to_contain_text("Stemmen heeft geen zin", timeout=60_000)
        case.locator(".widget-button").first.click()
        expect(case).to_contain_text("Jouw keuze", timeout=30_000)
        # fetch the exercise in nbgrader's Assignments panel
        _assignments_panel(page)
        released = page.locator("#released_assignments_list")
        expect(released).to_contain_text(ASSIGNMENT, timeout=90_000)
        released.locator(".list_item", has_text=ASSIGNMENT).locator("button", has_text="Fetch").click()
        fetched = page.locator("#fetched_assignments_list")
        expect(fetched).to_contain_text(ASSIGNMENT, timeout=90_000)
        # complete it: every answer line, one answer checked (form only: a cohort), the reflection; save
        _open(page, f"{base}/lab/tree/{EXERCISE}")
        _run(page, "from veerkracht_lib import controleer")
        for question in MODULE.questions:
            cell = _cell(page, f"{question.variable} = ")
            cell.locator(".jp-InputArea-editor").click()
            page.keyboard.press("Control+Home")
            page.keyboard.press("Shift+End")
            page.keyboard.insert_text(answer_line(question, right_value(question)))
            if question is MODULE.questions[0]:
                page.keyboard.press("Shift+Enter")
                expect(cell).to_contain_text(texts.FORM_OK_COHORT, timeout=60_000)
        text_cell = page.locator(".jp-NotebookPanel:visible .jp-MarkdownCell", has_text=TEXT_STUB).first
        text_cell.scroll_into_view_if_needed()
        text_cell.click()
        page.keyboard.press("Enter")
        expect(text_cell.locator(".jp-InputArea-editor")).to_be_visible()
        page.keyboard.press("Control+a")
        page.keyboard.insert_text(reflection)
        page.keyboard.press("Shift+Enter")
        page.keyboard.press("Control+s")
        expect(page.locator(".jp-NotebookPanel:visible .jp-Notebook")).to_contain_text(reflection)
        page.wait_for_timeout(1500)
        # submit in the panel
        page.locator(".lm-TabBar-tabLabel", has_text="Assignments").first.click()
        fetched.locator(".list_item", has_text=ASSIGNMENT).locator("button", has_text="Submit").first.click()
        submitted = page.locator("#submitted_assignments_list")
        expect(submitted).to_contain_text(ASSIGNMENT, timeout=90_000)

        # the trainer, in the formgrader's terminal: collect, grade, feedback, release
        for command in (
            ["nbgrader", "collect", ASSIGNMENT],
            ["veerkracht", "grade", str(course.path), ASSIGNMENT],
            ["veerkracht", "feedback", str(course.path), ASSIGNMENT],
            ["nbgrader", "release_feedback", ASSIGNMENT],
        ):
            done = course.trainer(*command)
            assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
        submission = course.path / "submitted" / learner / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nbformat.read(submission, 4).cells}
        assert cells["reflectie"].source == reflection  # nbgrader filed it under the learner's own OS name
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{course.path / 'gradebook.db'}", course_id=course.course_id) as gradebook:
            score = gradebook.find_submission(ASSIGNMENT, learner).score
        assert score == sum(q.points for q in MODULE.questions)

        # the learner fetches the feedback in the panel and reads it
        page.goto(f"{base}/lab?reset")
        expect(page.locator(".lm-MenuBar-content")).to_contain_text("Bestand", timeout=60_000)
        _assignments_panel(page)
        submitted = page.locator("#submitted_assignments_list")
        submitted.locator("button", has_text="Fetch Feedback").first.click()
        submitted.locator("a", has_text="view feedback").first.click()
        listing = page.locator(".jp-DirListing-item", has_text=f"{ASSIGNMENT}.html")
        expect(listing).to_be_visible(timeout=60_000)
        listing.dblclick()
        feedback = page.frame_locator(".jp-HTMLViewer iframe").first.locator("body")
        expect(feedback).to_contain_text("Uitleg bij vraag a1", timeout=60_000)
        expect(feedback).to_contain_text(f"{score:.1f} van")
        page.screenshot(path=str(running.data / "feedback.png"))
        browser.close()


@pytest.mark.slow
@pytest.mark.browser
@needs_root
@needs_chromium
def test_the_formgrader_shows_inside_the_hub_for_trainers(hub, accounts: localhub.Accounts) -> None:
    from playwright.sync_api import expect, sync_playwright

    running, _token = hub
    with sync_playwright() as pw:
        browser = _browser(pw)
        page = _log_in(browser, running, accounts.trainers[0], accounts.password)
        page.goto(f"{running.url}/services/formgrader/")
        expect(page.locator(".lm-MenuBar-content")).to_contain_text("Nbgrader", timeout=90_000)
        page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
        page.locator(".lm-Menu-itemLabel").get_by_text("Formgrader", exact=True).click()
        # blank when JupyterHub's default frame-ancestors 'none' applies (nbgrader #1870, #1910)
        frame = page.frame_locator(".lm-DockPanel iframe").first
        expect(frame.locator("body")).to_contain_text("Manage Assignments", timeout=60_000)
        expect(frame.locator("body")).to_contain_text(ASSIGNMENT, timeout=60_000)
        browser.close()


@pytest.mark.slow
@needs_root
def test_a_learner_is_refused_the_formgrader_and_other_users(hub, accounts: localhub.Accounts) -> None:
    running, admin = hub
    me, other = accounts.learners[0], accounts.learners[1]
    for name in (me, other):
        localhub.start_server(running, admin, name)
    trainer = localhub.Session(running)
    assert trainer.login(accounts.trainers[0], accounts.password) == 200
    status, _url, headers, _body = trainer.get("/services/formgrader/formgrader")
    assert status == 200
    assert headers["content-security-policy"] == "frame-ancestors 'self'"

    learner = localhub.Session(running)
    assert learner.login(me, "fout-wachtwoord") == 403
    assert learner.login(me, accounts.password) == 200
    status, url, _headers, _body = learner.get("/services/formgrader/formgrader")
    assert status == 403, url
    status, _url, headers, _body = learner.get(f"/user/{me}/lab")
    assert status == 200 and "frame-ancestors 'none'" in headers["content-security-policy"]
    assert learner.get(f"/user/{me}/formgrader")[0] == 404  # no instructor tools in a learner's own server

    _status, token = localhub.api(running, admin, "POST", f"/users/{me}/tokens", {"note": "test"})
    mine = token["token"]
    assert localhub.api(running, mine, "GET", f"/users/{me}")[0] == 200
    # admin actions on another user: 403
    assert localhub.api(running, mine, "DELETE", f"/users/{other}")[0] == 403
    assert localhub.api(running, mine, "PATCH", f"/users/{other}", {"admin": True})[0] == 403
    assert localhub.api(running, mine, "POST", "/users/someone-new")[0] == 403
    assert localhub.api(running, mine, "POST", f"/users/{other}/tokens")[0] == 403  # a token in their name
    # what a learner may do for themselves, asked for someone else: JupyterHub answers exactly as for a user
    # that does not exist (404), so a learner cannot even tell who else is on the hub
    nobody = localhub.api(running, mine, "GET", "/users/nobody-at-all")
    for method, path in (
        ("GET", f"/users/{other}"),
        ("POST", f"/users/{other}/server"),
        ("DELETE", f"/users/{other}/server"),
    ):
        assert localhub.api(running, mine, method, path)[0] == nobody[0] == 404, (method, path)
    assert localhub.api(running, admin, "GET", f"/users/{other}")[1]["servers"][""]["ready"]  # it was there
    assert localhub.api(running, mine, "GET", "/users")[0] == 403  # no list of who else is on the hub
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        f"{running.url}/user/{other}/api/contents", headers={"Authorization": f"token {mine}"}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=60)
    assert refused.value.code == 403


PROBE = """
import json, os, sys
found = {}
for path in sys.argv[1:]:
    try:
        if os.path.isdir(path):
            os.listdir(path)
        else:
            open(path, "rb").read(1)
        found[path] = "read"
    except PermissionError:
        found[path] = "denied"
print(json.dumps(found))
"""


@pytest.mark.slow
@needs_root
def test_a_learner_cannot_read_another_learners_work_the_solutions_or_the_gradebook(
    hub, accounts: localhub.Accounts, course: localhub.Course, prefixes: dict[str, Path]
) -> None:
    running, admin = hub
    me, other = accounts.learners[0], accounts.learners[1]
    localhub.start_server(running, admin, other)  # the hub makes the home private when it starts a server
    learner_env = {
        "PATH": f"{prefixes['learner'] / 'bin'}:/usr/bin:/bin",
        "VEERKRACHT_EXCHANGE": str(course.exchange),
        "VEERKRACHT_COURSE_ID": course.course_id,
    }
    # the other learner fetches and submits from a terminal (nbgrader's command line), as many users do at once
    for command in (["nbgrader", "fetch_assignment", ASSIGNMENT], ["nbgrader", "submit", ASSIGNMENT]):
        done = localhub.as_user(other, command, env=learner_env)
        assert done.returncode == 0, done.stdout + done.stderr
    for command in (  # the trainer's part, so every folder below holds this learner's work
        ["nbgrader", "collect", ASSIGNMENT],
        ["veerkracht", "grade", str(course.path), ASSIGNMENT],
        ["veerkracht", "feedback", str(course.path), ASSIGNMENT],
        ["nbgrader", "release_feedback", ASSIGNMENT],
    ):
        done = course.trainer(*command)
        assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
    home = Path(f"~{other}").expanduser()
    grader_home = Path(f"~{course.grader}").expanduser()
    private = [
        home / EXERCISE,  # their notebook, with their answers and reflection
        home / "veerkracht-cursus",
        course.exchange / course.course_id / "inbound",  # every submission
        course.exchange / course.course_id / "feedback",
        course.path / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",  # the solutions
        course.path / "gradebook.db",
        course.path / "submitted" / other,
        course.path / "autograded" / other,
        course.path / "feedback" / other,
        grader_home / "bron",  # the instructor's source copied for cohort init
    ]
    assert all(p.exists() for p in private)  # root sees them all: the probe below can fail
    probe = localhub.as_user(me, [str(prefixes["learner"] / "bin/python"), "-c", PROBE, *map(str, private)])
    assert probe.returncode == 0, probe.stderr
    assert json.loads(probe.stdout) == {str(p): "denied" for p in private}
    # what a learner must be able to read: the released assignment
    released = course.exchange / course.course_id / "outbound" / ASSIGNMENT
    probe = localhub.as_user(me, [str(prefixes["learner"] / "bin/python"), "-c", PROBE, str(released)])
    assert json.loads(probe.stdout) == {str(released): "read"}


@pytest.mark.slow
@needs_root
def test_an_idle_server_is_stopped_by_the_culler(base: Path, prefixes, accounts, course) -> None:
    running, admin = _hub(base, "hub-cull", prefixes, accounts, course, cull_timeout=10, cull_every=5)
    try:
        learner = accounts.learners[1]
        localhub.start_server(running, admin, learner)
        deadline = time.monotonic() + 120
        servers = {"": {}}
        while servers and time.monotonic() < deadline:
            time.sleep(2)
            servers = localhub.api(running, admin, "GET", f"/users/{learner}")[1].get("servers", {})
        assert servers == {}
        assert "Culling server" in running.log.read_text(errors="replace")
    finally:
        running.stop()

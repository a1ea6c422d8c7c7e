"""A JupyterHub of the course on this machine, for a demonstration (``demo.py``), the tests
(``tests/test_hosting.py``) and the memory benchmark (``benchmarks/hub_memory.py``). Run as root: it creates real
OS users and groups (``useradd``), a cohort course directory owned by a grader user, nbgrader's exchange, and starts
``jupyterhub -f deploy/hub/jupyterhub_config.py`` on 127.0.0.1 with configurable-http-proxy from npm. Everything
it creates is removed again by ``Accounts.remove`` and ``Hub.stop``.
"""

from __future__ import annotations

import contextlib
import grp
import http.cookiejar
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CONFIG = HERE / "jupyterhub_config.py"
PROXY = HERE / "node_modules" / ".bin" / "configurable-http-proxy"


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    kwargs.setdefault("timeout", 600)
    return subprocess.run(cmd, **kwargs)


def install_proxy() -> Path:
    """configurable-http-proxy from the npm registry (deploy/hub/package.json), once."""
    if not PROXY.exists():
        done = run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE)
        if done.returncode != 0:
            raise RuntimeError(done.stdout + done.stderr)
    return PROXY


def build_prefix(prefix: Path, role: str, build_python: str | None = None) -> None:
    env = dict(os.environ)
    if build_python:
        env["BUILD_PYTHON"] = build_python
    done = run(["bash", str(REPO / "deploy" / "build_prefix.sh"), "--role", role, str(prefix)], env=env, timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(f"build_prefix.sh --role {role} failed:\n{done.stdout}{done.stderr}")


# --- OS users ---------------------------------------------------------------------------------------------------
@dataclass
class Accounts:
    learners_group: str
    trainers_group: str
    grader: str
    learners: list[str]
    trainers: list[str]
    password: str

    @property
    def users(self) -> list[str]:
        return [*self.learners, *self.trainers, self.grader]

    @classmethod
    def create(cls, prefix: str, password: str, learners: int = 2, trainers: int = 1) -> Accounts:
        """OS groups ``{prefix}-deelnemers`` and ``{prefix}-trainers``, their members and a grader user."""
        accounts = cls(
            learners_group=f"{prefix}-deelnemers",
            trainers_group=f"{prefix}-trainers",
            grader=f"{prefix}-nakijker",
            learners=[f"{prefix}-deelnemer{n}" for n in range(1, learners + 1)],
            trainers=[f"{prefix}-trainer{n}" if trainers > 1 else f"{prefix}-trainer" for n in range(1, trainers + 1)],
            password=password,
        )
        try:
            for group in (accounts.learners_group, accounts.trainers_group):
                _check(run(["groupadd", group]))
            for name in accounts.learners:
                _check(run(["useradd", "--create-home", "--shell", "/bin/bash", "-G", accounts.learners_group, name]))
            for name in accounts.trainers:
                _check(run(["useradd", "--create-home", "--shell", "/bin/bash", "-G", accounts.trainers_group, name]))
            _check(run(["useradd", "--create-home", "--shell", "/bin/bash", accounts.grader]))
            lines = "".join(f"{name}:{password}\n" for name in [*accounts.learners, *accounts.trainers])
            _check(run(["chpasswd"], input=lines))
        except Exception:
            accounts.remove()
            raise
        return accounts

    def remove(self) -> None:
        """End every process of these users (by process id), then remove the users, their homes and the groups."""
        uids = set()
        for name in self.users:
            with contextlib.suppress(KeyError):
                uids.add(pwd.getpwnam(name).pw_uid)
        end_processes_of(uids)
        for name in self.users:
            with contextlib.suppress(KeyError):
                pwd.getpwnam(name)
                run(["userdel", "--remove", name])
        for group in (self.learners_group, self.trainers_group):
            with contextlib.suppress(KeyError):
                grp.getgrnam(group)
                run(["groupdel", group])


def _check(done: subprocess.CompletedProcess[str]) -> None:
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, done.args))}: {done.stdout}{done.stderr}")


def end_processes_of(uids: set[int], timeout: float = 10) -> None:
    def mine() -> list[int]:
        found = []
        for status in Path("/proc").glob("[0-9]*/status"):
            with contextlib.suppress(OSError):
                for line in status.read_text().splitlines():
                    if line.startswith("Uid:") and int(line.split()[1]) in uids:
                        found.append(int(status.parent.name))
        return found

    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in mine():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        deadline = time.monotonic() + timeout
        while mine() and time.monotonic() < deadline:
            time.sleep(0.2)


def as_user(name: str, cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None, **kwargs):
    """Run ``cmd`` as OS user ``name`` (its groups, its home), like that user typing it in a terminal."""
    account = pwd.getpwnam(name)
    environment = {
        "HOME": account.pw_dir,
        "USER": name,
        "LOGNAME": name,
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        **(env or {}),
    }
    groups = [g.gr_gid for g in grp.getgrall() if name in g.gr_mem]
    return run(
        cmd,
        cwd=cwd or account.pw_dir,
        env=environment,
        user=account.pw_uid,
        group=account.pw_gid,
        extra_groups=groups,
        umask=0o022,
        **kwargs,
    )


# --- the cohort's course directory and the exchange --------------------------------------------------------------
@dataclass
class Course:
    path: Path
    course_id: str
    exchange: Path
    trainer_prefix: Path
    grader: str

    def env(self) -> dict[str, str]:
        return {"PATH": f"{self.trainer_prefix / 'bin'}:/usr/bin:/bin", "VEERKRACHT_EXCHANGE": str(self.exchange)}

    def trainer(self, *cmd: str) -> subprocess.CompletedProcess[str]:
        """A trainer's command in the course directory (what they type in the formgrader's terminal)."""
        return as_user(self.grader, list(cmd), cwd=self.path, env=self.env())

    @classmethod
    def create(
        cls, base: Path, accounts: Accounts, trainer_prefix: Path, course_id: str, source: Path | None = None
    ) -> Course:
        """``veerkracht cohort init`` as the grader user (course directory mode 0700), the learners loaded from a
        roster, and a world-writable sticky exchange."""
        exchange = base / "exchange"
        exchange.mkdir(parents=True, exist_ok=True)
        exchange.chmod(0o1777)
        grader_home = Path(pwd.getpwnam(accounts.grader).pw_dir)
        grader_home.chmod(0o700)  # the instructor's source (with the solutions) is copied here
        copy = grader_home / "bron"
        shutil.copytree(source or REPO / "solutions", copy)
        account = pwd.getpwnam(accounts.grader)
        for path in [copy, *copy.rglob("*")]:
            os.chown(path, account.pw_uid, account.pw_gid)
        path = base / "cursus"
        path.mkdir(mode=0o700)
        os.chown(path, account.pw_uid, account.pw_gid)
        course = cls(path, course_id, exchange, trainer_prefix, accounts.grader)
        veerkracht = str(trainer_prefix / "bin" / "veerkracht")
        _check(course.trainer(veerkracht, "cohort", "init", str(path), "--source", str(copy), "--course-id", course_id))
        roster = grader_home / "deelnemers.csv"
        roster.write_text("id,voornaam,achternaam\n" + "".join(f"{n},{n},\n" for n in accounts.learners))
        os.chown(roster, account.pw_uid, account.pw_gid)
        _check(course.trainer(veerkracht, "cohort", "students", str(path), str(roster)))
        return course

    def release(self, assignment: str) -> None:
        _check(self.trainer("nbgrader", "release_assignment", assignment, "--force"))


# --- the hub -------------------------------------------------------------------------------------------------------
@dataclass
class Hub:
    proc: subprocess.Popen[bytes]
    port: int
    data: Path
    log: Path
    env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def hub_settings(
    *,
    port: int,
    internal_port: int,
    proxy_api_port: int,
    formgrader_port: int,
    data: Path,
    accounts: Accounts,
    learner_prefix: Path,
    course: Course,
    auth: str = "pam",
    cull_timeout: int = 3600,
    cull_every: int = 300,
) -> dict[str, str]:
    """The environment variables deploy/hub/jupyterhub_config.py reads."""
    settings = {
        "VEERKRACHT_HUB_IP": "127.0.0.1",
        "VEERKRACHT_HUB_PORT": str(port),
        "VEERKRACHT_HUB_INTERNAL_PORT": str(internal_port),
        "VEERKRACHT_PROXY_API_PORT": str(proxy_api_port),
        "VEERKRACHT_FORMGRADER_PORT": str(formgrader_port),
        "VEERKRACHT_HUB_DATA": str(data),
        "VEERKRACHT_HUB_AUTH": auth,
        "VEERKRACHT_LEARNERS_GROUP": accounts.learners_group,
        "VEERKRACHT_TRAINERS_GROUP": accounts.trainers_group,
        "VEERKRACHT_LEARNER_PREFIX": str(learner_prefix),
        "VEERKRACHT_TRAINER_PREFIX": str(course.trainer_prefix),
        "VEERKRACHT_COURSE_DIR": str(course.path),
        "VEERKRACHT_COURSE_ID": course.course_id,
        "VEERKRACHT_GRADER_USER": course.grader,
        "VEERKRACHT_EXCHANGE": str(course.exchange),
        "VEERKRACHT_CULL_TIMEOUT": str(cull_timeout),
        "VEERKRACHT_CULL_EVERY": str(cull_every),
        "VEERKRACHT_HUB_PROXY": str(install_proxy()),
    }
    if auth == "shared-password":
        settings["VEERKRACHT_HUB_DEMO_PASSWORD"] = accounts.password
    return settings


ADMIN_CONFIG = """# deploy/hub/jupyterhub_config.py plus one scripted admin service (tests and benchmarks only)
c = get_config()  # noqa: F821
load_subconfig({config!r})  # noqa: F821
c.JupyterHub.services.append({{"name": "veerkracht-script", "api_token": {token!r}}})
c.JupyterHub.load_roles.append(
    {{
        "name": "veerkracht-script",
        "services": ["veerkracht-script"],
        "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users", "access:servers"],
    }}
)
"""


def scripted_config(folder: Path, token: str) -> Path:
    """A configuration that loads the course's and adds a service with ``token`` that may manage users."""
    path = folder / "jupyterhub_config_scripted.py"
    path.write_text(ADMIN_CONFIG.format(config=str(CONFIG), token=token), encoding="utf-8")
    return path


def start_hub(settings: dict[str, str], config: Path = CONFIG, timeout: float = 90, quiet: bool = True) -> Hub:
    """``jupyterhub -f config`` with this interpreter (the hub's environment); returns once /hub/api answers."""
    data = Path(settings["VEERKRACHT_HUB_DATA"])
    data.mkdir(parents=True, exist_ok=True)
    log = data / "jupyterhub.log"
    env = {**os.environ, **settings}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    output = open(log, "ab") if quiet else None  # noqa: SIM115 (the hub keeps writing to it)
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterhub", "-f", str(config)],
        cwd=data,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT if quiet else None,
    )
    hub = Hub(proc, int(settings["VEERKRACHT_HUB_PORT"]), data, log, settings)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"JupyterHub stopped (exit code {proc.returncode}); see {log}")
        with (
            contextlib.suppress(OSError, urllib.error.URLError),
            urllib.request.urlopen(f"{hub.url}/hub/api", timeout=2) as response,
        ):
            if response.status == 200:
                return hub
        time.sleep(0.3)
    hub.stop()
    raise RuntimeError(f"JupyterHub did not answer within {timeout} s; see {log}")


# --- talking to the hub as a browser would -------------------------------------------------------------------------
class Session:
    """A logged-in browser session (cookies) without a browser: for status codes and headers."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, str, dict[str, str], str]:
        """(status, final URL, headers with lower-case names, body), redirects followed."""
        request = urllib.request.Request(self.hub.url + path, headers=headers or {})
        try:
            with self.opener.open(request, timeout=60) as response:
                headers = {k.lower(): v for k, v in response.headers.items()}
                return response.status, response.url, headers, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            headers = {k.lower(): v for k, v in error.headers.items()}
            return error.code, error.url, headers, error.read().decode(errors="replace")

    def login(self, name: str, password: str) -> int:
        self.get("/hub/login")
        xsrf = next((c.value for c in self.jar if c.name == "_xsrf"), "")
        body = urllib.parse.urlencode({"username": name, "password": password, "_xsrf": xsrf}).encode()
        request = urllib.request.Request(self.hub.url + "/hub/login?next=/hub/home", data=body)
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def api(hub: Hub, token: str, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{hub.url}/hub/api{path}",
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            text = response.read().decode()
            return response.status, json.loads(text) if text else {}
    except urllib.error.HTTPError as error:
        text = error.read().decode(errors="replace")
        try:
            return error.code, json.loads(text)
        except ValueError:
            return error.code, {"message": text}


def start_server(hub: Hub, token: str, user: str, timeout: float = 180) -> dict:
    """Start ``user``'s server through the hub's API (the user is created if it never logged in) and wait until
    it is ready; returns the user model."""
    if api(hub, token, "GET", f"/users/{user}")[0] == 404:
        api(hub, token, "POST", f"/users/{user}")
    status, body = api(hub, token, "POST", f"/users/{user}/server")
    if status not in (201, 202, 400):  # 400: already running
        raise RuntimeError(f"starting the server of {user}: {status} {body}")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, model = api(hub, token, "GET", f"/users/{user}")
        server = model.get("servers", {}).get("", {})
        if server.get("ready"):
            return model
        time.sleep(0.5)
    raise RuntimeError(f"the server of {user} was not ready within {timeout} s")


def processes_of(user: str, needle: str) -> list[int]:
    """Process ids of ``user`` whose command line contains ``needle``."""
    uid = pwd.getpwnam(user).pw_uid
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            if proc.stat().st_uid != uid:
                continue
            if needle in (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"):
                found.append(int(proc.name))
    return sorted(found)


def memory_mb(pid: int, field: str = "VmRSS") -> float:
    """Resident (VmRSS) or peak resident (VmHWM) memory of a process, in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0

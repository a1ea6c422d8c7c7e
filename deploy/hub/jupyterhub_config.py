"""JupyterHub for the Veerkracht course on one machine: real OS users, a trainers group, nbgrader's exchange, the
formgrader as a hub service for trainers only, idle culling. Guide: docs/hosting.md. Run as root:

    jupyterhub -f deploy/hub/jupyterhub_config.py

Who may log in is decided at every login by two OS groups: members of the learners' group get a server,
members of the trainers' group also reach the formgrader. Every learner is a real OS user (nbgrader names a
submission by its OS user) whose server runs from the learner prefix (``deploy/build_prefix.sh --role learner``);
the formgrader runs as one OS user that owns the cohort's course directory (``veerkracht cohort init``), from the
trainer prefix. Settings (environment variables, defaults in brackets):

- ``VEERKRACHT_HUB_IP`` / ``VEERKRACHT_HUB_PORT`` [127.0.0.1 / 8000]: where the hub is reached. Keep 127.0.0.1
  behind a TLS reverse proxy (nginx, Caddy); the hub itself serves plain HTTP.
- ``VEERKRACHT_HUB_INTERNAL_PORT`` [8081], ``VEERKRACHT_PROXY_API_PORT`` [8001], ``VEERKRACHT_FORMGRADER_PORT``
  [9010]: loopback ports of the hub, the proxy's API and the formgrader.
- ``VEERKRACHT_HUB_DATA`` [/srv/veerkracht/hub]: the hub's database and cookie secret (mode 0700).
- ``VEERKRACHT_HUB_AUTH`` [pam]: ``pam`` (the OS passwords) or ``shared-password`` (a demonstration only: one
  password in ``VEERKRACHT_HUB_DEMO_PASSWORD`` for every member of the two groups).
- ``VEERKRACHT_LEARNERS_GROUP`` / ``VEERKRACHT_TRAINERS_GROUP`` [veerkracht-deelnemers / veerkracht-trainers]:
  the OS groups.
- ``VEERKRACHT_LEARNER_PREFIX`` / ``VEERKRACHT_TRAINER_PREFIX`` [/opt/veerkracht / /opt/veerkracht-trainer].
- ``VEERKRACHT_COURSE_DIR`` [/srv/veerkracht/cursus], ``VEERKRACHT_COURSE_ID`` [veerkracht] (the ``--course-id`` of
  ``veerkracht cohort init``), ``VEERKRACHT_GRADER_USER`` [veerkracht-nakijker]: the cohort's course directory, its
  id and the OS user that owns it and runs the formgrader.
- ``VEERKRACHT_EXCHANGE`` [/srv/nbgrader/exchange]: nbgrader's exchange (created with mode 1777 if missing).
- ``VEERKRACHT_CULL_TIMEOUT`` / ``VEERKRACHT_CULL_EVERY`` [3600 / 300]: stop a server after this many idle seconds;
  look every so many seconds.
- ``VEERKRACHT_HUB_PROXY``: the configurable-http-proxy command [deploy/hub/node_modules/.bin/... when installed
  there with ``npm ci``, else ``configurable-http-proxy`` on PATH].
"""

import grp
import json
import os
import pwd
import sys
from pathlib import Path

from jupyterhub.auth import PAMAuthenticator
from jupyterhub.authenticators.shared import SharedPasswordAuthenticator
from jupyterhub.utils import maybe_future

c = get_config()  # noqa: F821
HERE = Path(__file__).resolve().parent


def setting(name: str, default: str) -> str:
    return os.environ.get(name) or default


HUB_IP = setting("VEERKRACHT_HUB_IP", "127.0.0.1")
HUB_PORT = int(setting("VEERKRACHT_HUB_PORT", "8000"))
INTERNAL_PORT = int(setting("VEERKRACHT_HUB_INTERNAL_PORT", "8081"))
PROXY_API_PORT = int(setting("VEERKRACHT_PROXY_API_PORT", "8001"))
FORMGRADER_PORT = int(setting("VEERKRACHT_FORMGRADER_PORT", "9010"))
DATA = Path(setting("VEERKRACHT_HUB_DATA", "/srv/veerkracht/hub"))
AUTH = setting("VEERKRACHT_HUB_AUTH", "pam")
OS_GROUPS = {  # hub group -> OS group
    "learners": setting("VEERKRACHT_LEARNERS_GROUP", "veerkracht-deelnemers"),
    "trainers": setting("VEERKRACHT_TRAINERS_GROUP", "veerkracht-trainers"),
}
LEARNER_PREFIX = Path(setting("VEERKRACHT_LEARNER_PREFIX", "/opt/veerkracht"))
TRAINER_PREFIX = Path(setting("VEERKRACHT_TRAINER_PREFIX", "/opt/veerkracht-trainer"))
COURSE_DIR = Path(setting("VEERKRACHT_COURSE_DIR", "/srv/veerkracht/cursus"))
COURSE_ID = setting("VEERKRACHT_COURSE_ID", "veerkracht")
GRADER_USER = setting("VEERKRACHT_GRADER_USER", "veerkracht-nakijker")
EXCHANGE = Path(setting("VEERKRACHT_EXCHANGE", "/srv/nbgrader/exchange"))
CULL_TIMEOUT = int(setting("VEERKRACHT_CULL_TIMEOUT", "3600"))
CULL_EVERY = int(setting("VEERKRACHT_CULL_EVERY", "300"))
LOCAL_PROXY = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
PROXY = setting("VEERKRACHT_HUB_PROXY", str(LOCAL_PROXY) if LOCAL_PROXY.exists() else "configurable-http-proxy")
FORMGRADER = "formgrader"
# where veerkracht-singleuser puts the learner's copy of the course (veerkracht_lib.settings.workspace_dir)
START_PAGE = "/lab/tree/veerkracht-cursus/course/00_introductie.ipynb"

# --- network: everything on loopback; the hub's public face too unless configured otherwise ------------------
c.JupyterHub.ip = HUB_IP
c.JupyterHub.port = HUB_PORT
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = INTERNAL_PORT
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PROXY_API_PORT}"
c.ConfigurableHTTPProxy.command = [PROXY]

DATA.mkdir(parents=True, exist_ok=True)
DATA.chmod(0o700)
c.JupyterHub.db_url = f"sqlite:///{DATA / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(DATA / "jupyterhub_cookie_secret")


# --- who may log in, and in which group: the OS groups decide at every login -------------------------------
def course_groups(username: str) -> list[str]:
    """The hub groups of an OS user: those whose OS group the user belongs to (primary group included)."""
    try:
        account = pwd.getpwnam(username)
    except KeyError:
        return []
    mine = {grp.getgrgid(gid).gr_name for gid in os.getgrouplist(username, account.pw_gid)}
    return sorted(hub for hub, os_group in OS_GROUPS.items() if os_group in mine)


class CourseMembership:
    """Allow members of the course's OS groups only, and keep their hub groups in step with the OS groups."""

    def check_allowed(self, username, authentication=None):
        return bool(course_groups(username))

    async def authenticate(self, handler, data):
        result = await maybe_future(super().authenticate(handler, data))
        if not result:
            return None
        model = {"name": result} if isinstance(result, str) else dict(result)
        model["groups"] = course_groups(model["name"])
        return model


class CoursePAMAuthenticator(CourseMembership, PAMAuthenticator):
    pass


class CourseDemoAuthenticator(CourseMembership, SharedPasswordAuthenticator):
    pass


if AUTH == "shared-password":
    c.JupyterHub.authenticator_class = CourseDemoAuthenticator
    c.SharedPasswordAuthenticator.user_password = os.environ["VEERKRACHT_HUB_DEMO_PASSWORD"]
else:
    c.JupyterHub.authenticator_class = CoursePAMAuthenticator
    c.PAMAuthenticator.open_sessions = False  # no login sessions for web users
c.Authenticator.manage_groups = True

# --- learners' servers: one OS process per user, from the learner prefix ------------------------------------
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(LEARNER_PREFIX / "bin" / "veerkracht-singleuser")]
c.Spawner.ip = "127.0.0.1"
c.Spawner.default_url = START_PAGE
c.Spawner.disable_user_config = True  # ~/.jupyter cannot switch the instructor tools back on
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
c.Spawner.environment = {
    "VEERKRACHT_FEEDBACK": "form",
    "VEERKRACHT_EXCHANGE": str(EXCHANGE),
    "VEERKRACHT_COURSE_ID": COURSE_ID,
}


def private_home(spawner) -> None:
    """A learner's home holds their notebooks and reflections: nobody else may read it (useradd may make it 0755)."""
    home = Path(pwd.getpwnam(spawner.user.name).pw_dir)
    mode = home.stat().st_mode & 0o7777
    if mode & 0o077:
        home.chmod(mode & 0o700)
        spawner.log.info("Made %s private (mode %o -> %o)", home, mode, mode & 0o700)


c.Spawner.pre_spawn_hook = private_home

# --- nbgrader's exchange: everyone may write (sticky: nobody removes another's files); the trainer's release
#     makes the course's folders (inbound: write-only for learners, outbound: read-only, feedback: by secret name)
if not EXCHANGE.exists() and os.geteuid() == 0:
    EXCHANGE.mkdir(parents=True)
    EXCHANGE.chmod(0o1777)

# --- the formgrader: the trainer prefix's Jupyter server in the course directory, as the grader OS user -------
# JupyterHub >= 4.1 forbids framing every server it starts (frame-ancestors 'none'); the formgrader shows inside
# JupyterLab in a frame of the same server, so this one server (and only this one) allows framing by itself.
# (The trainer prefix sets the same for the trainer image on Kubernetes; learners' servers keep 'none'.)
FORMGRADER_HEADERS = {"headers": {"Content-Security-Policy": "frame-ancestors 'self'"}}
c.JupyterHub.services = [
    {
        "name": FORMGRADER,
        "url": f"http://127.0.0.1:{FORMGRADER_PORT}",
        "command": [
            str(TRAINER_PREFIX / "bin" / "jupyterhub-singleuser"),
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={FORMGRADER_PORT}",
            f"--ServerApp.root_dir={COURSE_DIR}",
            "--ServerApp.default_url=/lab",
            f"--ServerApp.tornado_settings={json.dumps(FORMGRADER_HEADERS)}",
        ],
        "user": GRADER_USER,
        "cwd": str(COURSE_DIR),
        "environment": {
            "PATH": f"{TRAINER_PREFIX / 'bin'}:/usr/local/bin:/usr/bin:/bin",
            "VEERKRACHT_EXCHANGE": str(EXCHANGE),
            "JUPYTERHUB_DISABLE_USER_CONFIG": "1",
        },
        "oauth_no_confirm": True,
        "display": True,
    },
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={CULL_TIMEOUT}",
            f"--cull-every={CULL_EVERY}",
        ],
    },
]
c.JupyterHub.load_roles = [
    {
        "name": "trainer",
        "description": "Trainers reach the formgrader of the cohort",
        "groups": ["trainers"],
        "scopes": [f"access:services!service={FORMGRADER}"],
    },
    {
        "name": "idle-culler",
        "description": "Stop servers nobody used for a while",
        "services": ["idle-culler"],
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    },
]

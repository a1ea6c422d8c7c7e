"""A Jupyter server extension for learners; ``veerkracht configure`` enables it (``configure_lab``).

1. **Dutch where the language pack stops.** The nl-NL language pack (built for JupyterLab 4.5) lacks many
   strings of JupyterLab 4.6: menu items, the restart dialog, the file browser. JupyterLab loads its catalogues
   from ``/lab/api/translations/<locale>``; a package's own catalogue (entry point ``jupyterlab.locale``) is only
   merged into the language pack when its version is newer, and this pack's version field ("jupyterlab") is no
   version at all. So this extension serves ``/veerkracht/api/translations/<locale>``: the language pack's
   catalogues (read with jupyterlab_server's own ``get_language_pack``) with the course's Dutch added wherever
   the pack has none or a half one (``lab_nl/*.json``, msgid -> Dutch; the course's Dutch wins). ``configure_lab``
   points JupyterLab at it with the page config option ``translationsApiUrl``.
2. **nbgrader's learner UI only for a cohort.** Self-paced learners (``VEERKRACHT_FEEDBACK`` unset) do not see the
   Nbgrader menu, the Assignment List or the Validate button: they hand nothing in, and those screens are English
   and, without an exchange, broken. A cohort (``veerkracht start --cohort``, or a hub image that sets
   ``VEERKRACHT_FEEDBACK=vorm``) sees them and fetches and submits through nbgrader's own exchange.
3. **A quiet terminal.** English warnings that mean nothing to a learner are dropped: "Notebook ... is not
   trusted" (the course's notebooks are shipped without outputs, so there is nothing to trust), tornado's note
   that the websocket ping timeout is longer than the interval (the timeout is set equal to it here) and, in
   every kernel (``KERNEL_LOGGING``, set by ``configure_lab``), "Kernel is running over TCP without encryption
   ... eavesdropping": the kernel listens on 127.0.0.1 only and every message is signed with the connection
   key. (The ipc transport would remove the cause, but jupyter_client's stock ipc set-up puts the sockets at a
   relative path that kernel and server resolve differently.)
"""

from __future__ import annotations

import functools
import json
import logging
from pathlib import Path
from typing import Any

from .settings import cohort_mode

CATALOGUE_DIR = Path(__file__).parent / "lab_nl"
DOMAINS = ("jupyterlab", "notebook", "jupyterlab_widgets", "nbgrader")
LOCALE = "nl_NL"
URL_PATH = "veerkracht/api/translations"
PAGE_CONFIG_URL = f"/{URL_PATH}"
# nbgrader's lab plugins that a learner uses in a cohort (the instructor's are switched off for everyone)
LEARNER_NBGRADER_PLUGINS = (
    "@jupyter/nbgrader:menu",
    "@jupyter/nbgrader:assignment-list",
    "@jupyter/nbgrader:validate-assignment",
)
QUIET_MESSAGES = (
    "is not trusted",
    "cannot be longer than the websocket_ping_interval",
    "Kernel is running over TCP without encryption",  # a kernel on 127.0.0.1 with signed messages (ipykernel 7)
)
# for ``IPKernelApp.logging_config``: the kernel's console handler drops the same messages
KERNEL_LOGGING = {
    "filters": {"veerkracht_quiet": {"()": "veerkracht_lib.labserver.QuietFilter"}},
    "handlers": {"console": {"filters": ["veerkracht_quiet"]}},
}
WS_PING_MS = 30000  # jupyter_server's default interval; a longer timeout only makes tornado warn


@functools.lru_cache(maxsize=4)
def supplement(locale: str) -> dict[str, list[str]]:
    """The course's own catalogue for ``locale``: msgid -> [msgstr, ...] (``context\x04msgid`` with a context)."""
    if locale.replace("-", "_") != LOCALE:
        return {}
    out: dict[str, list[str]] = {}
    for path in sorted(CATALOGUE_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.update(
            {
                key: value if isinstance(value, list) else [value]
                for key, value in data.items()
                if not key.startswith("_")
            }
        )
    return out


def merged_language_pack(locale: str) -> tuple[dict[str, Any], str]:
    """The language pack's catalogues with the course's Dutch added. The course's catalogue wins: it also repairs
    the pack's half translations ("Herstart Kernel and Run All Cells"). It goes into every domain the learner's
    screens use (JupyterLab, Notebook's lab extension, ipywidgets), so a string is Dutch whichever domain asks."""
    from jupyterlab_server.translation_utils import get_language_pack

    data, message = get_language_pack(locale)
    messages = supplement(locale)
    if not data or not messages:
        return data, message
    for domain in DOMAINS:
        catalogue = data.setdefault(
            domain,
            {
                "": {
                    "domain": domain,
                    "language": locale.replace("_", "-"),
                    "plural_forms": "nplurals=2; plural=(n != 1);",
                }
            },
        )
        catalogue.update(messages)
    return data, message


def _handler_class() -> type:
    from jupyter_server.base.handlers import APIHandler
    from tornado import web

    class TranslationsHandler(APIHandler):  # type: ignore[misc]
        """Like jupyterlab_server's handler, with the course's Dutch merged in."""

        @web.authenticated
        async def get(self, locale: str | None = None) -> None:
            from jupyterlab_server.translation_utils import SYS_LOCALE, get_language_packs, translator

            loop = __import__("asyncio").get_running_loop()
            try:
                if not locale:
                    data, message = await loop.run_in_executor(None, get_language_packs, LOCALE)
                else:
                    locale = SYS_LOCALE if locale == "default" else locale
                    data, message = await loop.run_in_executor(None, merged_language_pack, locale)
                    if data:
                        translator.set_locale(locale)
            except Exception as exc:  # the same shape as JupyterLab's handler: the UI falls back to English
                data, message = {}, f"{exc.__class__.__name__}: {exc}"
            self.set_header("Content-Type", "application/json")
            self.finish(json.dumps({"data": data, "message": message}))

    return TranslationsHandler


def page_config_hook(chained: Any = None) -> Any:
    """Hide nbgrader's learner UI unless this server is for a cohort (decided per server, from its environment)."""

    def hook(handler: Any, page_config: dict[str, Any]) -> dict[str, Any]:
        if chained is not None:
            page_config = chained(handler, page_config)
        if not cohort_mode():
            disabled = page_config.get("disabledExtensions") or []
            if isinstance(disabled, dict):  # JupyterLab wants a list here; page_config.json may hold a dict
                disabled = [name for name, off in disabled.items() if off]
            page_config["disabledExtensions"] = [*disabled, *(p for p in LEARNER_NBGRADER_PLUGINS if p not in disabled)]
        return page_config

    return hook


class QuietFilter(logging.Filter):
    """Drops the few English warnings that only worry a learner (see the module docstring)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken record is not ours to judge
            return True
        return not any(part in message for part in QUIET_MESSAGES)


def _quiet(serverapp: Any) -> None:
    quiet = QuietFilter()
    for logger in (serverapp.log, logging.getLogger("tornado.general"), logging.getLogger("tornado.application")):
        logger.addFilter(quiet)
        for handler in logger.handlers:
            handler.addFilter(quiet)


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "veerkracht_lib.labserver"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    from jupyter_server.utils import url_path_join

    web_app = serverapp.web_app
    base_url = web_app.settings.get("base_url", "/")
    pattern = url_path_join(base_url, URL_PATH) + r"/?(?P<locale>[^/]*)"
    web_app.add_handlers(".*$", [(pattern, _handler_class())])
    web_app.settings["page_config_hook"] = page_config_hook(web_app.settings.get("page_config_hook"))
    web_app.settings.setdefault("ws_ping_timeout", WS_PING_MS)
    _quiet(serverapp)


# the names jupyter_server looked for before 2.0
load_jupyter_server_extension = _load_jupyter_server_extension

"""The learner's JupyterLab without a browser: the Dutch catalogue, nbgrader's UI per mode, a quiet log, the
configuration ``veerkracht configure`` writes, and outputs that hold no progress or paths."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from veerkracht_lib import labserver, mijn_voortgang, toon_begrippen, toon_bronnen, workspace
from veerkracht_lib.live import NOTE_MIME
from veerkracht_lib.progress import ProgressStore

CATALOGUE = json.loads((labserver.CATALOGUE_DIR / "jupyterlab.json").read_text(encoding="utf-8"))
# words that are the same in Dutch (names, loanwords the course itself uses)
SAME_IN_DUTCH = {
    "Notebook",
    "Console",
    "Terminal",
    "Kernel",
    "Help",
    "Tabs",
    "OK",
    "Python 3 (ipykernel)",
    "%1\nKernel: %2",
}


def test_catalogue_is_dutch_and_keeps_every_placeholder() -> None:
    for msgid, dutch in CATALOGUE.items():
        if msgid.startswith("_"):
            continue
        forms = dutch if isinstance(dutch, list) else [dutch]
        english = msgid.split("\x04")[-1]
        assert all(f.strip() for f in forms), msgid
        if english not in SAME_IN_DUTCH:
            assert forms[0] != english, msgid
        for form in forms:
            assert sorted(re.findall(r"%\d", form)) == sorted(re.findall(r"%\d", english)), msgid


def test_served_catalogue_adds_the_course_dutch_to_the_language_pack() -> None:
    data, message = labserver.merged_language_pack("nl_NL")
    assert message == ""
    lab = data["jupyterlab"]
    assert lab["Run All Cells"] == ["Alle cellen uitvoeren"]
    assert lab["Restart Kernel?"] == ["Kernel herstarten?"]
    assert lab["menu\x04Save and Export Notebook As"] == ["Notebook opslaan en exporteren als"]
    assert lab['"%1" already exists, overwrite?'] == ['"%1" bestaat reeds, overschrijven?']  # the pack's own stay
    assert data["notebook"]["Open in Jupyter Notebook"] == ["Openen in Jupyter Notebook"]
    english, _ = labserver.merged_language_pack("en")
    assert "Run All Cells" not in json.dumps(english)


@pytest.mark.parametrize("cohort", [False, True])
def test_nbgrader_learner_ui_only_for_a_cohort(cohort: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if cohort:
        monkeypatch.setenv("VEERKRACHT_FEEDBACK", "vorm")
    hook = labserver.page_config_hook()
    config = hook(None, {"disabledExtensions": ["@jupyter/nbgrader:formgrader"]})
    disabled = config["disabledExtensions"]
    assert isinstance(disabled, list) and "@jupyter/nbgrader:formgrader" in disabled
    for plugin in labserver.LEARNER_NBGRADER_PLUGINS:
        assert (plugin in disabled) is (not cohort)
    if not cohort:  # JupyterLab wants a list; page_config.json may hold a dict
        from_dict = hook(None, {"disabledExtensions": {"x": True, "y": False}})["disabledExtensions"]
        assert isinstance(from_dict, list) and "x" in from_dict and "y" not in from_dict


def test_quiet_filter_drops_only_the_warnings_that_worry_learners() -> None:
    quiet = labserver.QuietFilter()

    def record(level: int, message: str) -> logging.LogRecord:
        return logging.LogRecord("x", level, __file__, 1, message, None, None)

    assert not quiet.filter(record(logging.WARNING, "Kernel is running over TCP without encryption. All ..."))
    assert not quiet.filter(record(logging.WARNING, "Notebook course/a.ipynb is not trusted"))
    assert quiet.filter(record(logging.WARNING, "Something else went wrong"))
    assert quiet.filter(record(logging.ERROR, "Notebook x is not trusted"))


def test_configure_writes_the_learner_extras(tmp_path: Path) -> None:
    workspace.configure_lab(tmp_path)
    server = json.loads((tmp_path / "etc/jupyter/jupyter_server_config.d/veerkracht_lib.labserver.json").read_text())
    assert server["ServerApp"]["jpserver_extensions"]["veerkracht_lib.labserver"] is True
    page = json.loads((tmp_path / "etc/jupyter/labconfig/page_config.json").read_text())
    assert page["translationsApiUrl"] == labserver.PAGE_CONFIG_URL
    overrides = json.loads((tmp_path / "share/jupyter/lab/settings/overrides.json").read_text())
    assert overrides["@jupyter-widgets/jupyterlab-manager:plugin"]["saveState"] is False
    nbconvert = json.loads((tmp_path / "etc/jupyter/jupyter_nbconvert_config.json").read_text())
    assert nbconvert["ExecutePreprocessor"]["store_widget_state"] is False
    kernel = json.loads((tmp_path / "etc/ipython/ipython_kernel_config.json").read_text())["IPKernelApp"]
    assert kernel["extensions"] == [workspace.KERNEL_EXTENSION]
    assert kernel["logging_config"] == labserver.KERNEL_LOGGING
    assert json.loads((tmp_path / "etc/ipython/ipython_kernel_config.json").read_text())["IPythonKernel"] == {
        "help_links": []
    }
    assert workspace.configure_lab(tmp_path) is False  # idempotent


def test_progress_view_keeps_progress_and_paths_out_of_the_saved_notebook(progress_home: Path) -> None:
    ProgressStore(progress_home).record_check("a1", "goed")
    view = mijn_voortgang()
    assert str(progress_home) in repr(view) and "a1: goed" in view.value  # the learner sees it live
    bundle = view._repr_mimebundle_()
    saved = json.dumps({k: v for k, v in bundle.items() if k != "application/vnd.jupyter.widget-view+json"})
    assert str(progress_home) not in saved and "a1: goed" not in saved and "goed" not in saved
    assert "Voer deze cel uit" in bundle["text/html"] and bundle[NOTE_MIME]["title"] == "Mijn voortgang"


def test_sources_and_glossary_add_no_headings_of_their_own() -> None:
    """Their cells sit right under a notebook heading ("## Bronnen"): an <h4> there skipped a level (axe)."""
    for view in (toon_bronnen("a"), toon_bronnen(), toon_begrippen()):
        assert not re.search(r"<h\d", view._repr_html_())
    links = re.findall(r"<a [^>]*>", toon_bronnen("a")._repr_html_())
    assert links and all("text-decoration:underline" in link for link in links)
    assert "float:none" in toon_begrippen()._repr_html_()

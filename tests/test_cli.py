"""`veerkracht start` for a learner: workspace, loopback-only JupyterLab, Dutch UI, no instructor menus."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO, start_course, stop_course

from veerkracht_lib import cli, workspace


def _listening_addresses(port: int) -> set[str]:
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if int(hex_port, 16) == port and fields[3] == "0A":  # LISTEN
                found.add(address)
    return found


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


@pytest.mark.slow
def test_start_serves_the_course_on_loopback_in_dutch(tmp_path: Path, tool_env: dict[str, str]) -> None:
    ws = tmp_path / "werkmap"
    proc, output, url, port = start_course(ws, tool_env)
    try:
        assert "Je werkmap staat klaar" in output and "Open deze link" in output
        assert url.startswith(f"http://127.0.0.1:{port}/lab/tree/course/00_introductie.ipynb?token=")
        token = url.split("token=")[1]
        assert _listening_addresses(port) == {"0100007F"}  # 127.0.0.1 only
        status, _ = _get(f"http://127.0.0.1:{port}/api/status?token={token}")
        assert status == 200
        _, settings = _get(
            f"http://127.0.0.1:{port}/lab/api/settings/@jupyterlab/translation-extension:plugin?token={token}"
        )
        assert json.loads(settings)["schema"]["properties"]["locale"]["default"] == "nl_NL"
        _, translations = _get(f"http://127.0.0.1:{port}/lab/api/translations/nl_NL?token={token}")
        assert "Open bestand" in translations  # the Dutch language pack is installed
        _, page = _get(f"http://127.0.0.1:{port}/lab?token={token}")
        config = json.loads(page.split('id="jupyter-config-data" type="application/json">')[1].split("</script>")[0])
        disabled = config["disabledExtensions"]
        for plugin in workspace.INSTRUCTOR_LAB_PLUGINS:
            assert plugin in disabled
        with pytest.raises(urllib.error.HTTPError) as err:
            _get(f"http://127.0.0.1:{port}/formgrader?token={token}")
        assert err.value.code == 404
    finally:
        out = stop_course(proc)
    assert "De cursus is gestopt" in out
    assert _listening_addresses(port) == set()
    assert (ws / "course/00_introductie.ipynb").exists()
    from veerkracht_lib.model import load_modules

    for module in load_modules().values():
        assert (ws / module.exercise_notebook).exists() and (ws / module.lesson).exists()
    assert not list(ws.rglob("solutions"))


def test_workspace_copy_never_overwrites_learner_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "bron"
    (source / "course").mkdir(parents=True)
    (source / "exercises").mkdir()
    (source / "course" / "les.ipynb").write_text("v1")
    monkeypatch.setattr(workspace, "notebook_source", lambda: source)
    target, added = workspace.prepare_workspace(tmp_path / "ws")
    assert [p.name for p in added] == ["les.ipynb"]
    (target / "course" / "les.ipynb").write_text("mijn werk")
    (source / "course" / "les.ipynb").write_text("v2")
    (source / "course" / "nieuw.ipynb").write_text("nieuw")
    _, added = workspace.prepare_workspace(tmp_path / "ws")
    assert [p.name for p in added] == ["nieuw.ipynb"]
    assert (target / "course" / "les.ipynb").read_text() == "mijn werk"


def test_workspace_inside_the_course_files_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["start", "--map", str(REPO / "course" / "x")]) == 2
    assert "ligt in de cursusbestanden zelf" in capsys.readouterr().err


def test_workspace_never_receives_solutions() -> None:
    assert workspace.NOTEBOOK_DIRS == ("course", "exercises")


def test_configure_is_idempotent_and_keeps_other_settings(tmp_path: Path) -> None:
    overrides = tmp_path / "share/jupyter/lab/settings/overrides.json"
    overrides.parent.mkdir(parents=True)
    overrides.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}))
    assert workspace.configure_lab(tmp_path) is True
    assert workspace.configure_lab(tmp_path) is False
    data = json.loads(overrides.read_text())
    assert data["@jupyterlab/apputils-extension:themes"]["theme"] == "JupyterLab Dark"
    assert data["@jupyterlab/translation-extension:plugin"]["locale"] == "nl_NL"
    assert workspace.lab_is_configured(tmp_path)


def test_progress_command(tmp_path: Path, capsys: pytest.CaptureFixture[str], progress_home: Path) -> None:
    from veerkracht_lib.progress import ProgressStore

    ProgressStore(progress_home).record_check("x1", "goed")
    assert cli.main(["voortgang"]) == 0
    assert "x1: goed" in capsys.readouterr().out
    assert cli.main(["voortgang", "exporteer", "--bestand", str(tmp_path / "e.json")]) == 0
    assert json.loads((tmp_path / "e.json").read_text())["questions"]["x1"]["status"] == "goed"
    assert cli.main(["voortgang", "wis"]) == 0
    assert "Weet je het zeker" in capsys.readouterr().out
    assert cli.main(["voortgang", "wis", "--bevestig"]) == 0
    assert not (progress_home / "voortgang.json").exists()


def test_command_line_mistakes_are_explained_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["start", "--poort", "abc"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "geen geldig getal" in err and "gebruik:" in err
    with pytest.raises(SystemExit):
        cli.main(["stat"])
    assert "onbekende keuze" in capsys.readouterr().err

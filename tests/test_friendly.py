"""Typing mistakes in a notebook: Dutch lines instead of an English traceback, in a real kernel."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from veerkracht_lib import workspace
from veerkracht_lib.friendly import name_error_lines, syntax_error_lines


def test_name_error_suggests_a_close_name() -> None:
    lines = name_error_lines("antwoord_a", ["antwoord_a1", "controleer"])
    assert "antwoord_a" in lines[0] and "Bedoel je 'antwoord_a1'" in lines[1]
    assert len(name_error_lines("xyz", ["antwoord_a1"])) == 2


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ('antwoord_a1 = {"POL", "GRP}', "aanhalingsteken"),
        ('antwoord_a1 = {"POL", "GRP"', "haakje"),
        ("antwoord_a1 = [1 2]", "komma"),
    ],
)
def test_syntax_error_hints(source: str, fragment: str) -> None:
    try:
        compile(source, "<cel>", "exec")
    except SyntaxError as error:
        assert fragment in " ".join(syntax_error_lines(error))
    else:  # pragma: no cover
        pytest.fail("no syntax error")


def test_the_environment_loads_the_extension_in_every_kernel() -> None:
    import json
    import sys
    from pathlib import Path

    config = json.loads((Path(sys.prefix) / "etc/ipython/ipython_kernel_config.json").read_text())
    assert workspace.KERNEL_EXTENSION in config["IPKernelApp"]["extensions"]


@pytest.mark.slow
def test_mistakes_in_a_real_kernel_get_dutch_messages() -> None:
    from veerkracht_lib.model import load_questions

    qid = next(iter(load_questions()))
    cells = [
        f'controleer("{qid}", {{"POL"}})',  # before any import cell: the course's calls are there
        f'controleer("{qid}", antwoord_a)',
        f'antwoord_{qid} = {{"POL", "GRP}}',
        "1 / 0",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True).execute()
    first, name, syntax, other = (c.outputs for c in nb.cells)
    assert first[0]["output_type"] == "execute_result" and f"Vraag {qid}" in first[0]["data"]["text/plain"]
    assert name[0]["output_type"] == "error"
    assert name[0]["traceback"][0] == "De naam 'antwoord_a' is (nog) niet bekend."
    assert syntax[0]["output_type"] == "error" and "schrijffout in regel 1" in syntax[0]["traceback"][0]
    assert "Traceback" in "".join(other[0]["traceback"])  # other errors keep IPython's own display

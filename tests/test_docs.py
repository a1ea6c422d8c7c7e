"""The documentation agrees with the code: the examples in docs/content-format.md load with the same strict
record definitions the course uses, and the generated schema reference is in sync."""

from __future__ import annotations

import re

import pytest
import yaml
from helpers import REPO

from veerkracht_lib import model
from veerkracht_lib.authoring import keys
from veerkracht_lib.authoring.docs import docs_problems
from veerkracht_lib.schema import load_strict

DOC = (REPO / "docs" / "content-format.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```yaml\n# record: (\w+)\n(.*?)```", DOC, re.S)
RECORDS = {
    "Module": model.Module,
    "Vignette": model.Vignette,
    "KeysFile": keys.KeysFile,
    "ReferralFile": model.ReferralFile,
}


def test_the_page_has_an_example_of_each_kind_of_file() -> None:
    assert {name for name, _ in EXAMPLES} == set(RECORDS)


@pytest.mark.parametrize(("name", "text"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_each_example_loads_strictly(name: str, text: str) -> None:
    load_strict(RECORDS[name], yaml.safe_load(text), f"docs example {name}")


def test_the_example_module_and_case_validate() -> None:
    raw = {name: yaml.safe_load(text) for name, text in EXAMPLES}
    module = load_strict(model.Module, raw["Module"], "module")
    case = load_strict(model.Vignette, raw["Vignette"], "case")
    sources = model.load_sources()
    assert model.validate_vignette(case, sources, {"x": module}) == []
    problems = model.validate_module(module, sources, {case.id: case})
    assert problems == []


def test_the_schema_reference_is_in_sync() -> None:
    assert docs_problems(REPO) == []

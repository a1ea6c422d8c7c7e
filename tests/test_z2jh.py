"""The Zero to JupyterHub values file validates against the chart's own schema, as Helm checks it: the chart's
defaults merged with our values, then JSON Schema (draft 7). A values file with a mistake is rejected, so the
check can fail. The resource figures follow the measured memory of one learner (docs/hosting.md)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from helpers import REPO

Z2JH = REPO / "deploy" / "z2jh"
SCHEMA = Z2JH / "chart-schema" / "values.schema.yaml"
DEFAULTS = Z2JH / "chart-schema" / "values.yaml"
VALUES = Z2JH / "values.yaml"


def coalesce(defaults: Any, values: Any) -> Any:
    """Helm's merge of user values into chart defaults: maps merge, anything else replaces, null deletes."""
    if not (isinstance(defaults, dict) and isinstance(values, dict)):
        return copy.deepcopy(values)
    merged = copy.deepcopy(defaults)
    for key, value in values.items():
        if value is None:
            merged.pop(key, None)
        elif key in merged:
            merged[key] = coalesce(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def errors(values: dict) -> list[str]:
    schema = load(SCHEMA)
    validator = jsonschema.Draft7Validator(schema)
    found = validator.iter_errors(coalesce(load(DEFAULTS), values))
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in found]


def test_the_schema_is_the_charts_and_a_valid_schema() -> None:
    schema = load(SCHEMA)
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["additionalProperties"] is False
    assert (Z2JH / "chart-schema" / "LICENSE").read_text(encoding="utf-8").startswith("BSD 3-Clause License")
    assert "48ea50e3" in (Z2JH / "chart-schema" / "README.md").read_text(encoding="utf-8")


def test_the_values_file_validates_against_the_chart_schema() -> None:
    assert errors(load(VALUES)) == []


def _typo_in_a_key(values: dict) -> None:
    values["singleuser"]["memory"]["limt"] = values["singleuser"]["memory"].pop("limit")


def _string_for_a_number(values: dict) -> None:
    values["singleuser"]["cpu"]["guarantee"] = "0.05"


def _timeout_in_words(values: dict) -> None:
    values["cull"]["timeout"] = "1 hour"


def _unknown_key(values: dict) -> None:
    values["singleuser"]["imgae"] = {"name": "x"}


@pytest.mark.parametrize("mistake", [_typo_in_a_key, _string_for_a_number, _timeout_in_words, _unknown_key])
def test_a_values_file_with_a_mistake_is_rejected(mistake) -> None:
    values = load(VALUES)
    mistake(values)
    assert errors(values) != []


def _quantity_mb(text: str) -> float:
    units = {"M": 10**6, "Mi": 2**20, "G": 10**9, "Gi": 2**30}
    number = text.rstrip("MGi")
    return float(number) * units[text[len(number) :]] / 2**20


def test_resources_follow_the_measured_figures_and_profiles_cover_learners_and_trainers() -> None:
    values = load(VALUES)
    single = values["singleuser"]
    guarantee = _quantity_mb(single["memory"]["guarantee"])
    limit = _quantity_mb(single["memory"]["limit"])
    measured = 214  # MB per active learner, benchmarks/hub_memory.py (docs/hosting.md)
    assert measured <= guarantee <= 1.5 * measured
    assert limit >= 3 * guarantee * 0.9
    assert guarantee < _quantity_mb(load(DEFAULTS)["singleuser"]["memory"]["guarantee"])
    assert values["cull"]["enabled"] is True and values["cull"]["timeout"] <= 3600
    slugs = [p["slug"] for p in single["profileList"]]
    assert slugs == ["deelnemer", "trainer"]
    assert "trainers" in values["hub"]["extraConfig"]["veerkracht-profiles"]
    assert single["cmd"] == "veerkracht-singleuser"
    assert single["extraEnv"]["VEERKRACHT_FEEDBACK"] == "form"

"""The content data: a strict schema (typos are errors), references, reachability; over every file that exists."""

from __future__ import annotations

import collections
import dataclasses

import pytest
import yaml

from veerkracht_lib import model
from veerkracht_lib.schema import SchemaError, load_strict


def test_all_content_validates() -> None:
    assert model.validate_all() == []


def test_framework_shape_matches_the_article() -> None:
    fw = model.load_framework()
    assert [r.code for r in fw.risk_factors] == list(model.RISK_CODES)
    assert [p.name for p in fw.programmes][2].startswith("EHBI")
    assert [v.name for v in fw.values] == [
        "Wederkerigheid",
        "Inclusie",
        "Zorgzaamheid",
        "Waakzaamheid",
        "Sociale veiligheid",
        "Educatie",
    ]
    assert fw.risk("TRA").in_core
    names = {i.name for p in fw.programmes for i in p.interventions}
    for expected in ("De Vreedzame School", "Dreamocracy", "OMEI", "Weerbaar Opvoeden", "Under Pressure"):
        assert any(expected in n for n in names), expected


def test_corrections_from_the_brief_are_stated_without_blaming_the_article() -> None:
    fw = model.load_framework()
    text = " ".join(f"{i.name} {i.description} {i.correction}" for p in fw.programmes for i in p.interventions)
    assert "Under Pressure" in text
    assert "ROR" in text or "Rijksopleidingsinstituut" in text
    assert "Pit of Learning" not in text  # the article never misnamed it


# --- strictness: what an author can get wrong is an error, not a silent loss --------------------------
def _module_raw() -> dict:
    code = sorted(model.load_modules())[0]
    return yaml.safe_load((model.CONTENT_DIR / "modules" / f"{code}.yaml").read_text(encoding="utf-8"))


def test_a_misspelled_key_is_an_error_with_a_suggestion() -> None:
    raw = _module_raw()
    question = raw["questions"][0]
    question["exclusiv"] = question.pop("exclusive", ["X"])
    with pytest.raises(SchemaError) as caught:
        load_strict(model.Module, raw, "modules/x.yaml")
    assert "unknown key 'exclusiv' (did you mean 'exclusive'?)" in str(caught.value)


def test_missing_and_wrongly_typed_keys_are_errors() -> None:
    raw = _module_raw()
    del raw["questions"][0]["objective"]
    raw["questions"][0]["points"] = "twee"
    raw["study_load"] = {"lesson": 40}
    with pytest.raises(SchemaError) as caught:
        load_strict(model.Module, raw, "m")
    text = str(caught.value)
    assert "required key 'objective' is missing" in text
    assert "points: expected a number" in text
    assert "required key 'exercises' is missing" in text


def test_unknown_keys_are_errors_in_every_kind_of_file() -> None:
    for cls, path in [
        (model.Vignette, next((model.CONTENT_DIR / "vignettes").glob("*.yaml"))),
        (model.Framework, model.CONTENT_DIR / "framework.yaml"),
        (model.SourceFile, model.CONTENT_DIR / "sources.yaml"),
        (model.GlossaryFile, model.CONTENT_DIR / "glossary.yaml"),
        (model.ReferralFile, model.CONTENT_DIR / "referrals.yaml"),
    ]:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        load_strict(cls, raw, path.name)  # the real file loads
        raw["extra_field"] = 1
        with pytest.raises(SchemaError, match="unknown key 'extra_field'"):
            load_strict(cls, raw, path.name)


def test_option_quality_and_setting_must_be_known_values() -> None:
    path = next((model.CONTENT_DIR / "vignettes").glob("*.yaml"))
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    first_step = raw["steps"][raw["start"]]
    first_step["options"][0]["quality"] = "sterk"
    raw["setting"] = "scool"
    with pytest.raises(SchemaError) as caught:
        load_strict(model.Vignette, raw, path.name)
    assert "'sterk' is not one of strong, reasonable, weak" in str(caught.value)
    assert "did you mean 'sportclub'" in str(caught.value) or "is not one of" in str(caught.value)


def test_codes_that_differ_only_in_case_are_rejected() -> None:
    module = next(iter(model.load_modules().values()))
    question = dataclasses.replace(module.questions[0], options={"a": "programma a", "A": "waarde A", "B": "b"})
    problems = model.validate_question(question, module, model.load_sources(), model.load_vignettes())
    assert any("differ only in case" in p for p in problems)


def test_validation_catches_broken_cases() -> None:
    sources = model.load_sources()
    good = next(iter(model.load_vignettes().values()))
    step = good.steps[good.start]
    broken_option = model.Option(text="x", quality="weak", feedback="", serves=("Z",), next="nergens")
    broken = dataclasses.replace(
        good, steps={**good.steps, good.start: dataclasses.replace(step, options=(broken_option,))}
    )
    problems = " ".join(model.validate_vignette(broken, sources, model.load_modules()))
    for fragment in (
        "2-4 options",
        "text and feedback",
        "unknown value 'Z'",
        "is not a step",
        "no option has quality strong",
    ):
        assert fragment in problems


def test_a_dilemma_needs_two_defensible_options_serving_different_values() -> None:
    good = next(iter(model.load_vignettes().values()))
    sid, step = next((s, st) for s, st in good.steps.items() if st.dilemma)
    flat = tuple(dataclasses.replace(o, quality="weak" if n else "strong") for n, o in enumerate(step.options))
    broken = dataclasses.replace(good, steps={**good.steps, sid: dataclasses.replace(step, options=flat)})
    assert any("a dilemma needs" in p for p in model.validate_vignette(broken, model.load_sources()))


def test_module_files_hold_no_keys() -> None:
    """The question bank is learner-safe: the keys live on the instructor side only."""
    for path in (model.CONTENT_DIR / "modules").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for marker in ("key:", "rationale:", "explanations:", "model_answer:", "trainer_notes:"):
            assert marker not in text, (path.name, marker)


def test_glossary_defines_core_terms_once() -> None:
    terms = [t.term.lower() for t in model.load_glossary()]
    assert len(terms) == len(set(terms))
    joined = " ".join(terms)
    for term in ("veerkracht", "casusoverleg", "platform jep", "veilig thuis", "avg", "zorgwekkende radicalisering"):
        assert term in joined


def test_every_source_is_cited_somewhere() -> None:
    cited: collections.Counter[str] = collections.Counter()
    fw = model.load_framework()
    for element in (fw.core, *fw.risk_factors, *fw.values):
        cited.update(element.sources)
    for p in fw.programmes:
        cited.update(p.sources)
        for i in p.interventions:
            cited.update(i.sources)
    for v in model.load_vignettes().values():
        cited.update(v.sources)
    for q in model.load_questions().values():
        cited.update(q.sources)
    cited.update(t.source for t in model.load_glossary() if t.source)
    from helpers import keys_file, modules

    for module in modules():
        for entry in keys_file(module).keys.values():
            cited.update(entry.sources)
    uncited = sorted(set(model.load_sources()) - set(cited))
    assert "artikel" in cited
    assert len(uncited) <= len(model.load_sources()) // 4, uncited


def test_every_setting_has_a_dutch_name_for_learners() -> None:
    from veerkracht_lib import texts
    from veerkracht_lib.model import SETTINGS

    assert set(texts.SETTING_NAMES) == set(SETTINGS)
    assert all(name.strip() for name in texts.SETTING_NAMES.values())

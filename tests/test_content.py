"""The content data: schema, references, reachability, balance."""

from __future__ import annotations

import collections
import re

import pytest

from veerkracht_lib import model


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
    for expected in ("De Vreedzame School", "Dreamocracy", "OMEI", "Weerbaar Opvoeden"):
        assert any(expected in n for n in names), expected


def test_corrections_from_the_brief_are_stated() -> None:
    fw = model.load_framework()
    text = " ".join(f"{i.name} {i.description} {i.correction}" for p in fw.programmes for i in p.interventions)
    assert "Pith of Learning" in text
    assert "Under Pressure" in text
    assert "ROR" in text or "Rijksopleidingsinstituut" in text


def test_validation_catches_broken_vignettes() -> None:
    sources = model.load_sources()
    good = model.load_vignettes()["a1_klassenvergadering"]
    step = good.steps[good.start]
    broken_option = model.Option(text="x", feedback="", serves=("Z",), next="nergens")
    broken = model.Vignette(
        **{
            **good.__dict__,
            "steps": {**good.steps, good.start: model.Step(step.id, step.prompt, (broken_option,))},
        }
    )
    problems = " ".join(model.validate_vignette(broken, sources))
    assert "2-4 options" in problems
    assert "text and feedback" in problems
    assert "unknown value 'Z'" in problems
    assert "is not a step" in problems
    assert "not reachable" in problems


def test_module_a_has_the_required_content() -> None:
    vignettes = [v for v in model.load_vignettes().values() if v.module == "a"]
    assert len(vignettes) >= 3
    questions = [q for q in model.load_questions().values() if q.module == "a"]
    assert len(questions) >= 5
    assert len({q.type for q in questions}) >= 3
    assert any(model.INSUFFICIENT in q.options or "O" in q.options for q in questions)


def test_every_option_feedback_names_values() -> None:
    for vignette in model.load_vignettes().values():
        for step in vignette.steps.values():
            for option in step.options:
                assert option.serves or option.harms, (vignette.id, step.id, option.text)


def test_each_module_spreads_its_cases_across_settings_and_ideologies() -> None:
    by_module = collections.defaultdict(list)
    for v in model.load_vignettes().values():
        by_module[v.module].append(v)
    for cases in by_module.values():
        assert len({v.setting for v in cases}) == len(cases)
        assert len({v.ideology for v in cases}) == len(cases)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s]


@pytest.mark.parametrize("vignette", sorted(model.load_vignettes()), ids=str)
def test_vignettes_are_plain_dutch(vignette: str) -> None:
    """B1 house rules from the brief: a situation of at most 5 sentences, short sentences."""
    v = model.load_vignettes()[vignette]
    sentences = _sentences(v.situation)
    assert len(sentences) <= 6
    words = [len(s.split()) for s in sentences]
    assert sum(words) / len(words) <= 14
    texts = [o.feedback for s in v.steps.values() for o in s.options] + [e.debrief for e in v.endings.values()]
    lengths = [len(s.split()) for t in texts for s in _sentences(t)]
    assert sum(lengths) / len(lengths) <= 15


def test_no_learner_data_holds_a_key() -> None:
    """The question bank is learner-safe: no key-like fields."""
    text = (model.CONTENT_DIR / "questions" / "a.yaml").read_text(encoding="utf-8")
    for marker in ("key:", "sleutel", "solution:", "correct:"):
        assert marker not in text


def test_glossary_is_sorted_and_defines_core_terms() -> None:
    terms = [t.term for t in model.load_glossary()]
    assert terms == sorted(terms, key=str.lower)
    lowered = " ".join(terms).lower()
    for term in ("veerkracht", "casusoverleg", "platform jep", "veilig thuis", "avg"):
        assert term in lowered


def test_sources_are_all_cited_somewhere() -> None:
    cited = collections.Counter()
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
    assert "artikel" in cited
    assert cited["vreedzame_school"] > 0

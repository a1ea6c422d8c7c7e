"""Plain Dutch (B1): Flesch-Douma readability and sentence length of every learner-facing text.

House heuristics from the content brief (no official mapping to B1 exists): Flesch-Douma >= 60 and at most
15 words per sentence on average. The framework's reference descriptions may score lower (>= 45): they name
the interventions and research with long compound words.
"""

from __future__ import annotations

import re

import nbformat
import pytest
import textstat
from conftest import REPO

from veerkracht_lib import model

textstat.set_lang("nl")


def _plain(text: str) -> str:
    text = re.sub(r"`[^`]*`", " ", text)  # code
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    return " ".join(re.sub(r"[#*>|_\[\]]", " ", text).split())


def _blocks() -> dict[str, tuple[str, float]]:
    blocks: dict[str, tuple[str, float]] = {}
    for path in sorted((REPO / "course").rglob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        blocks[str(path.relative_to(REPO))] = (text, 60)
    for v in model.load_vignettes().values():
        parts = [v.situation, *(f"{o.text} {o.feedback}" for s in v.steps.values() for o in s.options)]
        parts += [e.debrief for e in v.endings.values()]
        blocks[f"vignette {v.id}"] = (" ".join(parts), 60)
    blocks["questions"] = (" ".join(q.prompt for q in model.load_questions().values()), 60)
    practice = model.load_practice().values()
    blocks["practice"] = (" ".join(f"{p.prompt} {o.feedback}" for p in practice for o in p.options), 60)
    blocks["glossary"] = (" ".join(t.definition for t in model.load_glossary()), 60)
    fw = model.load_framework()
    parts = [e.description for e in (fw.core, *fw.risk_factors, *fw.values)]
    parts += [p.description for p in fw.programmes]
    blocks["framework"] = (" ".join(parts), 45)
    return blocks


BLOCKS = _blocks()


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_text_is_plain_dutch(name: str) -> None:
    text, minimum = BLOCKS[name]
    plain = _plain(text)
    assert textstat.flesch_reading_ease(plain) >= minimum
    assert textstat.words_per_sentence(plain) <= 15


def test_the_measure_can_fail() -> None:
    officialese = (
        "Ingevolge de onderhavige beleidsregel dient de betrokken functionaris, alvorens tot informatieverstrekking "
        "aan derden over te gaan, een zorgvuldige belangenafweging inzake proportionaliteit en subsidiariteit te maken."
    )
    assert textstat.flesch_reading_ease(officialese) < 45

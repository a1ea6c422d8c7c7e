"""The model figure: drawn from the data, highlightable, with a text alternative."""

from __future__ import annotations

import base64
import io
import re

import pytest

from veerkracht_lib import toon_model, verken_model
from veerkracht_lib.figures import alt_text, draw, related
from veerkracht_lib.model import load_framework


def _png(html: str) -> bytes:
    return base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", html).group(1))


def test_plain_model_has_all_rings_in_its_text_alternative() -> None:
    fw = load_framework()
    html = toon_model()._repr_html_()
    assert html.count("<img") == 1 and "alt='" in html
    alt = alt_text(fw, None)
    for element in (*fw.risk_factors, *fw.programmes, *fw.values):
        assert element.name in alt
    assert _png(html).startswith(b"\x89PNG")


@pytest.mark.parametrize("part", ["a", "POL", "F", "IND", "TRA", "Educatie", "democratische vorming"])
def test_highlight_changes_the_picture_and_describes_it(part: str) -> None:
    plain = _png(toon_model()._repr_html_())
    marked = toon_model(markeer=part)
    assert _png(marked._repr_html_()) != plain
    assert "Gemarkeerd" in repr(marked)


def test_programme_highlight_names_its_risks_and_values() -> None:
    fw = load_framework()
    programme = fw.programme("a")
    text = repr(toon_model("a"))
    for code in (*programme.risk_factors, *programme.values):
        assert fw.name_of(code) in text
    assert related(fw, "a") == {"a", *programme.risk_factors, *programme.values}


def test_unknown_part_gives_dutch_message() -> None:
    assert "geen onderdeel van het model" in repr(toon_model("XYZ"))


def test_colours_are_okabe_ito() -> None:
    fw = load_framework()
    fig = draw(fw, "a")
    colours = set()
    for patch in fig.axes[0].patches:
        r, g, b, _ = patch.get_facecolor()
        colours.add(f"#{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}")
    assert colours <= {"#F0E442", "#E69F00", "#56B4E9", "#009E73", "#E6E6E6"}
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    assert len(buf.getvalue()) > 10_000


def test_explorer_widget_updates_figure_and_description() -> None:
    explorer = verken_model()
    before = explorer.picture.value
    explorer.dropdown.value = "b"
    assert explorer.picture.value != before
    assert load_framework().programme("b").name in explorer.description_html.value
    explorer.dropdown.value = None
    assert explorer.description_html.value == ""

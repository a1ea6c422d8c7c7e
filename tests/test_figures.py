"""The model figure: drawn from the data as SVG, readable labels, trauma once in the core, highlightable, with a
short text alternative and the long text version beside it; no matplotlib in the learner's kernel."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import escape

import pytest
from conftest import REPO

from veerkracht_lib import figures, toon_model, verken_model
from veerkracht_lib.figures import alt_text, draw, label_problems, layout, related, short_alt, text_width
from veerkracht_lib.model import load_framework

SVG = "{http://www.w3.org/2000/svg}"
BODY_TEXT_PX = 14  # JupyterLab's --jp-content-font-size1


def _svg(html: str) -> ET.Element:
    return ET.fromstring(re.search(r"<svg.*?</svg>", html, re.S).group(0))


def _labels(root: ET.Element) -> list[str]:
    return [" ".join(" ".join(t.itertext()).split()) for t in root.iter(f"{SVG}text")]


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_plain_model_has_every_part_labelled_and_a_short_text_alternative() -> None:
    fw = load_framework()
    html = toon_model()._repr_html_()
    root = _svg(html)
    assert root.get("role") == "img" and root.get("aria-label") == short_alt(fw, None)
    assert len(short_alt(fw, None)) < 150  # short: the long version stands beside it
    long_html = escape(alt_text(fw, None), quote=True)
    assert "<details" in html and html.count(long_html) == 1  # the long text version, once, beside the picture
    labels = " ".join(_labels(root)).replace("\xa0", " ")
    for element in (fw.core, *fw.risk_factors, *fw.programmes, *fw.values):
        assert element.name in labels, element.name
    long_text = alt_text(fw, None)
    for element in (*fw.risk_factors, *fw.programmes, *fw.values):
        assert element.name.lower() in long_text.lower()


def test_trauma_is_drawn_once_in_a_smaller_circle_inside_the_core() -> None:
    fw = load_framework()
    trauma = next(r for r in fw.risk_factors if r.in_core)
    root = _svg(toon_model()._repr_html_())
    assert sum(trauma.name in label for label in _labels(root)) == 1
    assert trauma.code not in {s.code for s in layout(fw)}  # not also a wedge of the risk ring
    circles = [c for c in root.iter(f"{SVG}circle") if c.get("fill") != "none" and "url(" not in c.get("fill", "")]
    core, small = sorted(circles, key=lambda c: -float(c.get("r")))[:2]
    cx, cy, r = float(core.get("cx")), float(core.get("cy")), float(core.get("r"))
    sx, sy, sr = float(small.get("cx")), float(small.get("cy")), float(small.get("r"))
    assert sr < r and ((sx - cx) ** 2 + (sy - cy) ** 2) ** 0.5 + sr <= r  # inside the core
    assert "kleinere cirkel" in alt_text(fw, None)


def test_labels_are_body_size_inside_their_segment_and_never_overlap() -> None:
    root = _svg(toon_model()._repr_html_())
    size = float(root.get("font-size").removesuffix("px"))
    assert size >= BODY_TEXT_PX
    assert root.get("width") == root.get("viewBox").split()[2]  # shown at its natural size: 1 unit = 1 px
    assert "max-width:none" in root.get("style")
    assert label_problems() == []


def test_the_label_check_can_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    fw = load_framework()
    monkeypatch.setattr(figures, "RADII", {**figures.RADII, "programme": figures.RADII["risk"] + 60})
    figures._layout_cached.cache_clear()
    try:
        assert any("does not fit" in p for p in label_problems(fw))
    finally:
        figures._layout_cached.cache_clear()
    assert text_width("identiteitsvraagstukken") > 150  # the widths are real, not zero


def test_label_colours_have_enough_contrast_on_every_fill() -> None:
    root = _svg(toon_model("a")._repr_html_())
    fills = {figures.FADED, *figures.RING_COLOURS.values()}
    for fill in fills:
        assert _contrast(figures.TEXT, fill) >= 4.5, fill
    assert _contrast(figures.TEXT_FADED, figures.FADED) >= 4.5
    assert {t.get("fill") for t in root.iter(f"{SVG}text")} <= {figures.TEXT, figures.TEXT_FADED}


@pytest.mark.parametrize("part", ["a", "POL", "F", "IND", "TRA", "Educatie", "democratische vorming"])
def test_highlight_changes_the_picture_and_describes_it(part: str) -> None:
    plain = toon_model()._repr_html_()
    marked = toon_model(markeer=part)
    html = marked._repr_html_()
    assert _svg(html).get("aria-label") != _svg(plain).get("aria-label")
    assert "Gemarkeerd" in repr(marked)
    assert "stroke-width='4'" in html and "url(#" in html  # a bold edge and hatching: not colour alone
    assert "text-decoration='underline'" in html


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
    fills = set()
    for part in (None, "a"):
        root = _svg(toon_model(part)._repr_html_())
        fills |= {p.get("fill").upper() for p in (*root.iter(f"{SVG}path"), *root.iter(f"{SVG}circle"))}
    fills = {f for f in fills if f.startswith("#")}
    assert fills == {"#F0E442", "#E69F00", "#56B4E9", "#009E73", "#E6E6E6"}


def test_print_version_uses_the_same_layout() -> None:
    fw = load_framework()
    fig = draw(fw, "a")
    texts = " ".join(t.get_text() for t in fig.axes[0].texts).replace("\n", " ").replace("\xa0", " ")
    for element in (*fw.programmes, *fw.values):
        assert element.name in texts
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    assert buf.getvalue().startswith(b"\x89PNG")


def test_explorer_widget_updates_figure_and_description() -> None:
    explorer = verken_model()
    assert explorer.dropdown.value == "" and explorer.dropdown.label == "(niets gemarkeerd)"
    before = explorer.picture.value
    explorer.dropdown.value = "b"
    assert explorer.picture.value != before
    assert load_framework().programme("b").name in explorer.description_html.value
    explorer.dropdown.value = ""
    assert explorer.description_html.value == ""


def test_showing_the_model_never_loads_matplotlib() -> None:
    code = (
        "import sys; from veerkracht_lib import toon_model, verken_model; "
        "toon_model('a')._repr_html_(); verken_model().dropdown.value = 'F'; "
        "print('matplotlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.strip() == "False"

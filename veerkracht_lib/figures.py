"""The model figure: the article's concentric picture, drawn from the framework data.

Rings from the centre out: the individual (with a small circle for trauma, which the article places in the
core too), the seven risk factors, the six protective programmes, and the six values as the outer ring.
One part can be highlighted with the parts it relates to. Colours are Okabe-Ito (colour-blind safe); the
highlight also uses a hatch and a bold edge, and every figure comes with a Dutch text alternative.
Matplotlib is imported here only, on first use, through its object API (no pyplot, no GUI backend).
"""

from __future__ import annotations

import base64
import functools
import io
import math
import textwrap
from typing import Any

from . import texts
from .model import Framework, load_framework
from .render import PALETTE, HTMLView, box, esc

RING_COLOURS = {
    "core": PALETTE["yellow"],
    "risk": PALETTE["orange"],
    "programme": PALETTE["sky"],
    "value": PALETTE["green"],
}
FADED = "#e6e6e6"
HIGHLIGHT_EDGE = PALETTE["blue"]
RADII = {"core": 1.0, "risk": 2.15, "programme": 3.3, "value": 4.1}


def _wrap(label: str, width: int) -> str:
    """Wrap on spaces and hyphens only: a Dutch compound word stays whole."""
    return "\n".join(textwrap.wrap(label, width, break_long_words=False, break_on_hyphens=True))


def _all_codes(fw: Framework) -> dict[str, str]:
    codes = {fw.core.code: fw.core.name}
    codes.update({r.code: r.name for r in fw.risk_factors})
    codes.update({p.code: p.name for p in fw.programmes})
    codes.update({v.code: v.name for v in fw.values})
    return codes


def resolve(fw: Framework, given: Any) -> str | None:
    """Turn what a learner typed (a code or a name, any case) into a code; None if it is nothing known."""
    if given is None:
        return None
    text = str(given).strip()
    codes = _all_codes(fw)
    if text in codes:
        return text
    lowered = {k.lower(): k for k in codes if len(k) > 1}
    if text.lower() in lowered:
        return lowered[text.lower()]
    for code, name in codes.items():
        if name.lower() == text.lower():
            return code
    raise KeyError(text)


def related(fw: Framework, code: str | None) -> set[str]:
    """The highlighted part plus the parts the data links it to."""
    if code is None:
        return set()
    if code == fw.core.code:
        return {code, "TRA"}
    out = {code}
    for programme in fw.programmes:
        if code == programme.code:
            out |= set(programme.risk_factors) | set(programme.values)
        elif code in programme.risk_factors or code in programme.values:
            out.add(programme.code)
    return out


def alt_text(fw: Framework, code: str | None) -> str:
    def names(codes: Any) -> str:
        return ", ".join(fw.name_of(c) for c in codes) or texts.MODEL_NONE

    text = texts.MODEL_ALT_INTRO.format(
        risks=names(r.code for r in fw.risk_factors),
        programmes=", ".join(f"{p.code} {p.name}" for p in fw.programmes),
        values=", ".join(f"{v.code} {v.name}" for v in fw.values),
    )
    if code is None:
        return text
    if code == fw.core.code:
        return f"{text} {texts.MODEL_ALT_HIGHLIGHT_CORE}"
    if code in {p.code for p in fw.programmes}:
        p = fw.programme(code)
        extra = texts.MODEL_ALT_HIGHLIGHT_PROGRAMME.format(
            code=p.code, name=p.name, risks=names(p.risk_factors), values=names(p.values)
        )
    elif code in {r.code for r in fw.risk_factors}:
        progs = [f"{p.code} {p.name}" for p in fw.programmes if code in p.risk_factors]
        extra = texts.MODEL_ALT_HIGHLIGHT_RISK.format(
            name=fw.risk(code).name, programmes=", ".join(progs) or texts.MODEL_NONE
        )
    else:
        progs = [f"{p.code} {p.name}" for p in fw.programmes if code in p.values]
        extra = texts.MODEL_ALT_HIGHLIGHT_VALUE.format(
            code=code, name=fw.value(code).name, programmes=", ".join(progs) or texts.MODEL_NONE
        )
    return f"{text} {extra}"


def draw(fw: Framework, code: str | None = None) -> Any:
    """A matplotlib Figure of the model, ``code`` highlighted (None: nothing)."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Circle, Wedge

    fig = Figure(figsize=(7.2, 7.2), dpi=100)
    ax = fig.add_axes((0, 0, 1, 0.94))
    ax.set_xlim(-4.3, 4.3)
    ax.set_ylim(-4.3, 4.3)
    ax.set_aspect("equal")
    ax.axis("off")
    fig.suptitle(texts.MODEL_TITLE, fontsize=13, y=0.985)
    marked = related(fw, code)

    def style(kind: str, part: str) -> dict[str, Any]:
        on = not marked or part in marked
        face = RING_COLOURS[kind] if on else FADED
        main = part == code
        return {
            "facecolor": face,
            "edgecolor": HIGHLIGHT_EDGE if main else "white",
            "linewidth": 3.0 if main else 1.5,
            "hatch": "//" if main else None,
        }

    def ring(kind: str, inner: float, items: list[tuple[str, str]], start: float, width_chars: int) -> None:
        outer = RADII[kind]
        step = 360 / len(items)
        for i, (part, label) in enumerate(items):
            theta1 = start - (i + 1) * step
            theta2 = start - i * step
            ax.add_patch(Wedge((0, 0), outer, theta1, theta2, width=outer - inner, **style(kind, part)))
            middle = math.radians((theta1 + theta2) / 2)
            radius = (inner + outer) / 2
            on = not marked or part in marked
            ax.text(
                radius * math.cos(middle),
                radius * math.sin(middle),
                _wrap(label, width_chars),
                ha="center",
                va="center",
                fontsize=7.5,
                color="#1a1a1a" if on else "#8a8a8a",
                fontweight="bold" if part == code else "normal",
            )

    ring("value", RADII["programme"], [(v.code, f"{v.code} {v.name}") for v in fw.values], 90, 12)
    ring("programme", RADII["risk"], [(p.code, f"{p.code} {p.name}") for p in fw.programmes], 90, 14)
    ring("risk", RADII["core"], [(r.code, r.name) for r in fw.risk_factors], 90, 12)
    core = fw.core
    ax.add_patch(Circle((0, 0), RADII["core"], **style("core", core.code)))
    ax.text(0, 0.35, core.name, ha="center", va="center", fontsize=9, fontweight="bold")
    trauma = fw.risk("TRA")
    ax.add_patch(Circle((0, -0.35), 0.42, **style("risk", trauma.code)))
    ax.text(0, -0.35, _wrap(trauma.name, 12), ha="center", va="center", fontsize=6.5)
    return fig


@functools.lru_cache(maxsize=32)
def _png(code: str | None) -> bytes:
    fig = draw(load_framework(), code)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def figure_html(code: str | None) -> str:
    fw = load_framework()
    alt = alt_text(fw, code)
    data = base64.b64encode(_png(code)).decode("ascii")
    return (
        f"<figure style='margin:0.4em 0'><img src='data:image/png;base64,{data}' alt='{esc(alt)}' "
        f"style='max-width:36em;width:100%;height:auto'/>"
        f"<figcaption><details><summary>{esc(texts.MODEL_TEXT_ALTERNATIVE)}</summary>"
        f"<p>{esc(alt)}</p></details></figcaption></figure>"
    )


def _unknown(given: Any) -> HTMLView:
    codes = _all_codes(load_framework())
    message = texts.MODEL_UNKNOWN_PART.format(given=given, known=", ".join(codes))
    return HTMLView(box("vorm_fout", message, ""), message)


def toon_model(markeer: Any = None) -> HTMLView:
    """Show the model; ``markeer`` highlights a programme ("a"), risk factor ("POL") or value ("F")."""
    fw = load_framework()
    try:
        code = resolve(fw, markeer)
    except KeyError:
        return _unknown(markeer)
    return HTMLView(figure_html(code), alt_text(fw, code))


def verken_model() -> Any:
    """A small widget: choose a part of the model, see it highlighted with its description."""
    import ipywidgets as widgets

    fw = load_framework()
    choices: list[tuple[str, str | None]] = [(texts.MODEL_EXPLORE_NONE, None), (fw.core.name, fw.core.code)]
    choices += [(r.name, r.code) for r in fw.risk_factors]
    choices += [(f"{p.code}. {p.name}", p.code) for p in fw.programmes]
    choices += [(f"{v.code}. {v.name}", v.code) for v in fw.values]
    dropdown = widgets.Dropdown(options=choices, value=None, description=texts.MODEL_EXPLORE_LABEL)
    picture = widgets.HTML(figure_html(None))
    description = widgets.HTML("")

    def describe(code: str | None) -> str:
        if code is None:
            return ""
        if code == fw.core.code:
            element: Any = fw.core
        elif code in {p.code for p in fw.programmes}:
            element = fw.programme(code)
        elif code in {r.code for r in fw.risk_factors}:
            element = fw.risk(code)
        else:
            element = fw.value(code)
        return box("info", f"{code}: {element.name}", f"<p>{esc(element.description)}</p>")

    def update(change: dict[str, Any]) -> None:
        picture.value = figure_html(change["new"])
        description.value = describe(change["new"])

    dropdown.observe(update, names="value")
    explorer = widgets.VBox([dropdown, description, picture])
    explorer.dropdown = dropdown  # type: ignore[attr-defined]
    explorer.picture = picture  # type: ignore[attr-defined]
    explorer.description_html = description  # type: ignore[attr-defined]
    return explorer

"""The model figure: the article's concentric picture, drawn from the framework data.

Rings from the centre out: the individual (the core, with psychological trauma in a smaller circle inside it, as
the article draws it), the other risk factors, the six protective programmes and the six values. One part can be
highlighted with the parts it relates to.

The figure is plain SVG built here in Python (no matplotlib in the learner's kernel): every label is real text at
``FONT_PX`` (the body text size of JupyterLab), shown at its natural size in a scrolling box, so labels never get
smaller than the text around them. ``layout()`` places every label inside its ring segment without overlaps,
using the widths of DejaVu Sans (the first font the SVG asks for; Verdana, the next, is as wide), and
``label_problems()`` checks it (the tests run it). Colours are Okabe-Ito; the highlighted part also gets a bold
edge, hatching and an underlined label on a white halo, so nothing depends on colour alone. The ``<svg>`` has a short text alternative; the long text
version stands beside it in a ``<details>``.

``draw()`` renders the same layout with matplotlib for print (the handouts); learners' notebooks never call it.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass
from typing import Any

from . import texts
from .model import Framework, load_framework
from .render import PALETTE, HTMLView, box, esc
from .status import Status

RING_COLOURS = {
    "core": PALETTE["yellow"],
    "risk": PALETTE["orange"],
    "programme": PALETTE["sky"],
    "value": PALETTE["green"],
}
FADED = "#e6e6e6"
TEXT = "#1a1a1a"
TEXT_FADED = "#3d3d3d"  # on FADED: 9.6:1
HIGHLIGHT_EDGE = PALETTE["blue"]
EDGE = "#ffffff"

FONT_PX = 14.0  # JupyterLab's body text (--jp-content-font-size1)
LINE_PX = 17.0
FONT_FAMILY = "'DejaVu Sans', Verdana, Arial, 'Liberation Sans', Helvetica, sans-serif"
PAD = 4.0  # minimum room between a label and the edges of its segment
# ring radii in px (core, then the outer edge of each ring) and the angle where the first segment starts
RADII = {"core": 100.0, "risk": 200.0, "programme": 360.0, "value": 450.0}
STARTS = {"risk": 90.0, "programme": 90.0, "value": 90.0}
TRAUMA = (0.0, -32.0, 60.0)  # centre x, y and radius of the trauma circle inside the core
CORE_LABEL_Y = 55.0
MARGIN = 6.0
SIZE = 2 * (RADII["value"] + MARGIN)

# Advance widths of DejaVu Sans (1/1000 em) for ASCII 32-126; other characters count as OTHER_WIDTH.
_WIDTHS = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636,
    636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656,
    557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613,
    635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818,
    592, 592, 525, 636, 337, 636, 838,
)  # fmt: skip
OTHER_WIDTH = 720
NBSP = "\u00a0"  # between a code and its name: "e Zelfverwezenlijking" never breaks after the "e"


def text_width(text: str, size: float = FONT_PX) -> float:
    """The width of ``text`` in px in DejaVu Sans (Verdana, the next choice, is as wide; Arial is narrower)."""
    units = sum(_WIDTHS[ord(c) - 32] if 32 <= ord(c) < 127 else OTHER_WIDTH for c in text.replace(NBSP, " "))
    return units * size / 1000


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
    trauma = _trauma(fw)
    if code == fw.core.code:
        return {code} | ({trauma.code} if trauma else set())
    out = {code}
    for programme in fw.programmes:
        if code == programme.code:
            out |= set(programme.risk_factors) | set(programme.values)
        elif code in programme.risk_factors or code in programme.values:
            out.add(programme.code)
    return out


def _trauma(fw: Framework) -> Any:
    return next((r for r in fw.risk_factors if r.in_core), None)


def _ring_risks(fw: Framework) -> list[Any]:
    return [r for r in fw.risk_factors if not r.in_core]


# --- text alternatives --------------------------------------------------------------------------------
def _marked_sentence(fw: Framework, code: str) -> str:
    def names(codes: Any) -> str:
        return ", ".join(fw.name_of(c) for c in codes) or texts.MODEL_NONE

    if code == fw.core.code:
        return texts.MODEL_ALT_HIGHLIGHT_CORE
    if code in {p.code for p in fw.programmes}:
        p = fw.programme(code)
        return texts.MODEL_ALT_HIGHLIGHT_PROGRAMME.format(
            code=p.code, name=p.name, risks=names(p.risk_factors), values=names(p.values)
        )
    if code in {r.code for r in fw.risk_factors}:
        progs = [f"{p.code} {p.name}" for p in fw.programmes if code in p.risk_factors]
        return texts.MODEL_ALT_HIGHLIGHT_RISK.format(
            name=fw.risk(code).name, programmes=", ".join(progs) or texts.MODEL_NONE
        )
    progs = [f"{p.code} {p.name}" for p in fw.programmes if code in p.values]
    return texts.MODEL_ALT_HIGHLIGHT_VALUE.format(
        code=code, name=fw.value(code).name, programmes=", ".join(progs) or texts.MODEL_NONE
    )


def alt_text(fw: Framework, code: str | None) -> str:
    """The long text version of the figure: every ring and part, then what is highlighted."""
    trauma = _trauma(fw)
    text = texts.MODEL_ALT_INTRO.format(
        core=fw.core.name,
        trauma=trauma.name.lower() if trauma else texts.MODEL_NONE,
        n_risks=len(_ring_risks(fw)),
        risks=", ".join(r.name for r in _ring_risks(fw)) or texts.MODEL_NONE,
        programmes=", ".join(f"{p.code} {p.name}" for p in fw.programmes),
        values=", ".join(f"{v.code} {v.name}" for v in fw.values),
    )
    return text if code is None else f"{text} {_marked_sentence(fw, code)}"


def short_alt(fw: Framework, code: str | None) -> str:
    """The short text alternative of the picture itself (the long version stands beside it)."""
    if code is None:
        return texts.MODEL_ALT_SHORT
    return texts.MODEL_ALT_SHORT_MARKED.format(
        part=f"{code} {fw.name_of(code)}" if len(code) == 1 else fw.name_of(code)
    )


# --- layout --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Segment:
    """One ring segment (math angles in degrees, counter-clockwise; y points up) with its label."""

    kind: str
    code: str
    inner: float
    outer: float
    theta1: float
    theta2: float
    lines: tuple[str, ...]
    x: float  # centre of the label block
    y: float

    @property
    def box(self) -> tuple[float, float, float, float]:
        width = max(text_width(line) for line in self.lines)
        height = len(self.lines) * LINE_PX
        return (self.x - width / 2, self.y - height / 2, self.x + width / 2, self.y + height / 2)


def _wrappings(label: str, max_lines: int = 4) -> list[tuple[str, ...]]:
    """Every way to break ``label`` on spaces into at most ``max_lines`` lines (Dutch compounds stay whole)."""
    words = label.split(" ")
    out = []
    for cuts in itertools.product((False, True), repeat=len(words) - 1):
        lines, current = [], [words[0]]
        for word, cut in zip(words[1:], cuts, strict=True):
            if cut:
                lines.append(" ".join(current))
                current = [word]
            else:
                current.append(word)
        lines.append(" ".join(current))
        if len(lines) <= max_lines:
            out.append(tuple(lines))
    return out


def box_in_segment(
    box_: tuple[float, float, float, float], inner: float, outer: float, theta1: float, theta2: float, pad: float = PAD
) -> bool:
    """Whether a box lies inside a ring segment, ``pad`` px from its edges (segments span less than 180 degrees)."""
    x0, y0, x1, y1 = box_
    nearest = math.hypot(min(max(0.0, x0), x1), min(max(0.0, y0), y1))
    if nearest < inner + pad:
        return False
    for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
        if math.hypot(x, y) > outer - pad:
            return False
        for angle, sign in ((theta1, 1.0), (theta2, -1.0)):
            ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
            if sign * (ux * y - uy * x) < pad:
                return False
    return True


def _place(kind: str, code: str, label: str, inner: float, outer: float, theta1: float, theta2: float) -> Segment:
    """The label's wrapping and position that fit the segment best: near the middle, few lines."""
    middle = math.radians((theta1 + theta2) / 2)
    best: tuple[float, Segment] | None = None
    fallback = None
    for lines in _wrappings(label):
        for step in range(21):
            t = step / 20
            r = inner + (outer - inner) * t
            seg = Segment(kind, code, inner, outer, theta1, theta2, lines, r * math.cos(middle), r * math.sin(middle))
            if fallback is None and abs(t - 0.5) < 1e-9:
                fallback = seg
            if box_in_segment(seg.box, inner, outer, theta1, theta2):
                score = abs(t - 0.5) + 0.15 * len(lines) + 0.002 * (seg.box[2] - seg.box[0])
                if best is None or score < best[0]:
                    best = (score, seg)
    return best[1] if best else fallback  # type: ignore[return-value]


@functools.lru_cache(maxsize=4)
def _layout_cached(fw: Framework) -> tuple[Segment, ...]:
    rings = [
        ("risk", RADII["core"], [(r.code, r.name) for r in _ring_risks(fw)]),
        ("programme", RADII["risk"], [(p.code, f"{p.code}{NBSP}{p.name}") for p in fw.programmes]),
        ("value", RADII["programme"], [(v.code, f"{v.code}{NBSP}{v.name}") for v in fw.values]),
    ]
    out = []
    for kind, inner, items in rings:
        step = 360 / len(items)
        for i, (code, label) in enumerate(items):
            theta2 = STARTS[kind] - i * step
            out.append(_place(kind, code, label, inner, RADII[kind], theta2 - step, theta2))
    return tuple(out)


def layout(fw: Framework | None = None) -> tuple[Segment, ...]:
    """Every ring segment with its label, clockwise from the top, inner ring first."""
    return _layout_cached(fw or load_framework())


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_problems(fw: Framework | None = None) -> list[str]:
    """Labels that leave their segment or overlap another label (empty when the figure reads well)."""
    fw = fw or load_framework()
    segments = layout(fw)
    problems = [
        f"{s.code}: label {' / '.join(s.lines)!r} does not fit its segment"
        for s in segments
        if not box_in_segment(s.box, s.inner, s.outer, s.theta1, s.theta2)
    ]
    boxes = [(s.code, s.box) for s in segments] + [(c, b) for c, b, _ in _core_labels(fw)]
    for (code_a, a), (code_b, b) in itertools.combinations(boxes, 2):
        if _overlap(a, b):
            problems.append(f"labels of {code_a} and {code_b} overlap")
    return problems


def _core_labels(fw: Framework) -> list[tuple[str, tuple[float, float, float, float], tuple[str, ...]]]:
    """The core's and trauma's label blocks: (code, box, lines)."""
    out = []
    name = fw.core.name
    w = text_width(name)
    out.append((fw.core.code, (-w / 2, CORE_LABEL_Y - LINE_PX / 2, w / 2, CORE_LABEL_Y + LINE_PX / 2), (name,)))
    trauma = _trauma(fw)
    if trauma is not None:
        cx, cy, _radius = TRAUMA
        lines = min(_wrappings(trauma.name, 3), key=lambda ls: max(text_width(line) for line in ls))
        w = max(text_width(line) for line in lines)
        h = len(lines) * LINE_PX
        out.append((trauma.code, (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2), lines))
    return out


# --- SVG ----------------------------------------------------------------------------------------------------
def _xy(x: float, y: float) -> str:
    """Math coordinates (origin in the centre, y up) to SVG coordinates."""
    return f"{x + SIZE / 2:.1f},{SIZE / 2 - y:.1f}"


def _segment_path(inner: float, outer: float, theta1: float, theta2: float) -> str:
    def point(r: float, a: float) -> str:
        return _xy(r * math.cos(math.radians(a)), r * math.sin(math.radians(a)))

    large = 1 if theta2 - theta1 > 180 else 0
    # outer arc counter-clockwise in math terms is clockwise on screen (sweep flag 0)
    return (
        f"M{point(outer, theta1)} A{outer:.1f},{outer:.1f} 0 {large} 0 {point(outer, theta2)} "
        f"L{point(inner, theta2)} A{inner:.1f},{inner:.1f} 0 {large} 1 {point(inner, theta1)} Z"
    )


def _text(lines: tuple[str, ...], x: float, y: float, on: bool, main: bool) -> str:
    first = y + (len(lines) - 1) * LINE_PX / 2  # math y of the first line's middle
    sx, sy = _xy(x, first).split(",")
    weight = " text-decoration='underline'" if main else ""
    halo = " stroke='#ffffff' stroke-width='3' paint-order='stroke' stroke-linejoin='round'" if main else ""
    spans = "".join(
        f"<tspan x='{sx}' dy='{0 if n == 0 else LINE_PX:g}'>{esc(line)}</tspan>" for n, line in enumerate(lines)
    )
    colour = TEXT if on else TEXT_FADED
    return (
        f"<text x='{sx}' y='{sy}' text-anchor='middle' dominant-baseline='central' fill='{colour}'"
        f"{weight}{halo}>{spans}</text>"
    )


_HATCH_ID = itertools.count(1)


def svg(fw: Framework, code: str | None, hatch_id: str = "vk-model-hatch") -> str:
    """The figure as an ``<svg>`` element (``role=img`` with the short text alternative as its name)."""
    marked = related(fw, code)

    def fill(kind: str, part: str) -> str:
        if part == code:
            return RING_COLOURS[kind]
        return RING_COLOURS[kind] if not marked or part in marked else FADED

    def edge(part: str) -> str:
        if part == code:
            return f"stroke='{HIGHLIGHT_EDGE}' stroke-width='4'"
        return f"stroke='{EDGE}' stroke-width='2'"

    def hatch(part: str, shape: str) -> str:
        return shape.replace("<path ", f"<path fill='url(#{hatch_id})' ", 1) if part == code else ""

    shapes, labels, overlays = [], [], []
    for seg in layout(fw):
        on = not marked or seg.code in marked
        path = f"<path d='{_segment_path(seg.inner, seg.outer, seg.theta1, seg.theta2)}' "
        shapes.append(f"{path}fill='{fill(seg.kind, seg.code)}' {edge(seg.code)}/>")
        overlays.append(hatch(seg.code, f"{path}stroke='none'/>"))
        labels.append(_text(seg.lines, seg.x, seg.y, on, seg.code == code))
    # the core, drawn last so its edge lies on top of the inner ring
    core, trauma = fw.core, _trauma(fw)
    cx, cy = _xy(0, 0).split(",")
    shapes.append(
        f"<circle cx='{cx}' cy='{cy}' r='{RADII['core']:g}' fill='{fill('core', core.code)}' {edge(core.code)}/>"
    )
    if code == core.code:  # hatched below the trauma circle, which lies on top of the core
        shapes.append(f"<circle cx='{cx}' cy='{cy}' r='{RADII['core']:g}' fill='url(#{hatch_id})' stroke='none'/>")
    core_labels = {c: (b, ls) for c, b, ls in _core_labels(fw)}
    b, ls = core_labels[core.code]
    labels.append(_text(ls, 0, (b[1] + b[3]) / 2, not marked or core.code in marked, code == core.code))
    if trauma is not None:
        tx, ty, tr = TRAUMA
        px, py = _xy(tx, ty).split(",")
        shapes.append(
            f"<circle cx='{px}' cy='{py}' r='{tr:g}' fill='{fill('risk', trauma.code)}' {edge(trauma.code)}/>"
        )
        if code == trauma.code:
            shapes.append(f"<circle cx='{px}' cy='{py}' r='{tr:g}' fill='url(#{hatch_id})' stroke='none'/>")
        b, ls = core_labels[trauma.code]
        labels.append(_text(ls, tx, ty, not marked or trauma.code in marked, code == trauma.code))
    # the highlighted part's edge again, on top of its neighbours
    if code is not None:
        for seg in layout(fw):
            if seg.code == code:
                d = _segment_path(seg.inner, seg.outer, seg.theta1, seg.theta2)
                overlays.append(f"<path d='{d}' fill='none' stroke='{HIGHLIGHT_EDGE}' stroke-width='4'/>")
    size = f"{SIZE:g}"
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{size}' height='{size}' viewBox='0 0 {size} {size}' "
        f"role='img' aria-label='{esc(short_alt(fw, code))}' class='veerkracht-model-svg' "
        f"style='display:block;max-width:none;height:auto' font-family=\"{FONT_FAMILY}\" font-size='{FONT_PX:g}px'>"
        f"<defs><pattern id='{hatch_id}' width='10' height='10' patternUnits='userSpaceOnUse' "
        f"patternTransform='rotate(45)'><rect width='10' height='10' fill='none'/>"
        f"<line x1='0' y1='0' x2='0' y2='10' stroke='{TEXT}' stroke-opacity='0.35' stroke-width='2'/></pattern></defs>"
        f"<g>{''.join(shapes)}</g><g>{''.join(overlays)}</g><g>{''.join(labels)}</g></svg>"
    )


def figure_html(code: str | None) -> str:
    """The figure with its caption and the long text version beside it."""
    fw = load_framework()
    return (
        "<figure class='veerkracht-model' style='margin:0.4em 0'>"
        f"<figcaption style='font-weight:bold;margin:0 0 0.3em 0'>{esc(texts.MODEL_TITLE)}</figcaption>"
        f"<div style='overflow-x:auto;max-width:100%'>{svg(fw, code, f'vk-model-hatch-{next(_HATCH_ID)}')}</div>"
        f"<details style='margin:0.3em 0'><summary>{esc(texts.MODEL_TEXT_ALTERNATIVE)}</summary>"
        f"<p>{esc(alt_text(fw, code))}</p></details></figure>"
    )


# --- print (matplotlib; never used in a learner's kernel) ----------------------------------------------------
def draw(fw: Framework, code: str | None = None) -> Any:
    """A matplotlib Figure with the same layout as the SVG (for print: the handouts)."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Circle, Wedge

    inches = SIZE / 100
    fig = Figure(figsize=(inches, inches), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    half = SIZE / 2
    ax.set_xlim(-half, half)
    ax.set_ylim(-half, half)
    ax.set_aspect("equal")
    ax.axis("off")
    marked = related(fw, code)
    points = 72 / 100  # px -> pt at 100 dpi

    def style(kind: str, part: str) -> dict[str, Any]:
        on = not marked or part in marked
        main = part == code
        return {
            "facecolor": RING_COLOURS[kind] if on else FADED,
            "edgecolor": HIGHLIGHT_EDGE if main else EDGE,
            "linewidth": (4 if main else 2) * points,
            "hatch": "//" if main else None,
        }

    def label(lines: tuple[str, ...], x: float, y: float, part: str) -> None:
        on = not marked or part in marked
        ax.text(
            x,
            y,
            "\n".join(lines),
            ha="center",
            va="center",
            fontsize=FONT_PX * points,
            linespacing=LINE_PX / FONT_PX,
            color=TEXT if on else TEXT_FADED,
            fontstyle="italic" if part == code else "normal",
        )

    for seg in layout(fw):
        ax.add_patch(
            Wedge((0, 0), seg.outer, seg.theta1, seg.theta2, width=seg.outer - seg.inner, **style(seg.kind, seg.code))
        )
        label(seg.lines, seg.x, seg.y, seg.code)
    ax.add_patch(Circle((0, 0), RADII["core"], **style("core", fw.core.code)))
    core_labels = {c: (b, ls) for c, b, ls in _core_labels(fw)}
    b, ls = core_labels[fw.core.code]
    label(ls, 0, (b[1] + b[3]) / 2, fw.core.code)
    trauma = _trauma(fw)
    if trauma is not None:
        tx, ty, tr = TRAUMA
        ax.add_patch(Circle((tx, ty), tr, **style("risk", trauma.code)))
        label(core_labels[trauma.code][1], tx, ty, trauma.code)
    return fig


# --- the learner's calls ------------------------------------------------------------------------------------
def _unknown(given: Any) -> HTMLView:
    codes = _all_codes(load_framework())
    message = texts.MODEL_UNKNOWN_PART.format(given=given, known=", ".join(codes))
    return HTMLView(box(Status.FORM_ERROR, message, ""), message)


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
    from .live import ModelExplorer

    return ModelExplorer()


def describe(fw: Framework, code: str | None) -> str:
    """The description of one part of the model, as a box (empty for None)."""
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
    return box(Status.INFO, f"{code}: {element.name}", f"<p>{esc(element.description)}</p>")


def explorer_choices(fw: Framework) -> list[tuple[str, str]]:
    """The explorer's dropdown: (label, value); the first means nothing highlighted (value '')."""
    choices = [(texts.MODEL_EXPLORE_NONE, ""), (fw.core.name, fw.core.code)]
    choices += [(r.name, r.code) for r in fw.risk_factors]
    choices += [(f"{p.code}. {p.name}", p.code) for p in fw.programmes]
    choices += [(f"{v.code}. {v.name}", v.code) for v in fw.values]
    return choices

"""Small HTML building blocks shared by the learner views (results, tables, cases).

Colours come from the Okabe-Ito palette (colour-blind safe); every status also carries a word and a symbol,
so no meaning depends on colour alone.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from .status import Status

PALETTE = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}

STATUS_STYLE = {
    # status: (symbol, border colour, background)
    Status.RIGHT: ("✔", PALETTE["blue"], "#e8f1f8"),
    Status.PARTLY: ("◐", PALETTE["orange"], "#fdf4e3"),
    Status.NOT_YET: ("✘", PALETTE["vermillion"], "#fbece4"),
    Status.FORM_OK: ("✔", PALETTE["green"], "#e5f4ef"),
    Status.FORM_ERROR: ("!", PALETTE["vermillion"], "#fbece4"),
    Status.INFO: ("i", PALETTE["grey"], "#f4f4f4"),
}


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def paragraphs(text: str) -> str:
    """Plain text with blank lines -> escaped HTML paragraphs."""
    parts = [p.strip() for p in str(text).split("\n\n") if p.strip()]
    return "".join(f"<p style='margin:0.3em 0'>{esc(' '.join(p.split()))}</p>" for p in parts)


def box(status: str, title: str, body_html: str, role: str = "status") -> str:
    symbol, colour, background = STATUS_STYLE.get(status, STATUS_STYLE[Status.INFO])
    return (
        f"<div role='{role}' style='border-left:6px solid {colour};background:{background};"
        f"padding:0.5em 0.8em;margin:0.4em 0;color:#1a1a1a;border-radius:4px'>"
        f"<strong><span aria-hidden='true'>{symbol}</span> {esc(title)}</strong>{body_html}</div>"
    )


def bullet_list(items: Iterable[str], escaped: bool = False) -> str:
    rows = "".join(f"<li>{item if escaped else esc(item)}</li>" for item in items)
    return f"<ul style='margin:0.3em 0 0.3em 1.2em;padding:0'>{rows}</ul>" if rows else ""


class HTMLView:
    """An object a notebook displays as HTML; plain text elsewhere (console, logs)."""

    def __init__(self, html_text: str, plain: str) -> None:
        self._html = html_text
        self._plain = plain

    def _repr_html_(self) -> str:
        return self._html

    def __repr__(self) -> str:
        return self._plain

    def __str__(self) -> str:
        return self._plain

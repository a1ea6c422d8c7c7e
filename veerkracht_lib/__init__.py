"""Veerkracht: helpers for the course on maatschappelijke veerkracht.

A learner types only a few one-line calls. They load lazily, so ``import veerkracht_lib`` stays cheap:
nothing here imports matplotlib, ipywidgets or the content files until a call needs them.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# learner-facing name -> "module:attribute"
_EXPORTS = {
    "controleer": "checking:controleer",
    "toon_vraag": "checking:toon_vraag",
    "toon_model": "figures:toon_model",
    "verken_model": "figures:verken_model",
    "speel_casus": "vignette:speel_casus",
    "oefenvraag": "vignette:oefenvraag",
    "toon_interventies": "tables:toon_interventies",
    "toon_begrippen": "tables:toon_begrippen",
    "toon_bronnen": "tables:toon_bronnen",
    "toon_leerdoelen": "tables:toon_leerdoelen",
    "toon_verwijzingen": "tables:toon_verwijzingen",
    "toon_modelantwoord": "checking:toon_modelantwoord",
    "mijn_voortgang": "progress:mijn_voortgang",
    "exporteer_voortgang": "progress:exporteer_voortgang",
    "wis_voortgang": "progress:wis_voortgang",
    "toon_overzicht": "overview:toon_overzicht",
    "maak_handout": "documents:maak_handout",
    "maak_deelnamebewijs": "documents:maak_deelnamebewijs",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'veerkracht_lib' has no attribute {name!r}")
    module_name, attribute = target.split(":")
    value = getattr(importlib.import_module(f"veerkracht_lib.{module_name}"), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])

"""Typed records for the course content, their loader and their validation.

The content lives as YAML in ``veerkracht_lib/content`` (see ``docs/content-format.md``). ``load_*`` functions
parse it once per process; ``validate_all`` returns every problem it finds as a readable string (the tests
fail on any).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONTENT_DIR = Path(__file__).parent / "content"

CORE_CODE = "IND"
RISK_CODES = ("SOC", "POL", "IDE", "CUL", "TRA", "REK", "GRP")
PROGRAMME_CODES = ("a", "b", "c", "d", "e", "f")
VALUE_CODES = ("A", "B", "C", "D", "E", "F")
INSUFFICIENT = "ONV"
QUESTION_TYPES = ("multilabel", "single", "ordering", "classification", "matching")
SETTINGS = (
    "basisschool",
    "vo",
    "mbo",
    "jongerenwerk",
    "wijkteam",
    "gezin",
    "wijkagent",
    "gemeente",
    "sportclub",
    "online",
)
IDEOLOGIES = (
    "anti-institutioneel",
    "rechts-extremistisch",
    "religieus-extremistisch",
    "links-activistisch",
    "incel",
    "wederzijdse-polarisatie",
    "trauma",
    "onduidelijk",
    "geen-zorg",
)


def _yaml_load(path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


# --- records ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Source:
    id: str
    title: str
    author: str
    year: int | None = None
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Element:
    """One part of the model: the core, a risk factor or a value."""

    code: str
    name: str
    description: str
    sources: tuple[str, ...] = ()
    examples: str = ""
    in_core: bool = False


@dataclass(frozen=True)
class Intervention:
    name: str
    description: str
    evidence: str
    sources: tuple[str, ...] = ()
    correction: str = ""


@dataclass(frozen=True)
class Programme:
    code: str
    name: str
    description: str
    risk_factors: tuple[str, ...]
    values: tuple[str, ...]
    link_basis: str = ""
    professionals: str = ""
    interventions: tuple[Intervention, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Framework:
    core: Element
    risk_factors: tuple[Element, ...]
    programmes: tuple[Programme, ...]
    values: tuple[Element, ...]

    def risk(self, code: str) -> Element:
        return next(r for r in self.risk_factors if r.code == code)

    def programme(self, code: str) -> Programme:
        return next(p for p in self.programmes if p.code == code)

    def value(self, code: str) -> Element:
        return next(v for v in self.values if v.code == code)

    def name_of(self, code: str) -> str:
        if code == self.core.code:
            return self.core.name
        for group in (self.risk_factors, self.programmes, self.values):
            for item in group:
                if item.code == code:
                    return item.name
        raise KeyError(code)


@dataclass(frozen=True)
class Option:
    text: str
    feedback: str
    serves: tuple[str, ...] = ()
    harms: tuple[str, ...] = ()
    next: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Step:
    id: str
    prompt: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Ending:
    id: str
    title: str
    debrief: str
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vignette:
    id: str
    module: str
    title: str
    setting: str
    ideology: str
    professional: str
    situation: str
    start: str
    steps: dict[str, Step]
    endings: dict[str, Ending]
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    id: str
    module: str
    assignment: str
    type: str
    title: str
    prompt: str
    points: float
    template: str
    example: str
    options: dict[str, str] = field(default_factory=dict)
    items: dict[str, str] = field(default_factory=dict)
    exclusive: tuple[str, ...] = ()
    one_to_one: bool = False
    vignette: str | None = None
    sources: tuple[str, ...] = ()

    @property
    def variable(self) -> str:
        return f"antwoord_{self.id}"


@dataclass(frozen=True)
class PracticeOption:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Practice:
    id: str
    module: str
    prompt: str
    options: tuple[PracticeOption, ...]


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    source: str | None = None


# --- loaders ---------------------------------------------------------------------------------
def _codes(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in (value or ()))


@functools.cache
def load_sources() -> dict[str, Source]:
    data = _yaml_load(CONTENT_DIR / "sources.yaml")
    out: dict[str, Source] = {}
    for raw in data["sources"]:
        source = Source(
            id=str(raw["id"]),
            title=str(raw["title"]),
            author=str(raw.get("author") or ""),
            year=raw.get("year"),
            url=str(raw.get("url") or ""),
            note=str(raw.get("note") or ""),
        )
        out[source.id] = source
    return out


def _element(raw: dict[str, Any]) -> Element:
    return Element(
        code=str(raw["code"]),
        name=str(raw["name"]),
        description=str(raw.get("description") or ""),
        sources=_codes(raw.get("sources")),
        examples=str(raw.get("examples") or ""),
        in_core=bool(raw.get("in_core", False)),
    )


@functools.cache
def load_framework() -> Framework:
    data = _yaml_load(CONTENT_DIR / "framework.yaml")
    programmes = tuple(
        Programme(
            code=str(raw["code"]),
            name=str(raw["name"]),
            description=str(raw.get("description") or ""),
            risk_factors=_codes(raw.get("risk_factors")),
            values=_codes(raw.get("values")),
            link_basis=str(raw.get("link_basis") or ""),
            professionals=str(raw.get("professionals") or ""),
            interventions=tuple(
                Intervention(
                    name=str(i["name"]),
                    description=str(i.get("description") or ""),
                    evidence=str(i.get("evidence") or ""),
                    sources=_codes(i.get("sources")),
                    correction=str(i.get("correction") or ""),
                )
                for i in raw.get("interventions") or ()
            ),
            sources=_codes(raw.get("sources")),
        )
        for raw in data["programmes"]
    )
    return Framework(
        core=_element(data["core"]),
        risk_factors=tuple(_element(r) for r in data["risk_factors"]),
        programmes=programmes,
        values=tuple(_element(v) for v in data["values"]),
    )


def _vignette(raw: dict[str, Any]) -> Vignette:
    steps = {
        str(sid): Step(
            id=str(sid),
            prompt=str(step.get("prompt") or ""),
            options=tuple(
                Option(
                    text=str(o.get("text") or ""),
                    feedback=str(o.get("feedback") or ""),
                    serves=_codes(o.get("serves")),
                    harms=_codes(o.get("harms")),
                    next=None if o.get("next") is None else str(o["next"]),
                    end=None if o.get("end") is None else str(o["end"]),
                )
                for o in step.get("options") or ()
            ),
        )
        for sid, step in (raw.get("steps") or {}).items()
    }
    endings = {
        str(eid): Ending(
            id=str(eid),
            title=str(e.get("title") or ""),
            debrief=str(e.get("debrief") or ""),
            values=_codes(e.get("values")),
        )
        for eid, e in (raw.get("endings") or {}).items()
    }
    return Vignette(
        id=str(raw["id"]),
        module=str(raw.get("module") or ""),
        title=str(raw.get("title") or ""),
        setting=str(raw.get("setting") or ""),
        ideology=str(raw.get("ideology") or ""),
        professional=str(raw.get("professional") or ""),
        situation=str(raw.get("situation") or "").strip(),
        start=str(raw.get("start") or ""),
        steps=steps,
        endings=endings,
        sources=_codes(raw.get("sources")),
    )


@functools.cache
def load_vignettes() -> dict[str, Vignette]:
    out: dict[str, Vignette] = {}
    for path in sorted((CONTENT_DIR / "vignettes").glob("*.yaml")):
        vignette = _vignette(_yaml_load(path))
        out[vignette.id] = vignette
    return out


def _question(raw: dict[str, Any], module: str, assignment: str) -> Question:
    return Question(
        id=str(raw["id"]),
        module=module,
        assignment=assignment,
        type=str(raw["type"]),
        title=str(raw.get("title") or ""),
        prompt=str(raw.get("prompt") or "").strip(),
        points=float(raw.get("points") or 0),
        template=str(raw.get("template") or ""),
        example=str(raw.get("example") or ""),
        options={str(k): str(v) for k, v in (raw.get("options") or {}).items()},
        items={str(k): str(v) for k, v in (raw.get("items") or {}).items()},
        exclusive=_codes(raw.get("exclusive")),
        one_to_one=bool(raw.get("one_to_one", False)),
        vignette=None if raw.get("vignette") is None else str(raw["vignette"]),
        sources=_codes(raw.get("explanation_sources") or raw.get("sources")),
    )


@functools.cache
def load_questions() -> dict[str, Question]:
    out: dict[str, Question] = {}
    for path in sorted((CONTENT_DIR / "questions").glob("*.yaml")):
        data = _yaml_load(path)
        for raw in data["questions"]:
            question = _question(raw, str(data["module"]), str(data["assignment"]))
            out[question.id] = question
    return out


@functools.cache
def load_practice() -> dict[str, Practice]:
    out: dict[str, Practice] = {}
    path = CONTENT_DIR / "practice.yaml"
    if not path.exists():
        return out
    for raw in _yaml_load(path)["practice"]:
        out[str(raw["id"])] = Practice(
            id=str(raw["id"]),
            module=str(raw.get("module") or ""),
            prompt=str(raw.get("prompt") or "").strip(),
            options=tuple(
                PracticeOption(
                    text=str(o.get("text") or ""),
                    correct=bool(o.get("correct", False)),
                    feedback=str(o.get("feedback") or ""),
                )
                for o in raw.get("options") or ()
            ),
        )
    return out


@functools.cache
def load_glossary() -> tuple[Term, ...]:
    data = _yaml_load(CONTENT_DIR / "glossary.yaml")
    return tuple(
        Term(term=str(t["term"]), definition=str(t["definition"]), source=t.get("source")) for t in data["terms"]
    )


@functools.cache
def load_selfcheck() -> dict[str, Any]:
    """Salted hashes of the graded keys (see ``selfcheck.py``); empty when not shipped."""
    path = CONTENT_DIR / "selfcheck.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


# --- validation ------------------------------------------------------------------------------
_VIGNETTE_ID = re.compile(r"^[a-f]\d+_[a-z0-9_]+$")


def validate_framework(fw: Framework, sources: dict[str, Source]) -> list[str]:
    problems: list[str] = []

    def check_sources(where: str, ids: tuple[str, ...], required: bool = True) -> None:
        if required and not ids:
            problems.append(f"{where}: no sources")
        for sid in ids:
            if sid not in sources:
                problems.append(f"{where}: unknown source {sid!r}")

    if fw.core.code != CORE_CODE:
        problems.append(f"core code must be {CORE_CODE}")
    check_sources("core", fw.core.sources)
    if tuple(r.code for r in fw.risk_factors) != RISK_CODES:
        problems.append(f"risk factors must be {RISK_CODES} in that order")
    if tuple(p.code for p in fw.programmes) != PROGRAMME_CODES:
        problems.append(f"programmes must be {PROGRAMME_CODES} in that order")
    if tuple(v.code for v in fw.values) != VALUE_CODES:
        problems.append(f"values must be {VALUE_CODES} in that order")
    in_core = [r.code for r in fw.risk_factors if r.in_core]
    if in_core != ["TRA"]:
        problems.append(f"only TRA is part of the core, found {in_core}")
    for element in (fw.core, *fw.risk_factors, *fw.values):
        if not element.name or not element.description:
            problems.append(f"{element.code}: name and description are required")
        check_sources(element.code, element.sources)
    for programme in fw.programmes:
        where = f"programme {programme.code}"
        if not programme.name or not programme.description:
            problems.append(f"{where}: name and description are required")
        if not programme.risk_factors:
            problems.append(f"{where}: works on no risk factor")
        for code in programme.risk_factors:
            if code not in RISK_CODES:
                problems.append(f"{where}: unknown risk factor {code!r}")
        if not programme.values:
            problems.append(f"{where}: carried by no value")
        for code in programme.values:
            if code not in VALUE_CODES:
                problems.append(f"{where}: unknown value {code!r}")
        if not programme.link_basis:
            problems.append(f"{where}: link_basis missing")
        if not programme.interventions:
            problems.append(f"{where}: no interventions")
        check_sources(where, programme.sources)
        for intervention in programme.interventions:
            iw = f"{where} / {intervention.name}"
            if not intervention.description or not intervention.evidence:
                problems.append(f"{iw}: description and evidence are required")
            check_sources(iw, intervention.sources)
    covered = {code for p in fw.programmes for code in p.risk_factors}
    for code in RISK_CODES:
        if code not in covered:
            problems.append(f"risk factor {code} is addressed by no programme")
    carried = {code for p in fw.programmes for code in p.values}
    for code in VALUE_CODES:
        if code not in carried:
            problems.append(f"value {code} carries no programme")
    return problems


def validate_vignette(v: Vignette, sources: dict[str, Source]) -> list[str]:
    problems: list[str] = []
    where = f"vignette {v.id}"
    if not _VIGNETTE_ID.match(v.id):
        problems.append(f"{where}: id must look like a1_word")
    if v.module not in PROGRAMME_CODES or not v.id.startswith(v.module):
        problems.append(f"{where}: module {v.module!r} unknown or not matching the id")
    if v.setting not in SETTINGS:
        problems.append(f"{where}: unknown setting {v.setting!r}")
    if v.ideology not in IDEOLOGIES:
        problems.append(f"{where}: unknown ideology {v.ideology!r}")
    for name in ("title", "professional", "situation"):
        if not getattr(v, name):
            problems.append(f"{where}: {name} is required")
    if v.start not in v.steps:
        problems.append(f"{where}: start {v.start!r} is not a step")
    if not v.endings:
        problems.append(f"{where}: no endings")
    for sid in v.sources:
        if sid not in sources:
            problems.append(f"{where}: unknown source {sid!r}")
    for step in v.steps.values():
        sw = f"{where} step {step.id}"
        if not step.prompt:
            problems.append(f"{sw}: prompt is required")
        if not 2 <= len(step.options) <= 4:
            problems.append(f"{sw}: needs 2-4 options, has {len(step.options)}")
        for n, option in enumerate(step.options, 1):
            ow = f"{sw} option {n}"
            if not option.text or not option.feedback:
                problems.append(f"{ow}: text and feedback are required")
            if not option.serves and not option.harms:
                problems.append(f"{ow}: names no value it serves or harms")
            for code in (*option.serves, *option.harms):
                if code not in VALUE_CODES:
                    problems.append(f"{ow}: unknown value {code!r}")
            if (option.next is None) == (option.end is None):
                problems.append(f"{ow}: needs exactly one of next or end")
            if option.next is not None and option.next not in v.steps:
                problems.append(f"{ow}: next {option.next!r} is not a step")
            if option.end is not None and option.end not in v.endings:
                problems.append(f"{ow}: end {option.end!r} is not an ending")
    for ending in v.endings.values():
        if not ending.title or not ending.debrief:
            problems.append(f"{where} ending {ending.id}: title and debrief are required")
        for code in ending.values:
            if code not in VALUE_CODES:
                problems.append(f"{where} ending {ending.id}: unknown value {code!r}")
    # reachability and depth
    seen_steps: set[str] = set()
    seen_endings: set[str] = set()
    depth = {v.start: 1} if v.start in v.steps else {}
    queue = list(depth)
    while queue:
        sid = queue.pop(0)
        if sid in seen_steps:
            continue
        seen_steps.add(sid)
        for option in v.steps[sid].options:
            if option.next in v.steps:
                depth.setdefault(option.next, depth[sid] + 1)
                queue.append(option.next)
            if option.end in v.endings:
                seen_endings.add(option.end)
    for sid in set(v.steps) - seen_steps:
        problems.append(f"{where}: step {sid} is not reachable")
    for eid in set(v.endings) - seen_endings:
        problems.append(f"{where}: ending {eid} is not reachable")
    if depth and max(depth.values()) < 2:
        problems.append(f"{where}: needs at least two decision points on some path")
    return problems


def validate_question(q: Question, sources: dict[str, Source], vignettes: dict[str, Vignette]) -> list[str]:
    problems: list[str] = []
    where = f"question {q.id}"
    if q.type not in QUESTION_TYPES:
        problems.append(f"{where}: unknown type {q.type!r}")
    if not q.id.startswith(q.module) or q.module not in PROGRAMME_CODES:
        problems.append(f"{where}: id must start with its module letter")
    if not q.title or not q.prompt:
        problems.append(f"{where}: title and prompt are required")
    if q.points <= 0:
        problems.append(f"{where}: points must be positive")
    if not q.template.startswith(f"{q.variable} = "):
        problems.append(f"{where}: template must start with '{q.variable} = '")
    if not q.options:
        problems.append(f"{where}: options are required")
    if q.type in ("classification", "matching") and not q.items:
        problems.append(f"{where}: items are required for {q.type}")
    if q.type not in ("classification", "matching") and q.items:
        problems.append(f"{where}: items only belong to classification or matching")
    for code in q.exclusive:
        if code not in q.options:
            problems.append(f"{where}: exclusive code {code!r} is not an option")
    for code in q.options:
        if not code.isalnum():
            problems.append(f"{where}: option codes are letters or digits, not {code!r}")
    if q.vignette is not None and q.vignette not in vignettes:
        problems.append(f"{where}: unknown vignette {q.vignette!r}")
    for sid in q.sources:
        if sid not in sources:
            problems.append(f"{where}: unknown source {sid!r}")
    return problems


def validate_practice(p: Practice) -> list[str]:
    problems: list[str] = []
    where = f"practice {p.id}"
    if not p.prompt:
        problems.append(f"{where}: prompt is required")
    if not 2 <= len(p.options) <= 5:
        problems.append(f"{where}: needs 2-5 options")
    if sum(o.correct for o in p.options) != 1:
        problems.append(f"{where}: needs exactly one correct option")
    for n, option in enumerate(p.options, 1):
        if not option.text or not option.feedback:
            problems.append(f"{where} option {n}: text and feedback are required")
    return problems


def validate_all() -> list[str]:
    sources = load_sources()
    problems = validate_framework(load_framework(), sources)
    vignettes = load_vignettes()
    for vignette in vignettes.values():
        problems += validate_vignette(vignette, sources)
    for question in load_questions().values():
        problems += validate_question(question, sources, vignettes)
    for practice in load_practice().values():
        problems += validate_practice(practice)
    for term in load_glossary():
        if term.source and term.source not in sources:
            problems.append(f"glossary {term.term}: unknown source {term.source!r}")
    return problems

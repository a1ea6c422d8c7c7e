"""The course content: typed records, their loader and their validation.

The content lives as YAML in ``veerkracht_lib/content`` (see ``docs/content-format.md``). Each record below is
its own schema (``schema.py``): loading is strict (unknown or misspelled keys, missing keys and wrong types are
errors), so a typo never disappears silently. ``load_*`` parse once per process and raise ``ContentError`` with
every problem of a broken file; ``validate_all`` adds the checks that span records (codes exist, cases are
reachable, ...) and returns every problem as a readable line (the tests and ``veerkracht build --check`` fail on
any).
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .schema import SchemaError, doc, load_record

CONTENT_DIR = Path(__file__).parent / "content"

CORE_CODE = "IND"
RISK_CODES = ("SOC", "POL", "IDE", "CUL", "TRA", "REK", "GRP")
PROGRAMME_CODES = ("a", "b", "c", "d", "e", "f")
VALUE_CODES = ("A", "B", "C", "D", "E", "F")
INSUFFICIENT = "ONV"  # "onvoldoende informatie"
NO_CONCERN = "GZ"  # "geen zorg"
PROTECTIVE_TAG = "protective"
QUESTION_TYPES = ("multilabel", "single", "ordering", "classification", "matching")
PER_ITEM_TYPES = ("classification", "matching")
GROUPS = ("leraar", "jongerenwerker", "wijkagent", "beleidsmaker")

Setting = Literal[
    "basisschool", "vo", "mbo", "jongerenwerk", "wijkteam", "gezin", "wijkagent", "gemeente", "sportclub", "online"
]
Ideology = Literal[
    "anti-institutioneel",
    "rechts-extremistisch",
    "religieus-extremistisch",
    "links-activistisch",
    "incel",
    "wederzijdse-polarisatie",
    "trauma",
    "onduidelijk",
    "geen-zorg",
]
Quality = Literal["strong", "reasonable", "weak"]
QuestionType = Literal["multilabel", "single", "ordering", "classification", "matching"]
SETTINGS: tuple[str, ...] = Setting.__args__  # type: ignore[attr-defined]
IDEOLOGIES: tuple[str, ...] = Ideology.__args__  # type: ignore[attr-defined]
SCHOOL_SETTINGS = ("basisschool", "vo", "mbo")
NO_CONCERN_IDEOLOGY = "geen-zorg"


class ContentError(ValueError):
    """A content file that cannot be loaded; the message lists every problem (for authors, in English)."""


def _yaml_load(path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=loader)
    except yaml.YAMLError as exc:
        raise ContentError(f"{path.name}: not valid YAML: {exc}") from exc


def _load(cls: type, path: Path) -> Any:
    problems: list[str] = []
    record = load_record(cls, _yaml_load(path), _rel(path), problems)
    if problems:
        raise ContentError("\n".join(problems))
    return record


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(CONTENT_DIR))
    except ValueError:
        return path.name


# --- the model (framework.yaml, sources.yaml, glossary.yaml, referrals.yaml) ---------------------
@dataclass(frozen=True)
class Source:
    """A source cited anywhere in the course (``sources.yaml``)."""

    id: str = doc("lowercase id, referenced from everywhere else")
    title: str = doc("title of the work")
    author: str = doc("author(s) or organisation", "")
    year: int | None = doc("year of publication", None)
    url: str = doc("web address", "")
    note: str = doc("Dutch note, e.g. a correction or evidence status", "")


@dataclass(frozen=True)
class SourceFile:
    """``sources.yaml``."""

    sources: tuple[Source, ...] = doc("every source of the course")


@dataclass(frozen=True)
class Element:
    """One part of the model: the core, a risk factor or a value."""

    code: str = doc("IND, a risk factor code (SOC ...) or a value code (A-F)")
    name: str = doc("Dutch name")
    description: str = doc("Dutch description (B1)")
    sources: tuple[str, ...] = doc("source ids", factory=tuple)
    examples: str = doc("examples, shown after the name", "")
    in_core: bool = doc("true only for TRA: trauma is part of the core, drawn as a small circle", False)


@dataclass(frozen=True)
class Intervention:
    """An intervention the article names for a programme."""

    name: str = doc("name as the course uses it")
    description: str = doc("what it is (Dutch)")
    evidence: str = doc("evidence status in plain Dutch")
    sources: tuple[str, ...] = doc("source ids", factory=tuple)
    target_group: str = doc("for whom (Dutch)", "")
    method: str = doc("how it works (Dutch)", "")
    correction: str = doc("where another source differs from the article (never blaming the article)", "")


@dataclass(frozen=True)
class Programme:
    """One of the six protective programmes a-f."""

    code: str = doc("a-f")
    name: str = doc("Dutch name")
    description: str = doc("what the programme is (Dutch)")
    risk_factors: tuple[str, ...] = doc("risk factor codes the programme works on")
    values: tuple[str, ...] = doc("value codes that carry it")
    link_basis: str = doc("how we know the links: the article's text or the course's own reading")
    professionals: str = doc("who carries it out", "")
    interventions: tuple[Intervention, ...] = doc("interventions the article names", factory=tuple)
    sources: tuple[str, ...] = doc("source ids", factory=tuple)


@dataclass(frozen=True)
class Framework:
    """``framework.yaml``: the model of the article."""

    core: Element = doc("the individual (IND)")
    risk_factors: tuple[Element, ...] = doc("the seven risk factors, in order SOC POL IDE CUL TRA REK GRP")
    programmes: tuple[Programme, ...] = doc("the six programmes a-f")
    values: tuple[Element, ...] = doc("the six values A-F")

    def risk(self, code: str) -> Element:
        return self._find(self.risk_factors, code)

    def programme(self, code: str) -> Programme:
        return self._find(self.programmes, code)

    def value(self, code: str) -> Element:
        return self._find(self.values, code)

    @staticmethod
    def _find(group: tuple[Any, ...], code: str) -> Any:
        for item in group:
            if item.code == code:
                return item
        raise KeyError(code)

    def name_of(self, code: str) -> str:
        if code == self.core.code:
            return self.core.name
        for group in (self.risk_factors, self.programmes, self.values):
            for item in group:
                if item.code == code:
                    return item.name
        raise KeyError(code)


@dataclass(frozen=True)
class Term:
    """A glossary entry: one definition per key term, reused everywhere."""

    term: str = doc("the term")
    definition: str = doc("one Dutch definition (B1)")
    source: str | None = doc("source id", None)


@dataclass(frozen=True)
class GlossaryFile:
    """``glossary.yaml``."""

    terms: tuple[Term, ...] = doc("all terms")


@dataclass(frozen=True)
class Referral:
    """Where a professional can turn with a concern. Time-sensitive: each entry has its own check date."""

    id: str = doc("lowercase id")
    name: str = doc("name of the organisation or line")
    what: str = doc("who they are and what they do (Dutch, B1)")
    when: str = doc("when you turn to them (Dutch, B1)")
    checked: datetime.date = doc("date this entry was last checked (laatst gecontroleerd)")
    phone: str = doc("phone number", "")
    url: str = doc("web address", "")
    local: bool = doc("true for a line the learner fills in for their own municipality ('wie is dit bij mij?')", False)


@dataclass(frozen=True)
class ReferralFile:
    """``referrals.yaml``: the one data file for time-sensitive contact facts."""

    checked: datetime.date = doc("date the whole file was last checked")
    referrals: tuple[Referral, ...] = doc("the referral entries")


# --- cases (vignettes/<id>.yaml) -------------------------------------------------------------------
@dataclass(frozen=True)
class Option:
    """One choice at a decision point."""

    text: str = doc("what the professional does (Dutch)")
    quality: Quality = doc("strong, reasonable or weak: drives the symbol and colour the learner sees")
    feedback: str = doc("why this helps or harms, 1-3 sentences; never contradicting the quality")
    serves: tuple[str, ...] = doc("value codes this choice serves", factory=tuple)
    harms: tuple[str, ...] = doc("value codes this choice harms", factory=tuple)
    next: str | None = doc("the next step id (exactly one of next/end)", None)
    end: str | None = doc("the ending id (exactly one of next/end)", None)


@dataclass(frozen=True)
class Step:
    """A decision point."""

    prompt: str = doc("the question at this point (Dutch)")
    options: tuple[Option, ...] = doc("2-4 options")
    dilemma: bool = doc("true for a real dilemma: >= 2 defensible options serving different values", False)


@dataclass(frozen=True)
class Ending:
    """How a route ends."""

    title: str = doc("short title")
    debrief: str = doc("what happened and why, with what the sources say")
    strengthened: tuple[str, ...] = doc("values strengthened on this route", factory=tuple)
    pressured: tuple[str, ...] = doc("values that came under pressure on this route", factory=tuple)


@dataclass(frozen=True)
class Vignette:
    """A branching case (``vignettes/<id>.yaml``)."""

    id: str = doc("<module code><number>_<word>, e.g. b1_complot")
    module: str = doc("module code")
    title: str = doc("title")
    setting: Setting = doc("where it happens")
    ideology: Ideology = doc("the ideology at stake, or geen-zorg for a case with no real concern")
    professional: str = doc("the professional, e.g. 'Fatima, jongerenwerker'")
    situation: str = doc("the situation, at most five short sentences")
    start: str = doc("the first step id")
    steps: dict[str, Step] = doc("step id -> step")
    endings: dict[str, Ending] = doc("ending id -> ending")
    sources: tuple[str, ...] = doc("source ids", factory=tuple)
    objective: str | None = doc("the learning objective of the module the case practises", None)

    @property
    def concern(self) -> bool:
        return self.ideology != NO_CONCERN_IDEOLOGY


# --- modules (modules/<code>.yaml) ------------------------------------------------------------------
@dataclass(frozen=True)
class StudyLoad:
    """Study load in minutes."""

    lesson: int = doc("minutes for the lesson notebook (reading, cases, practice)")
    exercises: int = doc("minutes for the graded notebook")

    @property
    def total(self) -> int:
        return self.lesson + self.exercises


@dataclass(frozen=True)
class Objective:
    """A learning objective."""

    id: str = doc("lo1, lo2, ...")
    text: str = doc("starts with 'Je kunt'")


@dataclass(frozen=True)
class PracticeOption:
    text: str = doc("the option")
    correct: bool = doc("true for the one right option")
    feedback: str = doc("shown openly after the choice")


@dataclass(frozen=True)
class Practice:
    """An ungraded practice question (feedback shown openly)."""

    id: str = doc("<module code>_p<number>")
    prompt: str = doc("the question")
    options: tuple[PracticeOption, ...] = doc("3-5 options, exactly one correct")
    module: str = field(default="", init=False, metadata={"doc": "set from the module file"})


@dataclass(frozen=True)
class Question:
    """A graded question (learner-safe: its key lives only on the instructor side)."""

    id: str = doc("<module code><number>")
    objective: str = doc("the learning objective it tests")
    type: QuestionType = doc("multilabel | single | ordering | classification | matching")
    title: str = doc("short title")
    prompt: str = doc("the question only; typing instructions are generated")
    options: dict[str, str] = doc("option code -> label, in display order")
    points: float = doc("points, 1-3")
    sources: tuple[str, ...] = doc("source ids behind the question")
    tags: tuple[str, ...] = doc("risk factor and value codes it is about, and 'protective'", factory=tuple)
    vignette: str | None = doc("the case it is about", None)
    items: dict[str, str] = doc("classification/matching: item number -> statement", factory=dict)
    exclusive: tuple[str, ...] = doc("multilabel: codes that cannot be combined with others (ONV, GZ)", factory=tuple)
    one_to_one: bool = doc("matching: every option used exactly once", False)
    example: str | None = doc("a form example; generated when left out (it must not be the right answer)", None)
    module: str = field(default="", init=False, metadata={"doc": "set from the module file"})
    assignment: str = field(default="", init=False, metadata={"doc": "set from the module file"})

    @property
    def variable(self) -> str:
        from .protocol import answer_variable

        return answer_variable(self.id)

    @property
    def template(self) -> str:
        from .protocol import template_line

        return template_line(self)

    @property
    def form_example(self) -> str:
        from .protocol import example_value

        return self.example if self.example else example_value(self)


@dataclass(frozen=True)
class Criterion:
    """One rubric criterion of a reflection, with what 0, half and full points look like."""

    criterion: str = doc("what is assessed")
    points: float = doc("points for this criterion")
    zero: str = doc("what an answer with 0 points looks like")
    half: str = doc("what an answer with half the points looks like")
    full: str = doc("what an answer with full points looks like")


@dataclass(frozen=True)
class Reflection:
    """The manually graded reflection of a module."""

    title: str = doc("heading")
    prompt: str = doc("the question; fits every professional group; privacy reminder")
    variants: dict[str, str] = doc("the same question per group: leraar, jongerenwerker, wijkagent, beleidsmaker")
    points: float = doc("points (the rubric criteria add up to this)")
    rubric: tuple[Criterion, ...] = doc("the criteria")


@dataclass(frozen=True)
class Module:
    """``modules/<code>.yaml``: one module's objectives, practice, graded questions and reflection."""

    code: str = doc("module code: a-f, or s for the closing module")
    title: str = doc("title")
    lesson: str = doc("path of the lesson notebook, e.g. course/modules/b_ideologische_weerbaarheid.ipynb")
    assignment: str = doc("nbgrader assignment name, e.g. b_ideologische_weerbaarheid")
    study_load: StudyLoad = doc("minutes for the lesson and the graded notebook")
    objectives: tuple[Objective, ...] = doc("3-5 learning objectives")
    questions: tuple[Question, ...] = doc(">= 6 graded questions of >= 3 types")
    reflection: Reflection = doc("the manually graded reflection")
    practice: tuple[Practice, ...] = doc("ungraded practice questions", factory=tuple)
    programme: str | None = doc("the programme it teaches (a-f); left out for the closing module", None)

    @property
    def exercise_notebook(self) -> str:
        return f"exercises/{self.assignment}/{self.assignment}.ipynb"


# --- loaders ----------------------------------------------------------------------------------------
@functools.cache
def load_sources() -> dict[str, Source]:
    data: SourceFile = _load(SourceFile, CONTENT_DIR / "sources.yaml")
    return {s.id: s for s in data.sources}


@functools.cache
def load_framework() -> Framework:
    return _load(Framework, CONTENT_DIR / "framework.yaml")


@functools.cache
def load_glossary() -> tuple[Term, ...]:
    data: GlossaryFile = _load(GlossaryFile, CONTENT_DIR / "glossary.yaml")
    return data.terms


@functools.cache
def load_referrals() -> ReferralFile:
    return _load(ReferralFile, CONTENT_DIR / "referrals.yaml")


@functools.cache
def load_vignettes() -> dict[str, Vignette]:
    out: dict[str, Vignette] = {}
    for path in sorted((CONTENT_DIR / "vignettes").glob("*.yaml")):
        vignette: Vignette = _load(Vignette, path)
        if vignette.id in out:
            raise ContentError(f"{_rel(path)}: case id {vignette.id!r} is used twice")
        if path.stem != vignette.id:
            raise ContentError(f"{_rel(path)}: the file name must be the case id ({vignette.id}.yaml)")
        out[vignette.id] = vignette
    return out


@functools.cache
def load_modules() -> dict[str, Module]:
    out: dict[str, Module] = {}
    for path in sorted((CONTENT_DIR / "modules").glob("*.yaml")):
        module: Module = _load(Module, path)
        if path.stem != module.code:
            raise ContentError(f"{_rel(path)}: the file name must be the module code ({module.code}.yaml)")
        for record in (*module.questions, *module.practice):
            object.__setattr__(record, "module", module.code)
        for question in module.questions:
            object.__setattr__(question, "assignment", module.assignment)
        out[module.code] = module
    return out


@functools.cache
def load_questions() -> dict[str, Question]:
    out: dict[str, Question] = {}
    for module in load_modules().values():
        for question in module.questions:
            if question.id in out:
                raise ContentError(f"question id {question.id!r} is used twice")
            out[question.id] = question
    return out


@functools.cache
def load_practice() -> dict[str, Practice]:
    out: dict[str, Practice] = {}
    for module in load_modules().values():
        for practice in module.practice:
            if practice.id in out:
                raise ContentError(f"practice id {practice.id!r} is used twice")
            out[practice.id] = practice
    return out


def module_of_assignment(assignment: str) -> Module | None:
    return next((m for m in load_modules().values() if m.assignment == assignment), None)


@functools.cache
def load_selfcheck() -> dict[str, Any]:
    """Self-check data generated by the build (salted key hashes, explanations); empty when not shipped."""
    path = CONTENT_DIR / "selfcheck.json"
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def clear_caches() -> None:
    """Forget everything loaded (tests and the build use this after changing content files)."""
    for loader in (
        load_sources,
        load_framework,
        load_glossary,
        load_referrals,
        load_vignettes,
        load_modules,
        load_questions,
        load_practice,
        load_selfcheck,
    ):
        loader.cache_clear()


# --- validation across records ----------------------------------------------------------------------
_VIGNETTE_ID = re.compile(r"^[a-z]\d+_[a-z0-9_]+$")
_MODULE_CODE = re.compile(r"^[a-z]$")
_CODE = re.compile(r"^[A-Za-z0-9]+$")


class _Problems(list[str]):
    def sources(self, where: str, ids: tuple[str, ...], known: dict[str, Source], required: bool = True) -> None:
        if required and not ids:
            self.append(f"{where}: no sources")
        for sid in ids:
            if sid not in known:
                self.append(f"{where}: unknown source {sid!r}")

    def values(self, where: str, codes: tuple[str, ...]) -> None:
        for code in codes:
            if code not in VALUE_CODES:
                self.append(f"{where}: unknown value {code!r} (values are {', '.join(VALUE_CODES)})")


def validate_framework(fw: Framework, sources: dict[str, Source]) -> list[str]:
    problems = _Problems()
    if fw.core.code != CORE_CODE:
        problems.append(f"core code must be {CORE_CODE}")
    problems.sources("core", fw.core.sources, sources)
    if tuple(r.code for r in fw.risk_factors) != RISK_CODES:
        problems.append(f"risk factors must be {RISK_CODES} in that order")
    if tuple(p.code for p in fw.programmes) != PROGRAMME_CODES:
        problems.append(f"programmes must be {PROGRAMME_CODES} in that order")
    if tuple(v.code for v in fw.values) != VALUE_CODES:
        problems.append(f"values must be {VALUE_CODES} in that order")
    in_core = [r.code for r in fw.risk_factors if r.in_core]
    if len(in_core) > 1:
        problems.append(f"at most one risk factor is part of the core, found {in_core}")
    for element in (fw.core, *fw.risk_factors, *fw.values):
        if not element.name or not element.description:
            problems.append(f"{element.code}: name and description are required")
        problems.sources(element.code, element.sources, sources)
    for programme in fw.programmes:
        where = f"programme {programme.code}"
        if not programme.name or not programme.description or not programme.link_basis:
            problems.append(f"{where}: name, description and link_basis are required")
        if not programme.risk_factors:
            problems.append(f"{where}: works on no risk factor")
        for code in programme.risk_factors:
            if code not in RISK_CODES:
                problems.append(f"{where}: unknown risk factor {code!r}")
        if not programme.values:
            problems.append(f"{where}: carried by no value")
        problems.values(where, programme.values)
        if not programme.interventions:
            problems.append(f"{where}: no interventions")
        problems.sources(where, programme.sources, sources)
        for intervention in programme.interventions:
            iw = f"{where} / {intervention.name}"
            if not intervention.description or not intervention.evidence:
                problems.append(f"{iw}: description and evidence are required")
            problems.sources(iw, intervention.sources, sources)
    covered = {code for p in fw.programmes for code in p.risk_factors}
    problems += [f"risk factor {code} is addressed by no programme" for code in RISK_CODES if code not in covered]
    carried = {code for p in fw.programmes for code in p.values}
    problems += [f"value {code} carries no programme" for code in VALUE_CODES if code not in carried]
    return problems


def validate_vignette(v: Vignette, sources: dict[str, Source], modules: dict[str, Module] | None = None) -> list[str]:
    problems = _Problems()
    where = f"case {v.id}"
    if not _VIGNETTE_ID.match(v.id) or not v.id.startswith(v.module):
        problems.append(f"{where}: id must look like {v.module or 'a'}1_word and start with its module code")
    if modules is not None:
        module = modules.get(v.module)
        if module is None:
            problems.append(f"{where}: unknown module {v.module!r}")
        elif v.objective is not None and v.objective not in {o.id for o in module.objectives}:
            problems.append(f"{where}: unknown objective {v.objective!r} of module {v.module}")
    for name in ("title", "professional", "situation"):
        if not getattr(v, name).strip():
            problems.append(f"{where}: {name} is required")
    if v.start not in v.steps:
        problems.append(f"{where}: start {v.start!r} is not a step")
    if not v.endings:
        problems.append(f"{where}: no endings")
    problems.sources(where, v.sources, sources)
    if not any(step.dilemma for step in v.steps.values()):
        problems.append(f"{where}: no step is marked as a dilemma (dilemma: true)")
    for sid, step in v.steps.items():
        sw = f"{where} step {sid}"
        if not step.prompt.strip():
            problems.append(f"{sw}: prompt is required")
        if not 2 <= len(step.options) <= 4:
            problems.append(f"{sw}: needs 2-4 options, has {len(step.options)}")
        if not any(o.quality == "strong" for o in step.options):
            problems.append(f"{sw}: no option has quality strong")
        if step.dilemma:
            defensible = [o for o in step.options if o.quality != "weak"]
            if len(defensible) < 2 or len({frozenset(o.serves) for o in defensible}) < 2:
                problems.append(f"{sw}: a dilemma needs two defensible options that serve different values")
        for n, option in enumerate(step.options, 1):
            ow = f"{sw} option {n}"
            if not option.text.strip() or not option.feedback.strip():
                problems.append(f"{ow}: text and feedback are required")
            if not option.serves and not option.harms:
                problems.append(f"{ow}: names no value it serves or harms")
            problems.values(ow, (*option.serves, *option.harms))
            if set(option.serves) & set(option.harms):
                problems.append(f"{ow}: a value cannot be both served and harmed")
            if (option.next is None) == (option.end is None):
                problems.append(f"{ow}: needs exactly one of next or end")
            if option.next is not None and option.next not in v.steps:
                problems.append(f"{ow}: next {option.next!r} is not a step")
            if option.end is not None and option.end not in v.endings:
                problems.append(f"{ow}: end {option.end!r} is not an ending")
    for eid, ending in v.endings.items():
        if not ending.title.strip() or not ending.debrief.strip():
            problems.append(f"{where} ending {eid}: title and debrief are required")
        problems.values(f"{where} ending {eid}", (*ending.strengthened, *ending.pressured))
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
    problems += [f"{where}: step {sid} is not reachable" for sid in sorted(set(v.steps) - seen_steps)]
    problems += [f"{where}: ending {eid} is not reachable" for eid in sorted(set(v.endings) - seen_endings)]
    if depth and max(depth.values()) < 2:
        problems.append(f"{where}: needs at least two decision points on some path")
    return problems


def _case_collisions(codes: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    out = []
    for code in codes:
        other = seen.setdefault(code.lower(), code)
        if other != code:
            out.append(f"{other!r} and {code!r}")
    return out


def validate_question(
    q: Question, module: Module, sources: dict[str, Source], vignettes: dict[str, Vignette]
) -> list[str]:
    problems = _Problems()
    where = f"question {q.id}"
    if not re.fullmatch(rf"{re.escape(module.code)}\d+", q.id):
        problems.append(f"{where}: id must be the module code {module.code!r} followed by a number")
    if q.objective not in {o.id for o in module.objectives}:
        problems.append(f"{where}: unknown objective {q.objective!r}")
    if not q.title.strip() or not q.prompt.strip():
        problems.append(f"{where}: title and prompt are required")
    if not 0 < q.points <= 10:
        problems.append(f"{where}: points must be between 0 and 10")
    if len(q.options) < 2:
        problems.append(f"{where}: at least two options are required")
    for code in q.options:
        if not _CODE.match(code):
            problems.append(f"{where}: option codes are letters or digits, not {code!r}")
    for pair in _case_collisions(list(q.options)):
        problems.append(f"{where}: option codes {pair} differ only in case")
    if q.type in PER_ITEM_TYPES and not q.items:
        problems.append(f"{where}: items are required for {q.type}")
    if q.type not in PER_ITEM_TYPES and q.items:
        problems.append(f"{where}: items only belong to classification or matching")
    if q.exclusive and q.type != "multilabel":
        problems.append(f"{where}: exclusive only belongs to multilabel")
    if q.one_to_one and q.type != "matching":
        problems.append(f"{where}: one_to_one only belongs to matching")
    if q.one_to_one and len(q.items) > len(q.options):
        problems.append(f"{where}: one_to_one needs at least as many options as items")
    for item in q.items:
        if not re.fullmatch(r"[0-9A-Za-z]+", item):
            problems.append(f"{where}: item ids are numbers or letters, not {item!r}")
    for code in q.exclusive:
        if code not in q.options:
            problems.append(f"{where}: exclusive code {code!r} is not an option")
    for tag in q.tags:
        if tag not in (*RISK_CODES, *VALUE_CODES, CORE_CODE, PROTECTIVE_TAG):
            problems.append(f"{where}: unknown tag {tag!r} (risk factor or value codes, or '{PROTECTIVE_TAG}')")
    if q.vignette is not None and q.vignette not in vignettes:
        problems.append(f"{where}: unknown case {q.vignette!r}")
    problems.sources(where, q.sources, sources)
    return problems


def validate_module(m: Module, sources: dict[str, Source], vignettes: dict[str, Vignette]) -> list[str]:
    problems = _Problems()
    where = f"module {m.code}"
    if not _MODULE_CODE.match(m.code):
        problems.append(f"{where}: the code must be one lowercase letter")
    if m.programme is not None and m.programme not in PROGRAMME_CODES:
        problems.append(f"{where}: unknown programme {m.programme!r}")
    if not re.fullmatch(rf"{re.escape(m.code)}_[a-z0-9_]+", m.assignment):
        problems.append(f"{where}: assignment must look like {m.code}_words (lowercase, underscores)")
    if not m.lesson.endswith(".ipynb") or not m.lesson.startswith("course/"):
        problems.append(f"{where}: lesson must be a notebook under course/")
    if m.study_load.lesson <= 0 or m.study_load.exercises <= 0:
        problems.append(f"{where}: study load must be positive minutes")
    objective_ids = [o.id for o in m.objectives]
    if len(set(objective_ids)) != len(objective_ids):
        problems.append(f"{where}: objective ids must be unique")
    for objective in m.objectives:
        if not re.fullmatch(r"lo\d+", objective.id):
            problems.append(f"{where}: objective id {objective.id!r} must look like lo1")
    for practice in m.practice:
        pw = f"practice {practice.id}"
        if not re.fullmatch(rf"{re.escape(m.code)}_p\d+", practice.id):
            problems.append(f"{pw}: id must look like {m.code}_p1")
        if not practice.prompt.strip():
            problems.append(f"{pw}: prompt is required")
        if not 2 <= len(practice.options) <= 5:
            problems.append(f"{pw}: needs 2-5 options")
        if sum(o.correct for o in practice.options) != 1:
            problems.append(f"{pw}: needs exactly one correct option")
        for n, option in enumerate(practice.options, 1):
            if not option.text.strip() or not option.feedback.strip():
                problems.append(f"{pw} option {n}: text and feedback are required")
    for question in m.questions:
        problems += validate_question(question, m, sources, vignettes)
    reflection = m.reflection
    if set(reflection.variants) != set(GROUPS):
        problems.append(f"{where} reflection: variants must be exactly {', '.join(GROUPS)}")
    if not reflection.rubric:
        problems.append(f"{where} reflection: a rubric is required")
    elif abs(sum(c.points for c in reflection.rubric) - reflection.points) > 1e-9:
        problems.append(f"{where} reflection: rubric points do not add up to {reflection.points:g}")
    return problems


def validate_all() -> list[str]:
    """Every problem in the content, as readable lines (empty when all is well)."""
    try:
        sources = load_sources()
        framework = load_framework()
        vignettes = load_vignettes()
        modules = load_modules()
        questions = load_questions()
        load_practice()
        glossary = load_glossary()
        load_referrals()
    except (ContentError, SchemaError) as exc:
        return str(exc).splitlines()
    problems = validate_framework(framework, sources)
    for vignette in vignettes.values():
        problems += validate_vignette(vignette, sources, modules)
    for module in modules.values():
        problems += validate_module(module, sources, vignettes)
    assignments = [m.assignment for m in modules.values()]
    if len(set(assignments)) != len(assignments):
        problems.append("two modules share an assignment name")
    for qid in questions:
        if any(qid != other and qid.lower() == other.lower() for other in questions):
            problems.append(f"question ids {qid!r} differ only in case from another id")
    terms = [t.term.lower() for t in glossary]
    for term in sorted({t for t in terms if terms.count(t) > 1}):
        problems.append(f"glossary: {term!r} is defined more than once")
    for term in glossary:
        if term.source and term.source not in sources:
            problems.append(f"glossary {term.term}: unknown source {term.source!r}")
    return problems

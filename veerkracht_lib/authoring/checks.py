"""Static checks of the notebooks against the data: what a lesson calls exists, and all content is used.

Learners get a friendly Dutch box when a call names something unknown; an author must get a failing build
instead. Nothing here runs a notebook: code cells are parsed with ``ast``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat

from ..model import load_framework, load_modules, load_practice, load_questions, load_vignettes

# learner call -> what its first argument names
CALL_TARGETS = {
    "speel_casus": "case",
    "oefenvraag": "practice",
    "toon_vraag": "question",
    "controleer": "question",
    "toon_interventies": "programme",
    "toon_bronnen": "module",
    "toon_leerdoelen": "module",
    "toon_modelantwoord": "module",
}


def _known() -> dict[str, set[str]]:
    fw = load_framework()
    model_codes = {fw.core.code, *(e.code for e in (*fw.risk_factors, *fw.programmes, *fw.values))}
    return {
        "case": set(load_vignettes()),
        "practice": set(load_practice()),
        "question": set(load_questions()),
        "programme": {p.code for p in fw.programmes},
        "module": set(load_modules()),
        "model": model_codes,
    }


def notebook_calls(path: Path) -> tuple[list[tuple[str, object]], list[str], list[str]]:
    """(call name, first literal argument) pairs, names imported from veerkracht_lib, and parse problems."""
    calls: list[tuple[str, object]] = []
    imported: list[str] = []
    problems: list[str] = []
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # an unreadable notebook is an author's problem to report, not a crash
        return [], [], [f"{path}: not a readable notebook ({exc.__class__.__name__})"]
    for n, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            problems.append(f"{path} cell {n}: code that does not parse")
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "veerkracht_lib":
                imported += [alias.name for alias in node.names]
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                name = node.func.id
                arg: object = None
                if node.args and isinstance(node.args[0], ast.Constant):
                    arg = node.args[0].value
                for kw in node.keywords:
                    if name == "toon_model" and kw.arg == "markeer" and isinstance(kw.value, ast.Constant):
                        arg = kw.value.value
                calls.append((name, arg))
    return calls, imported, problems


def notebook_problems(root: Path) -> list[str]:
    import veerkracht_lib

    known = _known()
    problems: list[str] = []
    used: dict[str, set[str]] = {"case": set(), "practice": set()}
    notebooks = sorted((root / "course").rglob("*.ipynb")) + sorted((root / "solutions").glob("*/*.ipynb"))
    for path in notebooks:
        if ".ipynb_checkpoints" in path.parts:
            continue
        rel = path.relative_to(root)
        calls, imported, parse_problems = notebook_calls(path)
        problems += parse_problems
        for name in imported:
            if name not in veerkracht_lib.__all__:
                problems.append(f"{rel}: imports {name!r}, which veerkracht_lib does not offer")
        for name, arg in calls:
            kind = "model" if name == "toon_model" else CALL_TARGETS.get(name)
            if kind is None or arg is None:
                continue
            if not isinstance(arg, str) or arg not in known[kind]:
                problems.append(f"{rel}: {name}({arg!r}) names a {kind} that does not exist")
            elif kind in used and path.is_relative_to(root / "course"):
                used[kind].add(arg)
    for module in load_modules().values():
        lesson = root / module.lesson
        if not lesson.exists():
            problems.append(f"module {module.code}: lesson notebook {module.lesson} does not exist")
            continue
        text = "\n".join(c.source for c in nbformat.read(lesson, as_version=4).cells if c.cell_type == "markdown")
        if f"{module.assignment}/{module.assignment}.ipynb" not in text:
            problems.append(f"{module.lesson}: has no link to its graded notebook {module.exercise_notebook}")
    for cid in sorted(known["case"] - used["case"]):
        problems.append(f"case {cid} is played in no lesson notebook (speel_casus)")
    for pid in sorted(known["practice"] - used["practice"]):
        problems.append(f"practice question {pid} is asked in no lesson notebook (oefenvraag)")
    return problems

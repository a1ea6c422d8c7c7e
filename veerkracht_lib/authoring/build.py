"""The author's build: from the data (the one source) to everything that is generated from it.

1. Validate the content (``model.validate_all``) and each module's keys (``solutions/<assignment>.keys.yaml``).
2. Generate each module's nbgrader source notebook (``solutions/<assignment>/<assignment>.ipynb``).
3. Write the self-paced learner's check data (``content/selfcheck.json``: salted hashes of the keys, sealed
   explanations and model answers; never a plaintext key).
4. Regenerate ``exercises/`` with ``nbgrader generate_assignment`` (a throw-away gradebook).
5. Check the notebooks: every case, practice item and question a lesson calls exists, and every one is used.

``veerkracht build`` does all of it; ``veerkracht build --check`` changes nothing and lists every mismatch, with a
message an author understands (the tests run it).
"""

from __future__ import annotations

import argparse
import json
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import nbformat

from .. import protocol, selfcheck
from ..lab import tool_env
from ..model import CONTENT_DIR, ContentError, Module, clear_caches, load_modules, load_questions, validate_all
from ..scoring import score
from .keys import KeysFile, explanation_targets, keys_path, load_keys

SELFCHECK_PATH = CONTENT_DIR / "selfcheck.json"
MODULES_KEY = "_modules"


def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def source_notebook_path(root: Path, module: Module) -> Path:
    return root / "solutions" / module.assignment / f"{module.assignment}.ipynb"


def source_notebooks(root: Path) -> list[Path]:
    return sorted((root / "solutions").glob("*/*.ipynb"))


# --- keys ----------------------------------------------------------------------------------------
def keys_problems(module: Module, keys: KeysFile) -> list[str]:
    from ..keys import canonical_key, key_problems

    where = f"solutions/{keys_path(Path('.'), module.assignment).name}"
    problems: list[str] = []
    if keys.assignment != module.assignment:
        problems.append(f"{where}: assignment is {keys.assignment!r}, the module says {module.assignment!r}")
    questions = {q.id: q for q in module.questions}
    for qid in sorted(set(questions) - set(keys.keys)):
        problems.append(f"{where}: question {qid} has no key")
    for qid in sorted(set(keys.keys) - set(questions)):
        problems.append(f"{where}: key for {qid}, which is not a question of module {module.code}")
    for qid, entry in keys.keys.items():
        question = questions.get(qid)
        if question is None:
            continue
        critical = [tuple(pair) for pair in entry.critical]
        if any(len(pair) != 2 for pair in critical):
            problems.append(f"{where}: {qid}: each critical pair has exactly two steps")
            continue
        found = key_problems(question, entry.key, entry.optional, critical)
        problems += [f"{where}: {p}" for p in found]
        if not entry.rationale.strip():
            problems.append(f"{where}: {qid}: a rationale is required")
        if not entry.sources:
            problems.append(f"{where}: {qid}: sources are required")
        targets = explanation_targets(question)
        missing = [t for t in targets if not entry.explanations.get(t, "").strip()]
        extra = [t for t in entry.explanations if t not in targets]
        if missing:
            problems.append(f"{where}: {qid}: explanations missing for {', '.join(missing)}")
        if extra:
            problems.append(f"{where}: {qid}: explanations for unknown options/items {', '.join(extra)}")
        if not found:
            ok, example = protocol.read_answer(f"{question.variable} = {question.form_example}", question.variable)
            from ..answers import normalise

            normal = normalise(question, example) if ok else None
            if normal is None or not normal.ok:
                problems.append(f"{where}: {qid}: the form example {question.form_example} is not a valid answer")
            else:
                fraction = score(
                    question.type,
                    normal.value,
                    canonical_key(question, entry.key),
                    critical,  # type: ignore[arg-type]
                    frozenset(entry.optional),
                )
                if fraction >= 0.999:
                    problems.append(
                        f"content/modules/{module.code}.yaml: {qid}: the form example {question.form_example} is the "
                        "right answer; give the question an 'example' that is not"
                    )
    if len(keys.reflection.examples) != 2:
        problems.append(f"{where}: the reflection needs exactly two example answers")
    for example in keys.reflection.examples:
        if not 0 <= example.score <= module.reflection.points:
            problems.append(f"{where}: an example score is outside 0-{module.reflection.points:g}")
    return problems


def load_all_keys(root: Path) -> tuple[dict[str, KeysFile], list[str]]:
    out: dict[str, KeysFile] = {}
    problems: list[str] = []
    for module in load_modules().values():
        try:
            keys = load_keys(root, module.assignment)
        except ContentError as exc:
            problems += str(exc).splitlines()
            continue
        found = keys_problems(module, keys)
        problems += found
        if not found:  # only keys without problems are used to generate anything
            out[module.code] = keys
    known = {f"{m.assignment}.keys.yaml" for m in load_modules().values()}
    for path in sorted((root / "solutions").glob("*.keys.yaml")):
        if path.name not in known:
            problems.append(f"solutions/{path.name}: no module has this assignment")
    return out, problems


# --- generated sources ------------------------------------------------------------------------------
def generated_sources(keys: dict[str, KeysFile]) -> dict[str, nbformat.NotebookNode]:
    from .assignment import generate

    return {m.assignment: generate(m, keys[m.code]) for m in load_modules().values() if m.code in keys}


def _canonical_json(nb: Any) -> str:
    return nbformat.writes(nbformat.from_dict(nb)) if not isinstance(nb, str) else nb


def _write_notebook(nb: nbformat.NotebookNode, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(nbformat.writes(nb), encoding="utf-8")


# --- self-check data --------------------------------------------------------------------------------
def selfcheck_entries(keys: dict[str, KeysFile], old: dict[str, Any]) -> dict[str, Any]:
    questions = load_questions()
    entries: dict[str, Any] = {}
    modules_out: dict[str, Any] = {}
    for code, keyfile in sorted(keys.items()):
        for qid, entry in sorted(keyfile.keys.items()):
            if qid not in questions:
                continue
            salt = (old.get(qid) or {}).get("salt") or secrets.token_hex(8)
            critical = [tuple(pair) for pair in entry.critical]
            data = selfcheck.hash_key(questions[qid], entry.key, critical, salt, entry.optional)
            data["explain"] = selfcheck.seal(
                {"key": _jsonable(entry.key), "optional": list(entry.optional), "explanations": entry.explanations},
                salt,
                qid,
            )
            entries[qid] = data
        salt = ((old.get(MODULES_KEY) or {}).get(code) or {}).get("salt") or secrets.token_hex(8)
        modules_out[code] = {"salt": salt, "model_answer": selfcheck.seal(keyfile.reflection.model_answer, salt, code)}
    entries[MODULES_KEY] = modules_out
    return entries


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return [[_jsonable(k), _jsonable(v)] for k, v in value.items()]
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    return value


def _selfcheck_text(entries: dict[str, Any]) -> str:
    return json.dumps(entries, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


# --- exercises ------------------------------------------------------------------------------------
def generate_release(root: Path, out: Path) -> None:
    """Run nbgrader generate_assignment for every assignment in ``solutions/`` into ``out``."""
    with tempfile.TemporaryDirectory() as tmp:
        for assignment in sorted(p.name for p in (root / "solutions").iterdir() if p.is_dir()):
            cmd = [
                sys.executable,
                "-m",
                "nbgrader",
                "generate_assignment",
                assignment,
                "--force",
                "--log-level=WARN",
                f"--CourseDirectory.root={root}",
                f"--CourseDirectory.release_directory={out}",
                f"--CourseDirectory.db_url=sqlite:///{tmp}/gradebook.db",
            ]
            done = subprocess.run(cmd, cwd=root, capture_output=True, text=True, env=tool_env())
            if done.returncode != 0:
                raise RuntimeError(f"nbgrader generate_assignment {assignment} failed:\n{done.stdout}\n{done.stderr}")


def _normalised(path: Path) -> dict[str, Any]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        cell.pop("id", None)
    return nb


def release_drift(root: Path) -> list[str]:
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "exercises"
        generate_release(root, fresh)
        committed = root / "exercises"
        fresh_files = {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
        committed_files = {
            p.relative_to(committed)
            for p in committed.rglob("*")
            if p.is_file() and ".ipynb_checkpoints" not in p.parts
        }
        for rel in sorted(fresh_files ^ committed_files):
            problems.append(f"exercises/{rel}: out of date (run veerkracht build)")
        for rel in sorted(fresh_files & committed_files):
            a, b = fresh / rel, committed / rel
            same = _normalised(a) == _normalised(b) if rel.suffix == ".ipynb" else a.read_bytes() == b.read_bytes()
            if not same:
                problems.append(f"exercises/{rel}: out of date (run veerkracht build)")
    return problems


# --- the whole build --------------------------------------------------------------------------------
def check(root: Path, release: bool = True) -> list[str]:
    """Every mismatch between the data and what is generated from it; changes nothing."""
    from .checks import notebook_problems

    clear_caches()
    problems = validate_all()
    if problems:
        return problems  # the rest needs loadable content
    keys, key_problems_found = load_all_keys(root)
    problems += key_problems_found
    from .source_checks import source_problems

    for module in load_modules().values():
        if module.code not in keys:
            continue
        path = source_notebook_path(root, module)
        specific = source_problems(path, module, keys[module.code])
        problems += specific
        expected = nbformat.writes(generated_sources({module.code: keys[module.code]})[module.assignment])
        if not specific and path.exists() and path.read_text(encoding="utf-8") != expected:
            problems.append(f"{path.relative_to(root)}: out of date with the data (run veerkracht build)")
    for path in source_notebooks(root):
        if path.parent.name not in {m.assignment for m in load_modules().values()}:
            problems.append(f"{path.relative_to(root)}: no module has this assignment")
    old = json.loads(SELFCHECK_PATH.read_text(encoding="utf-8")) if SELFCHECK_PATH.exists() else {}
    if _selfcheck_text(selfcheck_entries(keys, old)) != _selfcheck_text(old):
        problems.append("veerkracht_lib/content/selfcheck.json: out of date (run veerkracht build)")
    problems += notebook_problems(root)
    from .docs import docs_problems

    problems += docs_problems(root)
    if release and not any("solutions/" in p for p in problems):
        problems += release_drift(root)
    return problems


def build(root: Path) -> list[str]:
    """Regenerate everything; returns the problems that stop it (then nothing is written)."""
    clear_caches()
    problems = validate_all()
    if problems:
        return problems
    keys, problems = load_all_keys(root)
    if problems:
        return problems
    for assignment, nb in generated_sources(keys).items():
        _write_notebook(nb, root / "solutions" / assignment / f"{assignment}.ipynb")
    old = json.loads(SELFCHECK_PATH.read_text(encoding="utf-8")) if SELFCHECK_PATH.exists() else {}
    SELFCHECK_PATH.write_text(_selfcheck_text(selfcheck_entries(keys, old)), encoding="utf-8")
    clear_caches()
    from .docs import write_docs

    write_docs(root)
    release = root / "exercises"
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "exercises"
        generate_release(root, fresh)
        if release.exists():
            shutil.rmtree(release)
        shutil.copytree(fresh, release)
    from .checks import notebook_problems

    return notebook_problems(root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="veerkracht build", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report what is wrong or out of date")
    parser.add_argument("--root", type=Path, default=None, help="course repository (default: this checkout)")
    args = parser.parse_args(argv)
    root = (args.root or repo_root()).resolve()
    problems = check(root) if args.check else build(root)
    for problem in problems:
        print(f"problem: {problem}")
    if problems:
        print(f"{len(problems)} problem(s).")
        return 1
    print("everything is in sync with the data." if args.check else "built: solutions/, selfcheck.json, exercises/.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

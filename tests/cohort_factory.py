"""A synthetic cohort for every assignment, built from the source: honest learners (right, partial, wrong,
blank, malformed) and hostile ones of every class (forged metadata, extra and linked files, active HTML, code in
every cell a learner can edit, broken, huge and thousand-cell notebooks). Each hostile learner states what its
answers earn, so a test can check that it earns exactly that and nothing more.

Side effects a hostile learner tries leave a marker file under ``marker_dir``: grading must never create one.
"""

from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from helpers import answer_line, partial_value, right_value, wrong_value

from veerkracht_lib.model import Module
from veerkracht_lib.protocol import REFLECTION_ID, grade_id

PAYLOAD = '<script>document.title="PWNED-{tag}"</script><img src=x onerror="document.title=\'PWNED-{tag}\'">'


@dataclass
class Learner:
    name: str
    notebook: Any  # NotebookNode, or raw bytes for a broken file
    expect: str  # "full", "zero", "partial" or "same-as:<learner>": what its answers earn
    extra: dict[str, Any] = field(default_factory=dict)  # relative path -> bytes, or ("link", target)
    as_link_to: Path | None = None  # the notebook itself is a symbolic link


def _copy(nb: Any) -> Any:
    return nbformat.from_dict(copy.deepcopy(nb))


def _cell(nb: Any, gid: str) -> Any:
    return next(c for c in nb.cells if grade_id(c) == gid)


def _fill(nb: Any, module: Module, values: dict[str, Any]) -> Any:
    out = _copy(nb)
    for question in module.questions:
        if question.id in values:
            cell = _cell(out, question.variable)
            rest = cell.source.splitlines()[1:]
            cell.source = "\n".join([answer_line(question, values[question.id]), *rest])
    return out


def _reflect(nb: Any, text: str) -> None:
    _cell(nb, REFLECTION_ID).source = text


def _marker_code(marker_dir: Path, tag: str) -> str:
    return f"open({str(marker_dir / tag)!r}, 'w').write('ran')"


def learners(module: Module, release: Any, marker_dir: Path, secret_file: Path, solution_file: Path) -> list[Learner]:
    questions = module.questions
    right = {q.id: right_value(q) for q in questions}
    out: list[Learner] = []

    goed = _fill(release, module, right)
    _reflect(goed, "Ik liet een opmerking gaan. Nu zou ik vragen wat de jongere bedoelt en de groep erbij betrekken.")
    out.append(Learner("goed", goed, "full"))
    out.append(Learner("leeg", _copy(release), "zero"))
    out.append(Learner("fout", _fill(release, module, {q.id: wrong_value(q) for q in questions}), "low"))
    out.append(Learner("deels", _fill(release, module, {q.id: partial_value(q) for q in questions}), "partial"))

    vorm = _fill(release, module, right)
    for n, question in enumerate(questions):
        cell = _cell(vorm, question.variable)
        broken = [f"{question.variable} = {{'XYZQ'", f"{question.variable} = 12345", f"{question.variable} = None"][
            n % 3
        ]
        cell.source = broken
    out.append(Learner("vorm", vorm, "zero"))

    # forged metadata: more points, test cells made editable and emptied, answers moved, versions changed
    vals = _fill(release, module, {q.id: wrong_value(q) for q in questions})
    vals.metadata["kernelspec"] = {"name": "evil", "display_name": "evil", "language": "python"}
    vals.metadata["nbgrader"] = "not a dict"
    for question in questions:
        test = _cell(vals, f"toets_{question.id}")
        test.metadata["nbgrader"].update({"points": 100, "locked": False, "solution": True, "schema_version": 1})
        test.source = "1000"
        answer = _cell(vals, question.variable)
        answer.metadata["nbgrader"].update({"grade": True, "points": 100, "schema_version": 99})
    forged = nbformat.v4.new_code_cell(answer_line(questions[0], right[questions[0].id]))
    forged.metadata["nbgrader"] = dict(_cell(vals, questions[0].variable).metadata["nbgrader"])
    vals.cells.append(forged)  # a forged duplicate answer cell after the real one: the first one counts
    vals.cells.insert(0, nbformat.v4.new_markdown_cell("extra", metadata={"nbgrader": 5}))
    out.append(Learner("vals", vals, "low"))

    # the same, but with the right answers: it earns exactly full marks, not more
    vals_goed = _copy(vals)
    for question in questions:
        _cell(vals_goed, question.variable).source = answer_line(question, right[question.id])
    out.append(Learner("vals_goed", vals_goed, "full"))

    # code in every cell a learner can edit (answer lines + side effects; reflection retyped to code)
    code = _fill(release, module, right)
    for question in questions:
        cell = _cell(code, question.variable)
        cell.source = _marker_code(marker_dir, f"answer-{question.id}") + "\n" + cell.source
    reflection = _cell(code, REFLECTION_ID)
    reflection.cell_type = "code"
    reflection.outputs, reflection.execution_count = [], None
    reflection.source = _marker_code(marker_dir, "reflection")
    code.cells.insert(1, nbformat.v4.new_code_cell(_marker_code(marker_dir, "extra-cell")))
    code.cells.append(
        nbformat.v4.new_code_cell("import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass")
    )
    out.append(Learner("code", code, "zero"))

    # extra and linked files beside the notebook: a package that shadows the course, startup files, links
    files = _fill(release, module, right)
    shadow = f"open({str(marker_dir / 'shadow-import')!r}, 'w').write('ran')\n"
    out.append(
        Learner(
            "bestanden",
            files,
            "full",
            extra={
                "veerkracht_lib/__init__.py": shadow.encode(),
                "veerkracht_lib/autograde.py": (shadow + "def points(*a, **k):\n    return 1000\n").encode(),
                "sitecustomize.py": shadow.encode(),
                "nbgrader.py": shadow.encode(),
                ".ipython/profile_default/startup/00.py": shadow.encode(),
                "geheim.txt": ("link", secret_file),
                "oplossing.txt": ("link", solution_file),
            },
        )
    )

    # active HTML in every text a learner can write
    html = _fill(release, module, right)
    _reflect(
        html,
        "Mijn reflectie.\n\n" + PAYLOAD.format(tag=f"{module.code}-reflection") + "\n\n[klik](javascript:alert(1))",
    )
    html.cells.insert(2, nbformat.v4.new_markdown_cell(PAYLOAD.format(tag=f"{module.code}-extra")))
    html.cells[3].attachments = {"x.png": {"text/html": PAYLOAD.format(tag=f"{module.code}-attachment")}}
    out.append(Learner("html", html, "full"))

    # retyped and deleted cells: answers still read by their grade id, deleted ones earn 0 with a reason
    retyped = _fill(release, module, right)
    first, second = questions[0], questions[1]
    cell = _cell(retyped, first.variable)
    cell.cell_type = "markdown"
    cell.pop("outputs", None)
    cell.pop("execution_count", None)
    retyped.cells = [
        c for c in retyped.cells if grade_id(c) not in (second.variable, f"toets_{second.id}", "reflectie_vraag")
    ]
    out.append(Learner("geknipt", retyped, f"all-but:{second.id}"))

    # broken files
    text = nbformat.writes(_fill(release, module, right))
    out.append(Learner("afgekapt", text[: len(text) // 2].encode(), "zero"))
    out.append(Learner("geen_json", b"\x00\xff garbage", "zero"))
    many = _fill(release, module, right)
    many.cells = many.cells + [nbformat.v4.new_markdown_cell(f"cel {n}") for n in range(3000)]
    out.append(Learner("duizend", many, "full"))
    huge = _fill(release, module, right)
    huge.cells.append(nbformat.v4.new_markdown_cell("x" * 25_000_000))
    out.append(Learner("groot", huge, "zero"))
    # the notebook itself is a link to the instructor's solution
    out.append(Learner("link", None, "zero", as_link_to=solution_file))
    return out


def write(learner: Learner, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{folder.name}.ipynb"
    if learner.as_link_to is not None:
        os.symlink(learner.as_link_to, target)
    elif isinstance(learner.notebook, bytes):
        target.write_bytes(learner.notebook)
    else:
        target.write_text(json.dumps(learner.notebook), encoding="utf-8")
    for rel, content in learner.extra.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, tuple):
            os.symlink(content[1], path)
        else:
            path.write_bytes(content)

"""Grading speed: stock `nbgrader autograde` against `veerkracht grade`, on the same synthetic cohort, in one run.

A cohort of N learners (default 40) for one assignment, answers drawn from the source's own keys (right,
partial, wrong, blank, malformed), is made with `veerkracht cohort init`, copied, and graded once by each. The
scores must be identical; the script prints both times, the ratio, and the projected time for 200 learners x 7
assignments.

    .venv/bin/python benchmarks/grading.py [--learners 40] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import nbformat  # noqa: E402
from helpers import answer_line, partial_value, right_value, wrong_value  # noqa: E402

from veerkracht_lib.grading.cohort import gradebook  # noqa: E402
from veerkracht_lib.lab import tool_env  # noqa: E402
from veerkracht_lib.model import load_modules  # noqa: E402


def make_cohort(base: Path, learners: int, seed: int = 7) -> tuple[Path, str]:
    module = load_modules()["a"]
    source = base / "src"
    shutil.copytree(ROOT / "solutions" / module.assignment, source / module.assignment)
    course = base / "stock"
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [str(bin_dir / "veerkracht"), "cohort", "init", str(course), "--source", str(source)],
        check=True,
        capture_output=True,
        env=tool_env(),
    )
    release = nbformat.read(course / "release" / module.assignment / f"{module.assignment}.ipynb", as_version=4)
    rng = random.Random(seed)
    makers = [right_value, partial_value, wrong_value, None, "malformed"]
    for n in range(learners):
        nb = nbformat.from_dict(json.loads(json.dumps(release)))
        for question in module.questions:
            cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == question.variable)
            maker = rng.choice(makers)
            if maker is None:
                continue
            line = f"{question.variable} = {{'XYZ'" if maker == "malformed" else answer_line(question, maker(question))
            cell.source = "\n".join([line, *cell.source.splitlines()[1:]])
        folder = course / "submitted" / f"deelnemer{n:03d}" / module.assignment
        folder.mkdir(parents=True)
        (folder / f"{module.assignment}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    return course, module.assignment


def scores(course: Path) -> dict:
    with gradebook(course) as gb:
        return {
            (s.student.id, g.name): g.score
            for a in gb.assignments
            for s in a.submissions
            for g in s.notebooks[0].grades
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        stock, assignment = make_cohort(Path(tmp), args.learners)
        fast = Path(tmp) / "fast"
        shutil.copytree(stock, fast)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "nbgrader", "autograde", assignment, "--force"],
            cwd=stock,
            check=True,
            capture_output=True,
            env=tool_env(),
        )
        stock_s = time.perf_counter() - started
        started = time.perf_counter()
        subprocess.run(
            [str(Path(sys.executable).parent / "veerkracht"), "grade", str(fast), "--force", "--jobs", str(args.jobs)],
            check=True,
            capture_output=True,
            env=tool_env(),
        )
        fast_s = time.perf_counter() - started
        same = scores(stock) == scores(fast)
        n = args.learners
        print(f"submissions                 {n}")
        print(f"nbgrader autograde (stock)  {stock_s:7.1f} s  ({stock_s / n:.2f} s per submission)")
        print(f"veerkracht grade --jobs {args.jobs}   {fast_s:7.1f} s  ({fast_s / n:.3f} s per submission)")
        print(f"speed-up                    {stock_s / fast_s:7.1f}x   (target >= 10x)")
        print(f"identical scores            {same}")
        print(
            f"projected 200 learners x 7 assignments: stock {200 * 7 * stock_s / n / 60:.0f} min, "
            f"veerkracht grade {200 * 7 * fast_s / n / 60:.1f} min"
        )
        if not same:
            raise SystemExit("scores differ")


if __name__ == "__main__":
    main()

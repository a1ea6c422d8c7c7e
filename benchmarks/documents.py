"""Time and size of the printable documents and the course overview, against a baseline from the same run.

Run: ``.venv/bin/python benchmarks/documents.py`` (about half a minute). Baseline: rendering the model figure
alone to PNG with matplotlib (what every handout needs anyway); so the ratio shows what the PDF layout adds.
Everything runs in this process after one warm-up (imports and content loading are not counted), medians.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
os.environ["VEERKRACHT_HOME"] = tempfile.mkdtemp(prefix="veerkracht-bench-")
sys.path.insert(0, str(REPO))

from veerkracht_lib import documents, overview  # noqa: E402
from veerkracht_lib.figures import draw  # noqa: E402
from veerkracht_lib.model import load_framework, load_modules  # noqa: E402


def median_seconds(call, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def baseline() -> None:
    buffer = io.BytesIO()
    draw(load_framework(), "b").savefig(buffer, format="png", dpi=220)


def main() -> None:
    modules = list(load_modules().values())
    baseline()
    documents.handout_pdf(modules[0])  # warm-up
    base = median_seconds(baseline)
    print(f"baseline: model figure to PNG      {base * 1000:7.0f} ms")
    for module in modules:
        seconds = median_seconds(lambda m=module: documents.handout_pdf(m))
        size = len(documents.handout_pdf(module))
        print(
            f"handout module {module.code}                  {seconds * 1000:7.0f} ms  {size / 1024:6.0f} KiB  x{seconds / base:.1f}"
        )
    certificate = lambda: documents.certificate_pdf("Sam de Vries", modules, "Alle casussen gespeeld.")  # noqa: E731
    seconds = median_seconds(certificate)
    print(f"deelnamebewijs                     {seconds * 1000:7.0f} ms  {len(certificate()) / 1024:6.0f} KiB")
    seconds = median_seconds(overview.toon_overzicht)
    html = len(overview.toon_overzicht()._repr_html_())
    print(
        f"toon_overzicht (chart + table)     {seconds * 1000:7.0f} ms  {html / 1024:6.0f} KiB HTML  x{seconds / base:.1f}"
    )


if __name__ == "__main__":
    main()

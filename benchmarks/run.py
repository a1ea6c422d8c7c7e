"""Speed and memory figures of the course, each against a baseline measured in the same run.

Run: ``.venv/bin/python benchmarks/run.py`` (about a minute). Targets from the foundation issue:
- ``import veerkracht_lib`` under a quarter of ``import matplotlib.pyplot``;
- every notebook top to bottom, kernel start included, under 2 s, with a kernel peak RSS under 80 MB;
- a vignette click handled in under 10 ms (median, in-process).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("VEERKRACHT_HOME", tempfile.mkdtemp(prefix="veerkracht-bench-"))
sys.path.insert(0, str(REPO))
from veerkracht_lib.lab import tool_env  # noqa: E402

os.environ.update(tool_env())


def import_seconds(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    return float(done.stdout)


def bench_import(rounds: int = 7) -> None:
    ours, theirs = [], []
    for _ in range(rounds):  # interleaved, so machine noise hits both alike
        ours.append(import_seconds("veerkracht_lib"))
        theirs.append(import_seconds("matplotlib.pyplot"))
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"import veerkracht_lib      {a * 1000:7.1f} ms (median of {rounds})")
    print(f"import matplotlib.pyplot   {b * 1000:7.1f} ms (median of {rounds})")
    print(f"  ratio {a / b:.3f}  (target < 0.25)  {'OK' if a / b < 0.25 else 'MISSED'}")


# every notebook top to bottom, kernel start included; the kernel's peak memory (learners' issue, item 3-7:
# the model figure is SVG drawn without matplotlib, so no notebook loads it in the kernel)
NOTEBOOK_SECONDS = 2.0
KERNEL_PEAK_MB = 80


def _execute(path: Path) -> tuple[float, float]:
    """Seconds to run a notebook with a fresh kernel (start included), and the kernel's peak RSS in MB."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells.append(
        # VmHWM: the peak RSS of this process image. ru_maxrss would also count the benchmark process the kernel
        # was forked from (Linux keeps the larger of the two across exec), which grows during the run.
        nbformat.v4.new_code_cell(
            "[int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')][0] / 1024"
        )
    )
    start = time.perf_counter()
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    seconds = time.perf_counter() - start
    rss = float(nb.cells[-1].outputs[0]["data"]["text/plain"])
    return seconds, rss


def bench_notebooks(rounds: int = 3) -> None:
    empty = Path(tempfile.mkdtemp()) / "leeg.ipynb"
    import nbformat

    nbformat.write(nbformat.v4.new_notebook(), empty)
    base = [_execute(empty) for _ in range(rounds)]
    base_s = statistics.median(s for s, _ in base)
    base_rss = statistics.median(r for _, r in base)
    print(f"empty notebook (baseline)  {base_s:5.2f} s   peak RSS {base_rss:6.1f} MB")
    paths = [*sorted((REPO / "course").rglob("*.ipynb")), *sorted((REPO / "exercises").rglob("*.ipynb"))]
    for path in paths:
        runs = [_execute(path) for _ in range(rounds)]
        seconds = statistics.median(s for s, _ in runs)
        rss = max(r for _, r in runs)
        verdict = "OK" if seconds < NOTEBOOK_SECONDS and rss < KERNEL_PEAK_MB else "MISSED"
        name = str(path.relative_to(REPO))
        print(
            f"{name:58s} {seconds:5.2f} s ({seconds / base_s:4.1f}x baseline, target < {NOTEBOOK_SECONDS:g} s)"
            f"  kernel peak {rss:5.1f} MB ({rss / base_rss:4.2f}x, target < {KERNEL_PEAK_MB} MB) {verdict}"
        )


def bench_click(clicks: int = 400) -> None:
    import ipywidgets as widgets

    from veerkracht_lib.model import load_vignettes
    from veerkracht_lib.progress import ProgressStore
    from veerkracht_lib.vignette import CaseWidget

    vignette = load_vignettes()["a1_klassenvergadering"]
    store = ProgressStore(Path(tempfile.mkdtemp()))
    widget = CaseWidget(vignette, store)
    times = []
    for _ in range(clicks):
        if widget.ending is not None or widget.options_box.layout.display == "none":
            widget.restart()
        start = time.perf_counter()
        widget.option_buttons[0].click()
        times.append(time.perf_counter() - start)
    button = widgets.Button()
    button.on_click(lambda _b: None)
    base = []
    for _ in range(clicks):
        start = time.perf_counter()
        button.click()
        base.append(time.perf_counter() - start)
    a, b = statistics.median(times), statistics.median(base)
    print(
        f"vignette click (render + atomic save)  median {a * 1000:6.2f} ms, p95 {sorted(times)[int(clicks * 0.95)] * 1000:6.2f} ms"
    )
    print(f"empty button click (baseline)          median {b * 1000:6.3f} ms")
    print(f"  target < 10 ms  {'OK' if a < 0.010 else 'MISSED'}")


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _memory_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def bench_server() -> None:
    """Memory of one learner's JupyterLab server (idle, after the page loaded): what a host plans per learner."""
    import re
    import signal
    import socket
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    workspace = Path(tempfile.mkdtemp()) / "werkmap"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "veerkracht"), "start", "--map", str(workspace), "--poort", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        url = None
        for line in proc.stdout:
            found = re.search(r"(http://127\.0\.0\.1:\d+/\S+)", line)
            if found:
                url = found.group(1)
                break
        token = url.split("token=")[1]
        for path in ("/lab", "/lab/api/settings", "/api/contents/course"):
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}?token={token}", timeout=30).read()
        server = _children(proc.pid)[0]
        rss, peak = _memory_mb(server, "VmRSS"), _memory_mb(server, "VmHWM")
        print(f"JupyterLab server of one learner  RSS {rss:6.1f} MB, peak {peak:6.1f} MB")
        print("  per learner, server + kernel after module a: add the kernel peak below")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)


if __name__ == "__main__":
    bench_server()
    bench_import()
    bench_click()
    bench_notebooks()

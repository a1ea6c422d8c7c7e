#!/usr/bin/env bash
# Install what the tests need and run the whole suite (style, content, scoring, widgets, real kernels,
# the real nbgrader round trip, the wheel scan and a real JupyterLab in headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
exec .venv/bin/python -m pytest "$@"

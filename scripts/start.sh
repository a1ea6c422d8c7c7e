#!/usr/bin/env bash
# Install everything (first time only takes a minute) and open the course in JupyterLab.
# Extra options go to `veerkracht start`, e.g. --map DIR, --poort 8890, --geen-browser, --cohort.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/veerkracht start "$@"

#!/usr/bin/env bash
# Set up the course in ./.venv: Python packages (pinned by requirements/constraints.txt), the course itself
# (editable), and JupyterLab configured for learners. With --test also what the test suite needs:
# the test extras and Debian's Chromium for the browser test (Playwright drives /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[ "${1:-}" = "--test" ] && want_tests=1

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    echo "Python 3.11 of nieuwer is nodig (gevonden: $("$PYTHON" --version 2>&1))." >&2
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    echo "== Python-omgeving maken (.venv)"
    "$PYTHON" -m venv .venv
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
extras=""
[ "$want_tests" = 1 ] && extras="[test]"
# Skip pip when nothing it depends on changed since the last successful install (a fast second start).
stamp=".venv/.veerkracht-install-${want_tests}"
wanted="$(cat pyproject.toml requirements/constraints.txt | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ] || ! .venv/bin/python -c "import veerkracht_lib" 2>/dev/null; then
    echo "== Pakketten installeren"
    .venv/bin/python -m pip install --quiet --constraint requirements/constraints.txt --editable ".${extras}" \
        2> >(grep -v "^WARNING: Location" >&2)
    echo "$wanted" > "$stamp"
fi

if [ "$want_tests" = 1 ] && ! command -v npm >/dev/null 2>&1; then
    echo "== Node.js en npm installeren (voor de antwoordknoppen en de tests)"
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    else
        echo "npm ontbreekt en dit script draait niet als root: installeer 'nodejs' en 'npm' met apt." >&2
        exit 1
    fi
fi

# The click control for answers (JupyterLab extension), built from labextension/ with npm; skipped when unchanged.
if command -v npm >/dev/null 2>&1; then
    PYTHON=.venv/bin/python bash scripts/build_labextension.sh
elif [ ! -f veerkracht_lib/labextension/package.json ]; then
    echo "Let op: npm ontbreekt, dus je typt je antwoorden (aanklikken werkt dan niet)." >&2
fi

echo "== JupyterLab instellen voor deelnemers"
.venv/bin/veerkracht configure

if [ "$want_tests" = 1 ] && [ ! -x /usr/bin/chromium ]; then
    echo "== Chromium installeren (voor de browsertest)"
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "Chromium ontbreekt en dit script draait niet als root: installeer 'chromium' met apt." >&2
        exit 1
    fi
fi

# Hosting tests (tests/test_hosting.py): a real JupyterHub with configurable-http-proxy from npm (deploy/hub/),
# and course environments made from Debian's own Python, which other OS users may run (needs its venv module).
if [ "$want_tests" = 1 ]; then
    hub_lock="$(sha256sum deploy/hub/package-lock.json | cut -d' ' -f1)"
    if [ "$(cat deploy/hub/node_modules/.veerkracht-lock 2>/dev/null)" != "$hub_lock" ]; then
        echo "== configurable-http-proxy installeren (voor de JupyterHub-test)"
        (cd deploy/hub && npm ci --no-audit --no-fund --loglevel=error)
        echo "$hub_lock" > deploy/hub/node_modules/.veerkracht-lock
    fi
    if [ -x /usr/bin/python3 ] && ! /usr/bin/python3 -c 'import ensurepip, venv' 2>/dev/null; then
        if [ "$(id -u)" = 0 ]; then
            echo "== python3-venv installeren (voor de JupyterHub-test)"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        else
            echo "python3-venv ontbreekt en dit script draait niet als root: installeer 'python3-venv' met apt." >&2
            exit 1
        fi
    fi
fi

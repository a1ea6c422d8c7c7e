#!/usr/bin/env bash
# Build the course's environment for a JupyterHub into PREFIX: what a single-user server (or the formgrader
# service) runs. deploy/Dockerfile runs this script to make the image; tests/test_hosting.py runs it into a
# fresh prefix and checks the result; the one-machine hub (deploy/hub/) runs its servers from such prefixes.
#
#   bash deploy/build_prefix.sh [--role learner|trainer] PREFIX
#
# learner (default): the course and the exercises for a cohort: veerkracht[cohort] (nbgrader fetch/submit),
#   jupyterhub-singleuser, the Dutch interface, the answer-click extension, nbgrader's instructor tools off and
#   locked, no self-check data (selfcheck.json removed) and feedback mode "form" (controleer() checks the form only).
# trainer: veerkracht[trainer] (nbgrader with the formgrader), jupyterhub-singleuser, the Dutch interface.
# Neither ever holds solutions/ or a key: the script checks that before it ends (deploy/prefix/check.py).
#
# Environment: PYTHON = the interpreter the prefix is made from (default /usr/bin/python3: other OS users must be
# able to run it, so never one under a private home directory); BUILD_PYTHON = a Python with jupyterlab, build and
# hatchling to build the extension and the wheel (default: the repository's .venv, else a temporary one).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"

role=learner
prefix=""
while [ $# -gt 0 ]; do
    case "$1" in
        --role) role="${2:-}"; shift 2 ;;
        --role=*) role="${1#--role=}"; shift ;;
        -h|--help) sed -n 2,17p "$0"; exit 0 ;;
        *) prefix="$1"; shift ;;
    esac
done
if [ -z "$prefix" ] || { [ "$role" != learner ] && [ "$role" != trainer ]; }; then
    echo "gebruik: bash deploy/build_prefix.sh [--role learner|trainer] PREFIX" >&2
    exit 2
fi
case "$role" in
    learner) extra=cohort ;;
    trainer) extra=trainer ;;
esac
PYTHON="${PYTHON:-/usr/bin/python3}"
export PIP_DISABLE_PIP_VERSION_CHECK=1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

BUILD_PYTHON="${BUILD_PYTHON:-}"
if [ -z "$BUILD_PYTHON" ]; then
    if [ -x "$REPO/.venv/bin/python" ]; then
        BUILD_PYTHON="$REPO/.venv/bin/python"
    else
        echo "== Bouwomgeving maken"
        "$PYTHON" -m venv "$work/buildenv"
        "$work/buildenv/bin/python" -m pip install --quiet --constraint "$REPO/requirements/constraints.txt" \
            jupyterlab build hatchling
        BUILD_PYTHON="$work/buildenv/bin/python"
    fi
fi
for module in build hatchling jupyterlab; do
    if ! "$BUILD_PYTHON" -c "import $module" 2>/dev/null; then
        "$BUILD_PYTHON" -m pip install --quiet --constraint "$REPO/requirements/constraints.txt" "$module"
    fi
done

echo "== Antwoordknoppen bouwen (JupyterLab-uitbreiding)"
PYTHON="$BUILD_PYTHON" bash "$REPO/scripts/build_labextension.sh"

echo "== Wheel bouwen"
"$BUILD_PYTHON" -m build --wheel --no-isolation --outdir "$work/dist" "$REPO" >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }
wheel="$(ls "$work"/dist/veerkracht-*.whl)"

echo "== Omgeving maken in $prefix ($role)"
if [ -e "$prefix" ] && [ -n "$(ls -A "$prefix" 2>/dev/null)" ]; then
    echo "$prefix bestaat al en is niet leeg: kies een nieuwe map." >&2
    exit 1
fi
"$PYTHON" -m venv "$prefix"
"$prefix/bin/python" -m pip install --quiet --constraint "$REPO/requirements/constraints.txt" \
    "${wheel}[${extra}]" jupyterhub 2> >(grep -v "^WARNING: Location" >&2)

echo "== Instellen voor $role"
"$prefix/bin/python" "$REPO/deploy/prefix/configure.py" --role "$role"
chmod -R a+rX,go-w "$prefix"

echo "== Controleren"
"$prefix/bin/python" "$REPO/deploy/prefix/check.py" --role "$role"
echo "== Klaar: $prefix"

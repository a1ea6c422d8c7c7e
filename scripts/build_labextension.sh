#!/usr/bin/env bash
# Build the course's JupyterLab extension (veerkracht-answers: answer questions by clicking) from
# labextension/ into veerkracht_lib/labextension/ (git-ignored; wheels carry it). Uses the npm registry
# through npm ci and the committed package-lock.json; nothing is downloaded when JupyterLab runs.
# Skips everything when the sources did not change since the last build (--force builds anyway).
# Install the result into an environment with: python -c 'from veerkracht_lib.labext import install_labextension; install_labextension()'
set -euo pipefail
cd "$(dirname "$0")/.."

SRC=labextension
OUT=veerkracht_lib/labextension
PYTHON="${PYTHON:-.venv/bin/python}"
BIN_DIR="$(cd "$(dirname "$PYTHON")" && pwd)"
force=0
[ "${1:-}" = "--force" ] && force=1

if ! command -v npm >/dev/null 2>&1; then
    echo "npm (Node.js 18 of nieuwer) is nodig om de JupyterLab-uitbreiding te bouwen." >&2
    exit 1
fi

source_hash() {
    (
        cd "$SRC"
        files="package.json package-lock.json tsconfig.json $(find src style -type f | LC_ALL=C sort | tr '\n' ' ')"
        for f in $files; do printf '%s\0' "$f"; cat "$f"; done
    ) | sha256sum | cut -d' ' -f1
}

wanted="$(source_hash)"
if [ "$force" = 0 ] && [ "$(cat "$OUT/.source-hash" 2>/dev/null)" = "$wanted" ] && [ -f "$OUT/package.json" ] \
    && [ -f "$SRC/node_modules/axe-core/axe.min.js" ]; then
    echo "== JupyterLab-uitbreiding is al gebouwd"
    exit 0
fi

echo "== JupyterLab-uitbreiding bouwen (veerkracht-answers)"
lock_hash="$(sha256sum "$SRC/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$SRC/node_modules/.veerkracht-lock" 2>/dev/null)" != "$lock_hash" ]; then
    (cd "$SRC" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock_hash" > "$SRC/node_modules/.veerkracht-lock"
fi
(cd "$SRC" && node_modules/.bin/tsc)
rm -rf "$OUT"
# JupyterLab >= 4.6 runs `jupyter-builder` by name: the environment's scripts go first on PATH.
if ! log="$(PATH="$BIN_DIR:$PATH" "$BIN_DIR/jupyter" labextension build "$SRC" 2>&1)"; then
    echo "$log" >&2
    exit 1
fi
printf '*\n' > "$OUT/.gitignore"
echo "$wanted" > "$OUT/.source-hash"
echo "== JupyterLab-uitbreiding gebouwd in $OUT"

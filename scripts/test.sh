#!/usr/bin/env bash
# Set up a virtual environment (once) and run the test suite. Used by README and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test,ocr]"
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q "$@"

#!/usr/bin/env bash
# Set up a virtual environment (once) and open the review window on the bundled sample report.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
if [ "$#" -eq 0 ]; then
  set -- resources/samples
fi
exec .venv/bin/gkdesk "$@"

#!/usr/bin/env bash
# Build the Linux x86_64 one-folder application: dist/gkdesk/ (run dist/gkdesk/gkdesk).
#
# usage: bash packaging/build_linux.sh [--archive] [--wheelhouse DIR]
#   --archive         also pack dist/gkdesk-VERSION-linux-x86_64.tar.gz to carry on a USB stick
#   --wheelhouse DIR  install the build's Python packages from a wheelhouse, with no network
#                     (make one with: WHEELHOUSE_EXTRAS=bundle bash scripts/wheelhouse.sh DIR)
# env:   PYTHON         interpreter that creates the build environment (default python3)
#        GKDESK_VENV    the build environment (default .venv, shared with scripts/test.sh)
#
# The bundle runs on Linux with a glibc at least as new as the build machine's (printed at the
# end): build on the oldest distribution you ship to (see packaging/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ARCHIVE=0
WHEELHOUSE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --archive) ARCHIVE=1 ;;
    --wheelhouse) WHEELHOUSE=$2; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
PY=${PYTHON:-python3}
VENV=${GKDESK_VENV:-.venv}
start=$(date +%s)
rm -rf dist/gkdesk dist/gkdesk-*-linux-x86_64.tar.gz  # never leave an old bundle to be tested

if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
if [ -n "$WHEELHOUSE" ]; then
  "$VENV/bin/python" -m pip install -q --no-index --find-links "$WHEELHOUSE" -e ".[bundle]"
else
  "$VENV/bin/python" -m pip install -q -e ".[bundle]"
fi
if [ -f scripts/build_translations.py ]; then
  # .qm files load faster; without them the window reads the .ts, so a failure here is not fatal.
  "$VENV/bin/python" scripts/build_translations.py || echo "translations not compiled: the bundle reads the .ts" >&2
fi

"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/gkdesk.spec
cp packaging/bundle-readme.txt dist/gkdesk/使用说明.txt
# Menu entry for UOS/Kylin desktops when the folder is installed as /opt/gkdesk (see packaging/README.md).
cp packaging/linux/gkdesk.desktop resources/icons/gkdesk.png dist/gkdesk/

VERSION=$("$VENV/bin/python" -c "import gkdesk; print(gkdesk.__version__)")
if [ "$ARCHIVE" = 1 ]; then
  tar -C dist -czf "dist/gkdesk-$VERSION-linux-x86_64.tar.gz" gkdesk
fi
"$VENV/bin/python" packaging/bundle_report.py dist/gkdesk
echo "build time: $(( $(date +%s) - start )) s" >&2

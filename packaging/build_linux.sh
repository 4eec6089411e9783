#!/usr/bin/env bash
# Build the Linux x86_64 one-folder application: dist/gkdesk/ (run dist/gkdesk/gkdesk).
#
# usage: bash packaging/build_linux.sh [--portable] [--archive] [--wheelhouse DIR]
#   --portable        build for glibc >= 2.28 (UOS 20, Kylin V10 and newer) on any newer x86_64
#                     Linux: a Python built for glibc 2.28 (packaging/linux/build_python.sh) and
#                     the manylinux_2_28 wheels (PySide6 6.9); fails if any bundled file needs more
#   --archive         also pack dist/gkdesk-VERSION-linux-x86_64.tar.gz to carry on a USB stick
#   --ocr             also bundle OCR of scanned PDFs (gkdesk[ocr]: RapidOCR's models, ONNX
#                     Runtime, OpenCV headless, numpy; packaging/ocr_bundle.py): 448 MiB in all
#                     against 171 MiB without (measured, --portable)
#   --wheelhouse DIR  install the build's Python packages from a wheelhouse, with no network
#                     (make one with: WHEELHOUSE_EXTRAS=bundle bash scripts/wheelhouse.sh DIR;
#                     for --portable: WHEELHOUSE_PLATFORMS=manylinux_2_28_x86_64
#                     WHEELHOUSE_PYTHONS=3.11 WHEELHOUSE_EXTRAS=bundle, plus ziglang; for --ocr
#                     WHEELHOUSE_EXTRAS=bundle,ocr WHEELHOUSE_PACKAGES=opencv-python-headless)
# env:   PYTHON         interpreter that creates the build environment (default python3)
#        GKDESK_VENV    the build environment (default .venv, shared with scripts/test.sh;
#                       with --portable build/venv-glibc2.28)
#
# Without --portable the bundle runs on Linux with a glibc at least as new as the build
# machine's (printed at the end). See packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ARCHIVE=0
PORTABLE=0
OCR=0
WHEELHOUSE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --archive) ARCHIVE=1 ;;
    --portable) PORTABLE=1 ;;
    --ocr) OCR=1 ;;
    --wheelhouse) WHEELHOUSE=$2; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
PY=${PYTHON:-python3}
start=$(date +%s)
rm -rf dist/gkdesk dist/gkdesk-*-linux-x86_64.tar.gz  # never leave an old bundle to be tested

if [ "$PORTABLE" = 1 ]; then
  VENV=${GKDESK_VENV:-build/venv-glibc2.28}
  PORTABLE_PYTHON=$(bash packaging/linux/build_python.sh ${WHEELHOUSE:+--wheelhouse "$WHEELHOUSE"})/bin/python3.11
  if [ -z "$WHEELHOUSE" ]; then
    # Only wheels a glibc-2.28 system can run (PySide6 6.9, not 6.10+ which need glibc 2.34):
    # the new Python has no ssl module, so the host's pip fetches them.
    WHEELHOUSE=build/wheelhouse-glibc2.28
    # With --ocr: the ocr extra and the headless OpenCV that replaces RapidOCR's opencv-python.
    if [ "$OCR" = 1 ]; then wheel_extras=bundle,ocr; wheel_packages=opencv-python-headless
    else wheel_extras=bundle; wheel_packages=""
    fi
    WHEELHOUSE_PLATFORMS=manylinux_2_28_x86_64 WHEELHOUSE_PYTHONS=3.11 WHEELHOUSE_EXTRAS=$wheel_extras \
      WHEELHOUSE_PACKAGES=$wheel_packages bash scripts/wheelhouse.sh "$WHEELHOUSE"
  fi
  if [ ! -x "$VENV/bin/python" ] || [ "$(readlink -f "$VENV/bin/python")" != "$(readlink -f "$PORTABLE_PYTHON")" ]; then
    rm -rf "$VENV"
    "$PORTABLE_PYTHON" -m venv "$VENV"
  fi
else
  VENV=${GKDESK_VENV:-.venv}
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
EXTRAS=bundle
[ "$OCR" = 1 ] && EXTRAS=bundle,ocr
PIP_SOURCE=()
[ -n "$WHEELHOUSE" ] && PIP_SOURCE=(--no-index --find-links "$WHEELHOUSE")
"$VENV/bin/python" -m pip install -q "${PIP_SOURCE[@]}" -e ".[$EXTRAS]"
if [ "$OCR" = 1 ]; then
  # RapidOCR asks for opencv-python, whose wheel carries Qt 5 and a GUI; the headless build
  # is the same cv2 without them.
  "$VENV/bin/python" -m pip uninstall -q -y opencv-python || true
  "$VENV/bin/python" -m pip install -q "${PIP_SOURCE[@]}" --force-reinstall --no-deps opencv-python-headless
  export GKDESK_BUNDLE_OCR=1
else
  export GKDESK_BUNDLE_OCR=0
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
if [ "$PORTABLE" = 1 ]; then
  "$VENV/bin/python" packaging/bundle_report.py dist/gkdesk --max-glibc 2.28
else
  "$VENV/bin/python" packaging/bundle_report.py dist/gkdesk
fi
echo "build time: $(( $(date +%s) - start )) s" >&2

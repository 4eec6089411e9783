#!/usr/bin/env bash
# Collect a wheelhouse: gkdesk's wheel and every dependency as binary wheels, for each target
# platform and Python version, so that on a PC without network
#     python -m pip install --no-index --find-links wheelhouse gkdesk
# installs gkdesk. Needs network (the package registry) here, none on the target.
#
# usage: bash scripts/wheelhouse.sh [OUT_DIR]          (default: dist/wheelhouse)
# env:   WHEELHOUSE_PLATFORMS  default "manylinux_2_28_x86_64 win_amd64"
#        WHEELHOUSE_PYTHONS    default "3.11 3.12"
#        WHEELHOUSE_EXTRAS     e.g. "test" to add the test tools (pytest, pytest-qt, hypothesis)
#        WHEELHOUSE_PACKAGES   more requirements beside gkdesk's, e.g. "opencv-python-headless"
#        PYTHON                the Python that runs pip (default .venv/bin/python, else python3)
# manylinux_2_28 (glibc 2.28) is the floor of UOS 20 and Kylin V10; pip also accepts older tags.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-dist/wheelhouse}
PLATFORMS=${WHEELHOUSE_PLATFORMS:-"manylinux_2_28_x86_64 win_amd64"}
PYTHONS=${WHEELHOUSE_PYTHONS:-"3.11 3.12"}
EXTRAS=${WHEELHOUSE_EXTRAS:-}
if [ -n "${PYTHON:-}" ]; then PY=$PYTHON
elif [ -x .venv/bin/python ]; then PY=.venv/bin/python
else PY=python3
fi
mkdir -p "$OUT"

# gkdesk itself (pure Python, one wheel for every platform); replace an older build of it.
rm -f "$OUT"/gkdesk-*.whl
"$PY" -m pip wheel --no-deps --quiet --wheel-dir "$OUT" .
WHEEL=$(ls "$OUT"/gkdesk-*.whl)
TARGET=$WHEEL
[ -n "$EXTRAS" ] && TARGET="gkdesk[$EXTRAS] @ file://$(cd "$(dirname "$WHEEL")" && pwd)/$(basename "$WHEEL")"
# gkdesk's build backend too, so that `pip install --no-index -e .` of a checkout works offline
# (packaging/build_linux.sh --wheelhouse); small, pure Python.
BUILD_REQUIREMENTS=("setuptools>=77" "wheel")
read -r -a MORE_PACKAGES <<<"${WHEELHOUSE_PACKAGES:-}"

# pip takes --platform literally: a glibc-2.28 system also runs manylinux_2_27 … manylinux1
# wheels, so a manylinux_2_N tag is given as every tag it can run.
platform_options() {
  local platform=$1 rest minor arch m
  case "$platform" in
    manylinux_2_*)
      rest=${platform#manylinux_2_}; minor=${rest%%_*}; arch=${rest#*_}
      for ((m = minor; m >= 17; m--)); do printf -- '--platform manylinux_2_%s_%s ' "$m" "$arch"; done
      printf -- '--platform manylinux2014_%s --platform manylinux2010_%s --platform manylinux1_%s' "$arch" "$arch" "$arch"
      ;;
    *) printf -- '--platform %s' "$platform" ;;
  esac
}

for platform in $PLATFORMS; do
  for version in $PYTHONS; do
    echo "wheelhouse: $platform, Python $version" >&2
    # --only-binary: nothing is ever built on the target; pip picks the newest release that has
    # a wheel for these platform tags and this Python version.
    # shellcheck disable=SC2046
    "$PY" -m pip download --quiet --only-binary=:all: $(platform_options "$platform") \
      --python-version "$version" --implementation cp --dest "$OUT" "$TARGET" "${BUILD_REQUIREMENTS[@]}" "${MORE_PACKAGES[@]}"
  done
done

count=$(ls "$OUT"/*.whl | wc -l)
echo "wheelhouse: $count wheels, $(du -sh "$OUT" | cut -f1) in $OUT" >&2

#!/usr/bin/env bash
# Build CPython 3.11 for x86_64 Linux with glibc >= 2.28 (UOS 20, Kylin V10, RHEL 8 and newer),
# on any newer x86_64 Linux, and print the installation prefix on stdout.
#
# usage: bash packaging/linux/build_python.sh [--wheelhouse DIR]
#   --wheelhouse DIR  take the ziglang wheel from DIR, with no network
# env:   GKDESK_BUILD_CACHE   where the result and its inputs are kept (default ~/.cache/gkdesk-build)
#        GKDESK_PYTHON_SOURCE a python3.11_*.orig.tar.gz (else Debian bookworm's, fetched by apt)
#        GKDESK_DEBIAN_PATCHES its python3.11_*.debian.tar.xz (security and bug fixes, applied)
#        PYTHON               the Python that installs zig (default python3)
#
# How: zig cc (PyPI package ziglang) compiles against glibc 2.28's symbol versions, whatever
# glibc this machine has, so the interpreter and its extension modules need nothing newer.
# Built: everything gkdesk and PyInstaller use (zlib, pyexpat with its bundled expat, _decimal,
# ctypes, multiprocessing). Not built: ssl/_hashlib (gkdesk is offline; hashlib uses its
# built-in hashes), sqlite3, bz2, lzma, readline, curses, tkinter, dbm, uuid and the test suite.
# zlib and libffi are linked against this machine's libz.so.1 and libffi.so.8 (their headers
# from zlib1g-dev and libffi-dev), which need glibc <= 2.27; PyInstaller bundles libffi.so.8.
# The result is cached, keyed by this script and the source, so a second run takes no time.
set -euo pipefail
cd "$(dirname "$0")/../.."
WHEELHOUSE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --wheelhouse) WHEELHOUSE=$(cd "$2" && pwd); shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
GLIBC=2.28
ZIG_VERSION=0.17.1
CACHE=${GKDESK_BUILD_CACHE:-$HOME/.cache/gkdesk-build}
mkdir -p "$CACHE/src"
CACHE=$(cd "$CACHE" && pwd)
log() { echo "build_python: $*" >&2; }

# 1. The source: Debian bookworm's upstream tarball and Debian's patches, through apt's own
#    client with a private source list (the machine's apt configuration is not touched).
if [ -n "${GKDESK_PYTHON_SOURCE:-}" ]; then
  ORIG=$GKDESK_PYTHON_SOURCE
  PATCHES=${GKDESK_DEBIAN_PATCHES:-}
else
  if ! ls "$CACHE"/src/python3.11_*.orig.tar.gz >/dev/null 2>&1; then
    apt_dir=$CACHE/apt
    mkdir -p "$apt_dir/lists/partial"
    echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main" >"$apt_dir/sources.list"
    apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$apt_dir/lists")
    log "fetching the python3.11 source package"
    apt-get "${apt_opts[@]}" -qq update >&2
    (cd "$CACHE/src" && apt-get "${apt_opts[@]}" -qq source --download-only python3.11 >&2)
  fi
  ORIG=$(ls "$CACHE"/src/python3.11_*.orig.tar.gz | tail -n 1)
  PATCHES=$(ls "$CACHE"/src/python3.11_*.debian.tar.xz | tail -n 1)
fi
KEY=$( (cat "$0"; basename "$ORIG"; basename "${PATCHES:-none}") | sha256sum | cut -c1-12)
PREFIX=$CACHE/python3.11-glibc$GLIBC-$KEY
if [ -x "$PREFIX/bin/python3.11" ] && [ -f "$PREFIX/.complete" ]; then
  log "cached: $PREFIX"
  echo "$PREFIX"
  exit 0
fi
start=$(date +%s)

# 2. zig, from its PyPI wheel.
ZIG_ENV=$CACHE/zig-$ZIG_VERSION
if [ ! -x "$ZIG_ENV/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$ZIG_ENV"
fi
if [ -n "$WHEELHOUSE" ]; then
  "$ZIG_ENV/bin/python" -m pip install -q --no-index --find-links "$WHEELHOUSE" "ziglang==$ZIG_VERSION" >&2
else
  "$ZIG_ENV/bin/python" -m pip install -q "ziglang==$ZIG_VERSION" >&2
fi
ZIG=$("$ZIG_ENV/bin/python" -c "import ziglang, os; print(os.path.join(os.path.dirname(ziglang.__file__), 'zig'))")

# 3. Compiler wrappers for configure: zig cc pinned to the target glibc.
WORK=$CACHE/work-$KEY
rm -rf "$WORK"
mkdir -p "$WORK/tc" "$WORK/dep/include" "$WORK/dep/lib"
cat >"$WORK/tc/cc" <<EOF
#!/usr/bin/env bash
# zig cc for x86_64 glibc $GLIBC. It does not take the GNU ld spelling -Wl,-hNAME, and cannot link
# a shared library from shared libraries alone (libpython3.so): an empty unit is added there.
args=()
for a in "\$@"; do
  case "\$a" in
    -Wl,-h*) args+=("-Wl,-soname,\${a#-Wl,-h}") ;;
    *) args+=("\$a") ;;
  esac
done
case " \${args[*]} " in
  *" -shared "*)
    if ! printf '%s\n' "\${args[@]}" | grep -qE '\.(c|o|a|s|S)\$'; then
      args+=("$WORK/tc/empty.c")
    fi ;;
esac
exec "$ZIG" cc -target x86_64-linux-gnu.$GLIBC -fno-sanitize=undefined -Wno-date-time \
  -Wno-unterminated-string-initialization "\${args[@]}"
EOF
printf '#!/bin/sh\nexec "%s" ar "$@"\n' "$ZIG" >"$WORK/tc/ar"
printf '#!/bin/sh\nexec "%s" ranlib "$@"\n' "$ZIG" >"$WORK/tc/ranlib"
: >"$WORK/tc/empty.c"
chmod +x "$WORK/tc/cc" "$WORK/tc/ar" "$WORK/tc/ranlib"

# Only the zlib and libffi headers go on the include path: the machine's glibc headers must not.
multiarch=/usr/include/x86_64-linux-gnu
for header in /usr/include/zlib.h /usr/include/zconf.h "$multiarch/ffi.h" "$multiarch/ffitarget.h"; do
  if [ ! -f "$header" ]; then
    echo "build_python: $header is missing (apt-get install zlib1g-dev libffi-dev)" >&2
    exit 1
  fi
  cp "$header" "$WORK/dep/include/"
done
ln -s /usr/lib/x86_64-linux-gnu/libz.so.1 "$WORK/dep/lib/libz.so"
ln -s /usr/lib/x86_64-linux-gnu/libffi.so.8 "$WORK/dep/lib/libffi.so"

# 4. Unpack and patch: Debian's fixes after its packaging patches (CVE and crash fixes).
log "unpacking $(basename "$ORIG")"
tar -xzf "$ORIG" -C "$WORK"
SRC=$(ls -d "$WORK"/Python-3.11.*)
if [ -n "${PATCHES:-}" ]; then
  tar -xJf "$PATCHES" -C "$WORK" debian/patches
  series=$WORK/debian/patches/series
  first=shutdown-deadlock.diff  # the first of Debian's fixes; the ones before change its layout
  grep -qx "$first" "$series" || { echo "build_python: $first not in Debian's series" >&2; exit 1; }
  count=0
  for patch in $(sed -n "/^$first\$/,\$p" "$series"); do
    patch -d "$SRC" -p1 -s --no-backup-if-mismatch <"$WORK/debian/patches/$patch"
    count=$((count + 1))
  done
  log "applied $count of Debian's patches"
fi
# Debian's expat fixes make pyexpat.c use an internal header; Debian builds it into the
# interpreter, here it is a shared module, which must say so.
if grep -q '"pycore_ceval.h"' "$SRC/Modules/pyexpat.c" && ! grep -q Py_BUILD_CORE_MODULE "$SRC/Modules/pyexpat.c"; then
  sed -i '1i #ifndef Py_BUILD_CORE_BUILTIN\n#  define Py_BUILD_CORE_MODULE 1\n#endif' "$SRC/Modules/pyexpat.c"
fi
# setup.py adds /usr/include/<multiarch> (this machine's glibc headers) to every extension.
sed -i 's/^    def add_multiarch_paths(self):/&\n        return  # gkdesk: never the build machine'"'"'s glibc headers/' "$SRC/setup.py"

# 5. Configure, build, install.
log "building (a few minutes)"
(
  cd "$SRC"
  ./configure --prefix="$PREFIX" --enable-shared --without-ensurepip --disable-test-modules \
    --with-system-expat=no \
    CC="$WORK/tc/cc" AR="$WORK/tc/ar" RANLIB="$WORK/tc/ranlib" CPPFLAGS="-I$WORK/dep/include" \
    LDFLAGS="-L$WORK/dep/lib -Wl,-rpath,\\\$\$ORIGIN/../lib" \
    ZLIB_CFLAGS="-I$WORK/dep/include" ZLIB_LIBS="-L$WORK/dep/lib -lz" \
    LIBFFI_CFLAGS="-I$WORK/dep/include" LIBFFI_LIBS="-L$WORK/dep/lib -lffi" >"$WORK/configure.log" 2>&1
  make -j"$(( $(nproc) + 1 ))" >"$WORK/make.log" 2>&1
  make install >"$WORK/install.log" 2>&1
) || { echo "build_python: failed; logs in $WORK" >&2; tail -n 20 "$WORK"/*.log >&2; exit 1; }
"$PREFIX/bin/python3.11" -c "import zlib, pyexpat, _decimal, ctypes, multiprocessing, venv, ensurepip" \
  || { echo "build_python: the new Python lacks a module gkdesk needs" >&2; exit 1; }
touch "$PREFIX/.complete"
rm -rf "$WORK"
log "built $PREFIX in $(( $(date +%s) - start )) s"
echo "$PREFIX"

#!/usr/bin/env bash
# Make (once, then cached) a Debian 11 "bullseye" root folder to run the Linux bundle on an
# older system than the build machine: glibc 2.31 and GCC 10's libstdc++, the level of Kylin V10
# (Ubuntu 20.04 based). Holds only what a desktop PC has and the bundle takes from the system
# (GLib, D-Bus, fontconfig, FreeType, X11/xcb, xkbcommon, GL/EGL), a Chinese font, and Xvfb to
# open the window on a real X server there.
# Prints the folder. tests/test_packaging_oldglibc.py runs the bundle in it with chroot.
#
# usage: bash packaging/linux/old_glibc_root.sh          (root; installs debootstrap if missing)
# env:   GKDESK_BUILD_CACHE   default ~/.cache/gkdesk-build
set -euo pipefail
PACKAGES=libglib2.0-0,libdbus-1-3,libfontconfig1,libfreetype6,libx11-6,libx11-xcb1,libxcb1,libxkbcommon0,libxkbcommon-x11-0,libegl1,libgl1,fonts-wqy-microhei,xvfb,xauth
CACHE=${GKDESK_BUILD_CACHE:-$HOME/.cache/gkdesk-build}
ROOT=$CACHE/bullseye-root
if [ -f "$ROOT/.complete" ] && [ "$(cat "$ROOT/.complete")" = "$PACKAGES" ]; then
  echo "$ROOT"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "old_glibc_root: needs root (debootstrap, chroot)" >&2
  exit 1
fi
if ! command -v debootstrap >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi
start=$(date +%s)
rm -rf "$ROOT" "$ROOT.tmp"
mkdir -p "$CACHE"
debootstrap --variant=minbase --include="$PACKAGES" bullseye "$ROOT.tmp" http://deb.debian.org/debian \
  >"$CACHE/bullseye-root.log" 2>&1 || { tail -n 20 "$CACHE/bullseye-root.log" >&2; exit 1; }
rm -rf "$ROOT.tmp/var/cache/apt/archives"/*.deb
mv "$ROOT.tmp" "$ROOT"
echo "$PACKAGES" >"$ROOT/.complete"
echo "old_glibc_root: made $ROOT in $(( $(date +%s) - start )) s" >&2
echo "$ROOT"

"""Print what a built bundle is: size, file count, and (Linux) the oldest glibc it runs on.

usage: python packaging/bundle_report.py dist/gkdesk
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

GLIBC_VERSION = re.compile(rb"GLIBC_(\d+)\.(\d+)")


def bundle_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def glibc_floor(folder: Path) -> str | None:
    """The newest GLIBC_x.y symbol version any bundled ELF file needs (None without objdump)."""
    if shutil.which("objdump") is None:
        return None
    newest = (0, 0)
    for p in folder.rglob("*"):
        if not p.is_file() or p.is_symlink() or not p.read_bytes()[:4] == b"\x7fELF":
            continue
        out = subprocess.run(["objdump", "-T", str(p)], capture_output=True).stdout
        for major, minor in GLIBC_VERSION.findall(out):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}" if newest != (0, 0) else None


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "dist/gkdesk")
    if not folder.is_dir():
        print(f"no bundle at {folder}", file=sys.stderr)
        return 1
    size, count = bundle_size(folder)
    print(f"bundle: {folder}  {size / 2**20:.0f} MiB in {count} files")
    for archive in sorted(folder.parent.glob(f"{folder.name}-*.tar.gz")) + sorted(folder.parent.glob(f"{folder.name}-*.zip")):
        print(f"archive: {archive}  {archive.stat().st_size / 2**20:.0f} MiB")
    if sys.platform.startswith("linux"):
        floor = glibc_floor(folder)
        if floor:
            print(f"needs glibc >= {floor}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

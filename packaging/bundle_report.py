"""Print what a built bundle is: size, file count and (Linux) the oldest system it runs on.

usage: python packaging/bundle_report.py dist/gkdesk [--max-glibc 2.28]

On Linux every ELF file's symbol version references (`objdump -p`, "required from") give the
newest glibc (GLIBC_x.y), libstdc++ (GLIBCXX_, CXXABI_) and libgcc_s (GCC_) it needs. With
--max-glibc the report fails (exit 1) if any file needs more than that glibc or more than the
C++ runtime of that era (see TARGETS), naming the files.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

Version = tuple[int, ...]
REQUIRED_FROM = re.compile(r"^\s+required from (\S+):$")
VERSION_NAME = re.compile(r"^\s+0x[0-9a-f]+ 0x[0-9a-f]+ \d+ (\S+)$")
FAMILIES = ("GLIBCXX", "GLIBC", "CXXABI", "GCC")  # GLIBCXX before GLIBC: the longer prefix first

# The newest versions each glibc floor's era provides. 2.28: RHEL 8 / Debian 10 / UOS 20
# (GCC 8: libstdc++ GLIBCXX_3.4.25, CXXABI_1.3.11; libgcc_s GCC_7.0.0). 2.31: Debian 11 /
# Ubuntu 20.04 / Kylin V10 (GCC 9 and 10: GLIBCXX_3.4.28, CXXABI_1.3.12).
TARGETS: dict[str, dict[str, Version]] = {
    "2.28": {"GLIBC": (2, 28), "GLIBCXX": (3, 4, 25), "CXXABI": (1, 3, 11), "GCC": (7, 0, 0)},
    "2.31": {"GLIBC": (2, 31), "GLIBCXX": (3, 4, 28), "CXXABI": (1, 3, 12), "GCC": (7, 0, 0)},
}


def bundle_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def elf_files(folder: Path) -> list[Path]:
    found = []
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.is_symlink():
            with open(p, "rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(p)
    return found


def required_versions(path: Path) -> list[str]:
    """The symbol versions (e.g. GLIBC_2.17, GLIBCXX_3.4.21) that an ELF file requires."""
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
    names, inside = [], False
    for line in out.splitlines():
        if REQUIRED_FROM.match(line):
            inside = True
        elif inside and (m := VERSION_NAME.match(line)):
            names.append(m.group(1))
        elif line.strip() and not line.startswith("  "):
            inside = False
    return names


def parse_version(name: str) -> tuple[str, Version] | None:
    """("GLIBC", (2, 28)) for "GLIBC_2.28"; None for a name outside FAMILIES."""
    for family in FAMILIES:
        rest = name.removeprefix(family + "_")
        if rest != name and re.fullmatch(r"\d+(\.\d+)*", rest):
            return family, tuple(int(n) for n in rest.split("."))
    return None


def too_new(folder: Path, limits: dict[str, Version]) -> list[tuple[str, str]]:
    """(file, version) for every requirement beyond `limits`, and every GLIBC_PRIVATE one."""
    found = []
    for path in elf_files(folder):
        for name in required_versions(path):
            parsed = parse_version(name)
            if name == "GLIBC_PRIVATE" or (parsed and parsed[0] in limits and parsed[1] > limits[parsed[0]]):
                found.append((str(path.relative_to(folder)), name))
    return found


def newest_needed(folder: Path) -> dict[str, Version]:
    newest: dict[str, Version] = {}
    for path in elf_files(folder):
        for name in required_versions(path):
            parsed = parse_version(name)
            if parsed:
                newest[parsed[0]] = max(newest.get(parsed[0], ()), parsed[1])
    return newest


def dotted(v: Version) -> str:
    return ".".join(map(str, v))


def main(argv: list[str]) -> int:
    args = argv[1:]
    max_glibc = None
    if "--max-glibc" in args:
        i = args.index("--max-glibc")
        max_glibc = args[i + 1]
        del args[i : i + 2]
        if max_glibc not in TARGETS:
            print(f"--max-glibc: one of {', '.join(TARGETS)}", file=sys.stderr)
            return 2
    folder = Path(args[0] if args else "dist/gkdesk")
    if not folder.is_dir():
        print(f"no bundle at {folder}", file=sys.stderr)
        return 1
    size, count = bundle_size(folder)
    print(f"bundle: {folder}  {size / 2**20:.0f} MiB in {count} files")
    for archive in sorted(folder.parent.glob(f"{folder.name}-*.tar.gz")) + sorted(folder.parent.glob(f"{folder.name}-*.zip")):
        print(f"archive: {archive}  {archive.stat().st_size / 2**20:.0f} MiB")
    if not sys.platform.startswith("linux"):
        return 0
    if shutil.which("objdump") is None:
        print("objdump not found (binutils): glibc floor not checked", file=sys.stderr)
        return 1 if max_glibc else 0
    newest = newest_needed(folder)
    if "GLIBC" in newest:
        print(f"needs glibc >= {dotted(newest['GLIBC'])}")
    cxx = [f"{family}_{dotted(newest[family])}" for family in ("GLIBCXX", "CXXABI", "GCC") if family in newest]
    if cxx:
        print(f"needs the system's C++ runtime with {', '.join(cxx)}")
    if max_glibc:
        beyond = too_new(folder, TARGETS[max_glibc])
        for path, name in beyond:
            print(f"  too new for glibc {max_glibc}: {path} needs {name}", file=sys.stderr)
        if beyond:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

"""Build the window's translations: resources/i18n/*.ts -> .qm (pyside6-lrelease).

    .venv/bin/python scripts/build_translations.py            # compile every .ts to .qm
    .venv/bin/python scripts/build_translations.py --update   # first refresh the .ts from the sources

The UI's source strings are Chinese (the default language, which needs no file); en.ts holds
the English. The .qm files are build products (gitignored): without them the window reads the
.ts directly (gkdesk.ui.i18n.TsTranslator), so English works either way; the .qm only loads faster.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
SOURCES = ROOT / "gkdesk" / "ui"


def qt_tool(name: str) -> str | None:
    """pyside6-<name> beside this Python (a venv), on PATH, or the binary inside PySide6."""
    candidates = [Path(sys.executable).with_name(f"pyside6-{name}"), Path(sys.executable).with_name(f"pyside6-{name}.exe")]
    for c in candidates:
        if c.exists():
            return str(c)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    try:
        import PySide6

        folder = Path(PySide6.__file__).parent
        for c in (folder / name, folder / f"{name}.exe", folder / "Qt" / "bin" / name):
            if c.exists():
                return str(c)
    except ImportError:
        pass
    return None


def update_ts() -> int:
    lupdate = qt_tool("lupdate")
    if lupdate is None:
        print("error: pyside6-lupdate not found (pip install PySide6-Essentials)", file=sys.stderr)
        return 1
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.glob("*.py"))
    for ts in sorted(I18N.glob("*.ts")):
        cmd = [lupdate, *sources, "-no-obsolete", "-locations", "none", "-source-language", "zh_CN", "-target-language", ts.stem, "-ts", str(ts.relative_to(ROOT))]
        result = subprocess.run(cmd, cwd=ROOT)
        if result.returncode:
            return result.returncode
    return 0


def release() -> int:
    lrelease = qt_tool("lrelease")
    if lrelease is None:
        print("error: pyside6-lrelease not found; the window will read the .ts files directly", file=sys.stderr)
        return 1
    status = 0
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        result = subprocess.run([lrelease, str(ts), "-qm", str(qm)], capture_output=True, text=True)
        print((result.stdout + result.stderr).strip())
        status = status or result.returncode
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="refresh the .ts files from the sources first")
    args = parser.parse_args(argv)
    if args.update:
        status = update_ts()
        if status:
            return status
    return release()


if __name__ == "__main__":
    raise SystemExit(main())

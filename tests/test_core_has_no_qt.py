"""The core must run headless: nothing outside gkdesk/ui/ imports Qt."""
import re
import subprocess
import sys

from conftest import ROOT

QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt[56]|shiboken6)\b", re.M)


def test_no_qt_import_in_core_sources():
    offenders = []
    for path in (ROOT / "gkdesk").rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("gkdesk/ui/"):
            continue
        if QT_IMPORT.search(path.read_text(encoding="utf-8")):
            offenders.append(rel)
    assert offenders == []


def test_core_modules_import_without_loading_qt():
    code = (
        "import pkgutil, importlib, sys, gkdesk\n"
        "for m in pkgutil.walk_packages(gkdesk.__path__, 'gkdesk.'):\n"
        "    if m.name.startswith('gkdesk.ui') or m.name == 'gkdesk.__main__': continue\n"
        "    importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6')]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr

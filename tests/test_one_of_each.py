"""One limits module, one atomic writer, one errors module (issue 15): a second copy is how
two limits drift apart or a write path skips the atomic writer."""
from __future__ import annotations

import ast
from pathlib import Path

import gkdesk

PACKAGE = Path(gkdesk.__file__).parent


def _modules():
    return sorted(p for p in PACKAGE.rglob("*.py"))


def test_one_module_of_each_name():
    for name in ("limits.py", "atomic.py", "errors.py"):
        found = [p.relative_to(PACKAGE).as_posix() for p in _modules() if p.name == name]
        assert found == [name], found


def test_error_classes_live_in_the_errors_module():
    base_names = {"GkdeskError", "InputError", "ExportError", "WorkbookImportError"}
    stray = []
    for path in _modules():
        if path.name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                if bases & base_names:
                    stray.append(f"{path.relative_to(PACKAGE)}:{node.name}")
    assert stray == []


def test_no_file_replaced_outside_the_atomic_writer():
    # os.replace is the atomic writer's step; anywhere else it is a write that skips fsync or
    # the temporary-file cleanup (moving a corrupt sidecar aside is a rename, not a write).
    allowed = {"atomic.py", "sidecar.py"}
    users = [p.relative_to(PACKAGE).as_posix() for p in _modules() if "os.replace(" in p.read_text(encoding="utf-8") and p.name not in allowed]
    assert users == []

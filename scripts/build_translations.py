"""Build the window's translations: resources/i18n/*.ts -> .qm (pyside6-lrelease).

    .venv/bin/python scripts/build_translations.py            # compile every .ts to .qm
    .venv/bin/python scripts/build_translations.py --update   # first refresh the .ts files

The UI's source strings are Chinese (the default language, which needs no file); en.ts holds
the English. --update brings three kinds of text into every .ts:
- the window's own strings (tr() and translate() calls in gkdesk/ui), found by pyside6-lupdate;
- context "schema": every text of the official form, read from the schema
  (gkdesk.checks.naming.schema_words), so that no label is missed;
- context "findings": the templates of the finding messages (gkdesk.messages.CATALOGUE), the
  catalogue key as a note for the translator.
New texts come in unfinished, translations already written are kept, texts that are gone are
dropped. The .qm files are build products (gitignored): without them, or when a .qm is older
than its .ts, the window reads the .ts directly (gkdesk.ui.i18n), so English works either way.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
SOURCES = ROOT / "gkdesk" / "ui"
SCHEMA_CONTEXT, FINDINGS_CONTEXT = "schema", "findings"  # as gkdesk.ui.names uses them


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


def generated_contexts() -> dict[str, list[tuple[str, str]]]:
    """Contexts written from the core rather than found in the UI's sources: (source, note) pairs."""
    sys.path.insert(0, str(ROOT))
    from gkdesk.checks.naming import schema_words
    from gkdesk.messages import CATALOGUE

    templates: dict[str, list[str]] = {}
    for key, template in CATALOGUE.items():
        templates.setdefault(template, []).append(key)
    return {
        SCHEMA_CONTEXT: [(word, "") for word in schema_words()],
        FINDINGS_CONTEXT: [(template, ", ".join(keys)) for template, keys in templates.items()],
    }


def _translations(root: ET.Element, contexts) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        if name in contexts:
            for message in context.iter("message"):
                node = message.find("translation")
                if node is not None:
                    out[(name, message.findtext("source", ""))] = node
    return out


def write_generated(ts: Path, previous: bytes | None = None) -> list[tuple[str, str]]:
    """Write the generated contexts of one .ts anew, with the translations the file had (or
    `previous`, its content before lupdate dropped them); returns the file's untranslated texts."""
    contexts = generated_contexts()
    root = ET.parse(ts).getroot()
    known = _translations(ET.fromstring(previous) if previous is not None else root, contexts)
    for context in [c for c in root.findall("context") if c.findtext("name") in contexts]:
        root.remove(context)
    for name, entries in contexts.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source, note in entries:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            if note:
                ET.SubElement(message, "extracomment").text = note
            old = known.get((name, source))
            translation = ET.SubElement(message, "translation")
            if old is not None and old.get("type") not in ("obsolete", "vanished") and (old.text or "").strip():
                translation.text = old.text
                if old.get("type") == "unfinished":
                    translation.set("type", "unfinished")
            else:
                translation.set("type", "unfinished")
    untranslated = [
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation") is None or message.find("translation").get("type") == "unfinished"
    ]
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return untranslated


def update_ts(paths: list[Path] | None = None) -> int:
    """Refresh .ts files (default: every one in resources/i18n) from the UI sources and the core."""
    paths = paths if paths is not None else sorted(I18N.glob("*.ts"))
    lupdate = qt_tool("lupdate")
    if lupdate is None:
        print("warning: pyside6-lupdate not found; only the schema and findings texts are refreshed", file=sys.stderr)
    sources = sorted(str(p) for p in SOURCES.glob("*.py"))
    for ts in paths:
        # lupdate drops the generated contexts (they are not in the sources): their translations
        # are taken from the file as it was before.
        before = ts.read_bytes()
        if lupdate is not None:
            cmd = [lupdate, *sources, "-no-obsolete", "-locations", "none", "-source-language", "zh_CN", "-target-language", ts.stem, "-ts", str(ts)]
            result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
            if result.returncode:
                print(result.stdout + result.stderr, file=sys.stderr)
                return result.returncode
        untranslated = write_generated(ts, before)
        for context, source in untranslated:
            print(f"{ts.name}: untranslated [{context}] {source}")
    return 0


def release(folder: Path | None = None) -> int:
    """Compile every .ts of resources/i18n to a .qm, beside it or into `folder`."""
    lrelease = qt_tool("lrelease")
    if lrelease is None:
        print("error: pyside6-lrelease not found; the window will read the .ts files directly", file=sys.stderr)
        return 1
    status = 0
    for ts in sorted(I18N.glob("*.ts")):
        qm = (folder or I18N) / ts.with_suffix(".qm").name
        result = subprocess.run([lrelease, str(ts), "-qm", str(qm)], capture_output=True, text=True)
        print((result.stdout + result.stderr).strip())
        status = status or result.returncode
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="refresh the .ts files from the sources and the core first")
    args = parser.parse_args(argv)
    if args.update:
        status = update_ts()
        if status:
            return status
    return release()


if __name__ == "__main__":
    raise SystemExit(main())

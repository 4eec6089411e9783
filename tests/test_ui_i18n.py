"""Chinese by default, English selectable; every UI string has its English in en.ts."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT

TS = ROOT / "resources" / "i18n" / "en.ts"
SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))


def _messages(ts_path):
    root = ET.parse(ts_path).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def test_every_message_has_a_finished_english_translation():
    missing = []
    for context, message in _messages(TS):
        node = message.find("translation")
        forms = [f.text for f in node.iter("numerusform")]
        text = node.text if not forms else "".join(f or "" for f in forms)
        if node.get("type") == "unfinished" or not (text or "").strip():
            missing.append((context, message.findtext("source")))
        if "%1" in message.findtext("source") and "%1" not in (text or ""):
            missing.append((context, message.findtext("source"), "placeholder"))
    assert missing == []


def test_en_ts_is_current_with_the_sources(tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from build_translations import qt_tool

    lupdate = qt_tool("lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "en.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "gkdesk" / "ui").glob("*.py"))
    subprocess.run([lupdate, *sources, "-no-obsolete", "-locations", "none", "-ts", str(fresh)], check=True, capture_output=True)
    ours = {(c, m.findtext("source")) for c, m in _messages(TS)}
    current = {(c, m.findtext("source")) for c, m in _messages(fresh)}
    assert current == ours, "run scripts/build_translations.py --update and translate the new strings"


@pytest.fixture
def english(qapp, monkeypatch, tmp_path):
    """English from en.ts alone (no compiled .qm), as on a fresh checkout."""
    from gkdesk.ui import i18n

    folder = tmp_path / "i18n"
    folder.mkdir()
    shutil.copy(TS, folder / "en.ts")
    monkeypatch.setattr(i18n, "i18n_dir", lambda: folder)
    yield i18n.install_language("en")
    i18n.install_language("zh_CN")


def test_english_window_without_compiled_translations(qtbot, tmp_path, english):
    from gkdesk.ui.app import build_window
    from gkdesk.ui.settings import Settings

    assert english == "en"
    report = tmp_path / "sample.txt"
    shutil.copy(SAMPLE, report)
    window = build_window([str(report)], Settings.at(tmp_path / "s.ini"), language="en")
    qtbot.addWidget(window)
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&File", "&Edit"]
    assert window.act_open.text() == "Open Reports…"
    assert window.act_restore.text() == "Restore Recognized Value"
    assert window.encoding_label.text() == "Encoding: utf-8"
    assert window.counts_label.text().startswith("Errors 3 · Warnings 1")
    window.document.set_values({("t3", 2, 0): 21, ("t3", 2, 1): 4})
    assert window.act_undo.text().endswith("Edit 2 cells")  # plural form chosen by n


def test_chinese_is_the_default(qtbot, tmp_path):
    from gkdesk.ui.app import build_window
    from gkdesk.ui.settings import Settings

    settings = Settings.at(tmp_path / "s.ini")
    assert settings.language == "zh_CN"
    window = build_window([], settings)
    qtbot.addWidget(window)
    assert window.act_open.text() == "打开报告…"
    assert window.menuBar().actions()[0].text() == "文件(&F)"


def test_compiled_translation_loads_when_built(qapp, monkeypatch, tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from build_translations import qt_tool

    from gkdesk.ui import i18n

    lrelease = qt_tool("lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease not installed")
    folder = tmp_path / "i18n"
    folder.mkdir()
    subprocess.run([lrelease, str(TS), "-qm", str(folder / "en.qm")], check=True, capture_output=True)
    monkeypatch.setattr(i18n, "i18n_dir", lambda: folder)
    try:
        assert i18n.install_language("en") == "en"
        assert i18n.translate("MainWindow", "打开报告…") == "Open Reports…"
    finally:
        i18n.install_language("zh_CN")

"""Chinese by default, English selectable; every UI string has its English in en.ts."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT
from message_text import CJK

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


def _build_translations():
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import build_translations

    return build_translations


def test_en_ts_is_current_with_the_sources_and_the_core(tmp_path, capsys):
    """--update on a copy adds and drops nothing: every tr() text, schema text and template is in."""
    script = _build_translations()
    fresh = tmp_path / "en.ts"
    shutil.copy(TS, fresh)
    assert script.update_ts([fresh]) == 0
    ours = {(c, m.findtext("source")) for c, m in _messages(TS)}
    current = {(c, m.findtext("source")) for c, m in _messages(fresh)}
    assert current == ours, "run scripts/build_translations.py --update and translate the new strings"
    assert "untranslated" not in capsys.readouterr().out


def _english(context: str) -> dict[str, str]:
    """The finished translations of a context (plural forms left out)."""
    return {
        m.findtext("source"): m.find("translation").text
        for c, m in _messages(TS)
        if c == context and m.find("translation").get("type") is None and m.get("numerus") != "yes"
    }


def test_every_text_of_the_schema_has_an_english_translation():
    """Read off the schema itself: labels, row groups, columns, headers, titles, notes, headings."""
    from gkdesk.schema import FORMATS, SECTIONS, format_spec, table_relations

    texts = set(s.heading for s in SECTIONS)
    for version in FORMATS:
        fmt = format_spec(version)
        texts |= {fmt.name, fmt.notice}
        for spec in fmt.tables.values():
            texts |= {spec.number, spec.title, spec.note, spec.label_header}
            for r, row in enumerate(spec.rows):
                texts |= {row.label, *row.path}
                for column in spec.row_columns(r):
                    texts |= {column.label, column.short, *column.path}
            texts |= {relation.description for relation in table_relations(spec)}
    texts.discard("")
    english = _english("schema")
    missing = sorted(texts - set(english))
    assert missing == [], "run scripts/build_translations.py --update and translate"
    assert [t for t in texts if CJK.search(english[t])] == []


@pytest.fixture
def compiled(qapp, tmp_path):
    """en.qm as the script builds it, in a folder of its own."""
    script = _build_translations()
    if script.qt_tool("lrelease") is None:
        pytest.skip("pyside6-lrelease not installed")
    folder = tmp_path / "built"
    folder.mkdir()
    assert script.release(folder) == 0
    return folder / "en.qm"


def test_the_script_builds_a_qm_with_every_translation(compiled):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(compiled))
    for context in ("schema", "findings", "MainWindow"):
        for source, english in _english(context).items():
            assert translator.translate(context, source) == english, (context, source)


def test_a_qm_older_than_its_ts_is_not_used(compiled, monkeypatch, tmp_path):
    """A stale build would hide new translations: the window reads the .ts instead."""
    from gkdesk.ui import i18n

    script = _build_translations()
    folder = tmp_path / "i18n"
    folder.mkdir()
    old_ts = tmp_path / "old.ts"
    root = ET.parse(TS).getroot()
    for context in [c for c in root.findall("context") if c.findtext("name") == "schema"]:
        root.remove(context)
    ET.ElementTree(root).write(old_ts, encoding="utf-8")
    subprocess.run([script.qt_tool("lrelease"), str(old_ts), "-qm", str(folder / "en.qm")], check=True, capture_output=True)
    shutil.copy(TS, folder / "en.ts")
    os.utime(folder / "en.qm", (1_000_000_000, 1_000_000_000))
    monkeypatch.setattr(i18n, "i18n_dir", lambda: folder)
    try:
        assert i18n.install_language("en") == "en"
        assert i18n.translate("schema", "表三") == "Table 3"
        shutil.copy(compiled, folder / "en.qm")  # a current build is used
        assert i18n.install_language("en") == "en"
        assert i18n.translate("schema", "表三") == "Table 3"
        assert not isinstance(i18n._installed[0], i18n.TsTranslator)
    finally:
        i18n.install_language("zh_CN")


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


def _planted_report(tmp_path):
    """A 2021 report with faults of the three kinds: sums, the text against the tables, structure."""
    from report_factory import render, values_for

    values = values_for("2021", seed=3)
    values["t3"][0][6] += 5  # a row total that does not add up
    values["t4"][9] += 2  # a 表四 total that contradicts its parts
    narrative = {
        "一": "本年度共收到政府信息公开申请 999 件。",
        "四": "本年度未发生政府信息公开行政复议和行政诉讼。",
    }
    path = tmp_path / "planted.txt"
    path.write_text(render("2021", values, narrative=narrative).replace("六、其他需要报告的事项", ""), encoding="utf-8")
    return path


def _open(qtbot, tmp_path, language):
    from gkdesk.ui.app import build_window
    from gkdesk.ui.settings import Settings

    window = build_window([str(_planted_report(tmp_path))], Settings.at(tmp_path / "s.ini"), language=language)
    qtbot.addWidget(window)
    window.document.set_values({("t2", 0, 0): -2, ("t2", 1, 1): None})  # a negative count, a blank
    return window


def _rows(window):
    from gkdesk.ui.findings_model import LOCATION_COLUMN, MESSAGE_COLUMN, SEVERITY_COLUMN

    model = window.findings_model
    return [
        (finding, *(model.index(row, col).data() for col in (SEVERITY_COLUMN, MESSAGE_COLUMN, LOCATION_COLUMN)))
        for row, finding in enumerate(model.findings)
    ]


def _form_texts(page):
    """Every heading and label of a table's grid, as the grid shows it."""
    grid = page.model
    return [grid.index(cell.row, cell.col).data() or "" for cell in grid.layout.texts()]


def test_english_window_shows_findings_and_the_form_in_english(qtbot, tmp_path, english):
    from message_text import chinese_outside, quotes_of
    from PySide6.QtCore import Qt

    from gkdesk.ui.table_model import Role

    window = _open(qtbot, tmp_path, "en")
    rows = _rows(window)
    assert {f.kind for f, *_ in rows} == {"arithmetic", "narrative", "structure"}
    assert any(f.culprit is not None for f, *_ in rows) and any(f.rule.endswith("nonneg") for f, *_ in rows)
    for finding, severity, message, location in rows:
        assert severity in ("Error", "Warning")
        assert chinese_outside(message, quotes_of(finding.structured())) == [], message
        assert chinese_outside(location) == [], location
    model = window.findings_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["Severity", "Problem", "Location"]
    for i, (table_id, page) in enumerate(window.pages.items()):
        assert chinese_outside(window.tabs.tabText(i)) == [] and window.tabs.tabText(i).startswith("Table ")
        assert chinese_outside(page.title.text()) == [], page.title.text()
        texts = _form_texts(page)
        assert texts and [t for t in texts if chinese_outside(t)] == []
        for addr in page.model.layout.value_addresses():
            index = page.model.index_of(addr)
            findings = window.document.review.marks_of(addr).findings
            quotes = [q for f in findings for q in quotes_of(f.structured())]
            for severity, message in index.data(Role.MESSAGES):
                assert chinese_outside(message, quotes) == [], message
            assert chinese_outside(index.data(Qt.ItemDataRole.ToolTipRole), quotes) == []
    assert window.pages["t3"].title.text() == "Table 3  Disclosure requests received and handled (2021 format)"
    assert _form_texts(window.pages["t3"])[0] == "(In every column: item 1 + item 2 = item 3 + item 4)"


def test_chinese_window_shows_the_core_messages_and_the_form_as_printed(qtbot, tmp_path):
    from gkdesk.checks.naming import cell_name
    from gkdesk.form_layout import form_layout

    window = _open(qtbot, tmp_path, "zh_CN")
    rows = _rows(window)
    assert len(rows) >= 5
    report = window.document.report
    for finding, severity, message, location in rows:
        assert severity in ("错误", "警告")
        assert message == finding.message
        if finding.cells:
            assert location.startswith(cell_name(report, finding.cells[0]))
    for i, (table_id, page) in enumerate(window.pages.items()):
        assert window.tabs.tabText(i).startswith(("表二", "表三", "表四")[i])
        assert _form_texts(page) == [cell.text for cell in form_layout(page.model.table.spec).texts()]
    assert window.pages["t3"].title.text() == "表三  收到和处理政府信息公开申请情况　（2021年格式）"

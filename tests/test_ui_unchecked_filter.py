"""Statements the checks could not tie to cells ("未核对的表述"): info findings, listed in the
problems panel under their own filter, hidden until the reviewer asks for them."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_checks_support import document as report_text  # noqa: E402

from gkdesk.findings import INFO  # noqa: E402


def _document(tmp_path, sentence):
    from gkdesk.ui.document import ReviewDocument

    path = tmp_path / "r.txt"
    path.write_text(report_text(sentence, "一"), encoding="utf-8")
    return ReviewDocument.open(str(path))


def test_info_findings_are_behind_their_own_filter(qtbot, tmp_path):
    from gkdesk.ui.findings_model import FINDING_ROLE, SEVERITY_COLUMN, FindingsModel

    document = _document(tmp_path, "本局全年办理行政复议案件120件。")
    assert any(f.severity == INFO for f in document.findings)
    model = FindingsModel()
    model.set_document(document)
    shown = [model.index(r, 0).data(FINDING_ROLE).severity for r in range(model.rowCount())]
    assert INFO not in shown and model.info_count() == 1
    model.set_show_info(True)
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    info = [i for i in rows if i.data(FINDING_ROLE).severity == INFO]
    assert len(info) == 1 and info[0].data() == "提示"
    assert "未核对的表述" in model.index(info[0].row(), 1).data()
    assert not model.index(info[0].row(), SEVERITY_COLUMN).data(1).isNull()  # its own badge


def test_the_window_offers_the_filter_when_there_is_something_to_show(qtbot, tmp_path):
    from window_support import make_window

    path = tmp_path / "r.txt"
    path.write_text(report_text("本局全年办理行政复议案件120件。", "一"), encoding="utf-8")
    window = make_window(qtbot, tmp_path, [path])
    qtbot.waitUntil(lambda: window.document is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.show_unchecked.isVisibleTo(window), timeout=5000)
    assert "（1）" in window.show_unchecked.text()
    before = window.findings_model.rowCount()
    window.show_unchecked.setChecked(True)
    assert window.findings_model.rowCount() == before + 1

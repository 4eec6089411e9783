"""The source view: long lines shown in pieces, positions that still point at Report.text,
file line numbers, copying the report's own text, and a long text put in over several turns
of the event loop."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import random

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QTextCursor

from gkdesk.ui.textpos import MAX_DISPLAY_LINE, TextPositions, display_breaks, line_of, view_positions


@pytest.fixture
def editor(qtbot):
    from gkdesk.ui.source_view import SourcePane

    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show()
    qtbot.waitExposed(pane)
    yield pane.editor  # (the pane is kept alive while the test runs)


def wait_filled(qtbot, editor):
    qtbot.waitUntil(lambda: not editor.loading, timeout=30_000)


def mixed_text(seed: int, long_line: int = 3 * MAX_DISPLAY_LINE) -> str:
    """Short lines, a line far over the display limit, astral characters, CRLF and a lone CR."""
    rng = random.Random(seed)
    words = ["申请", "42", "件", "，", "。", " ", "😀", "𠮷", "abc", "\t"]
    long = "".join(rng.choice(words) for _ in range(long_line // 2))
    return "第一行\r\n第二行😀\r第三行\n" + long + "\n尾行𠮷，完。\n" + "".join(rng.choice(words) for _ in range(300))


def test_short_text_is_shown_as_it_is():
    text = "ab\r\ncd😀e\rf"
    pos = view_positions(text)
    assert pos.breaks == [] and pos.display_text is text


def test_long_lines_are_cut_within_the_limit_preferring_punctuation():
    line = ("本机关认真贯彻落实条例，" * 1000) + "x" * (2 * MAX_DISPLAY_LINE)
    text = "开头\n" + line + "\n结尾"
    breaks = display_breaks(text, MAX_DISPLAY_LINE)
    assert breaks and all(a < b for a, b in zip(breaks, breaks[1:]))
    bounds = [text.index(line), *breaks, text.index(line) + len(line)]
    assert all(0 < b - a <= MAX_DISPLAY_LINE for a, b in zip(bounds, bounds[1:]))
    assert text[breaks[0] - 1] == "，"  # cut after punctuation where there is some
    display = TextPositions(text, MAX_DISPLAY_LINE).display_text
    assert display.replace("\n", "") == text.replace("\n", "")
    assert max(len(piece) for piece in display.split("\n")) <= MAX_DISPLAY_LINE


def test_lone_cr_lines_are_cut_too():
    text = "a" * (MAX_DISPLAY_LINE + 10) + "\r" + "b" * 10
    assert display_breaks(text, MAX_DISPLAY_LINE) == [MAX_DISPLAY_LINE]


@pytest.mark.parametrize("seed", range(3))
def test_every_span_selects_its_own_text_in_the_view(qtbot, editor, seed):
    text = mixed_text(seed)
    editor.set_report_text(text)
    wait_filled(qtbot, editor)
    assert editor.positions.breaks, "the test needs a cut line"
    rng = random.Random(seed)
    spans = [(a, a + rng.randint(1, 50)) for a in (rng.randrange(len(text)) for _ in range(150))]
    spans += [(b - 3, b + 3) for b in editor.positions.breaks] + [(b - 3, b) for b in editor.positions.breaks] + [(0, len(text))]
    for start, end in spans:
        end = min(end, len(text))
        # A CRLF is one break in the view: no span starts or ends between its two characters.
        start -= text[start - 1 : start + 1] == "\r\n"
        end += text[end - 1 : end + 1] == "\r\n"
        editor.show_spans([(start, end)], scroll=False)
        assert editor.highlighted_text() == [text[start:end]]
        cursor = editor._focus[0].cursor
        if text[end - 1] not in "\r\n":  # a span ending at a display cut stops before the cut
            assert not cursor.selectedText().endswith("\u2029")
        shown = cursor.selectedText().replace("\u2029", "")
        assert shown == text[start:end].replace("\r\n", "").replace("\n", "").replace("\r", "")


def test_the_gutter_numbers_the_lines_of_the_file(qtbot, editor):
    text = mixed_text(7)
    editor.set_report_text(text)
    wait_filled(qtbot, editor)
    document = editor.document()
    numbers = [editor.line_number(b) for b in range(document.blockCount())]
    assert numbers.count(None) == len(editor.positions.breaks) > 0
    for offset in [0, text.index("第三行"), text.index("尾行"), len(text) - 1, *editor.positions.breaks]:
        block = document.findBlock(editor.positions.to_document(offset)).blockNumber()
        line = editor.line_number(block)
        if line is None:  # a continuation: its line is the one above
            line = next(n for n in reversed(numbers[:block]) if n is not None)
        assert line == line_of(text, offset)


def test_copy_gives_the_reports_text_without_display_cuts(qtbot, editor):
    text = mixed_text(3)
    editor.set_report_text(text)
    wait_filled(qtbot, editor)
    # From the start of the long line (cut for display) to the line after it. (This once took
    # the first break after character 20, which is the long line's end: an empty selection
    # that passed while the clipboard was empty and failed after any test that had copied.)
    start, end = text.index("第三行\n") + 4, text.index("尾行")
    assert end - start > 2 * MAX_DISPLAY_LINE
    assert any(start < b < end for b in editor.positions.breaks)  # the copy spans display cuts
    QGuiApplication.clipboard().setText("an earlier copy")
    cursor = QTextCursor(editor.document())
    cursor.setPosition(editor.positions.to_document(start))
    cursor.setPosition(editor.positions.end_to_document(end), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.copy()
    assert QGuiApplication.clipboard().text() == text[start:end]


def test_a_long_text_goes_in_over_several_turns_and_highlights_wait_for_it(qtbot, editor):
    text = ("本年度共收到政府信息公开申请42件。\n" * 30_000) + "最后一句。"
    turns = []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: turns.append(editor.loading))
    timer.start()
    editor.set_report_text(text)
    assert editor.loading  # the first step is in; the rest follows
    span = (len(text) - 5, len(text))
    editor.set_sentence_highlights([(span, "error")])
    editor.show_spans([span])
    assert editor.highlighted_text() == []  # not yet: that part is not in the view
    with qtbot.waitSignal(editor.textLoaded, timeout=30_000):
        pass
    timer.stop()
    assert turns.count(True) >= 1  # the event loop turned while the text was going in
    assert editor.document().toPlainText() == text
    assert editor.highlighted_text() == ["最后一句。"]
    assert len(editor.extraSelections()) == 2
    assert editor.textCursor().blockNumber() == editor.document().blockCount() - 1  # scrolled to it


def test_new_text_while_the_last_still_goes_in_replaces_it(qtbot, editor):
    editor.set_report_text("甲\n" * 200_000)
    assert editor.loading
    editor.set_report_text("短文。")
    assert not editor.loading and editor.document().toPlainText() == "短文。"
    qtbot.wait(50)
    assert editor.document().toPlainText() == "短文。"


@pytest.mark.parametrize("seed", range(30))
def test_line_numbers_by_bisect_are_those_counted(seed):
    """TextPositions.line_of (a bisect over the breaks found once) is line_of (counting)."""
    rng = random.Random(seed)
    text = "".join(rng.choice(["甲", "a", "\n", "\r", "\r\n", "\n\r", " ", "😀"]) for _ in range(rng.randint(0, 80)))
    positions = TextPositions(text)
    assert positions.line_count == line_of(text, len(text))
    assert [positions.line_of(k) for k in range(len(text) + 1)] == [line_of(text, k) for k in range(len(text) + 1)]


def test_narrative_highlights_are_made_for_the_sentences_near_the_view(qtbot, editor):
    sentence = "本年度共收到政府信息公开申请42件。\n"
    text = sentence * 3000
    editor.set_report_text(text)
    wait_filled(qtbot, editor)
    spans = [((k * len(sentence), (k + 1) * len(sentence) - 1), "error") for k in range(3000)]
    editor.set_sentence_highlights(spans)
    near = editor.extraSelections()
    assert 0 < len(near) < 3000  # not one per sentence of the whole text...
    top = editor.cursorForPosition(editor.viewport().rect().topLeft()).position()
    assert any(s.cursor.selectionStart() <= top <= s.cursor.selectionEnd() for s in near)  # ...but those in view
    editor.show_spans([spans[-1][0]])  # the view moves to the end: the last sentences are highlighted
    ends = [s.cursor.selectionEnd() for s in editor.extraSelections()]
    assert editor.positions.end_to_document(spans[-2][0][1]) in ends  # (the last one is also the focus)
    editor.verticalScrollBar().setValue(0)
    assert editor.positions.end_to_document(spans[0][0][1]) in [s.cursor.selectionEnd() for s in editor.extraSelections()]

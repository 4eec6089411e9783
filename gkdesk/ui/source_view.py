"""The report's text as extracted: read-only, line numbers, find, highlighted provenance."""
from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QElapsedTimer, QMimeData, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..findings import ERROR
from .textpos import TextPositions, view_positions


class _LineNumbers(QWidget):
    def __init__(self, editor: "SourceEditor"):
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.line_number_width(), 0)

    def paintEvent(self, event) -> None:
        self.editor.paint_line_numbers(event)


class SourceEditor(QPlainTextEdit):
    """Read-only text with a line-number gutter and span highlighting."""

    SENTENCE_ERROR = QColor("#f9d4d2")
    SENTENCE_WARNING = QColor("#fde8b0")
    PROVENANCE = QColor("#cfe3ff")
    FOUND = QColor("#fff59d")

    # The text goes into the view FILL_STEP characters at a time (an ordinary report is one
    # step), as many steps per turn of the event loop as fit in FILL_TURN_MS: a report of
    # megabytes appears in a few seconds while the window keeps answering. One step of 64,000
    # characters took 6-40 ms of CPU on the machine of the benchmarks; 16,000 keep a turn short.
    FILL_STEP = 16_000
    FILL_TURN_MS = 15
    # Narrative highlights are made only for the sentences near the part of the text in view
    # (this many screens around it): a file of many reports has hundreds of them, and making
    # them all took ~50 ms of the GUI thread at once; Qt also walks every extra selection
    # each time it paints.
    HIGHLIGHT_SCREENS = 2

    textLoaded = Signal()  # the whole text is in the view (highlights and scrolling apply)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.document().setUndoRedoEnabled(False)  # read-only: nothing to undo, no copy of each insert
        self.positions = TextPositions("")
        self._text = ""
        self._display = ""  # the display text still being put into the view
        self._filled = 0  # how much of it is in
        self._next_break = 0
        self._continuations: list[int] = []  # numbers of the blocks that continue a long line
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_step)
        # Set once, before any text: changed after a long text, it re-lays out all of it.
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self._gutter = _LineNumbers(self)
        self._sentences: list[QTextEdit.ExtraSelection] = []
        self._focus: list[QTextEdit.ExtraSelection] = []
        self._sentence_spans: list = []
        self._sentence_places: list[tuple[int, int, int]] = []  # (document start, end, index) by start
        self._sentence_made: dict[int, QTextEdit.ExtraSelection] = {}  # by index, made when near the view
        self._sentences_shown: tuple[int, ...] = ()
        self._focus_spans: list = []
        self._lines = 1  # the file's line count: the gutter is as wide as its largest number from the start
        self._scroll_when_loaded = False
        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._update_gutter)
        self._update_gutter_width()
        self.verticalScrollBar().valueChanged.connect(self._highlight_near_view)

    # ------------------------------------------------------------ text
    def set_report_text(self, text: str, positions: TextPositions | None = None) -> None:
        """Show a report's text (`positions`: made beforehand, e.g. off the GUI thread).

        The text goes in FILL_STEP characters at a time, the first step at once: an ordinary
        report is in the view when this returns; a long one follows over the next turns of the
        event loop (`loading` until then, `textLoaded` at the end)."""
        self._fill_timer.stop()
        self.positions = positions if positions is not None else view_positions(text)
        self._text = text
        self._display = self.positions.display_text
        self._filled = 0
        self._next_break = 0
        self._continuations = []
        self._sentences, self._focus, self._sentence_spans, self._focus_spans = [], [], [], []
        self._sentence_places, self._sentence_made, self._sentences_shown = [], {}, ()
        self._scroll_when_loaded = False
        self._lines = self.positions.line_count
        self.setExtraSelections([])
        self._fill_step()

    @property
    def loading(self) -> bool:
        return self._filled < len(self._display)

    def _fill_step(self) -> None:
        clock = QElapsedTimer()
        clock.start()
        display = self._display
        # The editor's own signals (block count, update requests: gutter work) are held back
        # while the text grows, and the gutter is brought up to date once per turn.
        self.blockSignals(True)
        try:
            while True:
                start = self._filled
                end = _step_end(display, start, self.FILL_STEP)
                if start == 0:
                    self.setPlainText(display[:end])
                else:
                    cursor = QTextCursor(self.document())
                    cursor.movePosition(QTextCursor.MoveOperation.End)
                    cursor.insertText(display[start:end])
                self._filled = end
                if not self.loading or clock.elapsed() >= self.FILL_TURN_MS:
                    break
        finally:
            self.blockSignals(False)
        self._number_continuations()
        self._update_gutter_width()
        self._gutter.update()
        if self.loading:
            self._fill_timer.start()
            return
        self._display, self._filled = "", 0  # all in: keep no second copy of a long text
        self._place_sentences()
        self.show_spans(self._focus_spans, scroll=self._scroll_when_loaded)
        self.textLoaded.emit()

    def _number_continuations(self) -> None:
        """The blocks, among those now in the view, that continue a long line (no number shown)."""
        document = self.document()
        breaks = self.positions.breaks
        last = document.characterCount() - 1
        while self._next_break < len(breaks):
            position = self.positions.to_document(breaks[self._next_break])
            if position >= last:
                break
            self._continuations.append(document.findBlock(position).blockNumber())
            self._next_break += 1

    def _cursor(self, span: tuple[int, int]) -> QTextCursor:
        start, end = self.positions.span(span)
        cursor = QTextCursor(self.document())
        last = max(0, self.document().characterCount() - 1)
        cursor.setPosition(min(start, last))
        cursor.setPosition(min(max(end, start), last), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _selection(self, span, color: QColor, bold: bool = False, underline: bool = False) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        sel.cursor = self._cursor(span)
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        if underline:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor("#c62828"))
        sel.format = fmt
        return sel

    def _sentence_selection(self, span, severity: str) -> QTextEdit.ExtraSelection:
        error = severity == ERROR
        return self._selection(span, self.SENTENCE_ERROR if error else self.SENTENCE_WARNING, underline=error)

    def set_sentence_highlights(self, spans: list[tuple[tuple[int, int], str]]) -> None:
        """Narrative sentences the tables contradict: (span, severity)."""
        if spans == self._sentence_spans:
            return  # most edits do not change them: spare the text a re-layout
        self._sentence_spans = list(spans)
        if self.loading:
            return  # made once the whole text is in
        self._place_sentences()
        self._refresh_selections()

    def _place_sentences(self) -> None:
        """Where each highlighted sentence is in the view (bisect work only, no Qt objects)."""
        places = []
        for i, (span, _severity) in enumerate(self._sentence_spans):
            start, end = self.positions.span(span)
            places.append((start, max(start, end), i))
        places.sort()
        self._sentence_places, self._sentence_made, self._sentences_shown = places, {}, ()
        self._sentences = self._sentences_near_view()

    def _sentences_near_view(self) -> list[QTextEdit.ExtraSelection]:
        """The highlights of the sentences within HIGHLIGHT_SCREENS screens of the view."""
        places = self._sentence_places
        if not places:
            self._sentences_shown = ()
            return []
        first = self.cursorForPosition(self.viewport().rect().topLeft()).position()
        last = self.cursorForPosition(self.viewport().rect().bottomRight()).position()
        reach = (last - first + 1) * self.HIGHLIGHT_SCREENS
        low, high = first - reach, last + reach
        # Sentences start in order; one that starts before `low` may still reach into view, and
        # sentences are short next to a screen, so look back a few only.
        k = bisect_right(places, (low,))
        near = [i for start, end, i in places[max(0, k - 8) : bisect_right(places, (high + 1,))] if end >= low]
        self._sentences_shown = tuple(near)
        made = self._sentence_made
        for i in near:
            if i not in made:
                span, severity = self._sentence_spans[i]
                made[i] = self._sentence_selection(span, severity)
        return [made[i] for i in near]

    def _highlight_near_view(self, *_args) -> None:
        """The view moved: highlight the sentences now near it (only when the set changes)."""
        if self.loading or not self._sentence_places:
            return
        shown = self._sentences_shown
        sentences = self._sentences_near_view()
        if self._sentences_shown != shown:
            self._sentences = sentences
            self._refresh_selections()

    def show_spans(self, spans: list[tuple[int, int]], scroll: bool = True) -> None:
        """Highlight where the current cell or finding came from and bring it into view."""
        self._focus_spans = list(spans)
        if self.loading:
            self._scroll_when_loaded = bool(spans) and scroll
            return  # shown once the whole text is in
        self._focus = [self._selection(s, self.PROVENANCE, bold=True) for s in spans]
        self._refresh_selections()
        if spans and scroll:
            cursor = self._cursor(spans[0])
            shown = QTextCursor(cursor)
            shown.clearSelection()
            self.setTextCursor(shown)
            self.centerCursor()

    def _refresh_selections(self) -> None:
        self.setExtraSelections(self._sentences + self._focus)

    def highlighted_text(self) -> list[str]:
        """The texts now highlighted as provenance (for tests and the status bar), as in Report.text."""
        return [self._text_between(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self._focus]

    def _text_between(self, start: int, end: int) -> str:
        return self._text[self.positions.to_text(start) : self.positions.to_text(end)]

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy gives the report's own text: without the breaks that cut long lines for display."""
        cursor = self.textCursor()
        data = QMimeData()
        data.setText(self._text_between(cursor.selectionStart(), cursor.selectionEnd()))
        return data

    def line_number(self, block_number: int) -> int | None:
        """The file's line number shown beside a block; None for the continuation of a long line."""
        k = bisect_right(self._continuations, block_number)
        if k and self._continuations[k - 1] == block_number:
            return None
        return block_number + 1 - k

    # ------------------------------------------------------------ line numbers
    def line_number_width(self) -> int:
        # The file's line count, not the blocks in so far: the width must not change while a long
        # text goes in (each change of the margins lays out all of the text again).
        digits = max(3, len(str(max(1, self._lines))))
        return 12 + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_gutter_width(self, *_args) -> None:
        width = self.line_number_width()
        if width != self.viewportMargins().left():  # the same margins again still lay out the children
            self.setViewportMargins(width, 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_gutter_width()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._gutter.setGeometry(QRect(cr.left(), cr.top(), self.line_number_width(), cr.height()))
        self._highlight_near_view()

    def paint_line_numbers(self, event) -> None:
        painter = QPainter(self._gutter)
        painter.fillRect(event.rect(), QColor("#f3f4f6"))
        painter.setPen(QColor("#8a8f98"))
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        height = self.fontMetrics().height()
        width = self._gutter.width() - 6
        while block.isValid() and top <= event.rect().bottom():
            line = self.line_number(number)
            if line is not None and block.isVisible() and bottom >= event.rect().top():
                painter.drawText(0, top, width, height, Qt.AlignmentFlag.AlignRight, str(line))
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1


def _step_end(display: str, start: int, step: int) -> int:
    """Where the fill step from `start` ends: after a line break near `step` characters on."""
    if len(display) - start <= step:
        return len(display)
    end = display.rfind("\n", start, start + step) + 1
    if end <= start:  # (display lines are short; only lone-CR files get here)
        end = start + step
        if display[end - 1] == "\r":
            end += 1  # keep a CRLF in one step: Qt makes one break of it only within one insert
    return end


class FindBar(QFrame):
    """Ctrl+F: find in the source text; Enter / F3 next, Shift+Enter / Shift+F3 previous, Esc closes."""

    closed = Signal()

    def __init__(self, editor: SourceEditor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("在原文中查找"))
        self.field.setClearButtonEnabled(True)
        self.status = QLabel(self)
        previous = QToolButton(self)
        previous.setText("↑")
        previous.setToolTip(self.tr("上一个 (Shift+F3)"))
        nxt = QToolButton(self)
        nxt.setText("↓")
        nxt.setToolTip(self.tr("下一个 (F3)"))
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip(self.tr("关闭 (Esc)"))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.status)
        layout.addWidget(previous)
        layout.addWidget(nxt)
        layout.addWidget(close)
        previous.clicked.connect(lambda: self.find(backward=True))
        nxt.clicked.connect(lambda: self.find())
        close.clicked.connect(self.close_bar)
        self.field.returnPressed.connect(self.find)
        self.field.textChanged.connect(lambda _t: self.find(from_start=True))
        self.hide()

    def open_bar(self) -> None:
        self.show()
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()
        self.closed.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find(backward=True)
            return
        super().keyPressEvent(event)

    def find(self, backward: bool = False, from_start: bool = False) -> bool:
        needle = self.field.text()
        if not needle:
            self.status.setText("")
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if from_start:
            cursor = self.editor.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self.editor.setTextCursor(cursor)
        found = self.editor.find(needle, flags)
        if not found:  # wrap around
            cursor = self.editor.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            self.editor.setTextCursor(cursor)
            found = self.editor.find(needle, flags)
        self.status.setText("" if found else self.tr("未找到"))
        return found


class SourcePane(QWidget):
    """The source text with its find bar."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editor = SourceEditor(self)
        self.find_bar = FindBar(self.editor, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.find_bar)

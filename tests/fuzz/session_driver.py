"""A real review session, steered line by line from stdin, for the SIGKILL tests.

    python tests/fuzz/session_driver.py REPORT SETTINGS_INI

The main window opens REPORT exactly as `gkdesk REPORT` does (offscreen). Each stdin line is
one reviewer action, done through the window as a reviewer does it:

    type t3 2 0 21     select 表三's cell (row 2, column 0) and type 21, then Enter
    clear t3 2 0       select the cell and press Delete (the cell becomes blank)
    reviewed           Ctrl+Return: mark the report as reviewed
    burst N            type N values, one after another, as fast as the window takes them

After each action it prints "ok <what the cell holds now>" (burst: one line per value). It
never closes or flushes anything: the test kills it with SIGKILL whenever it likes.
"""
from __future__ import annotations

import os
import queue
import sys
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from gkdesk.ui.app import build_window, create_application  # noqa: E402
from gkdesk.ui.settings import Settings  # noqa: E402

BURST_CELL = ("t3", 5, 0)


def _key(widget, key, text: str = "") -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def _type_text(widget, text: str) -> None:
    for ch in text:
        _key(widget, Qt.Key.Key_unknown, ch)


class Session:
    def __init__(self, report: str, settings: str):
        self.app = create_application()
        self.window = build_window([report], Settings.at(settings), language="zh_CN")
        self.window.resize(1400, 880)
        self.window.show()
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read_stdin, daemon=True).start()
        self.timer = QTimer()
        self.timer.timeout.connect(self._next)
        self.timer.start(5)

    def _read_stdin(self) -> None:
        for line in sys.stdin:
            self.lines.put(line.strip())
        self.lines.put(None)

    def _next(self) -> None:
        try:
            line = self.lines.get_nowait()
        except queue.Empty:
            return
        if line is None:
            return  # stdin closed: stay open, as a reviewer who stepped away
        words = line.split()
        if words[0] == "type":
            addr = (words[1], int(words[2]), int(words[3]))
            self._type_into(addr, words[4])
            self._say(addr)
        elif words[0] == "clear":
            addr = (words[1], int(words[2]), int(words[3]))
            view = self._select(addr)
            _key(view, Qt.Key.Key_Delete)
            self._say(addr)
        elif words[0] == "reviewed":
            # The session answers "yes" when 已复核 asks about errors still open.
            self.window._confirm_reviewed_with_errors = lambda errors: True
            self.window.act_reviewed.trigger()
            print(f"ok {self.window.document.report.review_status}", flush=True)
        elif words[0] == "burst":
            for k in range(int(words[1])):
                self._type_into(BURST_CELL, str(100 + k))
                self._say(BURST_CELL)

    def _select(self, addr):
        self.window.show_table(addr[0])
        view = self.window._current_view()
        view.setFocus()
        view.setCurrentIndex(view.model().index_of(addr))
        return view

    def _type_into(self, addr, text: str) -> None:
        view = self._select(addr)
        _type_text(view, text[0])  # the first key opens the editor, as in the window
        editors = [e for e in view.findChildren(QLineEdit) if e.isVisible()]
        if len(editors) != 1:
            raise SystemExit(f"no cell editor opened for {addr}")
        _type_text(editors[0], text[1:])
        _key(editors[0], Qt.Key.Key_Return)
        self.app.processEvents()

    def _say(self, addr) -> None:
        print(f"ok {self.window.document.report.value(addr)}", flush=True)


if __name__ == "__main__":
    session = Session(sys.argv[1], sys.argv[2])
    print("ready", flush=True)
    sys.exit(session.app.exec())

"""The one writer of the status bar's message: outcomes the reviewer must see, and notices of
work under way.

Several flows run at once (folders being read, a report being opened, edits and checks): a
notice of progress never hides an outcome still on show ("已取消读取" stays when a late
progress signal arrives), and ending a flow clears only that flow's own notice.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar


class StatusMessages(QObject):
    def __init__(self, bar: QStatusBar, parent: QObject | None = None):
        super().__init__(parent)
        self.bar = bar
        self._outcome = ""
        self._outcome_until = 0.0  # time.monotonic() at which the outcome may be covered
        self._notice = ""

    def show(self, text: str, timeout: int = 6000) -> None:
        """What happened (a result, a refusal, a hint): shown for `timeout` ms."""
        self._outcome = text
        self._outcome_until = time.monotonic() + timeout / 1000 if timeout else float("inf")
        self._notice = ""
        self.bar.showMessage(text, timeout)

    def notice(self, text: str, timeout: int = 0) -> None:
        """What is under way ("正在打开 …"): shown unless an outcome is still on show."""
        if self._outcome and self.bar.currentMessage() == self._outcome and time.monotonic() < self._outcome_until:
            return
        self._notice = text
        self.bar.showMessage(text, timeout)

    def end_notice(self) -> None:
        """The flow that wrote the notice is over: clear it, if it is still what is shown."""
        if self._notice and self.bar.currentMessage() == self._notice:
            self.bar.clearMessage()
        self._notice = ""

    def current(self) -> str:
        return self.bar.currentMessage()

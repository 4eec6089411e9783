"""A bar above the tables for things the reviewer must know about the open report."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton

_STYLES = {
    "info": ("#e8f1fd", "#9cc0ef"),
    "warning": ("#fff4d6", "#f0c64a"),
    "error": ("#fde3e1", "#ef9a9a"),
}


class MessageBar(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self._layout.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self._close = QToolButton(self)
        self._close.setText("×")
        self._close.setToolTip(self.tr("关闭此提示"))
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.hide)
        self._layout.addWidget(self._close)
        self.level = ""
        self.hide()

    def show_message(self, text: str, level: str = "info", actions: list[tuple[str, Callable[[], None]]] = ()) -> None:
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        for label, callback in actions:
            button = QPushButton(label, self)
            button.clicked.connect(callback)
            self._layout.insertWidget(self._layout.count() - 1, button)
            self._buttons.append(button)
        background, border = _STYLES.get(level, _STYLES["info"])
        self.setStyleSheet(f"#messageBar {{ background: {background}; border: 1px solid {border}; border-radius: 4px; }}")
        self.label.setText(text)
        self.level = level
        self.show()

    def clear(self) -> None:
        self.level = ""
        self.label.clear()
        self.hide()

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

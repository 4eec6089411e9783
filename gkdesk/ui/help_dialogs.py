"""Help: every shortcut of the window, and what gkdesk is."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout

from .. import __version__
from .i18n import translate


def shortcut_rows(window) -> list[tuple[str, str]]:
    """(action, keys) for every action of the window that has a shortcut."""
    rows = []
    seen = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        stack = list(menu.actions())
        while stack:
            action = stack.pop(0)
            if action.menu() is not None:
                stack = list(action.menu().actions()) + stack
                continue
            if action.isSeparator() or id(action) in seen or not action.shortcuts():
                continue
            seen.add(id(action))
            keys = " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
            rows.append((action.text().replace("&", "").replace("…", ""), keys))
    return rows


def show_shortcuts(window) -> None:
    dialog = QDialog(window)
    dialog.setWindowTitle(translate("Help", "快捷键一览"))
    rows = shortcut_rows(window)
    extra = [
        (translate("Help", "编辑单元格"), translate("Help", "直接输入数字 / F2 / Enter")),
        (translate("Help", "确认并转到下一行"), "Enter"),
        (translate("Help", "取消编辑"), "Esc"),
        (translate("Help", "确认并转到右侧单元格"), "Tab"),
    ]
    table = QTableWidget(len(rows) + len(extra), 2, dialog)
    table.setHorizontalHeaderLabels([translate("Help", "操作"), translate("Help", "快捷键")])
    for i, (name, keys) in enumerate(rows + extra):
        table.setItem(i, 0, QTableWidgetItem(name))
        table.setItem(i, 1, QTableWidgetItem(keys))
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(520, 640)
    dialog.exec()


def show_about(window) -> None:
    QMessageBox.about(
        window,
        translate("Help", "关于 gkdesk"),
        translate("Help", "gkdesk %1 — 政府信息公开工作年度报告审核工具。<br>识别表二、表三、表四，核对勾稽关系和正文表述，离线运行，不联网。")
        .replace("%1", __version__)
        + "<br><br>"
        + translate("Help", "许可协议：MIT License（随程序附带的 LICENSE 文件）"),
    )

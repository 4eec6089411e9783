"""The application's icon (resources/icons), for every window and the taskbar."""
from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .resources import resources_dir


def set_application_icon(app: QApplication) -> None:
    icons = resources_dir() / "icons"
    icon = QIcon()
    for name in ("gkdesk.svg", "gkdesk.png"):  # the SVG stays sharp at any size; the PNG if SVG is unavailable
        if (icons / name).is_file():
            icon.addFile(str(icons / name))
    if not icon.isNull():
        app.setWindowIcon(icon)

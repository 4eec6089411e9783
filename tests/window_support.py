"""The review window as the pytest-qt tests open it (no tests here)."""
from __future__ import annotations


def make_window(qtbot, tmp_path, paths=(), size=(1400, 880), activate=False):
    """A shown window with its own settings file, opened on `paths`; `activate` also makes it
    the active window (for tests that send key events)."""
    from gkdesk.ui.app import build_window, create_application
    from gkdesk.ui.settings import Settings

    create_application()
    window = build_window([str(p) for p in paths], Settings.at(tmp_path / "settings.ini"), language="zh_CN")
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    if activate:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    return window

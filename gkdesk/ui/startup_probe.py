"""Start-up probe for the start-up benchmark and the bundle's smoke test; off unless asked for.

GKDESK_EXIT_AFTER_PAINT=1   when the window has painted with a report in it, print the line
                            "gkdesk-first-paint" on stderr, then quit (exit status 0).
GKDESK_SCREENSHOT=PATH      at that moment, also save the window as a PNG image at PATH.

The benchmark times the process from launch to that line, so the figure includes interpreter
start, imports, reading and checking the report, and the first paint. If no report shows within
PROBE_TIMEOUT_MS (a file that cannot be read), the probe says so and quits with status 3.
"""
from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

EXIT_AFTER_PAINT = "GKDESK_EXIT_AFTER_PAINT"
SCREENSHOT = "GKDESK_SCREENSHOT"
MARKER = "gkdesk-first-paint"
PROBE_TIMEOUT_MS = 60_000


def wanted() -> bool:
    return bool(os.environ.get(EXIT_AFTER_PAINT) or os.environ.get(SCREENSHOT))


class FirstPaintProbe(QObject):
    """Watches paint events of the window; after the first one with a report shown, reports and quits."""

    def __init__(self, app: QApplication, window: QWidget, expect_report: bool):
        super().__init__(window)
        self.app = app
        self.window = window
        self.expect_report = expect_report
        self.screenshot = os.environ.get(SCREENSHOT) or None
        self.fired = False
        app.installEventFilter(self)
        QTimer.singleShot(PROBE_TIMEOUT_MS, self._give_up)

    def _ready(self) -> bool:
        return not self.expect_report or getattr(self.window, "document", None) is not None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if (
            not self.fired
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
            and self._ready()
        ):
            self.fired = True
            # Let this paint finish (and the rest of the window's) before reporting.
            QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        self.app.removeEventFilter(self)
        status = 0
        if self.screenshot:
            if not self.window.grab().save(self.screenshot, "PNG"):
                print(f"gkdesk: cannot save screenshot {self.screenshot}", file=sys.stderr)
                status = 4
        print(MARKER, file=sys.stderr, flush=True)
        self.app.exit(status)

    def _give_up(self) -> None:
        if not self.fired:
            print("gkdesk: no report was shown; start-up probe gave up", file=sys.stderr, flush=True)
            self.app.exit(3)


def install(app: QApplication, window: QWidget, expect_report: bool) -> FirstPaintProbe | None:
    """Install the probe when the environment asks for it."""
    return FirstPaintProbe(app, window, expect_report) if wanted() else None

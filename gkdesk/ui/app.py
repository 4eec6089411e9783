"""Start the review window: `gkdesk [FILE|FOLDER ...]` (see gkdesk/cli.py)."""
from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from .. import __version__
from .i18n import install_language
from .settings import APPLICATION, DEFAULTS, LANGUAGES, ORGANIZATION, Settings
from .pyside_guard import protect_singletons

protect_singletons()  # PySide6 6.12 on Python 3.11: see pyside_guard


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="gkdesk", description="政府信息公开工作年度报告审核窗口")
    parser.add_argument("paths", nargs="*", metavar="FILE|FOLDER", help="报告文件或文件夹")
    parser.add_argument("--lang", choices=LANGUAGES, help="界面语言（默认中文 zh_CN）")
    parser.add_argument("--sample", action="store_true", help="打开内置示例报告")
    args, _qt_args = parser.parse_known_args(argv)  # Qt's own options (-style …) pass through
    return args


def ui_font_family() -> str | None:
    """The first installed font of the preferred list (renders Chinese well)."""
    families = set(QFontDatabase.families())
    for family in DEFAULTS.ui_fonts:
        if family in families:
            return family
    return None


GUI_SWITCH_INTERVAL = 0.0002  # seconds (see create_application)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, set up once: names, high-DPI policy, style and a font for Chinese."""
    # The window's thread calls into Python for every cell and row it paints (models, proxies,
    # delegates). While a report loads on a worker thread, each such call waits for the
    # interpreter lock, up to the switch interval each (5 ms by default): repainting the report
    # list froze the window 1.4-1.7 s while a 10 MB report loaded (bench_ui, idle machine); at
    # 0.2 ms the longest stall was 76 ms and the load took as long (3.9 s against 3.7-4.1 s).
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    app = QApplication.instance()
    if app is None:
        # Fractional scaling (125 %, 150 % on Windows laptops) without rounding blur.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0] if sys.argv else "gkdesk", *(argv or [])])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    from .app_icon import set_application_icon

    set_application_icon(app)
    configure_look(app)
    return app


def configure_look(app: QApplication) -> None:
    if not getattr(app, "_gkdesk_look", False):
        app.setStyle("Fusion")  # the same look on Windows, UOS and Kylin
        family = ui_font_family()
        font = QFont(app.font())
        if family:
            font.setFamilies([family, *[f for f in DEFAULTS.ui_fonts if f != family]])
        if font.pointSizeF() < 10:
            font.setPointSizeF(10)  # Chinese glyphs need more than Windows' default 9 pt
        app.setFont(font)
        app._gkdesk_look = True


def build_window(paths: list[str] = (), settings: Settings | None = None, language: str | None = None, wait: bool = True):
    """The main window with its language installed and `paths` opened (used by run_gui and tests).

    Reports load in the background; with `wait` this returns once the first is shown (scripts
    and tests), without it at once (run_gui: the window shows while a large report loads)."""
    from .main_window import MainWindow

    settings = settings or Settings()
    install_language(language or os.environ.get("GKDESK_LANG") or settings.language)
    window = MainWindow(settings)
    if paths:
        window.open_paths(list(paths))
        if wait:
            window.wait_until_loaded()
    return window


def run_gui(argv: list[str] | None = None) -> int:
    args = _parse_args(list(sys.argv[1:] if argv is None else argv))
    app = create_application()
    settings = Settings()
    paths = list(args.paths)
    if args.sample:
        from .panes import sample_copy

        sample = sample_copy()
        if sample is not None:
            paths.insert(0, str(sample))
    window = build_window(paths, settings, args.lang, wait=False)
    window.show()
    from .startup_probe import install as install_startup_probe  # benchmark/smoke-test hook, off by default

    _probe = install_startup_probe(app, window, expect_report=bool(paths))
    status = app.exec()
    if not window.session.stop_background():
        # A worker still runs (a hostile PDF inside PDFium): finalizing Python under it would
        # crash, so exit without finalizing, after what atexit does (the review lock's release).
        import atexit

        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    return status

"""Render the review window offscreen on the bundled sample report and save a screenshot.

    .venv/bin/python scripts/screenshot.py [--out docs/screenshot.png] [--lang zh_CN|en] [--table t3]
    .venv/bin/python scripts/screenshot.py --pdf FILE.pdf --cell t3,0,6 --out docs/page_view.png
        (the page view: the PDF page beside the grid, the cell's box outlined)
    .venv/bin/python scripts/screenshot.py --also A.txt B.txt --preview docs/print_preview.png
        (more reports in the report list, sorted by errors; and the print preview of the sample)

The sample is copied to a temporary folder first, so no sidecar is written into resources/.
On Linux, install a CJK font first (Debian/Ubuntu: apt-get install fonts-noto-cjk).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def wait(ms: int) -> None:
    """Run the event loop for `ms` (QTest.qWait keeps the GIL here: background work would stall)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--table", default="t3", choices=("t2", "t3", "t4"))
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=960)
    parser.add_argument("--pdf", help="open this PDF instead of the sample and show its page view")
    parser.add_argument("--cell", default="t3,0,6", help="with --pdf: the cell to select (table,row,column)")
    parser.add_argument("--also", nargs="*", default=[], help="more reports for the report list (shown open)")
    parser.add_argument("--preview", help="also save the print preview of the sample here")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest

    from gkdesk.ui.app import build_window, create_application, ui_font_family
    from gkdesk.ui.resources import sample_report
    from gkdesk.ui.settings import Settings

    create_application()
    if ui_font_family() is None:
        print("warning: no CJK font found; Chinese may render as boxes (install fonts-noto-cjk)", file=sys.stderr)
    sample = Path(args.pdf) if args.pdf else sample_report()
    if sample is None:
        print("error: the bundled sample report is missing", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / sample.name
        shutil.copy(sample, report)
        window = build_window([str(report)], Settings.at(Path(tmp) / "settings.ini"), args.lang)
        window.resize(args.width, args.height)
        window.show()
        QTest.qWait(50)
        while window.loading:  # reports open in the background
            wait(50)
        if args.also:
            others = []
            for i, path in enumerate(args.also):
                folder = Path(tmp) / f"also{i}"  # each in a folder of its own: names may repeat
                folder.mkdir()
                others.append(str(shutil.copy(path, folder / Path(path).name)))
            window.open_paths(others)
            while window.scanning or window.loading:
                wait(50)
            window.queue_dock.show()
            window.resizeDocks([window.queue_dock], [min(540, args.width * 3 // 8)], Qt.Orientation.Horizontal)
            from gkdesk.ui.queue_model import ERRORS_COLUMN

            window.queue_view.sortByColumn(ERRORS_COLUMN, Qt.SortOrder.DescendingOrder)
            window.open_document(str(report))  # the sample again: its findings on show
            while window.loading:
                wait(50)
            wait(100)
        if args.pdf:
            table_id, row, col = args.cell.split(",")
            addr = (table_id, int(row), int(col))
            window.verify_actions.act_page.trigger()
            window.show_table(table_id)
            window.pages[table_id].view.select_addresses([addr])
            view = window.verify_actions.page_view
            for _ in range(200):
                if view.outline_rect() is not None:
                    break
                wait(50)
            wait(100)
            out = Path(args.out)
            out.parent.mkdir(parents=True, exist_ok=True)
            ok = window.grab().save(str(out))
            window.close()
            print(f"wrote {out}" if ok else f"error: could not write {out}")
            return 0 if ok else 1
        window.show_table(args.table)
        # Show the first arithmetic error, as a reviewer pressing F8 would: its cells selected,
        # the likely mistake framed, the source text highlighted.
        model = window.findings_model
        rows = [r for r in range(model.rowCount()) if model.findings[r].cells and model.findings[r].cells[0][0] == args.table]
        rows.sort(key=lambda r: model.findings[r].culprit is None)  # a finding that names its likely mistake
        if rows:
            window.problems.selectRow(rows[0])
            window.show_finding(model.findings[rows[0]])
        QTest.qWait(50)
        QCoreApplication.processEvents()
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out)):
            print(f"error: could not write {out}", file=sys.stderr)
            return 1
        if args.preview:
            dialog = window.print_actions.preview_dialog()
            dialog.resize(min(args.width, 1200), args.height)
            dialog.show()
            from PySide6.QtPrintSupport import QPrintPreviewWidget

            pages = dialog.findChild(QPrintPreviewWidget)
            pages.setViewMode(QPrintPreviewWidget.ViewMode.AllPagesView)  # the three tables side by side
            pages.fitInView()
            wait(300)
            preview = Path(args.preview)
            if not dialog.grab().save(str(preview)):
                print(f"error: could not write {preview}", file=sys.stderr)
                return 1
            dialog.close()
            print(f"wrote {preview}")
        window.close()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

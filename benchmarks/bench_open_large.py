"""Opening a 10 MB report in the review window: how long until it answers, until it is loaded.

    .venv/bin/python benchmarks/bench_open_large.py [--shape one-line|normal|all]

Shapes: `one-line` is 10 MB of a report's text without a line break (tests/test_robust_limits
"space-cells"); `normal` is a real report followed by its own body repeated to 10 MB (line
breaks, sections, tables, narrative: what a reviewer could open by mistake, e.g. a
concatenation of a hundred reports).

Printed per shape, in seconds from the call that opens the file (on the offscreen platform):
- responsive: until that call returns control to the event loop;
- longest stall: the longest gap between two turns of the event loop while the report loads
  (a 10 ms timer counts the turns), i.e. how long the window was frozen at worst;
- loaded: until the report is shown (tables, problems list and source text) and the event
  loop has processed what that posted.
Targets: responsive and longest stall under 0.1 s; loaded as fast as the work allows.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEN_MB = 10 * 1024 * 1024


def one_line_text() -> str:
    from test_robust_limits import PATHOLOGICAL

    return PATHOLOGICAL["space-cells"]()


def normal_text() -> str:
    from gkdesk.ui.resources import sample_report

    report = sample_report().read_text(encoding="utf-8")
    body = report[report.index("\n") + 1 :]  # everything after the title line
    return report + body * ((TEN_MB - len(report)) // len(body) + 1)


SHAPES = {"one-line": one_line_text, "normal": normal_text}


def ten_megabytes(text: str) -> str:
    """The start of `text` that takes 10 MB in UTF-8."""
    data = text.encode("utf-8")[:TEN_MB]
    return data.decode("utf-8", errors="ignore")


def measure(window, path: Path) -> tuple[float, float, float]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    QApplication.processEvents()
    clock = QElapsedTimer()
    start = time.perf_counter()
    clock.start()
    window.open_paths([str(path)])
    responsive = time.perf_counter() - start

    def loaded() -> bool:
        doc = window.document
        return doc is not None and Path(doc.path) == path and not getattr(window, "loading", False)

    while not loaded():
        QApplication.processEvents()
        if clock.elapsed() > 600_000:
            raise TimeoutError("the report did not load in 10 minutes")
        time.sleep(0.001)
    QApplication.processEvents()
    end = time.perf_counter()
    timer.stop()
    marks = [start] + [t for t in ticks if t >= start] + [end]
    stall = max(b - a for a, b in zip(marks, marks[1:]))
    return responsive, stall, end - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shape", choices=[*SHAPES, "all"], default="all")
    args = parser.parse_args(argv)

    from gkdesk.ui.app import build_window, create_application
    from gkdesk.ui.settings import Settings

    app = create_application()
    with tempfile.TemporaryDirectory(prefix="gkdesk-bench-") as folder:
        window = build_window([], Settings.at(Path(folder) / "settings.ini"))
        window.resize(1400, 880)
        window.show()
        app.processEvents()
        print(f"{'shape':9} {'MB':>5} {'responsive':>11} {'longest stall':>14} {'loaded':>8}  (seconds)")
        for shape in SHAPES if args.shape == "all" else [args.shape]:
            path = Path(folder) / f"{shape}.txt"
            path.write_text(ten_megabytes(SHAPES[shape]()), encoding="utf-8")
            size = path.stat().st_size / (1024 * 1024)
            responsive, stall, total = measure(window, path)
            print(f"{shape:9} {size:5.1f} {responsive:11.3f} {stall:14.3f} {total:8.2f}")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

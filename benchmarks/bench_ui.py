"""How long the review window keeps the GUI thread busy, per action (prints figures).

    .venv/bin/python benchmarks/bench_ui.py [--repeat 30] [--folder ../shared/corpus/gen]

Targets: no action with one report blocks the GUI thread for more than 100 ms; editing a
cell (validate, set, re-check, repaint the dependent cells) fits in one 60 Hz frame
(16.7 ms); loading a folder runs in the background while the GUI thread keeps answering.
Each action is timed from its start until the event loop has processed everything it posted,
including the repaint of the regions it changed, on the offscreen platform; a full repaint of
the 表三 grid is timed separately as the worst case of one paint. Each figure is printed twice:
wall time, and the GUI thread's own CPU time (time.thread_time) beside it. On a machine shared
with other work the wall time is the CPU time plus waiting for a core: the ratio says how
loaded the machine was, and the CPU time is what the code costs.

Stalls: a 5 ms timer ticks on the GUI thread; the longest gap between ticks is the longest the
window gave no answer. Beside it, the GUI thread's CPU time inside that gap: near the gap, the
GUI thread itself was busy (work to move off it); far below it, the thread was waiting — for a
core, or for the interpreter lock a worker held (a long C call in a worker).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FRAME_MS = 1000 / 60
BLOCK_LIMIT_MS = 100


def _stats(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    return f"median {statistics.median(samples):6.2f} ms   p95 {p95:6.2f} ms   max {samples[-1]:6.2f} ms"


def _queued() -> float:
    """Seconds this thread has waited, ready to run, for a core (Linux schedstat; 0 elsewhere).
    What is left of a gap after the GUI thread's CPU and this wait is time it slept: in a gap
    without a tick, waiting for the interpreter lock a worker held."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


class StallMonitor:
    """Within `with`: the longest gap (ms) between turns of the GUI thread's event loop, timed
    by a 5 ms QTimer; the loop must run (processEvents) inside for ticks to come."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self.elapsed = 0.0

    def _tick(self) -> None:
        now, cpu, queued = time.perf_counter(), time.thread_time(), _queued()
        gap = (now - self._last) * 1000
        busy = (cpu - self._last_cpu) * 1000
        if gap > self.longest:
            self.longest, self.longest_busy, self.longest_queued = gap, busy, (queued - self._last_queued) * 1000
        self.busiest = max(self.busiest, busy)
        self._last, self._last_cpu, self._last_queued = now, cpu, queued

    def __enter__(self):
        self.longest_busy = self.busiest = 0.0  # GUI-thread CPU ms: in the longest gap, in any gap
        self.longest_queued = 0.0  # ms the GUI thread was ready but had no core, in the longest gap
        self._last_cpu, self._last_queued = time.thread_time(), _queued()
        self._start = self._last = time.perf_counter()
        self.timer.start()
        return self

    def __exit__(self, *exc):
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        self._tick()
        self.timer.stop()
        self.elapsed = time.perf_counter() - self._start


def cold_start_ms(report: Path, settings: Path) -> float:
    """A fresh process: import, create the window, open a report, first paint."""
    code = (
        "import time,sys; t=time.perf_counter()\n"
        "from gkdesk.ui.app import create_application, build_window\n"
        "from gkdesk.ui.settings import Settings\n"
        "app=create_application()\n"
        f"w=build_window([{str(report)!r}], Settings.at({str(settings)!r}))\n"
        "w.show(); app.processEvents(); w.repaint()\n"
        "print((time.perf_counter()-t)*1000)\n"
    )
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    total = (time.perf_counter() - start) * 1000
    inside = float(out.stdout.strip().splitlines()[-1])
    return total, inside


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--folder", default=str(ROOT.parent / "shared" / "corpus" / "gen"))
    args = parser.parse_args(argv)

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from gkdesk.ui.app import build_window, create_application
    from gkdesk.ui.resources import sample_report
    from gkdesk.ui.settings import Settings

    tmp = Path(tempfile.mkdtemp(prefix="gkdesk-bench-"))
    try:
        reports = []
        for i in range(3):
            target = tmp / f"report{i}.txt"
            shutil.copy(sample_report(), target)
            reports.append(target)
        total, inside = cold_start_ms(reports[0], tmp / "cold.ini")
        print(f"cold start to first paint (new process)   {total:7.1f} ms  (of which Python after start-up {inside:.1f} ms)")

        app = create_application()
        window = build_window([], Settings.at(tmp / "settings.ini"))
        window.resize(1600, 960)
        window.show()
        app.processEvents()

        cpu_results: dict[str, list[float]] = {}

        def timed(action, cpu: list[float]) -> float:
            """From the action's start until the next frame is painted: the events it posted
            processed, which on the offscreen platform paints the regions it changed (counted:
            a paste of 10x7 has the loop paint 105 cells of the grid and leaves none pending).
            The whole of each visible widget is not repainted besides: that painted the grid a
            second time. Appends the GUI thread's CPU time to `cpu`."""
            app.processEvents()
            timer = QElapsedTimer()
            start_cpu = time.thread_time()
            timer.start()
            action()
            app.processEvents()  # the updates the action posted, as the event loop runs them
            wall = timer.nsecsElapsed() / 1e6
            cpu.append((time.thread_time() - start_cpu) * 1000)
            return wall

        results: dict[str, list[float]] = {}

        def record(name, action, n=args.repeat):
            cpu_results[name] = []
            results[name] = [timed(action, cpu_results[name]) for _ in range(n)]

        # Open and switch reports (each open reads, recognizes, restores the sidecar, checks).
        window.open_paths([str(p) for p in reports])
        app.processEvents()
        while window.scanning:
            app.processEvents()
        for report in reports:  # each read once (reports load in the background): switching shows them
            window.open_document(str(report))
            window.wait_until_loaded()
        state = {"i": 0}

        def switch():
            state["i"] = (state["i"] + 1) % len(reports)
            window.open_document(str(reports[state["i"]]))

        record("switch to a report read before", switch)
        fresh = []
        for i in range(args.repeat):
            target = tmp / f"fresh{i}.txt"
            shutil.copy(sample_report(), target)
            fresh.append(target)
        window.queue.add([str(p) for p in fresh])
        fresh_iter = iter(fresh)
        def open_fresh():  # read, recognize and check in the background, then show: until shown
            window.open_document(str(next(fresh_iter)))
            window.wait_until_loaded()

        record("open a report not read yet (until shown)", open_fresh)
        window.open_document(str(reports[0]))
        window.wait_until_loaded()
        document = window.document
        window.show_table("t3")
        view = window.pages["t3"].view
        model = view.model()
        addr = ("t3", 2, 0)
        view.setCurrentIndex(model.index_of(addr))
        values = iter(range(10**6))

        def edit():  # what committing a typed number does: delegate → model → undo stack → re-check
            model.setData(model.index_of(addr), 21 + next(values) % 2)

        record("edit one cell (re-check + repaint)", edit)

        def edit_and_undo():
            document.undo_stack.undo()

        record("undo", edit_and_undo, n=min(args.repeat, document.undo_stack.index()))
        record("F8 next problem", lambda: window.go_to_problem(+1))
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText("\n".join("\t".join(str(v) for v in range(7)) for _ in range(10)))

        samples, cpu_results["paste 10x7 block from Excel"] = [], []
        for _ in range(args.repeat):
            view.setCurrentIndex(model.index_of(("t3", 4, 0)))
            app.processEvents()
            samples.append(timed(view.paste, cpu_results["paste 10x7 block from Excel"]))
            document.undo_stack.undo()  # untimed: back to the same start
            app.processEvents()
        results["paste 10x7 block from Excel"] = samples
        # The reviewer's answer to "errors remain, mark reviewed anyway?" is yes: the timing is the toggle's.
        window._confirm_reviewed_with_errors = lambda errors: True
        record("toggle 已复核", window.toggle_reviewed)
        record("switch table tab", lambda: window.show_table("t2" if window.tabs.currentWidget().table_id != "t2" else "t4"))
        window.show_table("t3")
        record("full repaint of the 表三 grid", lambda: view.viewport().repaint())
        window.saver.flush()

        # Stalls: how long the GUI thread goes without a turn of its event loop (a 5 ms timer
        # measures the gaps) while a folder of 500 reports loads, a 10 MB report opens, and
        # while the reviewer switches between reports. Target: no gap over 100 ms.
        stalls: dict[str, float] = {}
        folder = Path(args.folder)
        if folder.is_dir():
            many = tmp / "folder500"
            many.mkdir()
            sources = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
            for i in range(500):
                shutil.copy(sources[i % len(sources)], many / f"{i:03d}_{sources[i % len(sources)].name}")
            queued_before = len(window.queue.entries)
            with StallMonitor() as monitor:
                window.open_paths([str(many)])
                while window.scanning:
                    app.processEvents()
                    time.sleep(0.001)
                app.processEvents()
            n = len(window.queue.entries) - queued_before  # the folder's reports, not the whole queue
            stalls[f"load a folder of {n} reports ({monitor.elapsed:.1f} s in the background)"] = monitor
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from bench_open_large import normal_text, ten_megabytes

        large = tmp / "large.txt"
        large.write_text(ten_megabytes(normal_text()), encoding="utf-8")
        with StallMonitor() as monitor:
            window.open_paths([str(large)])
            while window.document is None or Path(window.document.path) != large or getattr(window, "loading", False):
                app.processEvents()
                time.sleep(0.001)
            app.processEvents()
        stalls[f"open a 10 MB report (loaded in {monitor.elapsed:.1f} s)"] = monitor
        with StallMonitor() as monitor:
            for i in range(args.repeat):
                window.open_document(str(reports[i % len(reports)]))
                window.wait_until_loaded()
                app.processEvents()
        stalls[f"switch between reports read before ({args.repeat} times)"] = monitor
        print(f"\nmachine load (1 min) {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print("longest stall of the GUI thread (gap between 5 ms ticks; limit 100 ms); in that gap the GUI thread's CPU, its wait")
        print("for a core and the rest (asleep: the interpreter lock); the GUI thread's most CPU in any gap:")
        for name, m in stalls.items():
            rest = m.longest - m.longest_busy - m.longest_queued
            print(
                f"  {name:58s} {m.longest:7.1f} ms  {'ok' if m.longest < BLOCK_LIMIT_MS else 'OVER'}   cpu {m.longest_busy:5.1f}"
                f"  no core {m.longest_queued:5.1f}  lock {max(0.0, rest):5.1f}   most cpu in a gap {m.busiest:5.1f} ms"
            )

        print(f"\nper action, until repainted ({args.repeat} runs; one frame = {FRAME_MS:.1f} ms, limit {BLOCK_LIMIT_MS} ms): wall, then GUI-thread CPU")
        worst = 0.0
        for name, samples in results.items():
            if not samples:
                continue
            worst = max(worst, max(samples))
            print(f"  {name:38s} wall {_stats(samples)}")
            print(f"  {'':38s} cpu  {_stats(cpu_results[name])}")
        edit_median = statistics.median(results["edit one cell (re-check + repaint)"])
        print(f"\nedit within one frame (median): {'yes' if edit_median < FRAME_MS else 'NO'} ({edit_median:.2f} ms)")
        print(f"every action under {BLOCK_LIMIT_MS} ms (max): {'yes' if worst < BLOCK_LIMIT_MS else 'NO'} ({worst:.1f} ms)")
        window.close()
        QApplication.processEvents()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

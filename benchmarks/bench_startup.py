"""Start-up time: from launching gkdesk on a report to the window's first paint with the report.

usage: python benchmarks/bench_startup.py [--runs 7] [--report FILE] [--bundle DIR]
                                          [--python PY ...] [--platform offscreen|xcb]

Each run starts a new process with GKDESK_EXIT_AFTER_PAINT=1 (gkdesk/ui/startup_probe.py):
the window prints a marker on stderr after its first paint with the report shown, then
quits. The time is wall-clock, launch to marker, measured here, so it includes interpreter
start, imports, reading and checking the report, building and painting the window. One
untimed run first warms the disk cache; the figures are for a warm start.

Targets: the installed package (`PY -m gkdesk`, default this interpreter; pass --python for
other environments, e.g. a venv installed from the wheelhouse) and the one-folder bundle
(default dist/gkdesk when it exists). The goal is under 1.5 s.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = "gkdesk-first-paint"
GOAL_SECONDS = 1.5


def default_report() -> Path:
    return next((ROOT / "resources" / "samples").glob("*.txt"))


def time_to_first_paint(command: list[str], env: dict, timeout: float = 60.0) -> float:
    """Seconds from launch until the marker line appears on the child's stderr."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True, encoding="utf-8", errors="replace")
    seen = []
    try:
        for line in child.stderr:
            if line.strip() == MARKER:
                elapsed = time.perf_counter() - start
                child.wait(timeout)
                return elapsed
            seen.append(line)
            if time.perf_counter() - start > timeout:
                break
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    raise RuntimeError(f"no first paint from {command[0]}:\n{''.join(seen[-20:])}")


def measure(label: str, command: list[str], env: dict, runs: int) -> list[float]:
    time_to_first_paint(command, env)  # warm-up: disk cache, font cache
    times = [time_to_first_paint(command, env) for _ in range(runs)]
    median = statistics.median(times)
    verdict = "ok" if median < GOAL_SECONDS else f"OVER {GOAL_SECONDS} s"
    print(f"{label:<34} median {median:.3f} s   min {min(times):.3f}   max {max(times):.3f}   ({runs} runs, {verdict})")
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--report", type=Path, default=None, help="report to open (default: the bundled sample)")
    parser.add_argument("--python", action="append", default=None, help="interpreter(s) with gkdesk installed (default: this one)")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "gkdesk", help="one-folder bundle (skipped if absent)")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"), help="Qt platform (offscreen, xcb with a display)")
    args = parser.parse_args(argv)

    report = (args.report or default_report()).resolve()
    with tempfile.TemporaryDirectory() as config:
        env = {
            **os.environ,
            "GKDESK_EXIT_AFTER_PAINT": "1",
            "QT_QPA_PLATFORM": args.platform,
            "XDG_CONFIG_HOME": config,  # leave the user's recent-files list alone
        }
        print(f"start-up to first paint, report {report.name}, Qt platform {args.platform}, {os.cpu_count()} cores")
        results = {}
        for python in args.python or [sys.executable]:
            results[python] = measure(f"python -m gkdesk ({Path(python).parent.parent.name})", [python, "-m", "gkdesk", str(report)], env, args.runs)
        executable = args.bundle / ("gkdesk.exe" if sys.platform == "win32" else "gkdesk")
        if executable.is_file():
            results["bundle"] = measure(f"bundle {args.bundle}", [str(executable), str(report)], env, args.runs)
        else:
            print(f"bundle: none at {args.bundle} (build it with packaging/build_linux.sh)")
    return 0 if all(statistics.median(t) < GOAL_SECONDS for t in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())

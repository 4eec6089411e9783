"""The batch summary: time and peak memory of `export --summary` for many distinct reports.

Usage: python benchmarks/bench_summary.py [COUNT] [-j N]   (default 5000 reports, N = the cores)
Makes COUNT reports from the corpus's text files, each under its own agency name (copies of
one agency and year would be counted once), then runs in the same run, side by side:
  - `export --summary` of the first 500 and of all COUNT (memory should not grow with COUNT);
  - the peer: `check --json` of the same COUNT files (reading and checking alone), so the
    time the summary adds to reading the reports shows;
  - the workbook alone, in this process, of the first 300 reports' rows: written row by row in
    one piece (gkdesk.export.row_writer) beside openpyxl's own writer, alternating, CPU.
Issue 16's targets: 5,000 reports <= 300 MiB (largest process) and <= 30 s on 2 cores.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
# Agency names are made distinct by a prefix of three of these characters (24^3 names).
PREFIX_CHARS = "东西南北中金银山水林田湖海江河云星月春夏秋冬松竹"


def _prefix(i: int) -> str:
    n = len(PREFIX_CHARS)
    return PREFIX_CHARS[i // (n * n) % n] + PREFIX_CHARS[i // n % n] + PREFIX_CHARS[i % n]


def _decode(raw: bytes) -> tuple[str, str] | None:
    for encoding in ("utf-8", "utf-16", "gb18030"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def make_reports(folder: Path, count: int) -> int:
    """COUNT text reports in `folder`, each a corpus text file with its agency renamed."""
    sources = []
    for path in sorted((CORPUS / "gen").glob("*.txt")):
        truth = json.loads((CORPUS / "gen" / (path.name.split("__")[0] + ".json")).read_text("utf-8"))
        decoded = _decode(path.read_bytes())
        if decoded and truth.get("agency") and truth["agency"] in decoded[0]:
            sources.append((path.name, truth["agency"], *decoded))
    for i in range(count):
        name, agency, text, encoding = sources[i % len(sources)]
        (folder / f"{i:05d}_{name}").write_bytes(text.replace(agency, _prefix(i) + agency).encode(encoding))
    return len(sources)


def run(args: list[str]) -> tuple[float, float, float, bytes]:
    """(wall seconds, peak RSS MiB of the largest process of the run, CPU seconds of all its
    processes, stdout). One run per fresh interpreter, so the peak is this run's. On a shared
    machine the CPU seconds vary far less than the wall time."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "out = subprocess.run(sys.argv[1:], capture_output=True).stdout\n"
        "wall = time.perf_counter() - t\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "sys.stderr.write(f'{wall} {usage.ru_maxrss / 1024} {usage.ru_utime + usage.ru_stime}\\n')\n"
        "sys.stdout.buffer.write(out)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "gkdesk", *args],
                          capture_output=True, cwd=ROOT)
    wall, peak, cpu = done.stderr.decode().split()[-3:]
    return float(wall), float(peak), float(cpu), done.stdout


def main(argv: list[str]) -> int:
    from gkdesk.batch_pool import default_jobs

    count = int(next((a for a in argv if a.isdigit() and argv[argv.index(a) - 1] != "-j"), 5000))
    jobs = int(argv[argv.index("-j") + 1]) if "-j" in argv else default_jobs()
    small = min(500, count)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        kinds = make_reports(folder, count)
        files = sorted(str(p) for p in folder.iterdir())
        print(f"{count} reports ({kinds} corpus texts renamed), -j {jobs}")
        for n in sorted({small, count}):
            listed = Path(tmp) / f"list{n}"
            listed.mkdir()
            for f in files[:n]:
                (listed / Path(f).name).symlink_to(f)
            wall, peak, cpu, out = run(["export", "--summary", str(Path(tmp) / f"summary{n}.xlsx"), "-j", str(jobs), "-q", str(listed)])
            print(f"  export --summary {n:5} reports: {wall:6.1f} s, {cpu:6.1f} CPU s, peak {peak:5.0f} MiB   ({out.decode().strip()})")
            if n == count:
                peer, peer_peak, peer_cpu, _ = run(["check", "--json", "-j", str(jobs), "-q", str(listed)])
                print(f"  peer: check --json {n:5} reports: {peer:6.1f} s, {peer_cpu:6.1f} CPU s, peak {peer_peak:5.0f} MiB "
                      f"(reading and checking alone; the summary adds {cpu - peer_cpu:+.1f} CPU s)")
        workbook_figures(files[:300])
    return 0


def workbook_figures(files: list[str], rounds: int = 3) -> None:
    """CPU ms a report of the summary workbook alone (rows made once), both row writers alternating."""
    import io
    from datetime import datetime

    from gkdesk.batch_jobs import summarized
    from gkdesk.export import row_writer
    from gkdesk.export.summary import build_summary_workbook

    rows = [summarized(f, False).row for f in files]
    fast_writer = row_writer.available

    def once(fast: bool) -> float:
        row_writer.available = fast_writer if fast else (lambda: False)  # openpyxl's own writer
        try:
            start = time.process_time()
            build_summary_workbook(rows, sources=files, now=datetime(2026, 1, 1)).save(io.BytesIO())
            return (time.process_time() - start) / len(rows) * 1e3
        finally:
            row_writer.available = fast_writer

    pairs = [(once(False), once(True)) for _ in range(rounds)]
    for peer, fast in pairs:
        print(f"  workbook of {len(rows)} reports: {fast:5.2f} CPU ms a report; peer openpyxl's own writer {peer:5.2f} ({peer / fast:.2f}x)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

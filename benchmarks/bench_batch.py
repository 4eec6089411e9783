"""Batches: the same command on 1 process and on every core, same files, same run.

Usage: python benchmarks/bench_batch.py [COUNT] [--summary]   (default 1000 reports)
Makes COUNT reports (copies of the corpus's text files under new names) in a temporary
folder, then times `gkdesk check --json` and `gkdesk extract --json` with -j 1 and -j N (N =
the cores), checks that both print the same, and prints the ratio. --summary also times
`export --summary` on -j N and its peak memory (issue 16: 5000 reports <= 30 s, <= 300 MiB).
Target: >= 1.8x on 2 cores. On a shared machine the ratio is what counts.
"""
from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _make(folder: Path, count: int) -> None:
    sources = sorted((CORPUS / "gen").glob("*.txt")) + sorted((CORPUS / "seeds").glob("*.txt"))
    for i in range(count):
        src = sources[i % len(sources)]
        shutil.copyfile(src, folder / f"{i:05d}_{src.name}")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(args: list[str]) -> tuple[float, bytes, float, float]:
    """(wall seconds, stdout, peak RSS MiB of the run, CPU seconds of its processes)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    cpu = _cpu()
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "gkdesk", *args], capture_output=True).stdout
    wall = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, out, max(peak, before) / 1024, _cpu() - cpu


def main(argv: list[str]) -> int:
    from gkdesk.batch_pool import default_jobs

    count = int(next((a for a in argv if a.isdigit()), 1000))
    jobs = default_jobs()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        _make(folder, count)
        print(f"{count} reports, {jobs} cores")
        for command in (["check", "--json"], ["extract", "--json"]):
            one, out1, _, cpu1 = _run([*command, "-j", "1", str(folder)])
            many, out_n, _, cpu_n = _run([*command, "-j", str(jobs), str(folder)])
            same = "same output" if out1 == out_n else "OUTPUT DIFFERS"
            # CPU seconds: what -j N adds in work (pickling, the parent's share); on a shared
            # machine the wall ratio also carries the other load.
            print(f"  {' '.join(command):15} -j 1 {one:7.2f} s ({cpu1:6.1f} CPU s)   -j {jobs} {many:7.2f} s ({cpu_n:6.1f} CPU s)   "
                  f"{one / many:4.2f}x   ({same})")
        if "--summary" in argv:
            wall, _, peak, _ = _run(["export", "--summary", str(Path(tmp) / "summary.xlsx"), "-j", str(jobs), str(folder)])
            print(f"  export --summary -j {jobs}: {wall:.1f} s, peak {peak:.0f} MiB (largest process)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

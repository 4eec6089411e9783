"""PDFs read in a forked child (gkdesk.isolated_job) on one core: what it costs beside reading
the same PDFs in the process itself, same files, same run, in CPU seconds (parent and child).

Usage: python benchmarks/bench_isolated_pdf.py [ROUNDS]   (default 2: each way twice, alternating)
The corpus's PDFs are read by `gkdesk extract --json -j 1`'s job, once in a child process (what
-j 1 does, so that a native crash costs one file) and once in the process (what it did before);
prints both and the ratio.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from process_cpu import own_and_children_cpu  # noqa: E402


def main(rounds: int) -> int:
    from gkdesk import batch_jobs
    from gkdesk.batch_pool import ordered_map

    pdfs = sorted(str(p) for p in CORPUS.rglob("*.pdf"))
    if not pdfs:
        print("no corpus PDFs found under", CORPUS)
        return 1
    tasks = [(p, True, False) for p in pdfs]
    batch_jobs._preload()
    isolate = batch_jobs.extract_job.isolate
    times = {"in a child": 0.0, "in process": 0.0}
    outputs = {}
    for _ in range(rounds):
        for name, predicate in (("in a child", isolate), ("in process", None)):
            if predicate is None:
                del batch_jobs.extract_job.isolate
            start = own_and_children_cpu()
            outputs[name] = [r.out for r in ordered_map(batch_jobs.extract_job, tasks, jobs=1, quiet=True)]
            times[name] += own_and_children_cpu() - start
            batch_jobs.extract_job.isolate = isolate
    assert outputs["in a child"] == outputs["in process"], "the two ways printed differently"
    for name, seconds in times.items():
        print(f"{name:>14}: {seconds / rounds:7.2f} CPU s for {len(pdfs)} PDFs ({seconds / rounds / len(pdfs) * 1000:.0f} ms each)")
    print(f"ratio in a child / in process: {times['in a child'] / times['in process']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2))

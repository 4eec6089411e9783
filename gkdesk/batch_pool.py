"""Batches on every core: one job per file in a process pool, results in input order.

Reading a report (decoding, PDF pages, recognition) is pure Python and CPU-bound, so threads
would share one core; processes do not. Each job returns what the command prints for its file
(stdout and stderr text, never printed by the worker), so the output of `-j N` is the output of
`-j 1`, file after file. One process (no pool) for one file or `-j 1`.

Progress (files done / total, rate, ETA) goes to stderr through tqdm, only when stderr is a
terminal and not --quiet: piped or redirected output stays exactly the results.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Files per task sent to a worker: large enough to spread the pickling cost, small enough to
# keep both cores busy to the end and progress moving.
MAX_CHUNK = 8


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def add_jobs_options(parser) -> None:
    """`-j N` and `--quiet` for a batch command."""
    parser.add_argument(
        "-j", "--jobs", type=int, default=None, metavar="N",
        help="同时处理的进程数，默认等于 CPU 核数 (worker processes; default: the cores)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="不显示进度 (no progress bar on stderr)")


def ordered_map(
    job: Callable[[T], R],
    items: Iterable[T],
    jobs: int | None = None,
    label: str = "",
    quiet: bool = False,
) -> Iterator[R]:
    """job(item) for every item, in the items' order, on `jobs` processes (default: the cores).

    `job` must be a module-level function and items and results picklable; `job.preload`, if
    set, imports what the job needs (run once before the workers start)."""
    items = list(items)
    jobs = default_jobs() if jobs is None else max(1, jobs)
    jobs = min(jobs, len(items))
    bar = _progress(len(items), label, quiet)
    try:
        pool = _open_pool(job, jobs) if jobs > 1 else None
        if pool is None:
            for item in items:
                yield job(item)
                bar.update()
            return
        chunk = max(1, min(MAX_CHUNK, len(items) // (jobs * 4)))
        with pool:
            for result in pool.map(job, items, chunksize=chunk):
                yield result
                bar.update()
    finally:
        bar.close()


def _open_pool(job, jobs: int):
    """A pool of `jobs` processes, or None where the system cannot give one."""
    from concurrent.futures import ProcessPoolExecutor

    # Forked workers share what the parent imported: import the job's modules once, here,
    # rather than once in every worker.
    preload = getattr(job, "preload", None)
    if preload is not None:
        preload()
    try:
        return ProcessPoolExecutor(max_workers=jobs, mp_context=_context())
    except (OSError, NotImplementedError):
        # No POSIX semaphores (a chroot or container without /dev/shm, some locked-down
        # kernels): the batch runs in this process rather than failing.
        return None


def _context():
    """fork where the platform has it (no re-import in each worker); spawn elsewhere (Windows,
    where the frozen app calls multiprocessing.freeze_support() first)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, label: str, quiet: bool):
    """A tqdm bar on stderr when stderr is a terminal, there is more than one file and not quiet."""
    if quiet or total < 2 or not _is_terminal(sys.stderr):
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError:  # an installation without tqdm still runs its batches
        return _NoBar()
    return tqdm(total=total, desc=label, unit="份", file=sys.stderr, dynamic_ncols=True, leave=False)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

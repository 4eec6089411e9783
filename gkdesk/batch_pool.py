"""Batches on every core: one job per file in a process pool, results in input order.

Reading a report (decoding, PDF pages, recognition) is pure Python and CPU-bound, so threads
would share one core; processes do not. Each job returns what the command prints for its file
(stdout and stderr text, never printed by the worker), so the output of `-j N` is the output of
`-j 1`, file after file. One process (no pool) for one file or `-j 1`. A file whose reading
kills its process (a native crash) gets its error line and the batch goes on.

Progress (files done / total, rate, ETA) goes to stderr through tqdm, only when stderr is a
terminal and not --quiet: piped or redirected output stays exactly the results.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from .isolated_job import IsolatedWorker, flush_std_streams

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
    set, imports what the job needs (run once before the workers start). A worker that dies
    (a native crash) costs only its file: `job.crashed(item, error)` stands for the item whose
    process died, and the pool is started again for the rest. In one process (`-j 1`, one
    file, no pool to be had) the items `job.isolate(item)` names (those read by native code)
    run in one forked child (gkdesk.isolated_job), where fork is cheap."""
    items = list(items)
    jobs = default_jobs() if jobs is None else max(1, jobs)
    jobs = min(jobs, len(items))
    bar = _progress(len(items), label, quiet)
    try:
        pool = _open_pool(job, jobs) if jobs > 1 else None
        if pool is None:
            yield from _serial(job, items, bar)
        else:
            yield from _pooled(job, items, jobs, pool, bar)
    finally:
        bar.close()


def _serial(job, items: list, bar) -> Iterator:
    isolate = getattr(job, "isolate", None)
    context = _context()
    if context.get_start_method() != "fork":
        isolate = None  # a new interpreter (spawn) would cost more than the reading
    worker = None
    try:
        for item in items:
            if isolate is not None and isolate(item):
                if worker is None:
                    _preload(job)  # the child shares what the parent imported
                    worker = IsolatedWorker(job, context)
                yield worker.run(item)
            else:
                yield job(item)
            bar.update()
    finally:
        if worker is not None:
            worker.close()


def _pooled(job, items: list, jobs: int, pool, bar) -> Iterator:
    """The items in chunks on the pool, at most two chunks a worker at a time (so that a
    worker's death takes few chunks with it), results yielded in order as they come."""
    from collections import deque
    from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, min(MAX_CHUNK, len(items) // (jobs * 4)))
    waiting = deque(range(start, min(start + chunk, len(items))) for start in range(0, len(items), chunk))
    running: dict = {}  # future -> the indices of its chunk
    done: dict[int, object] = {}
    next_out = 0
    try:
        while next_out < len(items):
            broken = False
            while waiting and len(running) < 2 * jobs:
                indices = waiting.popleft()
                try:
                    running[pool.submit(_run_chunk, job, [items[i] for i in indices])] = indices
                except BrokenProcessPool:  # a worker died just now: this chunk waits for the new pool
                    waiting.appendleft(indices)
                    broken = True
                    break
            finished, _ = wait(running, return_when=ALL_COMPLETED if broken else FIRST_COMPLETED)
            suspects: list[int] = []
            for future in finished:
                indices = running.pop(future)
                try:
                    done.update(zip(indices, future.result()))
                except BrokenProcessPool:
                    suspects.extend(indices)
            if suspects or broken:
                # A worker died and the pool with it: every chunk still running is lost too.
                # Each of their items runs again alone, so the death is the one file's that
                # causes it; then a new pool takes the rest.
                for indices in running.values():
                    suspects.extend(indices)
                running.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                worker = IsolatedWorker(job, _context())
                try:
                    for i in sorted(suspects):
                        done[i] = worker.run(items[i])
                finally:
                    worker.close()
                pool = _open_pool(job, jobs)
                if pool is None:  # cannot be had again: the rest in this process
                    rest = [i for indices in waiting for i in indices]
                    waiting.clear()
                    done.update(zip(rest, _serial(job, [items[i] for i in rest], _NoBar())))
            while next_out in done:
                yield done.pop(next_out)
                bar.update()
                next_out += 1
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _run_chunk(job, chunk: list) -> list:
    return [job(item) for item in chunk]


def _preload(job) -> None:
    preload = getattr(job, "preload", None)
    if preload is not None:
        preload()


def _open_pool(job, jobs: int):
    """A pool of `jobs` processes, or None where the system cannot give one."""
    from concurrent.futures import ProcessPoolExecutor

    # Forked workers share what the parent imported: import the job's modules once, here,
    # rather than once in every worker.
    _preload(job)
    flush_std_streams()  # a forked worker would print again what is still buffered here
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

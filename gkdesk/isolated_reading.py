"""Reading and rendering PDFs in child processes kept for a long-lived program (the window), so
that a document crashing PDFium natively (an abort: no exception to catch) costs that document,
not the program and the reviewer's open work.

`load_report(path)` is gkdesk.reports.load_report with the files read by native code
(readers.reads_natively: a PDF, a .doc that is one) read in a child; `render_page(...)` renders
a PDF page there. A child that dies gives the caller an InputError with the Chinese message of
gkdesk.errors.worker_died_error, as any unreadable file; the next call starts a new child.
The children are gkdesk.isolated_job's IsolatedWorker (the batches' mechanism), forked and kept
alive between calls (a fork is paid once, not per document); calls on several threads at once
each get a child, the first KEEP_IDLE of them are kept for the next calls.

Where there is no fork (Windows) everything runs in the process, as before: a spawned child is
a new interpreter that imports gkdesk and the PDF libraries again (about a second on the
first document, again after every crash) and, in the frozen one-folder app, needs
multiprocessing.freeze_support; a crashing PDF ends the program there.

Forked from a process with threads (Qt's, the window's workers): the child runs only the
reading, never Qt; what a thread could hold across the fork is made safe where the child needs
it (PDFIUM_LOCK is taken around every fork, readers/pdfium_guard.py; the modules the child runs
are imported before forking). Python 3.12+ warns (DeprecationWarning) about any fork with
threads running; the window's own threads are not what the child uses. A child that hangs
(rather than dies) is killed after its time limit (gkdesk.limits.child_time_limit, from the
file's size) and the call raises the Chinese InputError of gkdesk.errors.worker_timed_out_error;
the call waits on the window's background thread, so the reviewer works on meanwhile.
"""
from __future__ import annotations

import atexit
import os
import threading

KEEP_IDLE = 2


def load_report(path, progress=None):
    """The report at `path` (gkdesk.reports.load_report); natively read files in a child, where
    `progress` is not heard (their reading is not cancelled: its result is simply dropped)."""
    from .readers import reads_natively

    if reads_natively(path) and _WORKERS.available():
        return _WORKERS.call(_read, str(path))
    return _read(path, progress)


def render_page(path, number: int, dpi: float):
    """Page `number` of a PDF as a readers.page_images.PageBitmap, rendered in a child."""
    if _WORKERS.available():
        return _WORKERS.call(_render, str(path), number, dpi)
    return _render(path, number, dpi)


# What a child is asked to run, by name (pickled as a reference to this module), looked up
# where it runs.
def _read(path, progress=None):
    from . import reports

    return reports.load_report(path, progress)


def _render(path, number: int, dpi: float):
    from .readers import page_images

    return page_images.render_page_bitmap(path, number, dpi)


def close_children() -> None:
    """End the idle children (before the program exits), and the busy ones when their call
    returns (a daemon: one still busy ends with the program). A later call forks a new one."""
    _WORKERS.close()


def _call(task):
    function, args = task
    return function(*args)


def _died(task, error):
    raise error  # the call's own failure: the caller shows it as the file's error


_call.crashed = _died


class _Children:
    def __init__(self):
        self._lock = threading.Lock()
        self._idle: list = []
        self._generation = 0  # close() starts a new one: a child of an older one is not kept
        self._context = None
        self._probed = False

    def available(self) -> bool:
        with self._lock:
            if not self._probed:
                import multiprocessing

                self._probed = True
                if "fork" in multiprocessing.get_all_start_methods():
                    self._context = multiprocessing.get_context("fork")
        return self._context is not None

    def call(self, function, *args):
        from .isolated_job import IsolatedWorker

        with self._lock:
            worker = self._idle.pop() if self._idle else None
            generation = self._generation
        if worker is None:
            _preload()  # imported once here, shared by every child forked after
            worker = IsolatedWorker(_call, self._context, daemon=True)
        try:
            return worker.run((function, args))
        finally:
            with self._lock:
                keep = len(self._idle) < KEEP_IDLE and generation == self._generation
                if keep:
                    self._idle.append(worker)
            if not keep:
                worker.close()

    def forget_in_child(self) -> None:
        """In a process forked from this one (a batch's worker): the parent's children are not
        its own (their pipes are the parent's), and a lock another thread held is held for good."""
        self._lock = threading.Lock()
        self._idle = []
        self._generation += 1

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
            self._generation += 1
        for worker in idle:
            worker.close()


def _preload() -> None:
    # A module imported for the first time in a child forked while another thread of the
    # window was importing it would wait for that thread's import lock forever: what the
    # children run is imported before they are forked.
    import gkdesk.parsing  # noqa: F401
    import gkdesk.readers.page_images  # noqa: F401
    import gkdesk.readers.page_regions  # noqa: F401
    import gkdesk.reports  # noqa: F401
    from .readers import preload_pdf_reader, read_document  # noqa: F401

    preload_pdf_reader()


_WORKERS = _Children()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_WORKERS.forget_in_child)
# Registered after multiprocessing's own exit handler (imported by this point: atexit runs the
# last registered first), so the children are told to end before it joins them.
import multiprocessing.util  # noqa: E402,F401

atexit.register(close_children)

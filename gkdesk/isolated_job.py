"""Jobs of a batch in a child process, so that the process dying does not end the batch: a
native crash (PDFium aborting on a hostile PDF), the system's out-of-memory killer.

An IsolatedWorker is one child process that runs a job's tasks one at a time, each result
coming back through a pipe. If the child dies on a task, that task gets `job.crashed(task,
error)`: the job's own "this file could not be read" result, with a Chinese message naming the
signal or exit code (gkdesk.errors.worker_died_error); the next task starts a new child. A job
without `crashed` raises ChildProcessError instead. An exception the job raises is raised here.
A child that neither answers nor dies within the task's time limit (a document making the reader
loop forever; gkdesk.limits.child_time_limit, from the size of the files the task names) is
killed, and the task gets `job.crashed(task, error)` with gkdesk.errors.worker_timed_out_error:
the hang costs that file, the next task starts a new child.
One child for many tasks: its imports and caches stay warm, a fork is paid once (and once
after each death), and it needs no semaphores, unlike a process pool.
"""
from __future__ import annotations

import os
import sys
import threading
import time

# One child started at a time in this process: a fork while another worker's pipe is still open
# at both ends here would give the new child a copy of that worker's child end, and then that
# worker's death would never reach its parent as the end of its pipe (it would wait forever).
# The window starts children from several threads (gkdesk.isolated_reading).
_STARTING = threading.Lock()


def _fresh_lock_in_child() -> None:
    # A child forked while a thread here held _STARTING (the forking one does, around every
    # start) has it locked for good: a child that starts children of its own needs its own.
    global _STARTING
    _STARTING = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_fresh_lock_in_child)


class IsolatedWorker:
    """job(task) in a child process of `context` (a multiprocessing context), task after task."""

    def __init__(self, job, context, daemon: bool = False, time_limit=None):
        self.job = job
        self.context = context
        self.daemon = daemon  # a long-lived program's child (the window's): ended when it exits
        # time_limit(task) -> seconds the child may take on it (None: no limit); by default the
        # job's own `time_limit`, else gkdesk.limits.child_time_limit.
        if time_limit is None:
            time_limit = getattr(job, "time_limit", None)
        if time_limit is None:
            from .limits import child_time_limit as time_limit
        self.time_limit = time_limit
        self._child = None
        self._conn = None

    def run(self, task):
        if self._child is None:
            try:
                self._start()
            except OSError:  # no process to be had (fork refused): the job runs here
                return self.job(task)
        seconds = self.time_limit(task)
        try:
            self._conn.send(task)
            # Ready also when the child is gone (the end of its pipe): recv then says so.
            answered = self._conn.poll(seconds)
            outcome = self._conn.recv() if answered else None
        except (EOFError, OSError):  # the child is gone without a word
            return crashed(self.job, task, self._reap())
        if not answered:
            self._kill()
            return timed_out(self.job, task, seconds)
        ok, value = outcome
        if ok:
            return value
        raise value

    def close(self) -> None:
        if self._child is None:
            return
        try:
            self._conn.send(None)  # its end: the child leaves its loop
        except OSError:
            pass
        self._reap()

    def _start(self) -> None:
        with _STARTING:
            flush_std_streams()
            # Two one-way pipes, not one duplex connection: on Unix a duplex one is a socketpair,
            # and gkdesk makes no socket of any kind (tests/test_no_network.py).
            tasks_in, tasks_out = self.context.Pipe(duplex=False)
            outcomes_in, outcomes_out = self.context.Pipe(duplex=False)
            here, there = _Duplex(outcomes_in, tasks_out), _Duplex(tasks_in, outcomes_out)
            child = self.context.Process(target=_serve, args=(self.job, there, here), daemon=self.daemon)
            try:
                child.start()
            finally:
                there.close()
        self._child, self._conn = child, here

    def _kill(self) -> None:
        """End a child that does not answer (SIGKILL: a loop in native code hears nothing else)."""
        try:
            self._child.kill()
        except (OSError, ValueError):  # gone meanwhile
            pass
        self._reap()

    def _reap(self) -> int | None:
        child, self._child = self._child, None
        self._conn.close()
        self._conn = None
        child.join()
        return exit_status(child)


def exit_status(child, patience: float = 1.0) -> int | None:
    """A joined child's exit status; None if it cannot be had within `patience` seconds.

    Every Process.start in this process polls all its children (multiprocessing's _cleanup), so
    another thread starting a worker may collect this child's status first: its os.waitpid takes
    the status and sets the attribute only once that thread holds the GIL again, while our wait
    finds nothing to collect (ECHILD) and the attribute still empty. The status is on its way.
    """
    deadline = time.monotonic() + patience
    while (code := child.exitcode) is None and time.monotonic() < deadline:
        time.sleep(0.001)  # lets the collecting thread run
    return code


class _Duplex:
    """Both directions between parent and child: what comes in on one pipe, goes out on the other."""

    def __init__(self, incoming, outgoing):
        self._in, self._out = incoming, outgoing

    def send(self, obj) -> None:
        self._out.send(obj)

    def recv(self):
        return self._in.recv()

    def poll(self, timeout: float | None) -> bool:
        return self._in.poll(timeout)

    def close(self) -> None:
        self._in.close()
        self._out.close()


def crashed(job, task, exitcode: int | None):
    """The result standing for `task`, whose process died with `exitcode`."""
    from .errors import worker_died_error

    return _lost(job, task, worker_died_error(exitcode), f"died (exit code {exitcode})")


def timed_out(job, task, seconds: float):
    """The result standing for `task`, whose process was killed after `seconds` without an answer."""
    from .errors import worker_timed_out_error

    return _lost(job, task, worker_timed_out_error(seconds), f"took more than {seconds:.0f} s")


def _lost(job, task, error, what: str):
    """The job's own result for a task its process never answered (`job.crashed`); a job
    without one lets the loss be raised."""
    make = getattr(job, "crashed", None)
    if make is None:
        raise ChildProcessError(f"the process running {getattr(job, '__name__', job)} {what}")
    return make(task, error)


def flush_std_streams() -> None:
    """Before a fork: text still buffered here would otherwise be printed again by the child
    (multiprocessing flushes the streams a forked child inherited when it ends)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass


def _serve(job, conn, parents_end) -> None:
    """The child's loop: a task in, its outcome out, until None or the parent is gone."""
    parents_end.close()  # a forked child holds the parent's end too: the parent's death must reach it
    import gc

    # What the child inherited (the window's whole heap) is never garbage to it: frozen, its
    # collections do not walk it (each walk cost CPU and copied the parent's pages into the child).
    gc.freeze()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            outcome = (True, job(task))
        except BaseException as exc:  # the parent raises it, as if the job had run there
            outcome = (False, exc)
        try:
            conn.send(outcome)
        except Exception as exc:  # an exception that does not pickle: its text does
            conn.send((False, RuntimeError(f"{type(outcome[1]).__name__}: {outcome[1]} ({exc})")))

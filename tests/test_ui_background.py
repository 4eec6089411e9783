"""The background helper: callbacks on the GUI thread; an owner destroyed while its worker
still runs cancels the op, and neither the worker's report nor the callbacks touch it."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading

from PySide6.QtCore import QObject, QThreadPool

from gkdesk.ui.background import run_in_background


def test_success_and_progress_arrive_on_the_gui_thread(qtbot):
    gui = threading.get_ident()
    seen = []

    def work(progress):
        progress(1, 2, "half")
        return threading.get_ident()

    op = run_in_background(work, on_success=lambda r: seen.append(("ok", r, threading.get_ident())),
                           on_progress=lambda d, t, x: seen.append(("progress", d, threading.get_ident())))
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert ("progress", 1, gui) in seen
    ok = [s for s in seen if s[0] == "ok"]
    assert len(ok) == 1 and ok[0][1] != gui and ok[0][2] == gui


def test_a_failure_reaches_the_failure_callback_with_its_traceback(qtbot):
    failures = []

    def work(progress):
        raise ValueError("bad input")

    op = run_in_background(work, on_success=lambda r: None, on_failure=failures.append)
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert isinstance(failures[0], ValueError) and "bad input" in failures[0].gkdesk_traceback


def _owner_destroyed_mid_run(qtbot, report_progress: bool) -> tuple[object, list]:
    """An op whose owner is deleted while its worker waits; the worker then goes on (reporting
    progress first, or not) and returns a result. The op and what its callbacks heard."""
    owner = QObject()
    started, release = threading.Event(), threading.Event()
    heard = []

    def work(progress):
        started.set()
        release.wait(10)
        if report_progress:
            progress(1, 1, "")  # cancelled by now: raises Cancelled inside the worker
        return "result"

    op = run_in_background(work, on_success=heard.append, on_failure=heard.append,
                           on_progress=lambda *a: heard.append(a), parent=owner)
    assert started.wait(10)
    owner.deleteLater()
    qtbot.waitUntil(lambda: op.orphaned, timeout=10_000)
    assert op.cancelled
    release.set()
    qtbot.waitUntil(lambda: op.done, timeout=10_000)  # the op itself outlived its owner
    assert QThreadPool.globalInstance().waitForDone(10_000)
    return op, heard


def test_an_owner_destroyed_while_the_worker_runs_cancels_it_and_hears_nothing(qtbot):
    _, heard = _owner_destroyed_mid_run(qtbot, report_progress=True)
    assert heard == []


def test_an_owner_destroyed_after_success_is_computed_does_not_break_the_report(qtbot):
    """The worker's emit after the owner is gone must not raise ("Signal source has been deleted")."""
    _, heard = _owner_destroyed_mid_run(qtbot, report_progress=False)
    assert heard == []

"""The review session without a window (issue 14, item 10): loading and scanning state lives in
ReviewSession, observed through its signals; the status bar's one writer keeps outcomes shown."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil

import pytest

from PySide6.QtWidgets import QStatusBar

from conftest import ROOT, shared_path

from gkdesk.ui.session import ReviewSession
from gkdesk.ui.status_messages import StatusMessages

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))


def test_a_report_loads_in_the_background_and_the_one_asked_for_last_wins(qtbot, tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    shutil.copy(SAMPLE, first)
    shutil.copy(SAMPLE, second)
    session = ReviewSession()
    loaded, ended = [], []
    session.documentLoaded.connect(loaded.append)
    session.loadEnded.connect(lambda: ended.append(True))
    assert session.request(str(first)) is None and session.loading and session.load_key == str(first.resolve())
    assert session.request(str(second)) is None  # the reviewer moved on: the first is given up
    qtbot.waitUntil(lambda: not session.loading, timeout=20_000)
    qtbot.wait(200)  # the first load's result, if it comes, is dropped
    assert [d.path for d in loaded] == [str(second.resolve())]
    assert ended and list(session.documents) == [str(second.resolve())]
    assert session.request(str(second)) is loaded[0]  # open already: no load
    assert not session.loading
    session.close(loaded[0])
    assert not session.documents and session.queue.row_of(str(second)) == -1 and session.queue.row_of(str(first)) == 0


def test_an_unreadable_report_is_a_failure_entry_not_an_exception(qtbot, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 1000)
    session = ReviewSession()
    failed = []
    session.loadFailed.connect(lambda key, message: failed.append((key, message)))
    session.request(str(bad))
    qtbot.waitUntil(lambda: not session.loading, timeout=20_000)
    assert failed and failed[0][0] == str(bad.resolve()) and failed[0][1]
    assert session.queue.entry(str(bad)).status == "无法打开"


def test_a_scan_fills_the_queue_and_a_cancelled_scan_adds_nothing(qtbot, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for p in shared_path("corpus", "gen").glob("gd0[1-3]__calc-tsv.txt"):
        shutil.copy(p, folder / p.name)
    session = ReviewSession()
    finished, cancelled, ended = [], [], []
    session.scanFinished.connect(lambda entries, open_first: finished.append((len(entries), open_first)))
    session.scanCancelled.connect(lambda: cancelled.append(True))
    session.scansEnded.connect(lambda: ended.append(True))
    session.scan([str(folder)], open_first=True)
    qtbot.waitUntil(lambda: not session.scanning and bool(ended), timeout=20_000)
    assert finished == [(3, True)] and len(session.queue.entries) == 3
    assert all(e.agency and e.year for e in session.queue.entries)
    session.scan([str(shared_path("corpus", "gen"))], open_first=False)  # 150+ reports
    assert session.cancel() == (True, False)
    qtbot.waitUntil(lambda: not session.scanning, timeout=20_000)
    assert cancelled and len(session.queue.entries) == 3


def test_a_progress_notice_never_covers_an_outcome_on_show(qtbot):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    messages = StatusMessages(bar)
    messages.notice("正在读取 a.txt")
    assert bar.currentMessage() == "正在读取 a.txt"
    messages.show("已取消读取。")
    messages.notice("正在读取 b.txt")  # a late progress signal
    assert bar.currentMessage() == "已取消读取。"
    messages.end_notice()  # the flow ends: the outcome stays
    assert bar.currentMessage() == "已取消读取。"
    messages.show("已读取 3 份报告。", timeout=1)
    qtbot.wait(20)
    messages.notice("正在打开 c.txt")  # the outcome's time is over: the notice shows
    assert bar.currentMessage() == "正在打开 c.txt"
    messages.end_notice()
    assert bar.currentMessage() == ""


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_large_folder_is_read_in_worker_processes_with_the_same_entries(tmp_path, monkeypatch, jobs):
    """scan_reports of a folder of PROCESS_SCAN_FILES or more: read by batch_pool.ordered_map in
    worker processes (no interpreter lock shared with the window's thread): two in a pool, one
    as one child without a pool; the entries of a scan on this thread, in order. Cancelling
    stops it, and no worker process outlives the call."""
    import concurrent.futures
    import multiprocessing
    import os
    import shutil

    from gkdesk.ui import worklist
    from gkdesk.ui.background import Cancelled

    sample = next((ROOT / "resources" / "samples").glob("*.txt"))
    for i in range(worklist.PROCESS_SCAN_FILES + 2):
        shutil.copy(sample, tmp_path / f"r{i:02d}.txt")
    (tmp_path / "r05.docx").write_bytes(b"not a zip")  # unreadable, in the middle
    progress, pools, readers = [], [], set()
    real_pool, real_summarize = concurrent.futures.ProcessPoolExecutor, worklist.summarize
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", lambda *a, **k: pools.append(k) or real_pool(*a, **k))

    def summarize(path):
        entry = real_summarize(path)
        entry.agency += f"@{os.getpid()}"  # where it was read
        return entry

    monkeypatch.setattr(worklist, "summarize", summarize)
    pooled = worklist.scan_reports([str(tmp_path)], lambda *a: progress.append(a), jobs=jobs)
    readers = {e.agency.rsplit("@", 1)[1] for e in pooled if "@" in e.agency}
    assert str(os.getpid()) not in readers and readers
    assert [k.get("max_workers") for k in pools] == ([2] if jobs == 2 else [])  # no pool of one
    monkeypatch.setattr(worklist, "PROCESS_SCAN_FILES", 10**9)
    monkeypatch.setattr(worklist, "summarize", real_summarize)
    here = worklist.scan_reports([str(tmp_path)])
    for entry in pooled:
        entry.agency = entry.agency.rsplit("@", 1)[0]
    assert [e.path for e in pooled] == worklist.report_files([str(tmp_path)])
    assert pooled == here and any(e.status == worklist.UNREADABLE for e in pooled)
    assert progress[-1] == (len(here), len(here), "") and [p[0] for p in progress] == sorted(p[0] for p in progress)
    monkeypatch.setattr(worklist, "PROCESS_SCAN_FILES", 1)

    def cancel(done, total, name):
        if done >= 3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        worklist.scan_reports([str(tmp_path)], cancel, jobs=jobs)
    assert multiprocessing.active_children() == []  # the workers were stopped and joined


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_scan_in_worker_processes_gives_a_pdf_crashing_its_reader_its_error(tmp_path, monkeypatch, jobs):
    """The workers are forked from a process whose own PDF children (gkdesk.isolated_reading)
    they must not use: each reads its PDFs in children of its own, and a crash there is the
    file's UNREADABLE entry while the other files are read."""
    import multiprocessing

    from fuzz.crashing_reader import CRASH_MARK, crashing
    from reader_samples import report_pdf
    from report_factory import values_for

    from gkdesk import isolated_reading
    from gkdesk.readers import pdf_reader
    from gkdesk.ui import worklist

    monkeypatch.setattr(pdf_reader, "read_pdf", crashing(pdf_reader.read_pdf, spare_pid=os.getpid()))
    isolated_reading.close_children()
    monkeypatch.setattr(worklist, "PROCESS_SCAN_FILES", 1)
    sample = next((ROOT / "resources" / "samples").glob("*.txt"))
    for i in range(4):
        shutil.copy(sample, tmp_path / f"r{i}.txt")
    (tmp_path / "r1-hostile.pdf").write_bytes(report_pdf("2021", values_for("2021", seed=3)) + b"\n" + CRASH_MARK + b"\n")
    (tmp_path / "r2-good.pdf").write_bytes(report_pdf("2021", values_for("2021", seed=9)))
    try:
        entries = {os.path.basename(e.path): e for e in worklist.scan_reports([str(tmp_path)], jobs=jobs)}
    finally:
        isolated_reading.close_children()
    assert entries["r1-hostile.pdf"].status == worklist.UNREADABLE
    assert "处理进程异常终止（信号 SIGABRT）" in entries["r1-hostile.pdf"].message
    assert entries["r2-good.pdf"].agency == "测试区数据局"
    assert all(e.status != worklist.UNREADABLE for name, e in entries.items() if name != "r1-hostile.pdf")
    assert multiprocessing.active_children() == []

"""Two editors, one report, in the window (issue 15 item 3): a report another editor holds opens
read-only with a message naming user and machine, offers 接管编辑 when the lock is stale, and a
save that meets the same cells changed on disk asks which to keep (dialogs patched)."""
from __future__ import annotations

import json
import os
import socket
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from gkdesk import review_lock
from gkdesk.reports import load_report
from gkdesk.sidecar import Sidecar, sidecar_path
from report_factory import render, values_for
from window_support import make_window


@pytest.fixture
def report_file(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text(render("2021", values_for("2021"), "tabs"), encoding="utf-8")
    return path


def _lock_of_another_machine(report_file, stale: bool) -> None:
    path = review_lock.lock_path(report_file)
    path.write_text(json.dumps({"user": "张三", "host": "审核室-PC2", "pid": 4242,
                                "since": "2026-01-01T09:00:00", "token": "theirs"}), encoding="utf-8")
    if stale:
        old = time.time() - review_lock.STALE_SECONDS - 60
        os.utime(path, (old, old))


def _a_value_cell(document):
    return next(a for a in document.report.addresses() if a[0] == "t3" and document.report.value(a) is not None)


def _buttons(window) -> list[str]:
    return [b.text() for b in window.message_bar.findChildren(QPushButton) if b.isVisible()]


def test_a_report_another_machine_holds_opens_read_only_naming_user_and_machine(qtbot, tmp_path, report_file):
    _lock_of_another_machine(report_file, stale=False)
    window = make_window(qtbot, tmp_path, [report_file])
    document = window.document
    assert document.read_only
    shown = window.message_bar.label.text()
    assert window.message_bar.isVisible() and "张三" in shown and "审核室-PC2" in shown and "只读" in shown
    assert not any("接管" in b for b in _buttons(window))  # a live lock is not offered
    addr = _a_value_cell(document)
    model = window.pages["t3"].model
    assert not model.flags(model.index_of(addr)) & Qt.ItemFlag.ItemIsEditable
    assert not document.set_values({addr: 999})  # nothing that could never be saved
    assert document.report.value(addr) != 999
    window.close()
    assert not sidecar_path(report_file).exists()
    assert review_lock.read_holder(review_lock.lock_path(report_file)).token == "theirs"  # theirs stays


def test_a_stale_lock_of_another_machine_is_offered_and_taken_over(qtbot, tmp_path, report_file):
    _lock_of_another_machine(report_file, stale=True)
    window = make_window(qtbot, tmp_path, [report_file])
    document = window.document
    assert document.read_only and "接管" in window.message_bar.label.text()
    button = next(b for b in window.message_bar.findChildren(QPushButton) if "接管" in b.text())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not document.read_only
    assert review_lock.read_holder(review_lock.lock_path(report_file)).token == document.lock_result.lock.token
    addr = _a_value_cell(document)
    model = window.pages["t3"].model
    assert model.flags(model.index_of(addr)) & Qt.ItemFlag.ItemIsEditable
    assert document.set_values({addr: 321})
    window.saver.flush()
    again = load_report(report_file)
    Sidecar.for_report(report_file).load_into(again)
    assert again.value(addr) == 321


def _other_editor_sets(report_file, addr, value) -> None:
    """An editor without the lock (an older gkdesk, or one that took it over) saves a value."""
    report = load_report(report_file)
    side = Sidecar.for_report(report_file)
    side.load_into(report)
    report.set_value(addr, value)
    side.save(report)


@pytest.mark.parametrize("answer", ["本窗口", "另一方"])
def test_the_same_cell_changed_on_disk_asks_which_to_keep_and_loses_nothing(qtbot, tmp_path, report_file, monkeypatch, answer):
    asked: list[str] = []

    def exec_(box):
        asked.append(box.text() + "\n" + box.informativeText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: next(b for b in box.buttons() if answer in b.text()))
    window = make_window(qtbot, tmp_path, [report_file])
    document = window.document
    assert not document.read_only
    addr, other = [a for a in document.report.addresses() if a[0] == "t3" and document.report.value(a) is not None][:2]
    _other_editor_sets(report_file, addr, 11)
    _other_editor_sets(report_file, other, 5)  # a different cell: merged, never asked about
    document.set_values({addr: 22})
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert "11" in asked[0] and "22" in asked[0]  # both sides' values shown
    window.saver.flush()
    disk = json.loads(sidecar_path(report_file).read_text(encoding="utf-8"))
    cells = {tuple(c["cell"]): c["value"] for c in disk["corrections"]}
    kept = 22 if answer == "本窗口" else 11
    assert cells[addr] == kept and document.report.value(addr) == kept  # the window shows what the file holds
    assert cells[other] == 5
    trail = [(tuple(e["cell"]), e["value"]) for e in disk["history"]]
    assert (addr, 11) in trail and (addr, 22) in trail and (other, 5) in trail  # every audit entry stays
    assert len(asked) == 1
    # Later edits save without asking again.
    document.set_values({addr: 33})
    window.saver.flush()
    disk = json.loads(sidecar_path(report_file).read_text(encoding="utf-8"))
    assert {tuple(c["cell"]): c["value"] for c in disk["corrections"]}[addr] == 33 and len(asked) == 1

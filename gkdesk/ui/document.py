"""One open report in the window: review state, undo stack, autosaved sidecar."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from threading import Lock
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..model import CellAddr, Number, Report
from ..opening import open_reviewed
from ..isolated_reading import load_report  # PDFs read in a child: a crash there is the file's error
from ..sidecar import REVIEWED, TEXT_CHANGED, LoadResult, Sidecar, SidecarWriteError
from ..sidecar_merge import MINE, THEIRS, SidecarConflictError
from .review import Review
from .textpos import TextPositions, view_positions
from .worklist import status_of
from .pyside_guard import protect_singletons

protect_singletons()  # PySide6 6.12 on Python 3.11: see pyside_guard


@dataclass
class LoadedReport:
    """What opening a report computes: made off the GUI thread, no Qt object in it."""

    path: str
    report: Report
    sidecar: Sidecar
    load_result: LoadResult
    review: Review
    positions: TextPositions  # for the source view


# The steps of load_for_review, in order (the window names them in its progress bar).
READ, RESTORE, CHECK, PREPARE_VIEW = range(4)
LOAD_STEPS = 4


def load_for_review(path: str, progress: Callable[[int, int, str], None] | None = None) -> LoadedReport:
    """Read and recognize a report, restore its saved work, check it, map its text for the view.

    Plain Python (no Qt objects): the window runs it on a worker thread. `progress(step,
    LOAD_STEPS, "")` is called before each step (it may raise to cancel). GkdeskError if the
    file cannot be read."""
    def step(number: int) -> None:
        if progress is not None:
            progress(number, LOAD_STEPS, "")

    step(READ)
    opened = open_reviewed(path, move_corrupt=True, load=lambda p: load_report(p))  # reads, then restores the saved work
    report, sidecar, load_result = opened.report, opened.sidecar, opened.load_result
    step(RESTORE)
    step(CHECK)
    review = Review(report)
    step(PREPARE_VIEW)
    positions = view_positions(report.text)
    return LoadedReport(str(path), report, sidecar, load_result, review, positions)


class AutoSaver(QObject):
    """Writes sidecars on one background thread, latest content first, in order.

    The content is taken on the GUI thread at the moment of the edit; only the disk work
    (write, fsync, rename) runs on the writer thread, so a slow disk never freezes typing.
    """

    saved = Signal(str)  # sidecar path
    failed = Signal(str, str)  # sidecar path, Chinese message
    conflicted = Signal(str, object)  # sidecar path, [Conflict]: another editor changed the same cells

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gkdesk-autosave")
        self._latest: dict = {}  # sidecar path -> Snapshot still to write
        self._lock = Lock()

    def save(self, sidecar: Sidecar, report: Report) -> None:
        snapshot = sidecar.snapshot(report)  # cheap; the encoding happens on the writer thread
        with self._lock:
            self._latest[sidecar.path] = (sidecar, snapshot)
        self._executor.submit(self._write, sidecar.path)

    def _write(self, path: Path) -> None:
        with self._lock:
            latest = self._latest.pop(path, None)
        if latest is None:  # a later edit's content was written already
            return
        sidecar, snapshot = latest
        try:
            sidecar.write(snapshot)  # merged with what another editor wrote (gkdesk.sidecar_merge)
        except SidecarConflictError as exc:
            self.conflicted.emit(str(path), exc.conflicts)  # nothing written: the reviewer decides
        except SidecarWriteError as exc:
            self.failed.emit(str(path), str(exc))
        else:
            self.saved.emit(str(path))

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until every queued write is on disk."""
        self._executor.submit(lambda: None).result(timeout)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)


class SetCellsCommand(QUndoCommand):
    """One edit or one paste: new values for some cells, undone as one step.

    An edit after 已复核 makes the report 修改后待复核 (the core setter does); undoing the
    edit gives the status back."""

    def __init__(self, document: "ReviewDocument", changes: dict[CellAddr, Number | None], text: str):
        super().__init__(text)
        self.document = document
        self.new = dict(changes)
        self.old = {addr: document.report.value(addr) for addr in changes}
        self.status = document.report.review_status

    def redo(self) -> None:
        self.document._apply(self.new)

    def undo(self) -> None:
        self.document._apply(self.old, status=self.status)


class DecideCommand(QUndoCommand):
    """Confirm or dismiss a finding (or withdraw the decision), undone as one step."""

    def __init__(self, document: "ReviewDocument", finding, reason: str | None, note: str, text: str):
        from ..decisions import fingerprint

        super().__init__(text)
        self.document = document
        self.key = fingerprint(document.report, finding)
        self.finding = finding
        self.reason, self.note = reason, note
        self.before = document.report.decisions.get(self.key)

    def redo(self) -> None:
        if self.reason is None:
            self.document._set_decision(self.key, None)
        else:
            from ..decisions import decide

            decide(self.document.report, self.finding, self.reason, self.note)
            self.document._set_decision(self.key, self.document.report.decisions[self.key])

    def undo(self) -> None:
        self.document._set_decision(self.key, self.before)


class ReviewDocument(QObject):
    """A report opened for review. Models observe it; edits go through its undo stack."""

    cellsChanged = Signal(object)  # set of cell addresses to repaint
    findingsChanged = Signal()
    reviewStatusChanged = Signal()
    saveFailed = Signal(str)  # Chinese message
    saveSucceeded = Signal()
    saveConflicted = Signal(object)  # [Conflict]: ask the reviewer, then resolve_conflicts()

    def __init__(
        self,
        report: Report,
        path: str | None = None,
        saver: AutoSaver | None = None,
        parent=None,
        loaded: LoadedReport | None = None,
    ):
        """A report to review; `loaded`: its saved work and checks, made beforehand by load_for_review."""
        super().__init__(parent)
        self.path = str(path or report.source_path)
        self.report = report
        if loaded is None:
            self.sidecar = Sidecar.for_report(self.path)
            self.load_result: LoadResult = self.sidecar.load_into(report)
            self.review = Review(report)
            self.text_positions: TextPositions | None = None  # made when first shown
        else:
            self.sidecar, self.load_result, self.review = loaded.sidecar, loaded.load_result, loaded.review
            self.text_positions = loaded.positions
        # One editor per report: a second window opens it read-only, naming who has it.
        from .. import review_lock

        self.lock_result = review_lock.acquire(self.path)
        if self.lock_result.read_only:
            self.load_result.message = " ".join(m for m in (self.lock_result.message, self.load_result.message) if m)
        self.undo_stack = QUndoStack(self)
        self.saver = saver
        self.save_error = ""
        if saver is not None:
            saver.failed.connect(self._on_save_failed)
            saver.saved.connect(self._on_saved)
            saver.conflicted.connect(self._on_conflicted)

    @classmethod
    def open(cls, path: str, saver: AutoSaver | None = None, parent=None) -> "ReviewDocument":
        """Read, recognize, restore saved work and check, on this thread; GkdeskError if it cannot be read."""
        return cls.from_loaded(load_for_review(path), saver, parent)

    @classmethod
    def from_loaded(cls, loaded: LoadedReport, saver: AutoSaver | None = None, parent=None) -> "ReviewDocument":
        """The document of a report load_for_review made (on the GUI thread: it makes Qt objects)."""
        return cls(loaded.report, loaded.path, saver, parent, loaded=loaded)

    # ------------------------------------------------------------ state
    @property
    def findings(self):
        return self.review.findings

    @property
    def name(self) -> str:
        return Path(self.path).name

    def counts(self) -> tuple[int, int, int]:
        errors, warnings = self.review.counts()
        return errors, warnings, self.review.edit_count()

    def queue_status(self) -> str:
        errors, warnings = self.review.counts()
        return status_of(self.report.review_status, errors, warnings)

    @property
    def reviewed(self) -> bool:
        return self.report.review_status == REVIEWED

    @property
    def has_pending(self) -> bool:
        return self.sidecar.pending is not None

    @property
    def text_changed(self) -> bool:
        return self.load_result.status == TEXT_CHANGED

    # ------------------------------------------------------------ edits
    def set_values(self, changes: dict[CellAddr, Number | None], text: str = "") -> bool:
        """Push one undoable edit (or paste); False if it changes nothing or the report is
        read-only (another editor has it: an edit here could never be saved)."""
        if self.read_only:
            return False
        changes = {a: v for a, v in changes.items() if not _same(self.report.value(a), v)}
        if not changes:
            return False
        if not text:
            text = self.tr("修改 %n 格", "", len(changes))
        self.undo_stack.push(SetCellsCommand(self, changes, text))
        return True

    def restore_extracted(self, addrs: list[CellAddr]) -> bool:
        """Put the recognized values back ("恢复识别值"), as one undoable step."""
        return self.set_values({a: self.report.extracted(a) for a in addrs}, self.tr("恢复识别值"))

    def _apply(self, changes: dict[CellAddr, Number | None], status: str | None = None) -> None:
        before = self.report.review_status
        changed = self.review.apply(changes)
        if status is not None:
            self.report.review_status = status
        self.cellsChanged.emit(changed)
        self.findingsChanged.emit()
        if self.report.review_status != before:
            self.reviewStatusChanged.emit()
        self.save()

    # ------------------------------------------------------------ decisions and opinion
    def decide(self, finding, reason: str | None, note: str = "") -> None:
        """Confirm (已核实) or dismiss (原文如此 / 不适用) a finding with a note; None withdraws.
        One undoable step."""
        if self.read_only:
            return
        if reason is None:
            text = self.tr("撤销对问题的处理")
        else:
            text = self.tr("问题标记为“%1”").replace("%1", reason)
        self.undo_stack.push(DecideCommand(self, finding, reason, note, text))

    def _set_decision(self, key: str, decision) -> None:
        if decision is None:
            self.report.decisions.pop(key, None)
        else:
            self.report.decisions[key] = decision
        self.cellsChanged.emit(self.review.recheck())
        self.findingsChanged.emit()
        self.reviewStatusChanged.emit()  # the counts changed
        self.save()

    def decision_of(self, finding):
        return self.review.decision_of(finding)

    @property
    def live_findings(self):
        """The findings not dismissed (what counts, and what the tables and tabs mark)."""
        return [f for f in self.review.findings if not self.review.is_dismissed(f)]

    def set_opinion(self, text: str) -> None:
        """The reviewer's 审核意见 (saved with the rest; the text box keeps its own undo)."""
        if text == self.report.opinion or self.read_only:
            return
        self.report.opinion = text
        self.save()

    def draft_opinion(self) -> str:
        from ..opinion import draft_opinion

        return draft_opinion(self.report, self.review.findings)

    def set_reviewed(self, reviewed: bool) -> None:
        if self.read_only:
            return
        self.report.review_status = REVIEWED if reviewed else ""
        self.reviewStatusChanged.emit()
        self.save()

    # ------------------------------------------------------------ saved work for an older text
    def apply_pending(self) -> int:
        changes = self.sidecar.pending_changes(self.report)
        self.sidecar.resolve_pending()
        if not self.set_values(changes, self.tr("应用上次的修改")):
            self.save()
        return len(changes)

    def discard_pending(self) -> None:
        self.sidecar.resolve_pending()
        self.save()

    # ------------------------------------------------------------ persistence
    @property
    def read_only(self) -> bool:
        """Another editor has the report (its lock): nothing is saved from this window."""
        return self.lock_result.read_only

    def take_over(self) -> bool:
        """Take a stale lock (the reviewer chose to); True when this window may now save."""
        from .. import review_lock

        if self.lock_result.holder is None:
            return not self.read_only
        self.lock_result = review_lock.take_over(self.path, self.lock_result.holder)
        return not self.read_only

    def release(self) -> None:
        """The window closes the report: give its lock back."""
        if self.lock_result.lock is not None:
            self.lock_result.lock.release()

    def save(self) -> None:
        """Write the sidecar (in the background when an AutoSaver is given)."""
        if self.read_only:
            return
        if self.lock_result.lock is not None:
            self.lock_result.lock.refresh()
        if not self.sidecar.has_work(self.report) and not self.sidecar.path.exists():
            return  # nothing to keep yet: do not litter the folder
        if self.saver is not None:
            self.saver.save(self.sidecar, self.report)
            return
        try:
            self.sidecar.save(self.report)
        except SidecarWriteError as exc:
            self._on_save_failed(str(self.sidecar.path), str(exc))
        else:
            self._on_saved(str(self.sidecar.path))

    def _on_save_failed(self, path: str, message: str) -> None:
        if path == str(self.sidecar.path):
            self.save_error = message
            self.saveFailed.emit(message)

    def _on_conflicted(self, path: str, conflicts) -> None:
        if path == str(self.sidecar.path):
            self.save_error = SidecarConflictError(conflicts, self.sidecar.path).message_zh
            self.saveConflicted.emit(conflicts)

    def resolve_conflicts(self, conflicts, choice: str) -> None:
        """The reviewer chose whose edits to keep where both changed the same cells: MINE
        writes this window's; THEIRS takes the other editor's into this window too (the grid
        shows what the file holds), then writes. Everything else merges as always."""
        if self.saver is not None:
            self.saver.flush()  # no write of this report under way beside this one
        if choice == THEIRS:
            changes = {}
            on_disk = {tuple(c["cell"]): c.get("value") for c in (self.sidecar.on_disk() or {}).get("corrections", [])}
            for conflict in conflicts:
                if conflict.key.startswith("cell:"):
                    table, row, col = conflict.key.split(":")[1:]
                    addr = (table, int(row), int(col))
                    # The other editor's correction (blank is one), or none: the value as read.
                    changes[addr] = on_disk[addr] if addr in on_disk else self.report.extracted(addr)
                elif conflict.key == "review_status":
                    self.report.review_status = conflict.disk or ""
                elif conflict.key == "opinion":
                    self.report.opinion = conflict.disk or ""
            if changes:
                self.cellsChanged.emit(self.review.apply(changes))
            self.findingsChanged.emit()
            self.reviewStatusChanged.emit()
        try:
            self.sidecar.save(self.report, on_conflict=lambda _conflicts: choice)
        except SidecarWriteError as exc:
            self._on_save_failed(str(self.sidecar.path), str(exc))
        else:
            self._on_saved(str(self.sidecar.path))

    def _on_saved(self, path: str) -> None:
        if path == str(self.sidecar.path) and self.save_error:
            self.save_error = ""
            self.saveSucceeded.emit()


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9

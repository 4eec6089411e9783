"""The reports under review and the background work that opens them, kept out of the widgets.

A ReviewSession holds the work queue, the open documents and their undo stacks, and runs the
two kinds of background work: reading folders into the queue (scans, several at once) and
opening one report (a load: the report asked for last wins, a load given up is dropped). The
window observes its signals and paints; it never holds a BackgroundOp itself (as Anki's
CollectionOp or napari's ViewerModel keep state out of the widgets).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QUndoGroup

from ..errors import GkdeskError
from .background import BackgroundOp, Cancelled, run_in_background
from .document import AutoSaver, LoadedReport, ReviewDocument, load_for_review
from .queue_model import QueueModel
from .worklist import UNREADABLE, Entry, scan_reports


class ReviewSession(QObject):
    # A report being opened (one at a time: the one asked for last).
    loadStarted = Signal(str)  # queue key
    loadProgressed = Signal(str, int, int)  # key, step (document.READ ...), steps
    loadEnded = Signal()  # no load under way any more: shown, refused, cancelled or given up
    documentLoaded = Signal(object)  # the ReviewDocument made of it, to show
    loadFailed = Signal(str, str)  # key, why it cannot be opened (Chinese)
    # Folders being read into the queue (several may run at once).
    scanStarted = Signal()
    scanProgressed = Signal(int, int, str)  # the latest scan's files done, files, file name
    scanFinished = Signal(object, bool)  # its entries (list[Entry]), open the first
    scanFailed = Signal(str)  # an unexpected error's text ("" for no report found is not a failure)
    scanCancelled = Signal()
    scansEnded = Signal()  # no scan under way any more

    KEEP_CLEAN_DOCUMENTS = 8

    def __init__(self, saver: AutoSaver | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.saver = saver or AutoSaver(self)
        self.queue = QueueModel(self)
        self.documents: dict[str, ReviewDocument] = {}  # by queue key, most recently shown last
        self.undo_group = QUndoGroup(self)
        self._scans: list[BackgroundOp] = []
        self._load: BackgroundOp | None = None
        self._load_key = ""
        # Reports load on their own threads: a folder being read never makes one wait. Two, so
        # that a load given up (the reviewer moved on) may finish its step beside the next.
        self._load_pool = QThreadPool(self)
        self._load_pool.setMaxThreadCount(2)

    # ------------------------------------------------------------ state
    @property
    def loading(self) -> bool:
        return self._load is not None

    @property
    def load_key(self) -> str:
        """The queue key of the report on its way ("" when none is)."""
        return self._load_key

    @property
    def scanning(self) -> bool:
        return any(not op.done for op in self._scans)

    # ------------------------------------------------------------ opening one report
    def request(self, path: str) -> ReviewDocument | None:
        """The document of `path` if it is open already; else start loading it (its
        documentLoaded or loadFailed follows) and return None."""
        key = QueueModel.key(path)
        self.queue.add([key])
        document = self.documents.get(key)
        if document is not None:
            self.forget_load()
            return document
        if self._load is None or self._load_key != key:
            self._start_load(key)
        return None

    def _start_load(self, key: str) -> None:
        self.forget_load()
        self._load_key = key
        holder: dict = {}

        def current() -> bool:
            return holder.get("op") is not None and holder["op"] is self._load

        def succeeded(loaded: LoadedReport) -> None:
            if current():
                self._end_load()
                self.documentLoaded.emit(self.adopt(loaded))

        def failed(exc: BaseException) -> None:
            if not current():
                return
            self._end_load()
            if isinstance(exc, Cancelled):
                return
            if isinstance(exc, GkdeskError):
                message = str(exc)
            else:  # a bug must not take the reviewer's other reports down
                message = self.tr("程序内部错误：%1").replace("%1", repr(exc))
            self.queue.update(Entry(key, UNREADABLE, message=message))
            self.loadFailed.emit(key, message)

        def progressed(step: int, total: int, _text: str) -> None:
            if current():
                self.loadProgressed.emit(key, step, total)

        holder["op"] = self._load = run_in_background(
            lambda progress: load_for_review(key, progress),
            on_success=succeeded,
            on_failure=failed,
            on_progress=progressed,
            parent=self,
            pool=self._load_pool,
        )
        self.loadStarted.emit(key)

    def forget_load(self) -> bool:
        """Give up the load under way, if any (its result, when it comes, is dropped)."""
        if self._load is None:
            return False
        self._load.cancel()
        self._end_load()
        return True

    def _end_load(self) -> None:
        self._load = None
        self._load_key = ""
        self.loadEnded.emit()

    def adopt(self, loaded: LoadedReport) -> ReviewDocument:
        """Make the document of a loaded report (on the GUI thread) and keep it."""
        document = ReviewDocument.from_loaded(loaded, self.saver, self)
        self.documents[QueueModel.key(loaded.path)] = document
        self.undo_group.addStack(document.undo_stack)
        return document

    def close(self, document: ReviewDocument) -> None:
        """Take a report out of the queue and forget its document."""
        self.queue.remove(document.path)
        self.undo_group.removeStack(document.undo_stack)
        self.documents.pop(QueueModel.key(document.path), None)

    def shown(self, keep: ReviewDocument | None) -> None:
        """`keep` is shown now: keep every document with undo history (or unsaved work) and the
        few clean ones seen last; older clean ones are dropped (they reopen from file and
        sidecar in milliseconds)."""
        if keep is not None:  # most recently shown last
            key = QueueModel.key(keep.path)
            self.documents.pop(key, None)
            self.documents[key] = keep
        clean = [k for k, d in self.documents.items() if d is not keep and not d.undo_stack.count() and not d.save_error]
        for key in clean[: max(0, len(clean) - self.KEEP_CLEAN_DOCUMENTS)]:
            document = self.documents.pop(key)
            self.undo_group.removeStack(document.undo_stack)
            document.deleteLater()

    # ------------------------------------------------------------ reading folders
    def scan(self, paths: list[str], open_first: bool) -> None:
        """Read and check the reports under `paths` off the GUI thread; they join the queue
        when the scan finishes (scanFinished), unless it was cancelled."""
        holder: dict = {}

        def latest() -> bool:
            return bool(self._scans) and self._scans[-1] is holder.get("op")

        def finish() -> None:
            self._scans = [op for op in self._scans if op is not holder.get("op") and not op.done]
            if not self._scans:
                self.scansEnded.emit()

        def done(entries: list[Entry]) -> None:
            op = holder["op"]
            finish()
            if op.cancelled:  # finished just as the reviewer cancelled: cancelled all the same
                self.scanCancelled.emit()
                return
            # A scan's paths are keys already (worklist.report_files resolves them off this thread).
            self.queue.update_many([e for e in entries if e.path not in self.documents], keyed=True)
            self.scanFinished.emit(entries, open_first)

        def failed(exc: BaseException) -> None:
            finish()
            if isinstance(exc, Cancelled):
                self.scanCancelled.emit()
            else:
                self.scanFailed.emit(str(exc))

        def progressed(done_count: int, total: int, name: str) -> None:
            if latest() and not holder["op"].cancelled:
                self.scanProgressed.emit(done_count, total, name)

        op = run_in_background(lambda progress: scan_reports(paths, progress), on_success=done, on_failure=failed, on_progress=progressed, parent=self)
        holder["op"] = op
        self._scans.append(op)
        self.scanStarted.emit()

    def cancel(self) -> tuple[bool, bool]:
        """Stop reading folders and the report being opened: (scans cancelled, load cancelled)."""
        scans = bool(self._scans)
        for op in self._scans:
            op.cancel()
        return scans, self.forget_load()

    def stop_background(self, timeout_ms: int = 30_000) -> bool:
        """Before the process exits: cancel scans and loads, wait for every worker thread (page
        renders and exports run on the global pool) and for the autosave writer. Python
        finalized while a worker was still inside PDFium or Qt crashed the process (SIGSEGV
        at exit). False if some worker did not finish in time."""
        self.cancel()
        done = self._load_pool.waitForDone(timeout_ms)
        done = QThreadPool.globalInstance().waitForDone(timeout_ms) and done
        try:
            self.saver.flush()
        except Exception:  # a stuck disk: the window already said the edits were not saved
            pass
        from ..isolated_reading import close_children

        close_children()  # the child processes that read and render PDFs
        return done

"""导出Excel / 导出汇总: ask where, write in the background, ask before overwriting."""
from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..errors import GkdeskError
from .background import run_in_background
from .i18n import translate

_FILTER = "Excel (*.xlsx)"


def _ask_target(window, title: str, suggested: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        window, title, str(suggested), _FILTER, options=QFileDialog.Option.DontConfirmOverwrite
    )
    if not path:
        return None
    target = Path(path)
    return target if target.suffix.lower() == ".xlsx" else target.with_name(target.name + ".xlsx")


def _run(window, job, target: Path, done_text: str, progress_bar=None) -> None:
    """Run job(target, overwrite, progress) off the GUI thread; on TargetExistsError ask, then
    retry. `progress_bar` (hidden when the job ends) shows its progress(done, total, name)."""
    from ..export import TargetExistsError

    def start(overwrite: bool) -> None:
        window.show_status(translate("Export", "正在导出…"), 0)

        def progressed(done: int, total: int, _name: str) -> None:
            if progress_bar is not None:
                progress_bar.setRange(0, max(total, 1))
                progress_bar.setValue(done)
                progress_bar.setFormat(translate("Export", "汇总 %1/%2").replace("%1", str(done)).replace("%2", str(total)))
                progress_bar.show()

        def ended() -> None:
            if progress_bar is not None:
                progress_bar.hide()

        def ok(path) -> None:
            ended()
            window.show_status(done_text.replace("%1", str(path)), 10000)

        def failed(exc: BaseException) -> None:
            ended()
            if isinstance(exc, TargetExistsError):
                answer = QMessageBox.question(
                    window,
                    translate("Export", "文件已存在"),
                    translate("Export", "%1 已存在，要替换它吗？").replace("%1", target.name),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer == QMessageBox.StandardButton.Yes:
                    start(True)
                else:
                    window.show_status(translate("Export", "未导出。"))
                return
            message = str(exc) if isinstance(exc, GkdeskError) else translate("Export", "导出失败：%1").replace("%1", str(exc))
            window.show_status(message, 15000)
            QMessageBox.warning(window, translate("Export", "导出失败"), message)

        window._export_op = run_in_background(
            lambda progress: job(target, overwrite, progress), on_success=ok, on_failure=failed, on_progress=progressed, parent=window
        )

    start(False)


def export_current(window) -> None:
    """The open report (with the reviewer's corrections and remaining findings) as one workbook."""
    from ..export import export_report, suggested_filename

    document = window.document
    if document is None:
        return
    guard = getattr(window, "verify_actions", None)
    if guard is not None and not guard.confirm_export():
        return  # unverified inferred values: the reviewer chose to look at them first
    report = copy.deepcopy(document.report)  # the reviewer may keep editing meanwhile
    # A re-check makes new findings and never changes those it made before: the list is enough
    # (a deep copy of the 400 findings of a 10 MB file took 47 ms of the GUI thread).
    findings = list(document.findings)
    target = _ask_target(window, translate("Export", "导出Excel"), Path(document.path).parent / suggested_filename(report))
    if target is None:
        return
    _run(window, lambda path, overwrite, _progress: export_report(report, path, findings, overwrite=overwrite), target, translate("Export", "已导出：%1"))


def export_summary_of_queue(window) -> None:
    """Every report in the work queue, one row each, in one summary workbook.

    The path of `gkdesk export --summary`: each report is read and checked in turn off the GUI
    thread and only its SummaryRow is kept (a few KB: the summary of thousands fits in little
    memory); a report open in the window gives the row of what the window shows, edits not yet
    saved included, made here (no copy of the report)."""
    from ..decisions import counted
    from ..export.summary_rows import summary_row

    paths = window.queue.paths()  # the queue's keys: open documents are kept by them
    if not paths:
        return
    open_rows = {}
    for path in paths:
        document = window.documents.get(path)
        if document is not None:
            open_rows[path] = summary_row(document.report, counted(document.report, document.findings))
    folder = Path(paths[0]).parent
    target = _ask_target(window, translate("Export", "导出汇总"), folder / (translate("Export", "年报汇总") + ".xlsx"))
    if target is None:
        return
    _run(
        window,
        lambda path, overwrite, progress: write_queue_summary(paths, open_rows, path, overwrite, progress),
        target,
        translate("Export", "已导出汇总：%1"),
        getattr(window, "export_progress", None),
    )


def write_queue_summary(paths: list[str], open_rows: dict, target: Path, overwrite: bool, progress) -> Path:
    """The summary of `paths` (no Qt: any thread). A report in `open_rows` gives that row; each
    other is read with its saved work and checked (batch_jobs.summarized, PDFs in a child), one at a time.
    `progress(done, total, name)` before each report (it may raise to cancel)."""
    from ..batch_jobs import summarized
    from ..export.summary import summary_batch
    from ..isolated_reading import load_report  # a PDF read in a child: its crash is its line

    def read():
        for i, p in enumerate(paths):
            progress(i, len(paths), Path(p).name)
            row = open_rows.get(p)
            if row is not None:
                yield p, row, None
                continue
            try:
                item = summarized(p, False, load_report)
            except OSError as exc:  # gone or unreadable since it was listed
                yield p, None, f"无法读取文件（{exc.strerror or exc}）"
                continue
            yield p, item.row, item.error
        progress(len(paths), len(paths), "")

    return summary_batch(read()).write(target, overwrite=overwrite)

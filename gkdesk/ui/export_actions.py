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


def _run(window, job, target: Path, done_text: str) -> None:
    """Run job(target, overwrite) off the GUI thread; on TargetExistsError ask, then retry."""
    from ..export import TargetExistsError

    def start(overwrite: bool) -> None:
        window.show_status(translate("Export", "正在导出…"), 0)

        def ok(path) -> None:
            window.show_status(done_text.replace("%1", str(path)), 10000)

        def failed(exc: BaseException) -> None:
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

        window._export_op = run_in_background(lambda _progress: job(target, overwrite), on_success=ok, on_failure=failed, parent=window)

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
    findings = copy.deepcopy(document.findings)
    target = _ask_target(window, translate("Export", "导出Excel"), Path(document.path).parent / suggested_filename(report))
    if target is None:
        return
    _run(window, lambda path, overwrite: export_report(report, path, findings, overwrite=overwrite), target, translate("Export", "已导出：%1"))


def export_summary_of_queue(window) -> None:
    """Every report in the work queue, one row each, in one summary workbook."""
    from ..export import export_summary
    from ..batch_inputs import one_per_agency_year
    from ..opening import open_reviewed
    from .queue_model import QueueModel

    paths = window.queue.paths()
    if not paths:
        return
    open_reports = {
        path: copy.deepcopy(window.documents[QueueModel.key(path)].report)
        for path in paths
        if QueueModel.key(path) in window.documents
    }
    folder = Path(paths[0]).parent
    target = _ask_target(window, translate("Export", "导出汇总"), folder / (translate("Export", "年报汇总") + ".xlsx"))
    if target is None:
        return

    def job(path: Path, overwrite: bool):
        reports, sources, skipped = [], [], []
        for p in paths:
            report = open_reports.get(p)
            if report is None:
                try:
                    report = open_reviewed(p).report  # the same loading path as the CLI
                except GkdeskError as exc:
                    skipped.append((p, str(exc)))
                    continue
            reports.append(report)
            sources.append(p)
        keep, repeated = one_per_agency_year(reports, sources)
        return export_summary(
            [reports[i] for i in keep], path, skipped=skipped, overwrite=overwrite,
            sources=[sources[i] for i in keep], repeated=repeated,
        )

    _run(window, job, target, translate("Export", "已导出汇总：%1"))

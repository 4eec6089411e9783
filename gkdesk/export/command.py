"""`gkdesk export`: one workbook per report, or one summary workbook for many."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import GkdeskError


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "export",
        help="导出 Excel：每份报告一个工作簿，或用 --summary 汇总多份报告 (export .xlsx)",
        description="每份报告导出为一个官方格式的 Excel 工作簿；使用 --summary 时把全部报告汇总为一个工作簿。",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="报告文件或文件夹 (report files or folders)")
    p.add_argument("-o", "--output", metavar="OUT", help="输出文件夹，或只有一份报告时的输出文件 (folder, or file for one report)")
    p.add_argument("--summary", metavar="OUT.xlsx", help="把全部报告汇总到这个工作簿 (write one summary workbook)")
    p.add_argument("--csv", metavar="OUT.csv", help="把全部报告的单元格写成一张长表 CSV，供统计脚本使用 (one row per report and cell)")
    p.add_argument("--force", action="store_true", help="允许覆盖不是 gkdesk 导出的已有 .xlsx 文件 (overwrite foreign files)")
    p.add_argument(
        "--ignore-corrections",
        action="store_true",
        help="导出识别值，不使用审核时保存的修改、审核状态与处理意见 (recognized values, without the sidecar)",
    )
    from ..batch_pool import add_jobs_options

    add_jobs_options(p)


def _error(path, exc) -> None:
    print(f"{path}: 错误：{exc}", file=sys.stderr)


def _open(source: str, ignore_corrections: bool):
    """The report with the reviewer's saved work (gkdesk.opening); a note on it goes to stderr."""
    from ..opening import open_reviewed

    opened = open_reviewed(source, ignore_corrections=ignore_corrections)
    if opened.warning:
        print(f"{source}: 注意：{opened.warning}", file=sys.stderr)
    return opened


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"注意：{warning}", file=sys.stderr)


def _may_write(target: Path, force: bool) -> bool:
    """Overwrite only our own earlier exports unless --force: a user's own spreadsheet is safe."""
    from .importer import workbook_kind

    if force or not target.exists():
        return True
    if target.is_file() and workbook_kind(target) is not None:
        return True
    _error(target, "文件已存在且不是 gkdesk 导出的工作簿，未覆盖（确需覆盖请加 --force）。")
    return False


def _targets(inputs: list[str], output: str | None) -> list[Path] | None:
    """The workbook path for each input; None (after a message) when -o cannot serve them all."""
    if output:
        out = Path(output)
        names_file = out.suffix.lower() == ".xlsx" and not out.is_dir()
        if names_file and len(inputs) == 1:
            bases = [out]
        elif names_file:
            _error(output, "导出多份报告时 -o 应为文件夹。")
            return None
        else:
            try:
                out.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                _error(output, f"无法创建输出文件夹（{exc.strerror or exc}）。")
                return None
            bases = [out / (Path(i).stem + ".xlsx") for i in inputs]
    else:
        bases = [Path(i).with_suffix(".xlsx") for i in inputs]
    targets, used = [], set()
    for source, base in zip(inputs, bases):
        target, n = base, 1
        # never write over the input itself, nor twice to one name in this run
        while target.resolve() in used or target.resolve() == Path(source).resolve():
            n += 1
            target = base.with_name(f"{base.stem}-{n}{base.suffix}")
        used.add(target.resolve())
        targets.append(target)
    return targets


def run(args) -> int:
    from ..batch_inputs import expand_inputs

    inputs = expand_inputs(args.files)
    ignore = getattr(args, "ignore_corrections", False)
    _BATCH.update(jobs=getattr(args, "jobs", None), quiet=getattr(args, "quiet", False))
    if args.csv:
        target = Path(args.csv).resolve()
        return _run_csv([i for i in inputs if Path(i).resolve() != target], Path(args.csv), ignore, args.force)
    if args.summary:
        summary = Path(args.summary).resolve()
        inputs = [i for i in inputs if Path(i).resolve() != summary]
        return _run_summary(inputs, Path(args.summary), args.force, ignore)
    if not inputs:
        _error(" ".join(args.files), "没有找到报告文件。")
        return 2
    targets = _targets(inputs, args.output)
    if targets is None:
        return 2
    return _run_each(inputs, targets, args.force, ignore, _BATCH["jobs"], _BATCH["quiet"])


def _run_each(inputs: list[str], targets: list[Path], force: bool, ignore: bool = False, jobs=None, quiet=False) -> int:
    import pickle

    from ..batch_inputs import repeats
    from ..batch_pool import ordered_map

    status = 0
    done = []
    tasks = [(source, target, force, ignore) for source, target in zip(inputs, targets)]
    for source, (code, out, err, blob) in zip(inputs, ordered_map(export_job, tasks, jobs, "导出", quiet)):
        sys.stderr.write(err)
        sys.stdout.write(out)
        status = max(status, code)
        if blob is not None:
            done.append((pickle.loads(blob), source))
    sys.stdout.flush()
    _warn(repeats([r for r, _ in done], [s for _, s in done]))
    return status


def export_job(task) -> tuple[int, str, str, bytes | None]:
    """One report exported to its workbook, in a batch worker: (exit status, what it printed on
    stdout and on stderr, the pickled report when exported)."""
    import io
    import pickle
    from contextlib import redirect_stderr, redirect_stdout

    from .report_workbook import export_report

    source, target, force, ignore = task
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            opened = _open(source, ignore)
            if not _may_write(target, force):
                return 2, out.getvalue(), err.getvalue(), None
            export_report(opened.report, target, ignored_corrections=opened.ignored)
        except GkdeskError as exc:
            _error(source, exc)
            return 2, out.getvalue(), err.getvalue(), None
        print(f"已导出：{target}")
    return 0, out.getvalue(), err.getvalue(), pickle.dumps(opened.report, pickle.HIGHEST_PROTOCOL)


def _export_failed(task, exc) -> tuple[int, str, str, None]:
    """What stands for a source whose process died reading it (gkdesk.isolated_job)."""
    return 2, "", f"{task[0]}: 错误：{exc}\n", None


def _reads_natively(task) -> bool:
    from ..readers import reads_natively

    return reads_natively(task[0])


def _preload_export() -> None:
    from ..batch_jobs import _preload

    _preload()
    from . import report_workbook  # noqa: F401


export_job.crashed = _export_failed
export_job.isolate = _reads_natively
export_job.preload = _preload_export


# -j and --quiet of this run, for the loading of --summary and --csv.
_BATCH = {"jobs": None, "quiet": False}


def _load_all(inputs: list[str], ignore: bool = False):
    """The reports that load (one per agency and year), their sources, and (file, reason) of
    those that do not; read on every core."""
    from ..batch_inputs import one_per_agency_year
    from ..batch_jobs import load_job
    from ..batch_pool import ordered_map

    reports, sources, skipped = [], [], []
    tasks = [(source, ignore) for source in inputs]
    for item in ordered_map(load_job, tasks, _BATCH["jobs"], "读取", _BATCH["quiet"]):
        sys.stderr.write(item.note)
        if item.blob is None:
            _error(item.path, item.error)
            skipped.append((item.path, item.error))
            continue
        reports.append(item.report())
        sources.append(item.path)
    keep, warnings = one_per_agency_year(reports, sources)
    _warn(warnings)
    return [reports[i] for i in keep], [sources[i] for i in keep], skipped, warnings


def _run_csv(inputs: list[str], target: Path, ignore: bool = False, force: bool = False) -> int:
    from ..atomic import AtomicWriteError
    from .frames import is_gkdesk_csv, write_cells_csv

    if os.path.lexists(target) and not force and not is_gkdesk_csv(target):
        # As --summary: only our own earlier CSV is overwritten; a report or a user's file is safe.
        _error(target, "文件已存在且不是 gkdesk 导出的 CSV，未覆盖（确需覆盖请加 --force）。")
        return 2

    try:
        import pandas  # noqa: F401  (the one-folder app leaves pandas out)
    except ImportError:
        _error(target, "导出 CSV 需要 pandas，本安装没有包含它；请使用 Python 安装的 gkdesk（pip install gkdesk）。")
        return 2
    reports, sources, skipped, _ = _load_all(inputs, ignore)
    if not reports:
        _error(target, "没有可以导出的报告，未写出 CSV。")
        return 2
    try:
        write_cells_csv(reports, target, sources)
    except AtomicWriteError as failure:
        _error(target, f"无法写入（{failure.reason}），原文件未被改动。")
        return 2
    note = f"，跳过 {len(skipped)} 个无法读取的文件" if skipped else ""
    print(f"已写出 CSV：{target}（{len(reports)} 份报告{note}）")
    return 2 if skipped else 0


def _run_summary(inputs: list[str], target: Path, force: bool, ignore: bool = False) -> int:
    """Each report read and checked on every core; what the summary needs of it comes back
    (its SummaryRow), not the report, so thousands of reports fit in a little memory."""
    from ..batch_jobs import summary_job
    from ..batch_pool import ordered_map
    from .summary import summary_batch

    def read():
        tasks = [(source, ignore) for source in inputs]
        for item in ordered_map(summary_job, tasks, _BATCH["jobs"], "读取", _BATCH["quiet"]):
            sys.stderr.write(item.note)
            if item.row is None:
                _error(item.path, item.error)
            yield item.path, item.row, item.error

    batch = summary_batch(read())
    _warn(batch.repeated)
    rows, skipped = batch.rows, batch.skipped
    if not rows:
        _error(target, "没有可以汇总的报告，未写出汇总表。")
        return 2
    if not _may_write(target, force):
        return 2
    try:
        batch.write(target)
    except GkdeskError as exc:
        _error(target, exc)
        return 2
    note = f"，跳过 {len(skipped)} 个无法读取的文件" if skipped else ""
    print(f"已写出汇总：{target}（{len(rows)} 份报告{note}）")
    return 2 if skipped else 0

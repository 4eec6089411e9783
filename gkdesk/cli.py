"""Command line: `gkdesk extract`, `gkdesk check`, `gkdesk export`; no subcommand opens the window."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .batch_inputs import expand_inputs  # noqa: F401  (the folder expansion lives in the core)
from .batch_pool import add_jobs_options, ordered_map
from .errors import GkdeskError

SUBCOMMANDS = ("extract", "check", "export")
# Options of the window (gkdesk.ui.app): `gkdesk --sample`, `gkdesk --lang en FILE`.
WINDOW_OPTIONS = ("--sample", "--lang")


def _configure_stdout() -> None:
    # Windows consoles default to a legacy code page; JSON and Chinese messages are UTF-8.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
    # A file name that is not UTF-8 (GBK bytes from a Windows zip) prints readably, never raises.
    from .file_names import PrintableStream

    if not isinstance(sys.stdout, PrintableStream):
        sys.stdout = PrintableStream(sys.stdout)
    if not isinstance(sys.stderr, PrintableStream):
        sys.stderr = PrintableStream(sys.stderr)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gkdesk",
        description="政府信息公开工作年度报告审核工具 (gkdesk %s)。不带子命令时打开审核窗口。" % __version__,
    )
    parser.add_argument("--version", action="version", version=f"gkdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="识别报告中的表二、表三、表四 (recognize the three tables)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="JSON Lines output (spec/truth-format.md)")
    add_ignore_corrections(p)
    add_jobs_options(p)

    p = sub.add_parser("check", help="核对勾稽关系、正文与表格、报告结构 (check relations, narrative, structure)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="JSON Lines output (spec/truth-format.md)")
    add_ignore_corrections(p)
    add_jobs_options(p)

    from .export.command import add_parser as add_export_parser

    add_export_parser(sub)
    return parser


def add_ignore_corrections(parser) -> None:
    parser.add_argument(
        "--ignore-corrections",
        action="store_true",
        help="使用识别值，不读取审核时保存的修改、审核状态与处理意见 (recognized values, without the sidecar)",
    )


def open_for_batch(path: str, args):
    """The report with its saved review (unless --ignore-corrections); a warning goes to stderr."""
    from .opening import open_reviewed

    opened = open_reviewed(path, ignore_corrections=getattr(args, "ignore_corrections", False))
    if opened.warning:
        print(f"{path}: 注意：{opened.warning}", file=sys.stderr)
    return opened.report


def warn_repeats(reports, sources) -> None:
    from .batch_inputs import repeats

    for warning in repeats(reports, sources):
        print(f"注意：{warning}", file=sys.stderr)


def _emit(obj: dict) -> None:
    from .file_names import json_text

    sys.stdout.write(json_text(obj) + "\n")  # a name as given: json.loads gives back the same string
    sys.stdout.flush()


def _print(out: str, err: str) -> None:
    if err:
        sys.stderr.write(err)
        sys.stderr.flush()
    if out:
        sys.stdout.write(out)
        sys.stdout.flush()


def cmd_extract(args) -> int:
    from .batch_jobs import extract_job

    status = 0
    tasks = [(path, args.json, args.ignore_corrections) for path in expand_inputs(args.files)]
    for printed in ordered_map(extract_job, tasks, args.jobs, "识别", args.quiet):
        _print(printed.out, printed.err)
        status = max(status, printed.status)
    return status


def cmd_check(args) -> int:
    """Exit status: 2 if a file could not be read, else 1 if some finding is an error, else 0."""
    from .batch_jobs import check_job, read_check_job
    from .checks.batch import previous_reports

    # Every report is read and checked on its own on every core; a report whose agency's
    # previous-year report is in the batch is then checked again against it.
    loaded = []
    tasks = [(p, args.ignore_corrections, args.json) for p in expand_inputs(args.files)]
    for item in ordered_map(read_check_job, tasks, args.jobs, "核对", args.quiet):
        _print("", item.note)
        loaded.append(item)
    readable = [item for item in loaded if item.blob is not None]
    warn_repeats(readable, [item.path for item in readable])  # by agency and year, as of reports
    again = [(item, previous) for item, previous in zip(readable, previous_reports(readable)) if previous is not None]
    tasks = [(item.path, item.blob, previous.blob, args.json) for item, previous in again]
    for (item, _), result in zip(again, ordered_map(check_job, tasks, args.jobs, "核对上年", args.quiet)):
        item.checked = result
    unreadable = has_error = False
    for item in loaded:
        if item.blob is None:
            unreadable = True
            if args.json:
                _emit({"file": item.path, "error": item.error})
            else:
                print(f"{item.path}: 错误：{item.error}", file=sys.stderr)
            continue
        result = item.checked
        _print(result.out, result.err)
        unreadable = unreadable or result.unreadable
        has_error = has_error or result.has_error
    return 2 if unreadable else (1 if has_error else 0)


def cmd_export(args) -> int:
    from .export.command import run

    return run(args)


def main(argv: list[str] | None = None) -> int:
    _configure_stdout()
    argv = sys.argv[1:] if argv is None else argv
    first = argv[0].split("=", 1)[0] if argv else ""
    if not argv or first in WINDOW_OPTIONS or (first not in SUBCOMMANDS and not first.startswith("-")):
        from .ui.app import run_gui  # Qt is loaded only for the window

        return run_gui(argv)
    parser = _build_parser()
    args = parser.parse_args(argv)
    handler = {"extract": cmd_extract, "check": cmd_check, "export": cmd_export}.get(args.command)
    if handler is None:
        parser.print_help()
        return 0
    return handler(args)

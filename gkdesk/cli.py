"""Command line: `gkdesk extract`, `gkdesk check`, `gkdesk export`; no subcommand opens the window."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
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

    p = sub.add_parser("check", help="核对勾稽关系、正文与表格、报告结构 (check relations, narrative, structure)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="JSON Lines output (spec/truth-format.md)")

    from .export.command import add_parser as add_export_parser

    add_export_parser(sub)
    return parser


def expand_inputs(paths: list[str]) -> list[str]:
    """Files as given; a folder stands for the report files inside it, sorted."""
    from .reports import REPORT_SUFFIXES

    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(str(q) for q in sorted(p.rglob("*")) if q.is_file() and q.suffix.lower() in REPORT_SUFFIXES)
        else:
            out.append(raw)
    return out


def _emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def cmd_extract(args) -> int:
    from .reports import load_report
    from .textview import format_tables

    status = 0
    for path in expand_inputs(args.files):
        try:
            report = load_report(path)
        except GkdeskError as exc:
            status = 2
            if args.json:
                _emit({"file": path, "error": str(exc)})
            else:
                print(f"{path}: 错误：{exc}", file=sys.stderr)
            continue
        if args.json:
            _emit({"file": path} | report.to_json())
        else:
            print(format_tables(report))
    return status


def cmd_check(args) -> int:
    """Exit status: 2 if a file could not be read, else 1 if some finding is an error, else 0."""
    from .checks import check_report, findings_to_json
    from .checks.batch import previous_reports
    from .checks.render import format_findings
    from .findings import ERROR
    from .reports import load_report

    loaded = []
    for path in expand_inputs(args.files):
        try:
            loaded.append((path, load_report(path)))
        except GkdeskError as exc:
            loaded.append((path, exc))
    reports = [r for _, r in loaded if not isinstance(r, GkdeskError)]
    previous = dict(zip(map(id, reports), previous_reports(reports)))
    unreadable = has_error = False
    for path, report in loaded:
        if isinstance(report, GkdeskError):
            unreadable = True
            if args.json:
                _emit({"file": path, "error": str(report)})
            else:
                print(f"{path}: 错误：{report}", file=sys.stderr)
            continue
        findings = check_report(report, previous[id(report)])
        has_error = has_error or any(f.severity == ERROR for f in findings)
        if args.json:
            _emit({"file": path, "findings": findings_to_json(findings)})
        else:
            print(format_findings(report, findings, path) + "\n")
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

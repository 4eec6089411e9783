"""Open any supported report file as a Report: the one entry point for the CLI and the window."""
from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .model import Report

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".rst", ".text", ".tsv", ".csv")
# Workbooks gkdesk exported (gkdesk.export): reopened as the report they hold.
WORKBOOK_SUFFIXES = (".xlsx",)
REPORT_SUFFIXES = TEXT_SUFFIXES + WORKBOOK_SUFFIXES


def load_report(path: str | Path) -> Report:
    """Read and recognize one report; InputError (Chinese message) when it cannot be read."""
    from .parsing import read_report

    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        from .export import import_workbook

        return import_workbook(p)
    if suffix in (".doc", ".wps"):
        raise InputError(
            "这是旧版 Word/WPS 格式（.doc/.wps），请先在 Word/WPS 中另存为 .docx 后再打开。",
            "old binary Word/WPS format: save as .docx",
        )
    return read_report(p)

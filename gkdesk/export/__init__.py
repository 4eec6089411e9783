"""Excel workbooks in the official layout: one report, a batch summary, and re-import.

Core code, no Qt; openpyxl is imported only when a workbook is written or read, so
importing this package costs nothing at start-up. All functions are safe to call from a
background thread (they share no state). Errors are GkdeskError subclasses whose str()
is a Chinese message for the reviewer:

- export_report(report, path, findings=None, overwrite=True) -> Path
- export_summary(reports, path, findings=None, title=None, skipped=(), overwrite=True, sources=None) -> Path
- import_workbook(path) -> Report
- suggested_filename(report) -> str
"""
from __future__ import annotations

from ..errors import ExportError, TargetExistsError, TargetLockedError, WorkbookImportError
from .importer import import_workbook
from .names import suggested_filename
from .report_workbook import export_report
from .summary import export_summary

__all__ = [
    "export_report",
    "export_summary",
    "import_workbook",
    "suggested_filename",
    "ExportError",
    "TargetExistsError",
    "TargetLockedError",
    "WorkbookImportError",
]

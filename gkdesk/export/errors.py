"""Export and import errors, each with a Chinese message for the reviewer."""
from __future__ import annotations

from ..errors import GkdeskError, InputError


class ExportError(GkdeskError):
    """The workbook could not be written; any earlier file at the target is unchanged."""


class TargetExistsError(ExportError):
    """The target exists and the caller asked not to overwrite it (the window then asks)."""


class TargetLockedError(ExportError):
    """The target is open in Excel/WPS (or otherwise not writable); nothing was changed."""


class WorkbookImportError(InputError):
    """An .xlsx that is not a report workbook written by gkdesk, or is damaged."""

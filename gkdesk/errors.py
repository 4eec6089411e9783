"""Errors the reviewer sees: each carries a Chinese message for the UI and an English one for logs."""
from __future__ import annotations


class GkdeskError(Exception):
    """A problem with the input that gkdesk reports instead of crashing."""

    def __init__(self, message_zh: str, message_en: str = ""):
        super().__init__(message_en or message_zh)
        self.message_zh = message_zh
        self.message_en = message_en or message_zh

    def __str__(self) -> str:  # the CLI and the UI both show the Chinese text
        return self.message_zh


class InputError(GkdeskError):
    """The file cannot be read as a report (binary, too large, undecodable, unsupported)."""

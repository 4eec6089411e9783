"""Every error the reviewer sees, in one module: each carries a Chinese message for the UI and
an English one for logs. Other errors are bugs (or exhaustion, which the CLI and the window
catch per file)."""
from __future__ import annotations


class GkdeskError(Exception):
    """A problem with the input that gkdesk reports instead of crashing."""

    def __init__(self, message_zh: str, message_en: str = ""):
        super().__init__(message_en or message_zh)
        self.message_zh = message_zh
        self.message_en = message_en or message_zh

    def __str__(self) -> str:  # the CLI and the UI both show the Chinese text
        return self.message_zh

    def __reduce__(self):
        # Pickled as it is, not by calling __init__ with `args` again (which holds the English
        # text only, and not a subclass's extra fields): raised in a child process
        # (gkdesk.isolated_job), it reaches the parent with its Chinese message.
        return (_rebuilt, (type(self), self.args, self.__dict__))


def _rebuilt(cls, args, state):
    exc = cls.__new__(cls, *args)
    exc.args = args
    exc.__dict__.update(state)
    return exc


class InputError(GkdeskError):
    """The file cannot be read as a report (binary, too large, undecodable, unsupported)."""


class OldWordFormatError(InputError):
    """A .doc/.wps file; `converter` is LibreOffice's path when it can convert the file."""

    def __init__(self, message_zh: str, message_en: str, converter: str | None):
        super().__init__(message_zh, message_en)
        self.converter = converter


class WorkbookImportError(InputError):
    """An .xlsx that is not a report workbook written by gkdesk, or is damaged."""


class ExportError(GkdeskError):
    """The workbook could not be written; any earlier file at the target is unchanged."""


class TargetExistsError(ExportError):
    """The target exists and the caller asked not to overwrite it (the window then asks)."""


class TargetLockedError(ExportError):
    """The target is open in Excel/WPS (or otherwise not writable); nothing was changed."""


class SidecarWriteError(GkdeskError):
    """The sidecar could not be written; the edits are still in memory."""


def exhaustion_is_the_files_error(load):
    """Decorate a function reading one file: running out of memory or stack there becomes that
    file's InputError, so the batch goes on (what the file grew into is freed as it unwinds)."""
    import functools

    @functools.wraps(load)
    def guarded(*args, **kwargs):
        try:
            return load(*args, **kwargs)
        except (MemoryError, RecursionError) as exc:
            raise exhaustion_error(exc) from None

    return guarded


def exhaustion_error(exc: BaseException) -> InputError:
    """A MemoryError or RecursionError met while reading one file, as that file's error."""
    if isinstance(exc, MemoryError):
        return InputError("文件展开后所需内存超出可用范围，可能是恶意构造或损坏的文件，已停止读取该文件。", "out of memory")
    return InputError("文件结构嵌套过深，可能是恶意构造或损坏的文件，已停止读取该文件。", "recursion too deep")


def worker_died_error(exitcode: int | None) -> InputError:
    """A file whose reading ended its process (a native crash: PDFium on a hostile PDF), as
    that file's error; the batch goes on."""
    import signal

    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        zh, en = f"信号 {name}", f"signal {name}"
    elif exitcode is None:  # its status could not be had (gkdesk.isolated_job.exit_status)
        zh, en = "退出状态未知", "exit status unknown"
    else:
        zh, en = f"退出码 {exitcode}", f"exit code {exitcode}"
    return InputError(
        f"读取该文件时处理进程异常终止（{zh}），可能是恶意构造或损坏的文件，已跳过该文件。",
        f"the process reading this file died ({en})",
    )


def worker_timed_out_error(seconds: float) -> InputError:
    """A file whose reading did not end within its time limit (gkdesk.limits.child_time_limit):
    its process was killed, as that file's error; the batch goes on."""
    shown = f"{seconds:.0f}" if seconds >= 1 else f"{seconds:g}"
    return InputError(
        f"读取该文件超过 {shown} 秒仍未完成，处理进程已被终止，可能是恶意构造或损坏的文件，已跳过该文件。",
        f"the process reading this file did not finish within {shown} s and was killed",
    )

"""Old binary Word/WPS files (.doc, .wps): a clear message, and conversion if LibreOffice is here.

gkdesk does not read the binary formats itself. When LibreOffice is installed, the window can
offer to convert the file to .docx with it (locally, no network) and open the result.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import InputError, OldWordFormatError

OLD_WORD_SUFFIXES = (".doc", ".wps")
_WINDOWS_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
_UNIX_PLACES = ("/opt/libreoffice/program/soffice", "/usr/lib/libreoffice/program/soffice")
CONVERT_TIMEOUT_S = 180


def find_libreoffice() -> str | None:
    """Path of LibreOffice's soffice when its Writer component (which reads .doc) is installed."""
    candidates = [shutil.which(name) for name in ("soffice", "libreoffice")]
    candidates += [p for p in (_WINDOWS_PLACES if os.name == "nt" else _UNIX_PLACES) if Path(p).is_file()]
    for found in candidates:
        if found and _has_writer(Path(found)):
            return found
    return None


def _has_writer(soffice: Path) -> bool:
    """Writer's library beside soffice (libswlo.so, swlo.dll); a Calc-only install cannot convert."""
    try:
        program = soffice.resolve().parent
        return any(program.glob("*swlo.*")) or not any(program.glob("*sclo.*"))
    except OSError:
        return True  # cannot tell: let the conversion itself say


def old_format_error(path: Path) -> OldWordFormatError:
    converter = find_libreoffice()
    message = f"“{path.name}”是旧版 Word/WPS 格式（.doc/.wps），gkdesk 不能直接读取。请在 Word 或 WPS 中打开，另存为 .docx 后再打开。"
    if converter:
        message += "检测到本机已安装 LibreOffice，也可以用它把文件转换为 .docx 后打开（在本机完成，不联网）。"
    return OldWordFormatError(message, "old binary Word/WPS format: save as .docx", converter)


def convert_with_libreoffice(path: str | Path, out_dir: str | Path | None = None) -> Path:
    """Convert a .doc/.wps to .docx with local LibreOffice; return the new file's path.

    The result goes to `out_dir` (a new temporary folder by default), never beside the
    original. A private LibreOffice profile lets this work while LibreOffice is open.
    """
    src = Path(path).resolve()
    soffice = find_libreoffice()
    if soffice is None:
        raise InputError("本机未安装 LibreOffice，无法自动转换。请在 Word 或 WPS 中另存为 .docx。", "LibreOffice not found")
    if not src.is_file():
        raise InputError(f"找不到文件：{src}", f"file not found: {src}")
    target = Path(out_dir) if out_dir is not None else Path(tempfile.mkdtemp(prefix="gkdesk-convert-"))
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gkdesk-lo-profile-") as profile:
        argv = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            str(target),
            str(src),
        ]
        try:
            proc = subprocess.run(argv, capture_output=True, timeout=CONVERT_TIMEOUT_S, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise InputError("LibreOffice 转换超时，请在 Word 或 WPS 中另存为 .docx。", "conversion timed out") from None
        except OSError as exc:
            raise InputError(f"无法启动 LibreOffice（{exc}）。", str(exc)) from None
    result = target / (src.stem + ".docx")
    if proc.returncode != 0 or not result.is_file():
        detail = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip()[-300:]
        raise InputError("LibreOffice 未能转换此文件，请在 Word 或 WPS 中另存为 .docx。", f"conversion failed: {detail}")
    return result

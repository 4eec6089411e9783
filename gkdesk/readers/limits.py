"""Guards against absurd input: oversized files and zip bombs, refused before any parsing."""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import InputError
from ..input_files import checked_size, read_input_bytes
from ..limits import MB

# A report with photos stays far below these; beyond them the file is not a report.
MAX_FILE_BYTES = {"docx": 100 * MB, "html": 50 * MB, "pdf": 200 * MB}
MAX_ZIP_ENTRIES = 5000
MAX_PART_BYTES = 128 * MB  # one decompressed XML part we read
MAX_TOTAL_BYTES = 1024 * MB  # all parts of the package together, as declared
# Office XML compresses about 5-30 times; a ratio above this in a large part is a bomb.
MAX_RATIO = 200
RATIO_CHECK_FROM = 4 * MB


def read_file_bytes(path: Path, kind: str) -> bytes:
    """The file's bytes, after checking it exists, is a file, and is not absurdly large."""
    return read_input_bytes(path, MAX_FILE_BYTES[kind])


def file_size(path: Path, kind: str) -> int:
    return checked_size(path, MAX_FILE_BYTES[kind])


def check_zip(zf: zipfile.ZipFile) -> None:
    """Refuse a package whose declared sizes or compression ratios are those of a zip bomb."""
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise InputError(
            f"文档包内文件数量异常（{len(infos)} 个），可能是恶意构造的文件，已拒绝读取。",
            "too many zip entries",
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES or (info.file_size > RATIO_CHECK_FROM and ratio > MAX_RATIO):
            raise InputError(
                f"文档包内的“{info.filename}”解压后达 {info.file_size // MB} MB（压缩比 {ratio:.0f}:1），"
                "疑似“压缩炸弹”，已拒绝读取。",
                f"zip bomb suspected: {info.filename} {info.file_size} bytes, ratio {ratio:.0f}",
            )
    if total > MAX_TOTAL_BYTES:
        raise InputError(
            f"文档包解压后总计 {total // MB} MB，超过 {MAX_TOTAL_BYTES // MB} MB 的上限，疑似“压缩炸弹”，已拒绝读取。",
            f"zip bomb suspected: {total} bytes in total",
        )


def read_zip_part(zf: zipfile.ZipFile, name: str) -> bytes:
    """One part, decompressed no further than its (checked) declared size."""
    info = zf.getinfo(name)
    with zf.open(info) as stream:
        data = stream.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise InputError(f"文档包内的“{name}”过大，已拒绝读取。", f"part too large: {name}")
    return data

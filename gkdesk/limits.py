"""Limits that keep absurd input from exhausting the reviewer's PC, in one place. Stated in the README.

Real reports stay far below every one of them (a whole report is 5–60 KB of text; the
largest table region in the corpus is about 14 000 characters; the official form has at most
15 columns). Size limits bound what a file *is*; expansion limits bound what it *grows into*
(spans, embedded parts, streams, rows, findings), which is where small hostile files do harm.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import InputError

MB = 1024 * 1024
# A text file larger than this is refused before it is read (checked on the file's size).
MAX_TEXT_FILE_BYTES = 50 * MB
# The recognizer reads at most this many characters of a table's region (from the table's
# first header cue on); a longer region is cut, with a note, so that a pathological file
# (megabytes of one line) is parsed in bounded time.
MAX_TABLE_REGION_CHARS = 100_000
# A table cell or a figure in the narrative has at most this many digits (the largest real
# figures are fees in 元, far below 10^15). A longer run of digits is not read as a number:
# beyond it floats lose whole units, and Python refuses int() of more than 4300 digits.
MAX_NUMBER_DIGITS = 15

# ---------------------------------------------------------------- document files
# A report with photos stays far below these; beyond them the file is not a report.
MAX_FILE_BYTES = {"docx": 100 * MB, "html": 50 * MB, "pdf": 200 * MB, "xlsx": 50 * MB}
MAX_ZIP_ENTRIES = 5000
MAX_PART_BYTES = 128 * MB  # one decompressed XML part we read
MAX_TOTAL_BYTES = 1024 * MB  # all parts of the package together, as declared
# Office XML compresses about 5-30 times; a ratio above this in a large part is a bomb.
MAX_RATIO = 200
RATIO_CHECK_FROM = 4 * MB

# ---------------------------------------------------------------- table expansion
# The form's widest table has 15 columns; real documents add a label column or two and a
# few merged or empty ones, and Word itself allows 63. Converters' fine grids stay below this;
# a cell spanning more, or a row wider, is not a report.
MAX_GRID_COLUMNS = 128
# Cells of one table's grid (rows x columns once spans are laid out), and of all tables.
MAX_TABLE_CELLS = 50_000
MAX_DOCUMENT_CELLS = 200_000
# Parts embedded in a .docx (altChunk: whole HTML/RTF files Word merges in on opening): how
# many are read, the size of one part as stored (a web archive carries its images), and the
# HTML they hold together (parsing HTML costs about a second per MB). A real report embeds
# none or one page of 50-500 KB.
MAX_EMBEDDED_PARTS = 8
MAX_EMBEDDED_PART_BYTES = 32 * MB
MAX_EMBEDDED_HTML_BYTES = 2 * MB
# Characters of text a document renders to before recognition (a report is 5-60 KB).
MAX_DOCUMENT_CHARS = 20_000_000

# ---------------------------------------------------------------- PDF expansion (used by the PDF reader)
# Decoded bytes of one Flate stream (page content, form, font; images are never decoded) and of
# all streams of the file; beyond, the file is refused before any page is parsed.
MAX_PDF_STREAM_BYTES = 16 * MB
MAX_PDF_DOCUMENT_STREAM_BYTES = 128 * MB
# PDFium holds about 300 bytes per page object: 16 MB of the shortest drawing operators is
# ~900k objects (~280 MB, 1.4 s to parse). Objects of one page (a report's page has hundreds,
# a chart a few thousand) and of the document; beyond, the file is refused.
MAX_PDF_PAGE_OBJECTS = 100_000
MAX_PDF_DOCUMENT_OBJECTS = 500_000
# Characters of one page's text layer (a dense page has about 3000).
MAX_PDF_PAGE_CHARS = 100_000
MAX_PDF_PAGES = 500

# ---------------------------------------------------------------- .xlsx re-import
# The hidden data sheet of a gkdesk workbook holds the report as JSON, 15 000 characters a
# row (a report's is well under a megabyte). The rows its header claims are checked before
# any is read, and the characters as they are read (rows can share one long string).
MAX_WORKBOOK_ROWS = 2000
MAX_WORKBOOK_PAYLOAD_CHARS = 16 * MB

# ---------------------------------------------------------------- findings
# Findings of one rule in one report; the rest are summarized in one finding ("另有 N 条").
MAX_FINDINGS_PER_RULE = 200
# Characters of narrative (from section 一 on) whose sentences are read for claims about the
# tables; a report has 5-60 thousand. Beyond, a finding says the rest was not checked.
MAX_NARRATIVE_CHARS = 500_000

# ---------------------------------------------------------------- time in a child process
# A file read in a child process (gkdesk.isolated_job: the batches' natively read files, the
# window's PDFs and page renders) whose child gives no answer within this time is taken to be
# looping: the child is killed and the file gets its error. Generous on purpose, since a slow
# file must never be cut: a text PDF reads in 1-10 s, and even MAX_PDF_PAGES pages at about
# 0.5 s a page stays under the floor; a scanned PDF read by OCR costs a few seconds a page on
# one busy core, and a scanned page weighs 0.2-1 MB, so CHILD_SECONDS_PER_MB is several times
# what OCR needs. Time is counted in the parent, by the wall clock (a child may wait for a core).
CHILD_SECONDS_FLOOR = 300.0
CHILD_SECONDS_PER_MB = 30.0


def child_time_limit(task) -> float:
    """Seconds a child may take on `task`: the floor plus CHILD_SECONDS_PER_MB for every MB of
    the files the task names (paths among its items, at any depth of tuples and lists)."""
    size = sum(_file_sizes(task))
    return CHILD_SECONDS_FLOOR + CHILD_SECONDS_PER_MB * size / MB


def _file_sizes(task, depth: int = 0):
    import os

    if isinstance(task, (str, os.PathLike)):
        try:
            if os.path.isfile(task):
                yield os.path.getsize(task)
        except (OSError, ValueError):  # not a path (text, a NUL in it)
            pass
    elif isinstance(task, (tuple, list)) and depth < 3:
        for item in task:
            yield from _file_sizes(item, depth + 1)


def read_file_bytes(path: Path, kind: str) -> bytes:
    """The file's bytes, after checking it exists, is a file, and is not absurdly large."""
    from .input_files import read_input_bytes

    return read_input_bytes(path, MAX_FILE_BYTES[kind])


def file_size(path: Path, kind: str) -> int:
    from .input_files import checked_size

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


def read_zip_part(zf: zipfile.ZipFile, name: str, limit: int = MAX_PART_BYTES) -> bytes:
    """One part, decompressed no further than its (checked) declared size and `limit`."""
    info = zf.getinfo(name)
    with zf.open(info) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"文档包内的“{name}”过大，已拒绝读取。", f"part too large: {name}")
    return data


def expansion_refused(what_zh: str, found: int, limit: int, what_en: str) -> InputError:
    """The error for a file whose structure expands beyond a limit: Chinese for the reviewer."""
    return InputError(
        f"文件结构异常：{what_zh}达 {found}，超过 {limit} 的上限，可能是恶意构造或损坏的文件，已拒绝读取。",
        f"{what_en}: {found} > {limit}",
    )

"""Hostile and unlucky inputs (issue 15): each is refused with its message, or read, within
5 s of CPU and 500 MiB of address space, by the CLI as a reviewer runs it; no traceback, and
the rest of the batch goes on. The inputs come from generators (tests/fuzz/hostile.py)."""
from __future__ import annotations

import pytest

from fuzz import hostile
from fuzz.bounded_run import cpu_bound, run_cli

REFUSED_STRUCTURE = "文件结构异常"

# (name, generator(folder) -> path, what the error says; None: the file is read)
CASES = [
    ("docx gridSpan 10^7", lambda d: hostile.docx_wide_span(d, "gridSpan", 10**7), "gridSpan"),
    ("docx gridBefore 10^9", lambda d: hostile.docx_wide_span(d, "gridBefore", 10**9), "gridBefore"),
    ("docx gridAfter 10^9", lambda d: hostile.docx_wide_span(d, "gridAfter", 10**9), "gridAfter"),
    ("docx cells in one table", lambda d: hostile.docx_many_cells(d, 1200, 60), "一个表格的单元格数"),
    ("docx cells in all tables", lambda d: hostile.docx_many_cells(d, 100, 100, 25), "全部表格的单元格总数"),
    ("docx 15 altChunks of one part", lambda d: hostile.docx_alt_chunks(d, 15, 1024 * 1024), "altChunk"),
    ("docx altChunk HTML too large", lambda d: hostile.docx_alt_chunks(d, 2, 3 * 1024 * 1024), "altChunk"),
    ("html colspan 1000 rowspan 65534", lambda d: hostile.html_spans(d, 300, 1000, 65534), "colspan"),
    ("html rowspan over many columns", lambda d: hostile.html_spans(d, 3000, 100, 65534), REFUSED_STRUCTURE),
    ("xlsx claiming 60 million rows", lambda d: hostile.xlsx_claiming_rows(d, 60_000_000, 2000), "声明的行数"),
    ("xlsx zip bomb", hostile.xlsx_bomb, "压缩炸弹"),
    ("docx of ordinary spans", lambda d: hostile.docx_wide_span(d, "gridSpan", 12, 5), None),
    ("docx of one small altChunk", lambda d: hostile.docx_alt_chunks(d, 1, 200 * 1024), None),
]


@pytest.mark.parametrize("name,make,says", CASES, ids=[c[0] for c in CASES])
def test_refused_or_read_within_bounds(tmp_path, name, make, says):
    path = make(tmp_path)
    run = run_cli("check", "--json", str(path))
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    (line,) = run.lines()
    if says is None:
        assert "findings" in line and run.returncode in (0, 1), line
    else:
        assert run.returncode == 2 and says in line.get("error", ""), line
        assert "内存" not in line["error"]  # refused by its limit, not by running out
    assert run.cpu_seconds < cpu_bound(), f"{name}: {run.cpu_seconds:.1f} s"


def test_a_46_mb_text_of_repeated_claims_gives_a_readable_list(tmp_path):
    path = hostile.repeated_claims(tmp_path, 46)
    run = run_cli("check", "--json", str(path))
    assert "Traceback" not in run.stderr
    (line,) = run.lines()
    findings = line["findings"]
    per_rule: dict[str, int] = {}
    for f in findings:
        per_rule[f["rule"]] = per_rule.get(f["rule"], 0) + 1
    assert max(per_rule.values()) <= 201
    assert any(f["message"].startswith("另有 ") for f in findings)
    assert any(f["rule"] == "structure.narrative_cut" for f in findings)
    assert run.cpu_seconds < cpu_bound(), f"{run.cpu_seconds:.1f} s"


def test_the_batch_goes_on_after_every_hostile_file(tmp_path):
    paths = [make(tmp_path) for _, make, says in CASES if says is not None][:6]
    good = tmp_path / "好.txt"
    good.write_text(hostile.report_text(), encoding="utf-8")
    run = run_cli("extract", "--json", *map(str, paths), str(good))
    lines = run.lines()
    assert [line["file"] for line in lines] == [*map(str, paths), str(good)]
    assert all("error" in line for line in lines[:-1]) and lines[-1]["t3"] is not None
    assert run.returncode == 2 and "Traceback" not in run.stderr


# ---------------------------------------------------------------- unlucky, not hostile
# Inputs that are read (not refused): each within the same bounds, through the CLI under prlimit.

def _fifo_sidecar(folder):
    import os

    from gkdesk.sidecar import sidecar_path

    path = folder / "报告.txt"
    path.write_text(hostile.report_text(), encoding="utf-8")
    os.mkfifo(sidecar_path(path))
    return path


def _sidecar_with_odd_cells(folder):
    import json

    from gkdesk.sidecar import sidecar_path

    path = folder / "报告.txt"
    path.write_text(hostile.report_text(), encoding="utf-8")
    sidecar_path(path).write_text(json.dumps({"corrections": [{"cell": ["t3", True, False], "value": 1e308}]}), encoding="utf-8")
    return path


UNLUCKY = [
    ("GBK file name", hostile.gbk_named),
    ("file name of raw bytes", hostile.raw_byte_named),
    ("page declaring iso-8859-1 written in GB18030", hostile.charset_lie),
    ("sidecar that is a FIFO", _fifo_sidecar),
    ("sidecar with cells no reviewer typed", _sidecar_with_odd_cells),
]


@pytest.mark.parametrize("name,make", UNLUCKY, ids=[c[0] for c in UNLUCKY])
def test_unlucky_inputs_are_read_within_bounds(tmp_path, name, make):
    import os

    if "FIFO" in name and not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs are POSIX")
    path = make(tmp_path)
    run = run_cli("extract", "--json", str(path))
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    (line,) = run.lines()
    assert line["file"] == str(path) and "error" not in line and line["t3"] is not None, line
    if "charset" in name or "iso-8859-1" in name:
        assert any("声明" in str(n) for n in line.get("notes", [])), line.get("notes")
    assert run.cpu_seconds < cpu_bound(), f"{name}: {run.cpu_seconds:.1f} s"


@pytest.mark.parametrize("attribute", ["gridBefore", "gridAfter"])
def test_a_negative_count_of_empty_grid_columns_reads_as_none(tmp_path, attribute):
    """gridBefore / gridAfter = -1 (the hostile-input property found an IndexError): a count of
    empty columns is never negative, the table reads as if it had none."""
    from fuzz.properties import assert_path_opens_soundly

    assert_path_opens_soundly(hostile.docx_wide_span(tmp_path, attribute, -1, rows=3))

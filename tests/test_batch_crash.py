"""A file that ends its reading process natively (PDFium aborting on a hostile PDF; issue 15)
costs that file alone: it gets its error line and exit status 2, every other file of the batch
prints what it prints without it, on every core and on one (gkdesk.isolated_job)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fuzz.crashing_reader import CRASH_MARK
from reader_samples import report_pdf
from report_factory import render, values_for

ROOT = Path(__file__).resolve().parents[1]
DRIVER = ROOT / "tests" / "fuzz" / "crashing_reader.py"
DIED = "处理进程异常终止（信号 SIGABRT）"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(os, "abort"), reason="forked workers")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Good reports (text and PDF) with two crashing PDFs among them, and the batch without them."""
    folder = tmp_path_factory.mktemp("batch")
    good = []
    for k in range(5):
        version = "2021" if k % 2 else "2019"
        values = values_for(version, seed=k + 1)
        path = folder / f"{k:02d}-report.txt"
        path.write_text(render(version, values, year=2020 + k), encoding="utf-8")
        good.append(path)
    pdf = folder / "02-report.pdf"
    pdf.write_bytes(report_pdf("2021", values_for("2021", seed=9)))
    good.insert(2, pdf)
    crashing = []
    for name in ("01-hostile.pdf", "04-hostile.pdf"):
        path = folder / name
        path.write_bytes(report_pdf("2021", values_for("2021", seed=3)) + b"\n" + CRASH_MARK + b"\n")
        crashing.append(path)
    files = good[:1] + crashing[:1] + good[1:4] + crashing[1:] + good[4:]
    return [str(p) for p in files], [str(p) for p in good], [str(p) for p in crashing]


def _run(*argv: str) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, str(DRIVER), *argv], capture_output=True, text=True, encoding="utf-8",
                          cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=600)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_extract_json_gives_a_crashing_file_its_error_line_and_goes_on(batch, jobs):
    files, good, crashing = batch
    code, out, err = _run("extract", "--json", "-q", "-j", jobs, *files)
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["file"] for line in lines] == files  # one line per file, in order
    for line in lines:
        if line["file"] in crashing:
            assert DIED in line["error"]
        else:
            assert "error" not in line and line["t3"]
    assert code == 2 and "Traceback" not in err
    alone = _run("extract", "--json", "-q", "-j", jobs, *good)
    assert [line for line in lines if line["file"] in good] == [json.loads(line) for line in alone[1].splitlines()]


def test_check_on_every_core_prints_what_one_core_prints_around_a_crash(batch):
    files, _good, crashing = batch
    one, two = _run("check", "-q", "-j", "1", *files), _run("check", "-q", "-j", "2", *files)
    assert one == two
    code, out, err = one
    assert code == 2 and "Traceback" not in err
    for path in crashing:
        assert f"{path}: 错误：读取该文件时{DIED}" in err


def test_one_crashing_file_alone_gets_its_error_and_exit_2(batch):
    crashing = batch[2][0]
    code, out, err = _run("extract", crashing)
    assert code == 2 and out == "" and err.startswith(f"{crashing}: 错误：读取该文件时{DIED}")


def test_export_and_summary_skip_a_crashing_file_with_its_error(batch, tmp_path):
    files, good, crashing = batch
    code, out, err = _run("export", "-q", "-j", "2", "-o", str(tmp_path / "out"), *files)
    assert code == 2 and all(f"{p}: 错误：读取该文件时{DIED}" in err for p in crashing)
    assert len(list((tmp_path / "out").glob("*.xlsx"))) == len(good)
    code, out, err = _run("export", "-q", "-j", "1", "--summary", str(tmp_path / "汇总.xlsx"), *files)
    assert code == 2 and all(f"{p}: 错误：读取该文件时{DIED}" in err for p in crashing)
    assert (tmp_path / "汇总.xlsx").exists()

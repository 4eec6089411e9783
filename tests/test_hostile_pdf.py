"""PDFs that expand (issue 15): refused with their message, or read, within 5 s of CPU and
500 MiB of address space by the CLI; a long honest PDF is read page by page in bounded memory."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fuzz import hostile_pdf
from fuzz.bounded_run import cpu_bound, run_cli

pytest.importorskip("pypdfium2")

CASES = [
    ("1 GiB content stream from 2.6 MB of Flate", lambda d: hostile_pdf.pdf_flate_bomb(d, 1024), "压缩数据流解压后"),
    ("content stream of 20 MB decoded", lambda d: hostile_pdf.pdf_flate_bomb(d, 20), "压缩数据流解压后"),
    ("300k path objects on one page", lambda d: hostile_pdf.pdf_many_objects(d, 300_000), "图形和文字对象数"),
    ("a page of ordinary drawing", lambda d: hostile_pdf.pdf_many_objects(d, 2000), None),
    # PDFium aborted the process on these before (SIGABRT under 500 MiB): found by the property test.
    ("400 MB content stream Flate-encoded twice (3 KB)", lambda d: _posing(d, 400, 2, ""), "压缩数据流解压后"),
    ("64 MB content stream posing as an image", lambda d: _posing(d, 64, 1, " /Subtype /Image"), "压缩数据流解压后"),
    ("1 GiB of LZW (790 KB)", lambda d: _coded(d, 1024, "lzw"), "压缩数据流解压后"),
    ("64 MB of run-length", lambda d: _coded(d, 64, "runlength"), "压缩数据流解压后"),
    ("400 MB of Flate in ASCII85", lambda d: _coded(d, 400, "ascii85+flate"), "压缩数据流解压后"),
    ("400 MB of Flate in hex", lambda d: _coded(d, 400, "hex+flate"), "压缩数据流解压后"),
    ("8 MB of LZW: read", lambda d: _coded(d, 8, "lzw"), "没有可读的文字"),
    ("64 MB posing as an image, named through a /Contents array",
     lambda d: hostile_pdf.pdf_contents_through_an_array(d, _flate_of(64), b"/Filter /FlateDecode /Subtype /Image"), "压缩数据流解压后"),
]


def _flate_of(megabytes):
    from fuzz.hostile_strategies import _flate

    return _flate(megabytes, 1)


def _coded(folder, megabytes, coding):
    from fuzz.hostile_strategies import _coded_pdf, _fix_xref

    path = folder / f"{coding}-{megabytes}.pdf"
    path.write_bytes(_fix_xref(_coded_pdf(megabytes, coding)))
    return path


def _posing(folder, megabytes, layers, extra):
    from fuzz.hostile_strategies import _fix_xref, _flate
    from fuzz.hostile_pdf import _one_page_pdf

    filters = "[" + " ".join(["/FlateDecode"] * layers) + "]" if layers > 1 else "/FlateDecode"
    pdf = _one_page_pdf(_flate(megabytes, layers), flate_encoded=True)
    pdf = pdf.replace(b" /Filter /FlateDecode", (" /Filter " + filters + extra).encode(), 1)
    path = folder / f"posing-{megabytes}-{layers}.pdf"
    path.write_bytes(_fix_xref(pdf))
    return path


@pytest.mark.parametrize("name,make,says", CASES, ids=[c[0] for c in CASES])
def test_expanding_pdf_refused_or_read_within_bounds(tmp_path, name, make, says):
    run = run_cli("extract", "--json", str(make(tmp_path)))
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    (line,) = run.lines()
    if says is None:
        assert run.returncode in (0, 2) and "没有可读的文字" in line.get("error", ""), line  # read: no text
    else:
        assert run.returncode == 2 and says in line.get("error", ""), line
    assert run.cpu_seconds < cpu_bound(), f"{name}: {run.cpu_seconds:.1f} s"


_PEAK = """
import resource, subprocess, sys
run = subprocess.run([sys.executable, "-m", "gkdesk", "extract", "--json", sys.argv[1]], capture_output=True, text=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # KiB on Linux
print(run.stdout)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss in KiB is Linux's")
def test_a_300_page_pdf_is_read_in_bounded_memory(tmp_path):
    """Pages are closed as they are read: 300 pages peak at most 150 MiB (886 MiB before)."""
    path = hostile_pdf.pdf_long_report(tmp_path, 300)
    out = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True, check=True)
    peak, line = out.stdout.split("\n", 1)
    assert "error" not in json.loads(line), line[:500]
    assert int(peak) / 1024 <= 150, f"{int(peak) / 1024:.0f} MiB"

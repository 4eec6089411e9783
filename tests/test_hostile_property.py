"""Hostile inputs as properties (issue 15): hypothesis varies each class the attacker controls
(tests/fuzz/hostile_strategies.py: span attributes, cells and nesting, embedded parts, claimed
rows, expanding PDF streams, file-name bytes, charset lies), and every file drawn is refused with
a clear Chinese message or read soundly, within 5 s of CPU.

In this process the address space is capped for each example (a file that expands past its
limits raises MemoryError instead of taking the machine); PDFs and a batch of every class go
through the CLI under `prlimit --as` 500 MiB, as a reviewer runs it."""
from __future__ import annotations

import json
import os
import resource
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.bounded_run import cpu_bound, run_cli
from fuzz.hostile_strategies import ANY, IN_PROCESS, Hostile, charset_lies, pdf_streams
from fuzz.properties import assert_path_opens_soundly
from gkdesk.file_names import json_text, printable
from gkdesk.reports import load_report

pytestmark = pytest.mark.skipif(os.name != "posix", reason="address-space limits and byte names are POSIX")

# Headroom above what this process already maps: the limits let a report use far less.
HEADROOM = 800 * 1024 * 1024


def _mapped_bytes() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmSize")


@contextmanager
def _address_space_capped():
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = _mapped_bytes() + HEADROOM
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(IN_PROCESS)
def test_every_hostile_file_is_refused_clearly_or_read_soundly_in_bounds(hostile: Hostile):
    with tempfile.TemporaryDirectory() as folder:
        path = hostile.write(Path(folder))
        started = time.process_time()
        with _address_space_capped():
            assert_path_opens_soundly(path)
        took = time.process_time() - started
    assert took < cpu_bound(), f"{hostile}: {took:.1f} s of CPU"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(charset_lies())
def test_a_page_lying_about_its_charset_reads_as_chinese(hostile: Hostile):
    with tempfile.TemporaryDirectory() as folder:
        report = load_report(hostile.write(Path(folder)))
    assert "政府信息" in report.text, f"{hostile}: {report.text[:200]!r}"
    assert report.tables, hostile


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(st.lists(ANY, min_size=1, max_size=3), st.lists(pdf_streams(), min_size=2, max_size=5)))
def test_a_batch_of_hostile_files_under_prlimit_gives_each_its_line(batch: list[Hostile]):
    """PDFs only here: PDFium aborts the whole process when it runs out of memory."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for k, hostile in enumerate(batch):
            sub = Path(folder) / str(k)  # each in its own folder: two may share a name
            sub.mkdir()
            paths.append(str(hostile.write(sub)))
        run = run_cli("check", "--json", *paths)
    assert "Traceback" not in run.stderr, f"{batch}: {run.stderr[-2000:]}"
    assert run.returncode in (0, 1, 2), f"{batch}: exit {run.returncode}, {run.stderr[-1000:]}"
    lines = run.lines()
    assert [line["file"] for line in lines] == paths, batch
    for hostile, line in zip(batch, lines):
        if "error" in line:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in line["error"]), (hostile, line)
            assert "内存" not in line["error"], (hostile, line)  # refused by a limit, not by running out
        else:
            assert "findings" in line, (hostile, line)
    assert run.cpu_seconds < cpu_bound() * len(batch), f"{batch}: {run.cpu_seconds:.1f} s"


@settings(max_examples=30, deadline=None)
@given(st.binary(min_size=1, max_size=80).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_")))
def test_any_name_prints_readably_and_keeps_its_string_in_json(raw: bytes):
    name = os.fsdecode(raw)
    out = printable(f"{name}: 错误")
    out.encode("utf-8")  # printable: no lone surrogates left
    assert out.endswith(": 错误")
    assert json.loads(json_text({"file": name}))["file"] == name

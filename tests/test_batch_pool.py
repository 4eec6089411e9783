"""Batches on every core (issue 16): -j N prints what -j 1 prints, file after file."""
from __future__ import annotations

import io
import os
from contextlib import redirect_stderr, redirect_stdout

import pytest

from gkdesk import batch_pool
from gkdesk.cli import main
from report_factory import render, values_for


def _square(n: int) -> tuple[int, int]:
    return n, n * n


def test_results_come_in_input_order_from_every_process():
    items = list(range(57))
    out = list(batch_pool.ordered_map(_square, items, jobs=2, quiet=True))
    assert out == [(n, n * n) for n in items]
    assert list(batch_pool.ordered_map(_square, [], jobs=2, quiet=True)) == []


def test_a_system_without_semaphores_runs_the_batch_in_this_process(monkeypatch):
    # A chroot or container without /dev/shm: multiprocessing.Lock() raises ENOSYS.
    import concurrent.futures

    def no_semaphores(*args, **kwargs):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_semaphores)
    items = list(range(11))
    assert list(batch_pool.ordered_map(_square, items, jobs=2, quiet=True)) == [(n, n * n) for n in items]


def _batch(tmp_path, count: int = 9) -> list[str]:
    paths = []
    for k in range(count):
        version = "2021" if k % 2 else "2019"
        values = values_for(version, seed=k + 1)
        if k == 3:
            values["t3"][0][0] += 5  # a broken relation: an error finding, exit 1
        path = tmp_path / f"{k:02d}-report.txt"
        path.write_text(render(version, values, year=2020 + k % 4), encoding="utf-8")
        paths.append(str(path))
    bad = tmp_path / "05-missing.docx"
    bad.write_bytes(b"not a zip")  # unreadable: its error line in its place
    paths.insert(5, str(bad))
    return paths


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the in-process CLI needs fork to share redirected streams")
@pytest.mark.parametrize("command", [["extract", "--json"], ["check", "--json"], ["check"], ["extract"]])
def test_every_core_prints_what_one_core_prints(tmp_path, command):
    files = _batch(tmp_path)
    one = _run([*command, "-j", "1", *files])
    two = _run([*command, "-j", "2", *files])
    assert one == two
    assert one[0] == 2  # the unreadable file
    assert one[1]  # and the others were read


def _cells(path) -> list:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    return [
        [tuple(row) for row in sheet.iter_rows(values_only=True) if row[:1] != ("汇总时间",)]  # the clock differs
        for sheet in book.worksheets
    ]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the in-process CLI needs fork to share redirected streams")
def test_export_and_summary_on_every_core_are_those_of_one_core(tmp_path):
    files = _batch(tmp_path)
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        each = _run(["export", "-j", jobs, "-o", str(out), *files])
        summary = _run(["export", "-j", jobs, "--summary", str(tmp_path / f"summary{jobs}.xlsx"), *files])
        runs[jobs] = (each[0], each[1].replace(str(out), "OUT"), each[2], summary[0], summary[2],
                      sorted(p.name for p in out.iterdir()))
    assert runs["1"] == runs["2"]
    assert _cells(tmp_path / "summary1.xlsx") == _cells(tmp_path / "summary2.xlsx")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_goes_to_a_terminal_only_and_quiet_silences_it(monkeypatch):
    pytest.importorskip("tqdm")
    shown, quiet, piped = _Terminal(), _Terminal(), io.StringIO()
    for stream, is_quiet in ((shown, False), (quiet, True), (piped, False)):
        monkeypatch.setattr("sys.stderr", stream)
        assert list(batch_pool.ordered_map(abs, [-1, -2, -3], jobs=1, label="识别", quiet=is_quiet)) == [1, 2, 3]
    assert "0/3" in shown.getvalue()
    assert quiet.getvalue() == "" and piped.getvalue() == ""

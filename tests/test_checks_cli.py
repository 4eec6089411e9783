"""`gkdesk check`: readable and JSON Lines output, exit status."""
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_checks_support import GEN  # noqa: E402

from gkdesk.cli import main  # noqa: E402

needs_corpus = pytest.mark.skipif(not GEN.is_dir(), reason="shared corpus not available")


def run(capsys, *args):
    status = main(["check", *map(str, args)])
    return status, capsys.readouterr()


@needs_corpus
def test_json_lines_one_object_per_file_in_order(capsys, tmp_path):
    clean = GEN / "gd01__lo-txt.txt"
    faulty = GEN / "gd05__lo-txt.txt"
    missing = tmp_path / "nope.txt"
    status, out = run(capsys, "--json", clean, missing, faulty)
    lines = [json.loads(line) for line in out.out.splitlines()]
    assert [o["file"] for o in lines] == [str(clean), str(missing), str(faulty)]
    assert "error" in lines[1] and "findings" not in lines[1]
    assert not any(f["severity"] == "error" for f in lines[0]["findings"])
    assert any(f["kind"] == "arithmetic" and ["t3", 0, 6] in f["cells"] for f in lines[2]["findings"])
    assert status == 2  # a file could not be read


@needs_corpus
def test_exit_status_one_when_some_error(capsys):
    assert run(capsys, "--json", GEN / "gd05__lo-txt.txt")[0] == 1
    assert run(capsys, "--json", GEN / "gd01__lo-txt.txt")[0] == 0


@needs_corpus
def test_readable_output_in_chinese(capsys):
    status, out = run(capsys, GEN / "gd05__lo-txt.txt")
    assert status == 1
    assert "[错误] 表三 总计 = 各类申请人之和" in out.out
    assert "最可能的错误：表三 一、本年新收政府信息公开申请数量·总计 应为 1120" in out.out
    assert "共 2 条：错误 2 条" in out.out


def test_unreadable_file_readable_output(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status, out = run(capsys, empty)
    assert status == 2
    assert "错误" in out.err and "Traceback" not in out.err


@needs_corpus
def test_previous_year_report_in_the_same_batch(capsys, tmp_path):
    # The same agency's report for the year before, carrying nothing over: this year's
    # 上年结转 (1, in 其他 and 总计) then disagrees with it.
    text = (GEN / "gd01__html-pipe.txt").read_text(encoding="utf-8")
    this_year = tmp_path / "2023.txt"
    last_year = tmp_path / "2022.txt"
    this_year.write_text(text, encoding="utf-8")
    last_year.write_text(text.replace("2023", "2022"), encoding="utf-8")
    status, out = run(capsys, "--json", this_year, last_year)
    this_obj, last_obj = (json.loads(line) for line in out.out.splitlines())
    carry = [f for f in this_obj["findings"] if f["rule"] == "across.t3_carry"]
    assert [f["cells"] for f in carry] == [[["t3", 1, 5]], [["t3", 1, 6]]]
    assert all(f["severity"] == "warning" for f in carry)
    assert not [f for f in last_obj["findings"] if f["rule"] == "across.t3_carry"]
    assert status == 0

"""`gkdesk export` and opening .xlsx through the CLI."""
from __future__ import annotations

import openpyxl

from gkdesk.cli import main
from gkdesk.export import import_workbook
from gkdesk.export.summary import DATA_SHEET, HEADER_ROWS

from conftest import shared_path

SOURCES = ("gd01__lo-txt.txt", "gd03__lo-txt.txt", "gd07__html-pipe.txt")


def _copies(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    out = []
    for name in SOURCES:
        src = shared_path("corpus", "gen", name)
        dst = folder / name
        dst.write_bytes(src.read_bytes())
        out.append(dst)
    return folder, out


def test_export_each_report_into_a_folder(tmp_path, capsys):
    _, files = _copies(tmp_path)
    out = tmp_path / "out"
    assert main(["export", *map(str, files), "-o", str(out)]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(f.stem + ".xlsx" for f in files)
    assert capsys.readouterr().out.count("已导出") == 3
    report = import_workbook(out / "gd03__lo-txt.xlsx")
    assert report.format == "2019" and report.agency == "东西湖区审计局"


def test_export_one_report_to_a_file_and_default_name(tmp_path):
    _, files = _copies(tmp_path)
    target = tmp_path / "一份.xlsx"
    assert main(["export", str(files[0]), "-o", str(target)]) == 0
    assert target.exists()
    assert main(["export", str(files[1])]) == 0
    assert files[1].with_suffix(".xlsx").exists()  # beside the report


def test_several_reports_need_a_folder(tmp_path, capsys):
    _, files = _copies(tmp_path)
    assert main(["export", *map(str, files[:2]), "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "文件夹" in capsys.readouterr().err


def test_foreign_xlsx_is_not_overwritten_without_force(tmp_path, capsys):
    _, files = _copies(tmp_path)
    mine = files[0].with_suffix(".xlsx")
    wb = openpyxl.Workbook()
    wb.active["A1"] = "用户自己的表"
    wb.save(mine)
    assert main(["export", str(files[0])]) == 2
    assert "未覆盖" in capsys.readouterr().err
    assert openpyxl.load_workbook(mine).active["A1"].value == "用户自己的表"
    assert main(["export", str(files[0]), "--force"]) == 0
    assert import_workbook(mine).agency


def test_summary_of_a_folder_skips_unreadable_files(tmp_path, capsys):
    folder, files = _copies(tmp_path)
    (folder / "坏文件.xlsx").write_text("not a workbook")
    target = folder / "汇总.xlsx"
    assert main(["export", "--summary", str(target), str(folder)]) == 2  # one input was unreadable
    captured = capsys.readouterr()
    assert "坏文件.xlsx" in captured.err and "3 份报告" in captured.out
    ws = openpyxl.load_workbook(target)[DATA_SHEET]
    assert ws.max_row == HEADER_ROWS + 3
    info = {r[0].value: r[1].value for r in openpyxl.load_workbook(target)["说明"].iter_rows(min_row=2)}
    assert "坏文件.xlsx" in info["未能读取的文件"]
    # running it again does not read its own output as an input
    (folder / "坏文件.xlsx").unlink()
    assert main(["export", "--summary", str(target), str(folder)]) == 0


def test_summary_of_exported_workbooks(tmp_path):
    _, files = _copies(tmp_path)
    out = tmp_path / "out"
    assert main(["export", *map(str, files), "-o", str(out)]) == 0
    target = tmp_path / "汇总.xlsx"
    assert main(["export", "--summary", str(target), str(out)]) == 0  # agencies send workbooks, not texts
    ws = openpyxl.load_workbook(target)[DATA_SHEET]
    assert sorted(ws.cell(r, 2).value for r in range(HEADER_ROWS + 1, ws.max_row + 1)) == sorted(
        import_workbook(p).agency for p in out.iterdir()
    )
    # the source column names the workbook the office received
    assert sorted(ws.cell(r, 9).value for r in range(HEADER_ROWS + 1, ws.max_row + 1)) == sorted(str(p) for p in out.iterdir())


def test_extract_reads_an_exported_workbook(tmp_path, capsys):
    _, files = _copies(tmp_path)
    assert main(["export", str(files[1])]) == 0
    capsys.readouterr()
    assert main(["extract", "--json", str(files[1].with_suffix(".xlsx"))]) == 0
    assert '"agency": "东西湖区审计局"' in capsys.readouterr().out

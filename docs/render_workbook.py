"""Render a page of an exported workbook to docs/workbook.png (for the README).

Usage: python docs/render_workbook.py [REPORT_FILE] [--page N] [--accept]
Default report: the sample in resources/samples/; default page 2 (表三). The report is exported
as read, so the cells its findings name are filled and commented; --accept first takes every
unambiguous suggestion, as a reviewer might. Excel and LibreOffice keep comments hidden until
the pointer is on the cell; for the picture, a copy of the workbook has one comment shown (the
cell most findings name) (the exported file itself is unchanged).
Needs LibreOffice (soffice) and poppler (pdftoppm), which gkdesk itself does not:
  apt-get install -y libreoffice-calc-nogui poppler-utils
The workbook names its fonts 宋体/仿宋/黑体 as Excel and WPS expect; on Linux a temporary
fontconfig file maps them to Noto CJK (Serif for 宋体/仿宋, Sans for 黑体) for the rendering.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "workbook.png"
DPI = 100

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
"""


def _sample() -> Path:
    samples = sorted((ROOT / "resources" / "samples").glob("*.txt"))
    if samples:
        return samples[0]
    return ROOT.parent / "shared" / "corpus" / "gen" / "gd01__lo-txt.txt"


def _export(source: Path, target: Path, accept: bool) -> None:
    from gkdesk.checks import check_report
    from gkdesk.export import export_report
    from gkdesk.reports import load_report

    report = load_report(source)
    if accept:  # act as a reviewer who accepts every unambiguous suggestion
        for finding in check_report(report):
            culprit = finding.culprit
            if culprit is not None and report.value(culprit.cell) != culprit.value:
                report.set_value(culprit.cell, culprit.value, user="示例审核员")
    export_report(report, target, findings=check_report(report))


def _show_comments(workbook: Path, sheet: int, shown: Path) -> None:
    """A copy of the workbook with one comment of a sheet shown beside its cell (the cell
    that most findings name), for the rendering only."""
    import re
    import zipfile

    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

    with zipfile.ZipFile(workbook) as src, zipfile.ZipFile(shown, "w", zipfile.ZIP_DEFLATED) as out:
        names = src.namelist()
        rels_name = f"xl/worksheets/_rels/sheet{sheet}.xml.rels"
        rels = src.read(rels_name).decode("utf-8") if rels_name in names else ""

        def part(target: str) -> str:
            return target[1:] if target.startswith("/") else os.path.normpath("xl/worksheets/" + target)

        vml = {part(t) for t in re.findall(r'Target="([^"]+\.vml)"', rels)}
        comments = [part(t) for t in re.findall(r'Target="([^"]+comments[^"]*\.xml)"', rels)]
        target = None
        if comments:
            found = re.findall(r'<comment ref="([A-Z]+[0-9]+)"[^>]*>(.*?)</comment>', src.read(comments[0]).decode("utf-8"), re.S)
            if found:
                ref = max(found, key=lambda f: f[1].count("【"))[0]  # the first cell with the most findings
                letters, row = coordinate_from_string(ref)
                target = (row - 1, column_index_from_string(letters) - 1)  # VML counts from 0
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename in vml and target is not None:
                data = _show_shape(data.decode("utf-8"), *target).encode("utf-8")
            out.writestr(item, data)


def _show_shape(vml: str, row: int, col: int) -> str:
    """Make the comment shape of (row, col) visible, anchored to the right of its cell."""
    import re

    def one(match: re.Match) -> str:
        shape = match.group(0)
        r = re.search(r":Row>(\d+)<", shape)
        c = re.search(r":Column>(\d+)<", shape)
        if not (r and c and int(r.group(1)) == row and int(c.group(1)) == col):
            return shape
        shape = shape.replace("visibility:hidden", "visibility:visible")
        anchor = f"{col + 2}, 4, {max(row - 1, 0)}, 0, {col + 6}, 0, {row + 4}, 0"
        return re.sub(r"<(\w+):MoveWithCells/>", lambda m: f"<{m.group(1)}:Visible/><{m.group(1)}:Anchor>{anchor}</{m.group(1)}:Anchor><{m.group(1)}:MoveWithCells/>", shape, count=1)

    return re.sub(r"<(\w+):shape [^>]*#_x0000_t202.*?</\1:shape>", one, vml, flags=re.S)


def main() -> int:
    args = sys.argv[1:]
    page = 2
    accept = "--accept" in args
    if accept:
        args.remove("--accept")
    if "--page" in args:
        i = args.index("--page")
        page = int(args[i + 1])
        del args[i : i + 2]
    source = Path(args[0]) if args else _sample()
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        print("needs soffice (LibreOffice) and pdftoppm (poppler-utils)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="gkdesk-render-") as tmp:
        tmp_path = Path(tmp)
        exported = tmp_path / "exported.xlsx"
        _export(source, exported, accept)
        workbook = tmp_path / "workbook.xlsx"
        _show_comments(exported, page, workbook)
        env = dict(os.environ)
        conf = tmp_path / "fonts.conf"
        conf.write_text(FONTS_CONF, encoding="utf-8")
        env["FONTCONFIG_FILE"] = str(conf)
        profile = (tmp_path / "profile").as_uri()
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(workbook)],
            check=True,
            env=env,
            capture_output=True,
            timeout=180,
        )
        stem = tmp_path / "page"
        subprocess.run(
            [pdftoppm, "-png", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile", str(tmp_path / "workbook.pdf"), str(stem)],
            check=True,
        )
        shutil.copyfile(stem.with_suffix(".png"), OUT)
    print(f"{OUT} ({OUT.stat().st_size // 1024} KB) from {source.name}, page {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

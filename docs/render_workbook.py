"""Render a page of an exported workbook to docs/workbook.png (for the README).

Usage: python docs/render_workbook.py [REPORT_FILE] [--page N]
Default report: the sample in resources/samples/; default page 2 (表三).
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


def _export(source: Path, target: Path) -> None:
    from gkdesk.export import export_report
    from gkdesk.reports import load_report

    report = load_report(source)
    try:
        from gkdesk.checks import check_report
    except ImportError:
        findings = []
    else:
        # act as a reviewer who accepts every unambiguous suggestion, then export what remains
        for finding in check_report(report):
            culprit = finding.culprit
            if culprit is not None and report.value(culprit.cell) != culprit.value:
                report.set_value(culprit.cell, culprit.value, user="示例审核员")
        findings = check_report(report)
    export_report(report, target, findings=findings)


def main() -> int:
    args = sys.argv[1:]
    page = 2
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
        workbook = tmp_path / "workbook.xlsx"
        _export(source, workbook)
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

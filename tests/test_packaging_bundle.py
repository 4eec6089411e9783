"""Smoke test of the built one-folder application (packaging/gkdesk.spec).

Runs only when GKDESK_BUNDLE_DIR names a built bundle (.ci/run builds one with
packaging/build_linux.sh and sets it); otherwise every test here is skipped.
The bundle must give the same answers as the source tree, open its window offscreen on the
bundled sample and paint it, and hold only the Qt parts gkdesk uses.
"""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED
from gkdesk import __version__

BUNDLE = Path(os.environ["GKDESK_BUNDLE_DIR"]).resolve() if os.environ.get("GKDESK_BUNDLE_DIR") else None
pytestmark = pytest.mark.skipif(BUNDLE is None, reason="GKDESK_BUNDLE_DIR not set (no built bundle to test)")

HAS_WINDOW = (ROOT / "gkdesk" / "ui" / "app.py").is_file()
needs_window = pytest.mark.skipif(not HAS_WINDOW, reason="the window (gkdesk/ui/app.py) is not in this tree")
SIZE_BUDGET_MB = 240  # 192 MiB when this was written; a new heavy dependency should be a decision
# A bundle built with OCR (packaging/build_linux.sh --ocr) carries OpenCV (headless) with its
# libraries (172 MiB: FFmpeg's codecs and OpenBLAS come with the wheel), numpy (42), ONNX Runtime
# (35) and RapidOCR's models (16): 448 MiB measured (--portable, PySide6 6.9), plus 10% for new
# releases of those wheels. A plain bundle is still held to SIZE_BUDGET_MB.
OCR_SIZE_BUDGET_MB = 500
# The oldest glibc the Linux bundle must run on: UOS 20 (2.28). Empty: not checked (a bundle
# built by `packaging/build_linux.sh` without --portable needs the build machine's glibc).
MAX_GLIBC = os.environ.get("GKDESK_BUNDLE_MAX_GLIBC", "2.28")


def _has_ocr() -> bool:
    return BUNDLE is not None and any(BUNDLE.rglob("rapidocr_onnxruntime/config.yaml"))


HAS_OCR = _has_ocr()
needs_ocr = pytest.mark.skipif(not HAS_OCR, reason="the bundle was built without OCR (packaging/build_linux.sh --ocr)")
without_ocr = pytest.mark.skipif(HAS_OCR, reason="the bundle was built with OCR")


def executable() -> Path:
    name = "gkdesk-cli.exe" if sys.platform == "win32" else "gkdesk"
    path = BUNDLE / name
    assert path.is_file(), f"no {name} in {BUNDLE}"
    return path


def run_bundle(*args, env=None, timeout=120):
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([str(executable()), *map(str, args)], capture_output=True, text=True, encoding="utf-8", timeout=timeout, env=full_env)


def bundled_sample() -> Path:
    samples = sorted(BUNDLE.rglob("resources/samples/*.txt"))
    assert samples, "the sample report is not in the bundle"
    return samples[0]


def reports_to_check() -> list[Path]:
    seed = SHARED / "seeds" / "001_485bb66b608aa965.txt"
    originals = [SHARED / "corpus" / "originals" / f"gd01.{ext}" for ext in ("docx", "html", "pdf")]
    return [p for p in [seed, *originals] if p.is_file()] or [bundled_sample()]


def source_tree_output(capsys, *args) -> list[dict]:
    from gkdesk.cli import main

    main(list(map(str, args)))
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_version():
    done = run_bundle("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"gkdesk {__version__}"


def test_check_json_matches_the_source_tree(capsys):
    files = reports_to_check()
    done = run_bundle("check", "--json", *files)
    assert done.returncode in (0, 1), done.stderr
    bundle_lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["file"] for line in bundle_lines] == [str(f) for f in files]
    assert all("findings" in line for line in bundle_lines)
    assert bundle_lines == source_tree_output(capsys, "check", "--json", *files)


def test_extract_json_reads_every_document_kind(capsys):
    """.txt, .docx, .html and .pdf: the readers' libraries (defusedxml, pdfplumber) are bundled."""
    files = reports_to_check()
    done = run_bundle("extract", "--json", *files)
    assert done.returncode == 0, done.stderr
    bundle_lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert all("error" not in line and line.get("t3") for line in bundle_lines)
    assert bundle_lines == source_tree_output(capsys, "extract", "--json", *files)


def test_export_writes_a_workbook(tmp_path):
    target = tmp_path / "report.xlsx"
    done = run_bundle("export", "-o", target, bundled_sample())
    assert done.returncode == 0, done.stderr
    with open(target, "rb") as f:
        assert f.read(2) == b"PK"  # an .xlsx is a zip package


@needs_window
def test_window_opens_offscreen_and_paints_the_sample(tmp_path, qapp):
    from PySide6.QtGui import QImage

    shot = tmp_path / "window.png"
    done = run_bundle(
        bundled_sample(),
        env={"GKDESK_EXIT_AFTER_PAINT": "1", "GKDESK_SCREENSHOT": str(shot), "XDG_CONFIG_HOME": str(tmp_path / "config")},
    )
    assert done.returncode == 0, done.stderr
    assert "gkdesk-first-paint" in done.stderr
    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 400 and image.height() >= 300
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20, "the screenshot is (nearly) one colour: nothing was drawn"


@needs_window
def test_only_the_qt_parts_gkdesk_uses_are_bundled():
    names = {p.name for p in BUNDLE.rglob("*")}
    for unused in ("Network", "Qml", "Quick", "WebEngine", "Pdf", "Multimedia", "3DCore", "VirtualKeyboard"):
        assert not [n for n in names if f"Qt6{unused}" in n or f"Qt{unused}" in n], unused
    translations = sorted(p.name for p in BUNDLE.rglob("translations/*.qm") if "resources" not in p.parts)
    assert translations == ["qt_zh_CN.qm", "qtbase_zh_CN.qm"]
    plugins = {p.parent.name for p in BUNDLE.rglob("plugins/*/*") if p.is_file()}
    assert {"platforms", "imageformats", "iconengines"} <= plugins
    assert not plugins & {"generic", "egldeviceintegrations", "tls", "networkinformation", "sqldrivers"}
    assert "pandas" not in names
    if not HAS_OCR:  # numpy comes only with OCR
        assert "numpy" not in names


def test_resources_and_icon_are_bundled():
    resources = next(BUNDLE.rglob("resources/samples")).parent
    assert (resources / "icons" / "gkdesk.png").is_file()
    for ts in (ROOT / "resources" / "i18n").glob("*.ts"):
        assert (resources / "i18n" / ts.name).is_file()


def test_bundle_stays_within_its_size_budget():
    size = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    assert size / 2**20 < (OCR_SIZE_BUDGET_MB if HAS_OCR else SIZE_BUDGET_MB)


# ---------------------------------------------------------------- OCR (build_linux.sh --ocr)

def ocr_bundle():
    spec = importlib.util.spec_from_file_location("ocr_bundle", ROOT / "packaging" / "ocr_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scan_of_gd01_tables() -> Path:
    """A scan of gd01's page of tables (tests/scan_maker.py), or a skip without ../shared."""
    from scan_maker import scan_of

    original = SHARED / "corpus" / "originals" / "gd01.pdf"
    if not original.is_file():
        pytest.skip(f"../shared not available: {original}")
    return scan_of(original, pages=[2])


def run_bundle_offline(*args, tmp_path):
    """The bundle run with no network: in a network namespace of its own where unshare can make
    one (root), and under strace where it is installed; (completed process, its socket() calls)."""
    command = [str(executable()), *map(str, args)]
    log = tmp_path / "strace.log"
    if shutil.which("strace"):
        command = ["strace", "-f", "-qq", "-e", "trace=socket", "-o", str(log), *command]
    if shutil.which("unshare") and hasattr(os, "geteuid") and os.geteuid() == 0:
        command = ["unshare", "-n", *command]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=300, env=env)
    calls = [line for line in log.read_text(errors="replace").splitlines() if "socket(" in line] if log.is_file() else []
    return done, calls


@without_ocr
def test_plain_bundle_tells_a_scan_needs_the_ocr_extra(tmp_path):
    names = {p.name for p in BUNDLE.rglob("*")}
    assert not names & {"cv2", "onnxruntime", "rapidocr_onnxruntime"}
    done = run_bundle("extract", "--json", scan_of_gd01_tables())
    (line,) = [json.loads(x) for x in done.stdout.splitlines()]
    assert "gkdesk[ocr]" in line["error"], line


@needs_ocr
def test_ocr_bundle_carries_the_models_its_config_names_and_no_gui_opencv():
    package = next(BUNDLE.rglob("rapidocr_onnxruntime/config.yaml")).parent
    models = ocr_bundle().model_files(package)  # exits naming a model the config names but that is missing
    assert sum(f.stat().st_size for f in models) > 10 * 2**20  # PP-OCRv4 detection + recognition
    names = {p.name for p in BUNDLE.rglob("*")}
    assert not [n for n in names if n.startswith("libQt5")], "opencv-python (with Qt 5) instead of the headless build"
    for unused in ("torch", "sympy", "matplotlib"):
        assert unused not in names
    assert not list(BUNDLE.rglob("onnxruntime/tools"))


@needs_ocr
def test_ocr_bundle_reads_a_scan_with_no_network(tmp_path, capsys):
    """The OCR path inside the bundle: models loaded from the bundle and run in a network
    namespace without network, no internet socket made (strace); the source tree's answers."""
    scan = scan_of_gd01_tables()
    done, calls = run_bundle_offline("extract", "--json", scan, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    (line,) = [json.loads(x) for x in done.stdout.splitlines()]
    assert line.get("t3") and line["t3"][0][0] == 380, line
    assert [c for c in calls if re.search(r"socket\((AF_INET6?|PF_INET6?)\b", c)] == []
    from gkdesk.readers import ocr

    if ocr.ocr_available():
        assert [line] == source_tree_output(capsys, "extract", "--json", scan)



def bundle_report():
    spec = importlib.util.spec_from_file_location("bundle_report", ROOT / "packaging" / "bundle_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc: Linux bundles only")
@pytest.mark.skipif(not MAX_GLIBC, reason="GKDESK_BUNDLE_MAX_GLIBC is empty: the glibc floor is not checked")
def test_every_elf_file_runs_on_the_oldest_target_glibc():
    """No bundled executable or library needs a GLIBC_ symbol version newer than the target's,
    nor a libstdc++ / libgcc_s (taken from the system) newer than that era's GCC gives."""
    assert shutil.which("objdump"), "objdump (binutils) is needed to read the symbol versions"
    report = bundle_report()
    assert len(report.elf_files(BUNDLE)) > 50  # the interpreter, Qt, the extension modules
    assert report.too_new(BUNDLE, report.TARGETS[MAX_GLIBC]) == []

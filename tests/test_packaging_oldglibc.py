"""The built bundle really runs on an older Linux than the build machine's.

Runs when GKDESK_BUNDLE_DIR names a built bundle and GKDESK_OLD_GLIBC_ROOT a root folder of an
older distribution (packaging/linux/old_glibc_root.sh makes a Debian 11 one: glibc 2.31, the
level of Kylin V10) and this is root (chroot). .ci/run sets both. The bundle is copied into the
root and run there with chroot: only the root's own libraries are visible to it.
"""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SHARED

BUNDLE = Path(os.environ["GKDESK_BUNDLE_DIR"]).resolve() if os.environ.get("GKDESK_BUNDLE_DIR") else None
OLD_ROOT = Path(os.environ["GKDESK_OLD_GLIBC_ROOT"]).resolve() if os.environ.get("GKDESK_OLD_GLIBC_ROOT") else None
pytestmark = pytest.mark.skipif(
    BUNDLE is None or OLD_ROOT is None,
    reason="GKDESK_BUNDLE_DIR and GKDESK_OLD_GLIBC_ROOT not both set (no bundle or no old system root)",
)
INSIDE = Path("/opt/gkdesk-test")  # where the bundle and the reports are, as the chrooted program sees it


def glibc_version(text: str) -> tuple[int, int]:
    m = re.search(r"(\d+)\.(\d+)", text)
    assert m, text
    return int(m.group(1)), int(m.group(2))


@pytest.fixture(scope="module")
def installed():
    """The bundle and the reports copied into the old root; paths as seen from inside it."""
    assert os.geteuid() == 0, "running a program in another root (chroot) needs root"
    target = OLD_ROOT / INSIDE.relative_to("/")
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(BUNDLE, target / "gkdesk", symlinks=True)
    reports = {}
    for name, source in {
        "seed.txt": SHARED / "seeds" / "001_485bb66b608aa965.txt",
        "report.pdf": SHARED / "corpus" / "originals" / "gd01.pdf",
        "report.docx": SHARED / "corpus" / "originals" / "gd01.docx",
    }.items():
        if source.is_file():
            shutil.copy(source, target / name)
            reports[name] = INSIDE / name
    sample = next((target / "gkdesk").rglob("resources/samples/*.txt"))
    reports["sample"] = INSIDE / sample.relative_to(target)
    yield reports
    shutil.rmtree(target, ignore_errors=True)


def run_inside(*args, env=None, timeout=120, wrapper=()):
    full_env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": str(INSIDE), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        ["chroot", str(OLD_ROOT), *wrapper, str(INSIDE / "gkdesk" / "gkdesk"), *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", timeout=timeout, env=full_env,
    )


def outside(path: Path) -> Path:
    return OLD_ROOT / path.relative_to("/")


def source_tree_lines(capsys, *args) -> list[dict]:
    from gkdesk.cli import main

    main(list(map(str, args)))
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_the_root_has_an_older_glibc_than_this_machine():
    done = subprocess.run(["chroot", str(OLD_ROOT), "ldd", "--version"], capture_output=True, text=True, check=True)
    inside = glibc_version(done.stdout.splitlines()[0])
    here = glibc_version(os.confstr("CS_GNU_LIBC_VERSION"))
    assert inside < here and inside <= (2, 31), (inside, here)


def without_file(lines: list[dict]) -> list[dict]:
    return [{k: v for k, v in line.items() if k != "file"} for line in lines]


def test_check_json_in_the_old_root_matches_the_source_tree(installed, capsys):
    files = [installed[k] for k in ("seed.txt", "sample") if k in installed]
    done = run_inside("check", "--json", *files)
    assert done.returncode in (0, 1), done.stderr
    inside = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["file"] for line in inside] == [str(f) for f in files]
    expected = source_tree_lines(capsys, "check", "--json", *map(outside, files))
    assert without_file(inside) == without_file(expected)


def test_extract_reads_pdf_and_docx_in_the_old_root(installed, capsys):
    files = [installed[k] for k in ("report.pdf", "report.docx") if k in installed]
    if not files:
        pytest.skip("../shared/corpus/originals not available")
    done = run_inside("extract", "--json", *files)
    assert done.returncode == 0, done.stderr
    inside = [json.loads(line) for line in done.stdout.splitlines()]
    assert all(line.get("t3") for line in inside)
    assert without_file(inside) == without_file(source_tree_lines(capsys, "extract", "--json", *map(outside, files)))


def assert_painted(shot: Path):
    from PySide6.QtGui import QImage

    image = QImage(str(outside(shot)))
    assert not image.isNull() and image.width() >= 400 and image.height() >= 300
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20, "the screenshot is (nearly) one colour: nothing was drawn"


def open_window(installed, shot: Path, platform: str, wrapper=()):
    done = run_inside(
        installed["sample"],
        env={"GKDESK_EXIT_AFTER_PAINT": "1", "GKDESK_SCREENSHOT": str(shot), "XDG_CONFIG_HOME": str(INSIDE / "config"), "QT_QPA_PLATFORM": platform},
        wrapper=wrapper,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "gkdesk-first-paint" in done.stderr


def test_window_opens_offscreen_in_the_old_root_and_paints(installed, qapp):
    shot = INSIDE / "window.png"
    open_window(installed, shot, "offscreen")
    assert_painted(shot)


def test_window_opens_on_an_x_server_in_the_old_root(installed, qapp):
    """The xcb platform plugin, as on a UOS/Kylin desktop: the bundled xcb-util libraries with
    the root's own libxcb, X11 and xkbcommon, on Xvfb inside the root."""
    if not (OLD_ROOT / "usr" / "bin" / "xvfb-run").exists():
        pytest.skip("no Xvfb in the old root (packaging/linux/old_glibc_root.sh installs it)")
    shot = INSIDE / "window-xcb.png"
    # A display number of its own: X servers' abstract sockets are shared with this machine.
    display = str(200 + os.getpid() % 500)
    open_window(installed, shot, "xcb", wrapper=("xvfb-run", "-n", display, "-s", "-screen 0 1280x800x24"))
    assert_painted(shot)


@pytest.mark.skipif(
    BUNDLE is None or not any(BUNDLE.rglob("rapidocr_onnxruntime/config.yaml")),
    reason="the bundle was built without OCR (packaging/build_linux.sh --ocr)",
)
def test_ocr_bundle_reads_a_scan_in_the_old_root(installed, capsys):
    """ONNX Runtime, OpenCV and numpy as bundled run on the older glibc with only its desktop
    libraries: a scan of gd01's page of tables gives the source tree's answers."""
    from scan_maker import scan_of

    original = SHARED / "corpus" / "originals" / "gd01.pdf"
    if not original.is_file():
        pytest.skip(f"../shared not available: {original}")
    scan = scan_of(original, pages=[2])
    shutil.copy(scan, outside(INSIDE / "scan.pdf"))
    done = run_inside("extract", "--json", INSIDE / "scan.pdf", timeout=300)
    assert done.returncode == 0, done.stderr
    (line,) = [json.loads(x) for x in done.stdout.splitlines()]
    assert line["t3"][0][0] == 380, line
    from gkdesk.readers import ocr

    if ocr.ocr_available():
        assert without_file([line]) == without_file(source_tree_lines(capsys, "extract", "--json", scan))

"""No network, ever: whole review sessions with every way of making a socket made to fail.

In process, the socket module is patched so that creating a socket, connecting or resolving a
name raises and is recorded; a session (open, check, edit, save, export, summary, re-import;
then the same in the window) must record nothing. As a process, `strace` (when installed)
watches the real system calls of the CLI and of the window, so sockets made by Qt's C++ code
would be seen too: none may be an internet (AF_INET/AF_INET6) socket.
"""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import re
import shutil
import socket
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))
BLOCKED_FUNCTIONS = (
    "create_connection",
    "create_server",
    "getaddrinfo",
    "gethostbyname",
    "gethostbyname_ex",
    "gethostbyaddr",
    "getnameinfo",
    "socketpair",
    "fromfd",
)


@pytest.fixture
def network_attempts(monkeypatch):
    """Make every socket entry point raise; the list records what was tried."""
    attempts: list[tuple[str, tuple]] = []

    class RefusedSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            attempts.append(("socket.socket", args))
            raise OSError("gkdesk test: no network allowed (socket.socket)")

    def refuse(name):
        def refused(*args, **kwargs):
            attempts.append((f"socket.{name}", args))
            raise OSError(f"gkdesk test: no network allowed (socket.{name})")

        return refused

    monkeypatch.setattr(socket, "socket", RefusedSocket)
    for name in BLOCKED_FUNCTIONS:
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_the_guard_records_and_refuses_attempts(network_attempts):
    """The guard itself works: the usual ways to reach a server are refused and recorded."""
    import urllib.request

    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", 9), timeout=0.1)
    with pytest.raises(OSError):
        urllib.request.urlopen("http://127.0.0.1:9/", timeout=0.1)
    with pytest.raises(OSError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert [name for name, _ in network_attempts] == ["socket.create_connection", "socket.create_connection", "socket.socket"]


def _session_files(tmp_path):
    """Copies of the sample and of the shared seeds and originals (when present) to work on."""
    files = [shutil.copy(SAMPLE, tmp_path / "sample.txt")]
    seeds = sorted((SHARED / "seeds").glob("*.txt"))[:2]
    originals = [SHARED / "corpus" / "originals" / f"gd01.{ext}" for ext in ("docx", "html", "pdf")]
    for p in seeds + [o for o in originals if o.is_file()]:
        files.append(shutil.copy(p, tmp_path / p.name))
    return [str(f) for f in files]


def test_core_session_opens_no_socket(network_attempts, tmp_path, capsys):
    from gkdesk.checks import check_report
    from gkdesk.cli import main
    from gkdesk.export import export_report, export_summary, import_workbook
    from gkdesk.reports import load_report
    from gkdesk.sidecar import Sidecar

    files = _session_files(tmp_path)
    reports = [load_report(f) for f in files]
    findings = [check_report(r) for r in reports]

    report = reports[0]
    addr = ("t3", 0, 0)
    new_value = (report.value(addr) or 0) + 7
    report.set_value(addr, new_value)
    after_edit = check_report(report)
    assert after_edit != findings[0]  # the edit broke a cross-sum: the checks saw it
    Sidecar.for_report(files[0]).save(report)
    reopened = load_report(files[0])
    Sidecar.for_report(files[0]).load_into(reopened)
    assert reopened.value(addr) == new_value

    workbook = export_report(report, tmp_path / "report.xlsx", findings=after_edit)
    summary = export_summary(reports, tmp_path / "summary.xlsx", findings=findings)
    assert import_workbook(workbook).value(addr) == new_value
    assert summary.is_file()

    assert main(["check", "--json", *files]) in (0, 1)
    assert main(["extract", "--json", *files]) == 0
    assert main(["export", "-o", str(tmp_path / "cli"), *files]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert len(lines) == 2 * len(files)

    assert network_attempts == []
    assert "PySide6.QtNetwork" not in sys.modules


def test_window_session_opens_no_socket(network_attempts, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    pytest.importorskip("gkdesk.ui.app", reason="the window (gkdesk/ui/app.py) is not in this tree")
    from gkdesk.ui.app import build_window, create_application
    from gkdesk.ui.settings import Settings

    files = _session_files(tmp_path)
    create_application()
    window = build_window(files, Settings.at(tmp_path / "settings.ini"), language="zh_CN")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: len(window.queue.entries) == len(files) and not window.scanning, timeout=60_000)

    document = window.document
    assert document is not None
    addr = ("t3", 0, 0)
    before = document.report.value(addr)
    assert document.set_values({addr: (before or 0) + 5}, "edit")
    window.undo_group.undo()
    assert document.report.value(addr) == before
    window.undo_group.redo()
    assert document.report.value(addr) == (before or 0) + 5
    window.saver.flush()

    # Exports through the window's own actions; the save dialog answers with a file in tmp_path.
    targets = iter([tmp_path / "window-report.xlsx", tmp_path / "window-summary.xlsx"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(next(targets)), "")))
    window.export_current()
    qtbot.waitUntil(lambda: (tmp_path / "window-report.xlsx").is_file(), timeout=30_000)
    window.export_queue_summary()
    qtbot.waitUntil(lambda: (tmp_path / "window-summary.xlsx").is_file(), timeout=60_000)

    window.show_table("t2")
    window.go_to_report(1)
    qtbot.wait(50)
    window.close()
    assert network_attempts == []
    assert "PySide6.QtNetwork" not in sys.modules


# ---------------------------------------------------------------- as a process, seen by strace

INTERNET_SOCKET = re.compile(r"socket\((AF_INET6?|PF_INET6?)\b")


def traced(args, tmp_path, **env):
    """Run a command under strace; return (completed process, every socket() call it made)."""
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed")
    log = tmp_path / "strace.log"
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    done = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=socket", "-o", str(log), *args],
        capture_output=True, text=True, timeout=180, env=full_env,
    )
    if "ptrace" in done.stderr and done.returncode != 0:
        pytest.skip(f"strace cannot trace here: {done.stderr.strip()[:200]}")
    calls = [line for line in log.read_text(errors="replace").splitlines() if "socket(" in line]
    return done, calls


def test_strace_sees_an_internet_socket_when_there_is_one(tmp_path):
    """The process-level check can fail: a program that makes an internet socket is caught."""
    done, calls = traced([sys.executable, "-c", "import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert any(INTERNET_SOCKET.search(c) for c in calls)


def test_cli_process_makes_no_internet_socket(tmp_path):
    files = _session_files(tmp_path)
    for command in (["check", "--json"], ["extract", "--json"], ["export", "-o", str(tmp_path / "x")]):
        done, calls = traced([sys.executable, "-m", "gkdesk", *command, *files], tmp_path)
        assert done.returncode in (0, 1), done.stderr
        assert [c for c in calls if INTERNET_SOCKET.search(c)] == [], command


def test_window_process_makes_no_internet_socket(tmp_path):
    pytest.importorskip("gkdesk.ui.app", reason="the window (gkdesk/ui/app.py) is not in this tree")
    files = _session_files(tmp_path)
    done, calls = traced(
        [sys.executable, "-m", "gkdesk", *files],
        tmp_path,
        GKDESK_EXIT_AFTER_PAINT="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    assert done.returncode == 0, done.stderr
    assert "gkdesk-first-paint" in done.stderr
    assert [c for c in calls if INTERNET_SOCKET.search(c)] == []


def _scan_of_gd01_tables():
    """A scan of gd01's page of tables, or a skip where OCR or ../shared is not here."""
    from gkdesk.readers import ocr

    if not ocr.ocr_available():
        pytest.skip("the OCR engine (rapidocr_onnxruntime, `pip install -e .[ocr]`) is not installed")
    from scan_maker import scan_of

    original = SHARED / "corpus" / "originals" / "gd01.pdf"
    if not original.is_file():
        pytest.skip(f"../shared not available: {original}")
    return scan_of(original, pages=[2])


def test_scanned_pdf_ocr_opens_no_socket(network_attempts):
    """The OCR path (readers/ocr.py): the models load from the installed package and run with
    every socket refused; a scanned page of tables is read."""
    from gkdesk.readers import ocr
    from gkdesk.reports import load_report

    scan = _scan_of_gd01_tables()
    ocr._engine = None  # the engine (and its models) loaded under the guard
    report = load_report(scan)
    assert report.tables["t3"].cells[0][0].value == 380
    assert network_attempts == []


def test_cli_reading_a_scan_makes_no_internet_socket(tmp_path):
    """The OCR path as a process: ONNX Runtime's and OpenCV's own C++ code, seen by strace. ONNX Runtime
    1.32 looks up its telemetry server from a thread of its own unless ORT_DISABLE_TELEMETRY is set
    (readers/ocr.py sets it); the in-process guard above cannot see that."""
    scan = _scan_of_gd01_tables()
    done, calls = traced([sys.executable, "-m", "gkdesk", "extract", "--json", str(scan)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[0])["t3"][0][0] == 380
    assert [c for c in calls if INTERNET_SOCKET.search(c)] == []

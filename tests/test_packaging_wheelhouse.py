"""Offline install for Python users: scripts/wheelhouse.sh, then `pip install --no-index`.

Builds the wheelhouse for this Linux machine's Python (manylinux_2_28_x86_64, like the
shipped one) and installs gkdesk from it into a fresh venv with no package index and, where
the kernel allows it, inside a network namespace with no network at all. The installed
gkdesk must run: CLI, bundled resources, and the window offscreen.

Slow (about a minute; the download is cached in GKDESK_WHEELHOUSE_CACHE, default
~/.cache/gkdesk-test-wheelhouse), so it runs only in CI (env CI set) or with
GKDESK_PACKAGING_TESTS=1.
"""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import platform
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from gkdesk import __version__


def _enabled(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


pytestmark = [
    pytest.mark.skipif(not (_enabled("CI") or _enabled("GKDESK_PACKAGING_TESTS")), reason="slow: runs in CI or with GKDESK_PACKAGING_TESTS=1"),
    pytest.mark.skipif(not (sys.platform.startswith("linux") and platform.machine() == "x86_64"), reason="tests the Linux x86_64 wheels"),
]

PLATFORM_TAG = "manylinux_2_28_x86_64"
PY_VERSION = f"{sys.version_info.major}.{sys.version_info.minor}"


def clean_env(**extra) -> dict:
    """The environment without pip settings (PIP_FIND_LINKS and the like would add other wheel sources)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.update(extra)
    return env


def no_network_prefix() -> list[str]:
    """`unshare -n` runs a command in a new network namespace (no interfaces up), if permitted."""
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
        return ["unshare", "-n"]
    return []


@pytest.fixture(scope="module")
def wheelhouse() -> Path:
    cache = Path(os.environ.get("GKDESK_WHEELHOUSE_CACHE") or Path.home() / ".cache" / "gkdesk-test-wheelhouse")
    folder = cache / f"cp{PY_VERSION.replace('.', '')}-{PLATFORM_TAG}"
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "wheelhouse.sh"), str(folder)],
        capture_output=True, text=True, timeout=1200,
        env={**os.environ, "WHEELHOUSE_PLATFORMS": PLATFORM_TAG, "WHEELHOUSE_PYTHONS": PY_VERSION, "PYTHON": sys.executable},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(list(folder.glob("gkdesk-*.whl"))) == 1
    return folder


@pytest.fixture(scope="module")
def installed(wheelhouse, tmp_path_factory) -> Path:
    """A fresh venv with gkdesk installed from the wheelhouse alone; returns its bin folder."""
    venv = tmp_path_factory.mktemp("offline") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    done = subprocess.run(
        [*no_network_prefix(), str(python), "-m", "pip", "--isolated", "install", "--no-index", "--no-cache-dir",
         "--find-links", str(wheelhouse), "gkdesk"],
        capture_output=True, text=True, timeout=900, env=clean_env(), cwd=venv,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return venv / "bin"


def run_installed(bin_dir: Path, *args, **env):
    return subprocess.run(
        [str(bin_dir / args[0]), *map(str, args[1:])],
        capture_output=True, text=True, encoding="utf-8", timeout=300,
        env=clean_env(QT_QPA_PLATFORM="offscreen", **env), cwd=bin_dir.parent,  # not the checkout: no stray import
    )


def test_wheelhouse_holds_binary_wheels_only(wheelhouse):
    files = sorted(p.name for p in wheelhouse.iterdir())
    assert files and all(name.endswith(".whl") for name in files)
    assert any(name.lower().startswith("pyside6_essentials-") for name in files)


def test_installed_gkdesk_runs_from_the_venv(installed):
    assert run_installed(installed, "gkdesk", "--version").stdout.strip() == f"gkdesk {__version__}"
    done = run_installed(installed, "python", "-c", "import gkdesk; print(gkdesk.__file__)")
    assert done.returncode == 0, done.stderr
    package = Path(done.stdout.strip()).resolve().parent
    assert package.is_relative_to(installed.parent.resolve())
    samples = list((package / "resources" / "samples").glob("*.txt"))
    assert samples, "resources/ did not reach the wheel"
    assert (package / "resources" / "icons" / "gkdesk.png").is_file()
    assert run_installed(installed, "python", "-m", "pip", "--isolated", "check").returncode == 0


def test_installed_check_matches_the_source_tree(installed, capsys):
    from gkdesk.cli import main

    sample = next((ROOT / "resources" / "samples").glob("*.txt"))
    done = run_installed(installed, "gkdesk", "check", "--json", sample)
    assert done.returncode in (0, 1), done.stderr
    main(["check", "--json", str(sample)])
    assert [json.loads(line) for line in done.stdout.splitlines()] == [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_installed_window_opens_the_bundled_sample(installed, tmp_path):
    pytest.importorskip("gkdesk.ui.app", reason="the window (gkdesk/ui/app.py) is not in this tree")
    done = run_installed(installed, "gkdesk", "--sample", GKDESK_EXIT_AFTER_PAINT="1", XDG_CONFIG_HOME=str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "gkdesk-first-paint" in done.stderr

"""packaging/bundle_report.py reads ELF symbol version requirements right and flags new ones."""
import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT

OBJDUMP_P = """
/x/libdemo.so:     file format elf64-x86-64

Dynamic Section:
  NEEDED               libstdc++.so.6
  NEEDED               libc.so.6

Version definitions:
1 0x01 0x0f5b3a2e libdemo.so
2 0x00 0x0bafd178 DEMO_1.0

Version References:
  required from libstdc++.so.6:
    0x08922974 0x00 05 GLIBCXX_3.4
    0x0297f871 0x00 04 GLIBCXX_3.4.21
    0x056bafd3 0x00 03 CXXABI_1.3
  required from libc.so.6:
    0x0d696914 0x00 07 GLIBC_2.4
    0x069691b3 0x00 06 GLIBC_2.34
    0x09691a75 0x00 02 GLIBC_2.2.5
"""


def bundle_report():
    spec = importlib.util.spec_from_file_location("bundle_report", ROOT / "packaging" / "bundle_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_only_required_versions_are_read(monkeypatch):
    report = bundle_report()
    monkeypatch.setattr(report.subprocess, "run", lambda *a, **k: type("Done", (), {"stdout": OBJDUMP_P})())
    names = report.required_versions(Path("libdemo.so"))
    assert names == ["GLIBCXX_3.4", "GLIBCXX_3.4.21", "CXXABI_1.3", "GLIBC_2.4", "GLIBC_2.34", "GLIBC_2.2.5"]
    assert report.parse_version("GLIBCXX_3.4.21") == ("GLIBCXX", (3, 4, 21))
    assert report.parse_version("GLIBC_2.2.5") == ("GLIBC", (2, 2, 5))
    assert report.parse_version("DEMO_1.0") is None


def test_too_new_names_the_file_and_the_version(monkeypatch, tmp_path):
    report = bundle_report()
    (tmp_path / "libdemo.so").write_bytes(b"\x7fELF" + bytes(60))
    (tmp_path / "notes.txt").write_text("not an ELF file")
    monkeypatch.setattr(report.subprocess, "run", lambda *a, **k: type("Done", (), {"stdout": OBJDUMP_P})())
    assert report.too_new(tmp_path, report.TARGETS["2.28"]) == [("libdemo.so", "GLIBC_2.34")]
    assert report.too_new(tmp_path, {"GLIBC": (2, 34), "GLIBCXX": (3, 4, 20)}) == [("libdemo.so", "GLIBCXX_3.4.21")]


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("objdump"), reason="needs Linux and objdump")
def test_a_library_built_for_a_newer_glibc_is_flagged(tmp_path):
    """This machine's libstdc++ needs this machine's glibc: copied into a bundle, it is flagged."""
    here = tuple(int(n) for n in os.confstr("CS_GNU_LIBC_VERSION").split()[-1].split("."))
    library = Path("/usr/lib/x86_64-linux-gnu/libstdc++.so.6")
    if here <= (2, 28) or not library.exists():
        pytest.skip("needs a glibc newer than 2.28 and its libstdc++ here")
    report = bundle_report()
    shutil.copy(library, tmp_path / library.name)
    flagged = report.too_new(tmp_path, report.TARGETS["2.28"])
    assert flagged and {path for path, _ in flagged} == {library.name}
    assert any(name.startswith("GLIBC_2.") for _, name in flagged)
